// Rules for the optional `assignments` list (docs/rules.md CPC321–CPC323).
import { isFrontlineType, provisioningKindOf } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import { removeFix } from './hit';
import type { Hit } from './hit';
import { asArray, asObject, effectiveProvisioningType, isSet } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { RULES } from './ruleCodes';

export function assignmentHits(policy: JsonObject, base: JsonPath, partial: boolean): Hit[] {
  const list = asArray(policy['assignments']);
  if (!list) return [];
  const type = effectiveProvisioningType(policy, partial);
  const hits: Hit[] = [];
  const seen = new Map<string, number>();
  // Paths are built only for a hit: a clean fleet of 1,000 policies allocates none.
  const targetPath = (i: number): JsonPath => [...base, 'assignments', i, 'target'];
  for (let i = 0; i < list.length; i++) {
    const target = asObject(asObject(list[i])?.['target']);
    if (!target) continue;
    if (type !== undefined) servicePlanHits(target, i, targetPath, type, hits);
    const groupId = target['groupId'];
    if (typeof groupId !== 'string') continue;
    const key = groupId.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      continue;
    }
    // Assign replaces the whole set, so a group twice is a copy-paste slip: docs/rules.md CPC323.
    hits.push({
      rule: RULES.duplicateGroup,
      severity: 'warning',
      message: `Group ${groupId} is already assigned in item ${first}: remove this one.`,
      path: [...targetPath(i), 'groupId'],
      part: 'value',
      fixes: [removeFix('Remove the duplicate assignment', [...base, 'assignments', i])],
    });
  }
  return hits;
}

/** servicePlanId: required for Frontline (dedicated and shared), null for Enterprise (docs/rules.md CPC321, CPC322). */
function servicePlanHits(
  target: JsonObject,
  i: number,
  targetPath: (i: number) => JsonPath,
  type: string,
  hits: Hit[],
): void {
  const hasPlan = isSet(target, 'servicePlanId');
  if (isFrontlineType(type) && !hasPlan) {
    hits.push({
      rule: RULES.servicePlanRequired,
      severity: 'error',
      message: `A '${type}' policy is ${provisioningKindOf(type).label}: add servicePlanId (the Frontline service plan that sets the Cloud PC size) to this target.`,
      path: targetPath(i),
      part: 'key',
    });
  }
  // The Graph docs say null for Enterprise, yet a sample carries one: warn, do not fail (docs/rules.md CPC322).
  if (provisioningKindOf(type).family === 'enterprise' && hasPlan) {
    const path = [...targetPath(i), 'servicePlanId'];
    hits.push({
      rule: RULES.servicePlanForDedicated,
      severity: 'warning',
      message: "Dedicated policies take the size from each user's license: leave servicePlanId out.",
      path,
      part: 'member',
      tags: ['unnecessary'],
      fixes: [removeFix('Remove servicePlanId', path)],
    });
  }
}
