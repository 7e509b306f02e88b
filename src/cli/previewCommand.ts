// `cpcpolicy preview "<template>" [--user upn ...] [--type ...] [--seed n] [--fleet n] [--format text|json]`:
// Cloud PC names a naming template gives, its length range, and the rules it breaks (exit 1).
import { CURRENT_NAMING_RULES } from '../core/policy/namingRules';
import { checkNamingTemplate, expandNamingTemplate, nameLengthRange } from '../core/policy/namingTemplate';
import { DEFAULT_SAMPLE_USERS } from '../core/policy/namePreview';
import { createSeededRandom } from '../core/policy/seededRandom';
import type { CliIo } from './cliIo';

export const PREVIEW_USAGE = 'preview "<template>" [--user upn ...] [--type dedicated|sharedByUser|sharedByEntraGroup|reserve] [--seed n] [--fleet n] [--format text|json]';
const TYPES = ['dedicated', 'sharedByUser', 'sharedByEntraGroup', 'reserve'];

interface PreviewArgs {
  template: string;
  users: string[];
  type: string;
  seed: string;
  fleet?: number;
  format: 'text' | 'json';
}

function parseArgs(args: string[]): PreviewArgs | string {
  let template: string | undefined;
  const out: Omit<PreviewArgs, 'template'> = { users: [], type: 'dedicated', seed: '365', format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--user') {
      const v = value();
      if (!v) return '--user needs a user principal name';
      out.users.push(v);
    } else if (flag === '--type') {
      const v = value();
      if (!v || !TYPES.includes(v)) return `unknown type '${v ?? ''}': use ${TYPES.join(', ')}`;
      out.type = v;
    } else if (flag === '--seed') {
      const v = value();
      if (v === undefined || v === '') return '--seed needs a value';
      out.seed = v;
    } else if (flag === '--fleet') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) return '--fleet needs a whole number of Cloud PCs';
      out.fleet = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return `unknown format '${v ?? ''}': use text or json`;
      out.format = v;
    } else if (a.startsWith('-') && a.length > 1) return `unknown option '${a}'`;
    else if (template === undefined) template = a;
    else return `unexpected argument '${a}': quote the template`;
  }
  if (template === undefined) return 'no template given';
  return { template, ...out };
}

export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`cpcpolicy preview: ${parsed}\nUsage: cpcpolicy ${PREVIEW_USAGE}\n`);
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
    io.stdout(JSON.stringify({ template, provisioningType: type, rules: rules.version, length: { min, max }, names, problems, ok: !failed }, null, 2) + '\n');
  } else {
    const width = Math.max(...names.map((n) => n.user.length), 4);
    const lines = [
      `Template  ${template}`,
      `Length    ${min === max ? `${max}` : `${min}–${max}`} characters (rules ${rules.version}: ${rules.minLength}–${rules.maxLength})`,
      '',
      ...names.map((n) => `  ${n.user.padEnd(width)}  ${n.name}`),
      '',
      ...problems.map((p) => `${p.severity} ${p.code} at ${p.offset + 1}: ${p.message}`),
      failed ? 'The template breaks the naming rules.' : 'The template follows the naming rules.',
    ];
    io.stdout(lines.join('\n') + '\n');
  }
  return failed ? 1 : 0;
}
