// A plan in words, for a terminal (text), a pull-request comment (markdown: a summary line, a section per
// policy, long diffs folded in <details>) and machines (json). docs/deploy.md, "Plan format", shows each.
import type { DeployPlan, PolicyPlan, PropertyChange, WhatIf } from './deployPlan';
import { planCounts } from './deployPlan';
import type { CloudPcManagementGroupAssignmentTarget } from '../model/provisioningPolicy';

const VERB: Record<PolicyPlan['action'], string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  delete: 'delete',
  refused: 'refused',
};
const MARK: Record<PolicyPlan['action'], string> = {
  create: '+',
  update: '~',
  unchanged: '=',
  delete: '-',
  refused: '!',
};
/** Past this many lines a policy's changes fold into <details> in markdown. */
const FOLD_LINES = 6;

/** "2 to create, 1 to update, 0 to delete, 5 unchanged, 1 refused; 3 Cloud PCs enter the grace period". */
export function planSummary(plan: DeployPlan): string {
  const c = planCounts(plan);
  const parts = [`${c.create} to create`, `${c.update} to update`, `${c.delete} to delete`, `${c.unchanged} unchanged`];
  if (c.refused > 0) parts.push(`${c.refused} refused`);
  const who = [`${c.gets} user(s) get a Cloud PC`, `${c.grace} Cloud PC(s) enter the 7-day grace period`];
  const problems = plan.problems.length > 0 ? `; ${plan.problems.length} problem(s) in the files` : '';
  return `${parts.join(', ')}; ${who.join(', ')}${problems}`;
}

const value = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
const target = (t: CloudPcManagementGroupAssignmentTarget): string =>
  [
    `group ${t.groupId}`,
    t.servicePlanId ? ` plan ${t.servicePlanId}` : '',
    t.allotmentLicensesCount ? ` ×${t.allotmentLicensesCount}` : '',
  ].join('');

function whatIfWords(w: WhatIf): string {
  if (w.unknown) return `who is affected could not be read: ${w.unknown}`;
  const sample = (list: string[], n: number): string =>
    list.length > 0 ? ` (${list.join(', ')}${n > list.length ? ', …' : ''})` : '';
  return [
    `${w.gets} user(s) get a Cloud PC${sample(w.getsSample, w.gets)}`,
    `${w.entersGrace} Cloud PC(s) enter the 7-day grace period${sample(w.graceSample, w.entersGrace)}`,
  ].join('; ');
}

/** The lines that say what changes for one policy (no heading). */
function changeLines(p: PolicyPlan): string[] {
  const lines: string[] = [];
  if (p.missingId) lines.push(`bound to ${p.missingId}, which the tenant does not have`);
  if (p.rename) lines.push(`rename: ${value(p.rename.from)} → ${value(p.rename.to)}`);
  for (const c of p.changes) lines.push(propertyLine(c));
  for (const t of p.assignments?.added ?? []) lines.push(`assignment added: ${target(t)}`);
  for (const t of p.assignments?.removed ?? []) lines.push(`assignment removed: ${target(t)}`);
  if (p.action === 'create' && p.source?.assignments?.length)
    for (const t of p.source.assignments) lines.push(`assignment: ${target(t)}`);
  if (p.whatIf) lines.push(`what-if: ${whatIfWords(p.whatIf)}`);
  for (const r of p.refusals) lines.push(`refused: ${r}`);
  return lines;
}

function propertyLine(c: PropertyChange): string {
  return `${c.property}: ${value(c.deployed)} → ${value(c.file)}`;
}

const where = (p: PolicyPlan): string =>
  p.action === 'delete' ? `policy id ${p.policyId}` : `${p.file}${p.index > 0 ? ` #${p.index + 1}` : ''}`;

export function planText(plan: DeployPlan, backendLabel: string): string {
  const out = [`Plan for ${backendLabel}: ${planSummary(plan)}.`, ''];
  for (const p of plan.policies) {
    if (p.action === 'unchanged') continue;
    out.push(`${MARK[p.action]} ${VERB[p.action]} "${p.name}" (${where(p)})`);
    for (const line of changeLines(p)) out.push(`    ${line}`);
  }
  if (plan.problems.length > 0) {
    out.push('', 'Problems (nothing is applied while there are any):');
    for (const pr of plan.problems)
      out.push(`  ${pr.file}${pr.line ? `:${pr.line}` : ''}: ${pr.message}${pr.code ? ` (${pr.code})` : ''}`);
  }
  if (!plan.policies.some((p) => p.action !== 'unchanged') && plan.problems.length === 0)
    out.push('No changes: the tenant matches the files.');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

const md = (s: string): string => s.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);

export function planMarkdown(plan: DeployPlan, backendLabel: string): string {
  const out = [`### cpcpolicy plan for ${md(backendLabel)}`, '', `**${planSummary(plan)}.**`, ''];
  const grace = planCounts(plan).grace;
  if (grace > 0)
    out.push(
      `> ⚠️ ${grace} Cloud PC(s) enter the 7-day grace period, then are deprovisioned: apply needs \`--allow-grace\`.`,
      '',
    );
  for (const p of plan.policies) {
    if (p.action === 'unchanged') continue;
    out.push(`#### ${MARK[p.action]} ${VERB[p.action]}: ${md(p.name)}`, '', `\`${where(p).replace(/`/g, "'")}\``, '');
    const lines = changeLines(p).map((l) => `- ${md(l)}`);
    if (lines.length > FOLD_LINES)
      out.push(`<details><summary>${lines.length} changes</summary>`, '', ...lines, '', '</details>');
    else out.push(...lines);
    out.push('');
  }
  const unchanged = plan.policies.filter((p) => p.action === 'unchanged');
  if (unchanged.length > 0)
    out.push(
      `<details><summary>${unchanged.length} unchanged</summary>`,
      '',
      ...unchanged.map((p) => `- ${md(p.name)}`),
      '',
      '</details>',
      '',
    );
  if (plan.problems.length > 0) {
    out.push('#### Problems (nothing is applied while there are any)', '');
    for (const pr of plan.problems)
      out.push(`- \`${pr.file}${pr.line ? `:${pr.line}` : ''}\` ${md(pr.message)}${pr.code ? ` (${pr.code})` : ''}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The plan as data: what the engine found, without the file texts and deployed objects it read. */
export function planJson(plan: DeployPlan, backendLabel: string): string {
  const counts = planCounts(plan);
  const policies = plan.policies.map(({ source: _s, deployed: _d, ...rest }) => rest);
  return `${JSON.stringify({ backend: backendLabel, summary: counts, policies, problems: plan.problems }, null, 2)}\n`;
}
