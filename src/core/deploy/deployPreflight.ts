// Before Deploy writes anything: would the backend accept the whole change? Every group an assignment
// names exists, Frontline assignments name a Frontline service plan of the tenant, and nothing immutable
// changes. A refusal here costs nothing; the same refusal after the create leaves half a policy.
import type { CloudPcApi } from '../graph/cloudPcApi';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { isFrontlineType } from '../model/provisioningKind';
import { isNotFound } from '../graph/graphError';
import type { PolicyFile } from './policyFileShape';
import { IMMUTABLE_POLICY_FIELDS as IMMUTABLE_FIELDS } from '../model/policyFields';

/** A policy of a file and what it is deployed as. */
export interface PreflightStep {
  file: PolicyFile;
  existing: CloudPcProvisioningPolicy | undefined;
}

export type Localize = (message: string, ...args: (string | number)[]) => string;

/** One refusal: the step it belongs to (its index in the steps given), or -1 for the change as a whole. */
export interface PreflightProblem {
  step: number;
  message: string;
}

/** What the backend would refuse, one line per problem naming its policy; empty when Deploy can go ahead. */
export async function preflightProblems(
  api: CloudPcApi,
  steps: readonly PreflightStep[],
  t: Localize,
  signal?: AbortSignal,
): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const add = (step: number, message: string): void => {
    problems.push({ step, message });
  };
  const groupIds = [...new Set(steps.flatMap((s) => s.file.assignments ?? []).map((a) => a.groupId))];
  const missingGroups = new Set<string>();
  await Promise.all(
    groupIds.map(async (id) => {
      try {
        await api.getGroup(id, { signal });
      } catch (err) {
        if (isNotFound(err)) missingGroups.add(id);
        else throw err;
      }
    }),
  );
  const needsPlans = steps.some(
    (s) =>
      isFrontlineType(s.file.fields.provisioningType ?? s.existing?.provisioningType) &&
      (s.file.assignments?.length ?? 0) > 0,
  );
  // Frontline assignments name a Frontline service plan, and their allotments must fit its licenses
  // (docs/simulator.md, "Choices"); without frontLineServicePlans, the plan's type is all we can check.
  const withUse = needsPlans ? await api.listFrontlineServicePlans({ signal }).catch(() => undefined) : undefined;
  const frontlinePlans = new Set(
    withUse?.map((p) => p.id) ??
      (needsPlans
        ? (await api.listServicePlans({ signal })).filter((p) => p.provisioningType !== 'dedicated').map((p) => p.id)
        : []),
  );
  for (const plan of withUse ?? []) {
    const allotted = (
      list: readonly { servicePlanId?: string | null; allotmentLicensesCount?: number | null }[] | undefined,
    ): number =>
      (list ?? []).filter((a) => a.servicePlanId === plan.id).reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0);
    let total = plan.allotmentLicensesCount ?? 0;
    for (const s of steps.filter((x) => x.file.assignments))
      total += allotted(s.file.assignments) - allotted(s.existing?.assignments?.map((a) => a.target));
    if (plan.totalCount !== undefined && total > plan.totalCount) {
      add(
        -1,
        t(
          'Frontline allotments on "{0}" would add up to {1} licenses; the tenant has {2}.',
          plan.displayName,
          total,
          plan.totalCount,
        ),
      );
    }
  }
  for (const [step, { file, existing }] of steps.entries()) {
    const name = file.fields.displayName ?? '';
    for (const key of IMMUTABLE_FIELDS) {
      const wanted = file.fields[key];
      // An absent provisioningType is the service's default, dedicated.
      const deployed = existing ? (existing[key] ?? (key === 'provisioningType' ? 'dedicated' : undefined)) : undefined;
      if (deployed !== undefined && wanted !== undefined && wanted !== null && wanted !== deployed) {
        add(
          step,
          t(
            '"{0}": {1} cannot change after the policy is created (deployed: {2}, file: {3}).',
            name,
            key,
            String(deployed),
            String(wanted),
          ),
        );
      }
    }
    const frontline = isFrontlineType(file.fields.provisioningType ?? existing?.provisioningType);
    for (const target of file.assignments ?? []) {
      if (missingGroups.has(target.groupId))
        add(
          step,
          t('"{0}": no group with the id {1} exists; choose one of the tenant\'s groups.', name, target.groupId),
        );
      if (frontline && !target.servicePlanId)
        add(
          step,
          t('"{0}": a Frontline assignment needs a servicePlanId (a Frontline service plan of the tenant).', name),
        );
      else if (frontline && target.servicePlanId && !frontlinePlans.has(target.servicePlanId))
        add(step, t('"{0}": {1} is not a Frontline service plan of this tenant.', name, target.servicePlanId));
    }
  }
  return problems;
}
