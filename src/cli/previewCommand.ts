// `cpcpolicy preview "<template>" [--user upn ...] [--type ...] [--seed n] [--fleet n] [--format text|json]`:
// Cloud PC names a naming template gives, its length range, and the rules it breaks (exit 1).
import { CURRENT_NAMING_RULES } from '../core/policy/namingRules';
import { checkNamingTemplate, expandNamingTemplate, nameLengthRange } from '../core/policy/namingTemplate';
import { DEFAULT_SAMPLE_USERS } from '../core/policy/namePreview';
import { createSeededRandom } from '../core/policy/seededRandom';
import { parseCliArgs, stringValue, stringValues } from './cliArgs';
import type { CliIo } from './cliIo';
import { escapeControl } from './textEscape';

export const PREVIEW_USAGE =
  'preview "<template>" [--user upn ...] [--type dedicated|sharedByUser|sharedByEntraGroup|reserve] [--seed n] [--fleet n] [--format text|json]';
const TYPES = ['dedicated', 'sharedByUser', 'sharedByEntraGroup', 'reserve'];

interface PreviewArgs {
  template: string;
  users: string[];
  type: string;
  seed: string;
  fleet?: number;
  format: 'text' | 'json';
}

function readArgs(args: string[]): PreviewArgs | { help: true } | string {
  const parsed = parseCliArgs(args, {
    user: { type: 'string', multiple: true },
    type: { type: 'string' },
    seed: { type: 'string' },
    fleet: { type: 'string' },
    format: { type: 'string' },
  });
  if (typeof parsed === 'string') return parsed;
  if (parsed.values['help'] === true) return { help: true };
  const users = stringValues(parsed, 'user');
  if (users.some((u) => u === '')) return '--user needs a user principal name';
  const type = stringValue(parsed, 'type') ?? 'dedicated';
  if (!TYPES.includes(type)) return `unknown type '${type}': use ${TYPES.join(', ')}`;
  const seed = stringValue(parsed, 'seed') ?? '365';
  if (seed === '') return '--seed needs a value';
  const fleetText = stringValue(parsed, 'fleet');
  const fleet = fleetText === undefined ? undefined : Number(fleetText);
  if (fleet !== undefined && (!Number.isInteger(fleet) || fleet < 1))
    return '--fleet needs a whole number of Cloud PCs';
  const format = stringValue(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') return `unknown format '${format}': use text or json`;
  const [template, extra] = parsed.positionals;
  if (template === undefined) return 'no template given';
  if (extra !== undefined) return `unexpected argument '${extra}': quote the template`;
  return { template, users, type, seed, fleet, format };
}

export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(args);
  if (typeof parsed !== 'string' && 'help' in parsed) {
    io.stdout(`Usage: cpcpolicy ${PREVIEW_USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    io.stderr(`cpcpolicy preview: ${escapeControl(parsed)}\nUsage: cpcpolicy ${PREVIEW_USAGE}\n`);
    return 2;
  }
  const { template, type, format } = parsed;
  const users = parsed.users.length > 0 ? parsed.users : [...DEFAULT_SAMPLE_USERS];
  const random = createSeededRandom(/^\d+$/.test(parsed.seed) ? Number(parsed.seed) : parsed.seed);
  const names = users.map((user) => ({ user, name: expandNamingTemplate(template, user, random) }));
  const { min, max } = nameLengthRange(template);
  const problems = checkNamingTemplate(template, type, parsed.fleet);
  const failed = problems.some((p) => p.severity === 'error');
  const rules = CURRENT_NAMING_RULES;
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        { template, provisioningType: type, rules: rules.version, length: { min, max }, names, problems, ok: !failed },
        null,
        2,
      ) + '\n',
    );
  } else {
    const width = Math.max(...names.map((n) => n.user.length), 4);
    const lines = [
      `Template  ${escapeControl(template)}`,
      `Length    ${min === max ? `${max}` : `${min}–${max}`} characters (rules ${rules.version}: ${rules.minLength}–${rules.maxLength})`,
      '',
      ...names.map((n) => `  ${escapeControl(n.user).padEnd(width)}  ${escapeControl(n.name)}`),
      '',
      ...problems.map((p) => `${p.severity} ${p.code} at ${p.offset + 1}: ${escapeControl(p.message)}`),
      failed ? 'The template breaks the naming rules.' : 'The template follows the naming rules.',
    ];
    io.stdout(lines.join('\n') + '\n');
  }
  return failed ? 1 : 0;
}
