// The policy language as tools: validate a file or text (findings with code, fixes and the rule's docs link)
// and preview the names a naming template gives. The same engine as the editor and `cpcpolicy validate`.
import { errorText } from '../../model/errorText';
import type { Finding } from '../../policy/finding';
import { LineIndex } from '../../policy/lineIndex';
import {
  collisionProbability,
  checkNamingTemplate,
  expandNamingTemplate,
  nameLengthRange,
} from '../../policy/namingTemplate';
import { namingProvisioningType } from '../../policy/namingFindings';
import { DEFAULT_SAMPLE_USERS } from '../../policy/namePreview';
import { createSeededRandom } from '../../policy/seededRandom';
import { ruleDocUrl } from '../../policy/ruleLinks';
import { validateDocument } from '../../policy/validator';
import { loadTenantCatalog, lookupGroups } from '../../tenant/loadTenantCatalog';
import { groupIdsToLookUp } from '../../tenant/groupLookups';
import { TenantIndex } from '../../tenant/tenantCatalog';
import { validateAgainstTenant } from '../../tenant/tenantChecks';
import type { AgentEnv, PolicyFileText, ToolResult } from '../agentTool';
import { defineTool, toolError } from '../agentTool';
import { fitText } from '../toolText';

export const POLICY_SOURCE_PROPERTIES = {
  path: {
    type: 'string',
    minLength: 1,
    maxLength: 1024,
    description: 'A *.cpcpolicy.json file in the workspace (relative to its folder).',
  },
  text: {
    type: 'string',
    maxLength: 1_048_576,
    description: 'The policy JSON itself (one policy object or { "policies": [...] }), when there is no file.',
  },
} as const;

/** The text a path or text input names; an error result when neither or both are given or the file can't be read. */
export async function policySource(
  input: { path?: string; text?: string },
  env: AgentEnv,
): Promise<PolicyFileText & { error?: string }> {
  if ((input.path === undefined) === (input.text === undefined))
    return { error: 'give exactly one of path (a workspace file) or text (the policy JSON)' };
  if (input.text !== undefined) return { name: 'the given text', text: input.text };
  try {
    return await env.readPolicyFile(input.path!);
  } catch (err) {
    return { error: `cannot read ${input.path}: ${errorText(err)}` };
  }
}

async function tenantFindings(text: string, env: AgentEnv): Promise<Finding[] | string> {
  try {
    const catalog = await loadTenantCatalog(env.api, env.now(), env.signal);
    const groups = await lookupGroups(env.api, groupIdsToLookUp(text), env.signal);
    return validateAgainstTenant(text, new TenantIndex({ ...catalog, groups }));
  } catch (err) {
    return `tenant checks skipped: ${errorText(err)}`;
  }
}

function findingLines(findings: readonly Finding[], text: string): string[] {
  const lines = new LineIndex(text);
  return findings.flatMap((f) => {
    const at = lines.position(f.range.offset);
    const where = f.path?.length ? ` ${f.path.join('.')}` : '';
    return [
      `${f.code} ${f.severity} ${at.line + 1}:${at.character + 1}${where}: ${f.message}`,
      ...(f.fixes ?? []).slice(0, 3).map((x) => `  fix: ${x.title}`),
      `  docs: ${ruleDocUrl(f.code)}`,
    ];
  });
}

export const validatePolicyTool = defineTool<{ path?: string; text?: string; tenantChecks?: boolean }>({
  name: 'cpcpolicy_validate_policy',
  title: 'Validate a Cloud PC policy',
  description:
    "Checks a Windows 365 provisioning policy file (*.cpcpolicy.json) or policy JSON text with the editor's rules: syntax, the Graph schema, policy rules, the naming template and, unless tenantChecks is false, the connected tenant (unknown images, connections, regions, groups). Returns each finding with its code (CPCnnn), severity, line:column, message, the quick fixes and a docs link. Give exactly one of path or text.",
  inputSchema: {
    type: 'object',
    properties: {
      ...POLICY_SOURCE_PROPERTIES,
      tenantChecks: { type: 'boolean', description: 'Also check ids against the tenant (default true).' },
    },
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const source = await policySource(input, env);
    if ('error' in source && source.error) return toolError(source.error);
    const { name, text } = source as { name: string; text: string };
    const findings = validateDocument(text);
    const tenant = input.tenantChecks === false ? [] : await tenantFindings(text, env);
    const all = typeof tenant === 'string' ? findings : [...findings, ...tenant];
    const count = (s: string): number => all.filter((f) => f.severity === s).length;
    const head = `${name}: ${count('error')} error(s), ${count('warning')} warning(s), ${all.length - count('error') - count('warning')} other finding(s)${input.tenantChecks === false ? '' : typeof tenant === 'string' ? ` (${tenant})` : ` (tenant checked: ${env.tenant})`}.`;
    if (all.length === 0) return { text: `${head}\nNo findings: the policy is valid.` };
    return { text: fitText([head, ...findingLines(all, text)], undefined, 'fix these and validate again') };
  },
});

/** 0.3% · 12% · >99.9%: enough digits to compare, never scientific notation. */
function percent(p: number): string {
  if (p >= 0.999) return '>99.9%';
  if (p > 0 && p < 0.0001) return '<0.01%';
  return `${Number((p * 100).toPrecision(2))}%`;
}

export const previewNamesTool = defineTool<{
  template: string;
  users?: string[];
  provisioningType?: string;
  fleetSize?: number;
}>({
  name: 'cpcpolicy_preview_names',
  title: 'Preview Cloud PC names',
  description:
    'Expands a Cloud PC naming template (cloudPcNamingTemplate, e.g. "CPC-%USERNAME:4%-%RAND:5%") for sample users: the device names it gives, the shortest and longest name, the odds that two Cloud PCs of a fleet draw the same random part, and the template\'s rule problems (15-character limit, allowed characters, %USERNAME% only for dedicated policies). Nothing is read from or written to the tenant.',
  inputSchema: {
    type: 'object',
    properties: {
      template: { type: 'string', minLength: 1, maxLength: 1000, description: 'The naming template.' },
      users: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: 113 },
        maxItems: 50,
        description: 'User principal names to name Cloud PCs for (default: three sample users).',
      },
      provisioningType: {
        type: 'string',
        enum: ['dedicated', 'shared', 'sharedByUser', 'sharedByEntraGroup', 'reserve'],
        description: "The policy's provisioningType (default dedicated).",
      },
      fleetSize: { type: 'integer', minimum: 1, maximum: 1000000, description: 'Cloud PCs expected (default 1000).' },
    },
    required: ['template'],
    additionalProperties: false,
  },
  changes: false,
  async run(input): Promise<ToolResult> {
    const users = input.users?.length ? input.users : [...DEFAULT_SAMPLE_USERS];
    const type = input.provisioningType ?? 'dedicated';
    const fleet = input.fleetSize ?? 1000;
    const problems = checkNamingTemplate(input.template, namingProvisioningType(type), fleet);
    const random = createSeededRandom(input.template);
    const { min, max } = nameLengthRange(input.template);
    const odds = collisionProbability(input.template, fleet);
    const lines = [
      `Template ${JSON.stringify(input.template)} (${type}): names of ${min === max ? max : `${min}–${max}`} characters; odds two of ${fleet} Cloud PCs draw the same random part: ${percent(odds)}.`,
      ...users.map((u) => {
        try {
          return `${u} → ${expandNamingTemplate(input.template, u, random)}`;
        } catch (err) {
          return `${u} → (no name: ${errorText(err)})`;
        }
      }),
      problems.length === 0 ? 'The template follows the naming rules.' : `Problems (${problems.length}):`,
      ...problems.map((p) => `${p.code} ${p.severity}: ${p.message} (docs: ${ruleDocUrl(p.code)})`),
    ];
    return { text: fitText(lines) };
  },
});
