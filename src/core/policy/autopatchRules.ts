// Autopatch settings take effect only when microsoftManagedDesktop.managedType is starterManaged (docs/rules.md
// CPC327: Graph "cloudPcProvisioningPolicyAutopatch resource type", "microsoftManagedDesktop resource type").
// Frontline shared has no Autopatch at all: that is CPC309.
import { isFrontlineSharedType } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import { insertMemberFix, replaceValueFix } from './hit';
import type { Hit } from './hit';
import { asObject, effectiveProvisioningType, has, isSet } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { RULES } from './ruleCodes';

export function autopatchHits(policy: JsonObject, base: JsonPath, partial: boolean): Hit[] {
  const autopatch = asObject(policy['autopatch']);
  if (!autopatch || !isSet(autopatch, 'autopatchGroupId')) return [];
  const type = effectiveProvisioningType(policy, partial);
  if (type !== undefined && isFrontlineSharedType(type)) return [];
  // A PATCH without microsoftManagedDesktop keeps the stored one: judged when the whole policy is.
  if (partial && !has(policy, 'microsoftManagedDesktop')) return [];
  const mmd = asObject(policy['microsoftManagedDesktop']);
  const managedType = mmd?.['managedType'] ?? mmd?.['type'] ?? 'notManaged';
  if (managedType === 'starterManaged') return [];
  const mmdPath = [...base, 'microsoftManagedDesktop'];
  const key = mmd && has(mmd, 'managedType') ? 'managedType' : mmd && has(mmd, 'type') ? 'type' : undefined;
  const fix = key
    ? replaceValueFix("Set managedType 'starterManaged'", [...mmdPath, key], 'starterManaged')
    : mmd
      ? insertMemberFix("Add managedType 'starterManaged'", mmdPath, 'managedType', '"starterManaged"')
      : insertMemberFix(
          "Add microsoftManagedDesktop with managedType 'starterManaged'",
          base,
          'microsoftManagedDesktop',
          '{ "managedType": "starterManaged" }',
        );
  return [
    {
      rule: RULES.autopatchNeedsStarterManaged,
      severity: 'warning',
      message: `Autopatch does nothing unless microsoftManagedDesktop.managedType is 'starterManaged' (it is '${String(managedType)}').`,
      path: [...base, 'autopatch'],
      part: 'key',
      fixes: [fix],
    },
  ];
}
