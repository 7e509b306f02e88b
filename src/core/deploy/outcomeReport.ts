// An apply's outcome in words: what changed, what did not, and what to do next (text and json).
import type { DeployOutcome, PolicyOutcome } from './deployPlan';

const DONE_WORDS: Record<string, string> = {
  created: 'created',
  renamed: 'renamed',
  settings: 'settings changed',
  assignments: 'assignments replaced',
  unassigned: 'assignments removed',
  deleted: 'deleted',
};

function line(o: PolicyOutcome): string {
  const id = o.policyId ? ` (policy id ${o.policyId})` : '';
  const done = o.done.map((d) => DONE_WORDS[d] ?? d).join(', ');
  const notDone = o.notDone.map((d) => DONE_WORDS[d] ?? d).join(', ');
  switch (o.status) {
    case 'changed':
      return `  ✓ "${o.name}": ${done}${id}`;
    case 'partial':
      return `  ✗ "${o.name}": ${done}; NOT done: ${notDone}${id}: ${o.error}`;
    case 'failed':
      return `  ✗ "${o.name}": nothing changed (${notDone} not done)${id}: ${o.error}`;
    case 'notTried':
      return `  · "${o.name}": not tried (${notDone})`;
    case 'refused':
      return `  ! "${o.name}": not applied`;
    case 'unchanged':
      return `  = "${o.name}": unchanged`;
  }
}

export function outcomeText(outcome: DeployOutcome, backendLabel: string): string {
  if (outcome.refused.length > 0)
    return `Nothing was applied to ${backendLabel}:\n${outcome.refused.map((r) => `  - ${r}`).join('\n')}\n`;
  const count = (s: PolicyOutcome['status']): number => outcome.policies.filter((o) => o.status === s).length;
  const out = [
    `Applied to ${backendLabel}: ${count('changed')} changed, ${count('partial')} changed in part, ${count('failed')} failed, ${count('notTried')} not tried, ${count('unchanged')} unchanged.`,
    ...outcome.policies.filter((o) => o.status !== 'unchanged').map(line),
  ];
  if (!outcome.complete)
    out.push('Run the same apply again to finish: it plans afresh and changes only what still differs.');
  return `${out.join('\n')}\n`;
}

export function outcomeJson(outcome: DeployOutcome, backendLabel: string): string {
  const policies = outcome.policies.map(({ cause: _c, ...rest }) => rest);
  return `${JSON.stringify({ backend: backendLabel, complete: outcome.complete, refused: outcome.refused, policies }, null, 2)}\n`;
}
