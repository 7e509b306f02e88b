// Deploy's questions and results in an admin's words, made from the engine's plan and outcome
// ("Rename "A" to "A v2" and change 2 settings?"). Words only: what changes is decided in src/core/deploy.
import type { DeployOutcome, DeployPlan, PolicyPlan } from '../../core/deploy/deployPlan';

type Localize = (message: string, ...args: (string | number)[]) => string;

interface Question {
  message: string;
  detail: string;
  proceed: string;
}

/** The properties that change, assignments last (a rename is said on its own). */
function changedNames(p: PolicyPlan): string[] {
  return [...p.changes.map((c) => c.property), ...(p.assignments ? ['assignments'] : [])];
}

/** The question for one policy: create, create again (its bound policy is gone), or update. */
export function updateQuestion(step: PolicyPlan, backendLabel: string, t: Localize): Question {
  const name = step.name;
  if (step.action === 'create') {
    return step.missingId
      ? {
          message: t(
            'The policy this file was deployed as no longer exists on {0}. Create "{1}" as a new policy?',
            backendLabel,
            name,
          ),
          detail: t(
            'No policy has the id {0} (it was deleted, or the file comes from another tenant).',
            step.missingId,
          ),
          proceed: t('Create'),
        }
      : { message: t('Create the policy "{0}" on {1}?', name, backendLabel), detail: '', proceed: t('Create') };
  }
  const changes = changedNames(step);
  const n = changes.length;
  const message = step.rename
    ? n > 0
      ? t('Rename "{0}" to "{1}" and change {2} setting(s)?', step.rename.from, name, n)
      : t('Rename "{0}" to "{1}"?', step.rename.from, name)
    : t('Change {0} setting(s) of "{1}"?', n, name);
  const detail = [n > 0 ? t('Changes: {0}.', changes.join(', ')) : '', ...graceLines([step], t)]
    .filter(Boolean)
    .join('\n');
  return { message, detail, proceed: t('Update') };
}

/** A `{ "policies": [...] }` file: one question for the whole set. */
export function fleetQuestion(plan: DeployPlan, fileName: string, backendLabel: string, t: Localize): Question {
  const names = (list: PolicyPlan[]): string =>
    list.map((s) => (s.rename ? `"${s.name}" (${t('renamed from "{0}"', s.rename.from)})` : `"${s.name}"`)).join(', ');
  const creates = plan.policies.filter((s) => s.action === 'create');
  const updates = plan.policies.filter((s) => s.action === 'update');
  const unchanged = plan.policies.filter((s) => s.action === 'unchanged').length;
  const gone = creates.filter((s) => s.missingId).length;
  const detail = [
    creates.length > 0 ? t('Create {0}: {1}', creates.length, names(creates)) : '',
    gone > 0 ? t('{0} of them were deployed once and no longer exist.', gone) : '',
    updates.length > 0 ? t('Update {0}: {1}', updates.length, names(updates)) : '',
    unchanged > 0 ? t('Unchanged: {0}', unchanged) : '',
    ...(updates.length > 0 ? graceLines(updates, t) : []),
  ]
    .filter((line) => line !== '')
    .join('\n');
  const message = t('Deploy {0} policies from {1} to {2}?', creates.length + updates.length, fileName, backendLabel);
  return { message, detail, proceed: t('Deploy') };
}

/**
 * What an update does to existing Cloud PCs: a dropped assignment sends its members' Cloud PCs into the 7-day
 * grace period (docs/simulator.md, rule 8); the others keep their settings (rule 6). Said before every update.
 */
function graceLines(updates: readonly PolicyPlan[], t: Localize): string[] {
  const dropping = updates.filter((s) => (s.assignments?.removed.length ?? 0) > 0);
  const keep = t(
    'Existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).',
  );
  if (dropping.length === 0) return [keep];
  const groups = dropping.reduce((n, s) => n + s.assignments!.removed.length, 0);
  const known = dropping.every((s) => s.whatIf && !s.whatIf.unknown);
  const cloudPcs = dropping.reduce((n, s) => n + (s.whatIf?.entersGrace ?? 0), 0);
  return [
    known
      ? t(
          'The file no longer assigns {0} group(s): {1} Cloud PC(s) from the policy enter the 7-day grace period, then are deprovisioned; assigning the group again within 7 days keeps them.',
          groups,
          cloudPcs,
        )
      : t(
          "The file no longer assigns {0} group(s): their members' Cloud PCs from the policy enter the 7-day grace period, then are deprovisioned.",
          groups,
        ),
    t(
      'The other existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).',
    ),
  ];
}

/** What now exists, exactly: created, updated, changed without assignments, failed, not tried, unchanged. */
export function fleetSummary(plan: DeployPlan, outcome: DeployOutcome, t: Localize): string {
  if (!plan.files[0]?.isFleet) return oneSummary(plan.policies[0]!, t);
  const list = (items: { name: string }[]): string => items.map((s) => `"${s.name}"`).join(', ');
  const by = (f: (o: DeployOutcome['policies'][number]) => boolean): DeployOutcome['policies'] =>
    outcome.policies.filter(f);
  const created = by((o) => o.status === 'changed' && o.action === 'create');
  const updated = by((o) => o.status === 'changed' && o.action === 'update');
  const half = by((o) => o.status === 'partial');
  const failed = by((o) => o.status === 'failed');
  const notTried = by((o) => o.status === 'notTried');
  const unchanged = by((o) => o.status === 'unchanged').length;
  return [
    created.length > 0 ? t('Created {0}: {1}.', created.length, list(created)) : '',
    updated.length > 0 ? t('Updated {0}: {1}.', updated.length, list(updated)) : '',
    half.length > 0 ? t('Deployed without their assignments: {0}.', list(half)) : '',
    failed.length > 0 ? t('Not deployed: {0}.', list(failed)) : '',
    notTried.length > 0 ? t('Not tried: {0}.', list(notTried)) : '',
    unchanged > 0 ? t('Unchanged: {0}.', unchanged) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function oneSummary(step: PolicyPlan, t: Localize): string {
  if (step.action === 'create') return t('Created "{0}".', step.name);
  const n = changedNames(step).length;
  return step.rename
    ? t('Renamed "{0}" to "{1}" and changed {2} setting(s).', step.rename.from, step.name, n)
    : t('Updated "{0}": {1} setting(s) changed.', step.name, n);
}
