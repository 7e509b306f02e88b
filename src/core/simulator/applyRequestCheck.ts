// The Frontline shared options of the policy `apply` action: what the service accepts and what the
// simulator models (docs/simulator.md "apply on a Frontline shared pool").
import { isFrontlineSharedType } from '../model/provisioningKind';

/** The problem with `reservePercentage` / `isForceUserLogoffEnabled` for a policy of this type, if any. */
export function applyOptionsProblem(provisioningType: unknown, reservePercentage: unknown, forceLogoff: unknown): string | undefined {
  const pct = reservePercentage ?? undefined;
  if (pct === undefined && (forceLogoff ?? undefined) === undefined) return undefined;
  if (!isFrontlineSharedType(provisioningType)) return 'reservePercentage and isForceUserLogoffEnabled apply only to Frontline shared (sharedByEntraGroup) policies.';
  if (pct !== undefined && (typeof pct !== 'number' || !Number.isInteger(pct) || pct < 0 || pct > 99)) return "'reservePercentage' must be a whole number from 0 to 99.";
  // Graph "cloudPcProvisioningPolicy: apply": with isForceUserLogoffEnabled true, reservePercentage must be 0.
  if (forceLogoff === true && pct) return 'isForceUserLogoffEnabled requires reservePercentage 0.';
  // Refused, never accepted and ignored: the simulator has no signed-in users to wait for.
  if (pct) {
    return `The simulator does not model reservePercentage ${String(pct)}: it has no signed-in users, so it cannot keep part of the Frontline shared pool available `
      + 'while the rest is updated. Send reservePercentage 0 (or leave it out) to update every Cloud PC of the pool now.';
  }
  return undefined;
}
