// The `apply` action's Frontline shared options, checked before the model runs: reservePercentage (0–99) is the
// share of the pool kept available while the rest is reprovisioned (docs/simulator.md "apply on a Frontline shared pool").
import { isFrontlineSharedType } from '../../model/provisioningKind';

/** The problem with `reservePercentage` / `isForceUserLogoffEnabled` for a policy of this type, if any. */
export function applyOptionsProblem(
  provisioningType: unknown,
  reservePercentage: unknown,
  forceLogoff: unknown,
): string | undefined {
  const pct = reservePercentage ?? undefined;
  if (pct === undefined && (forceLogoff ?? undefined) === undefined) return undefined;
  if (!isFrontlineSharedType(provisioningType))
    return 'reservePercentage and isForceUserLogoffEnabled apply only to Frontline shared (sharedByEntraGroup) policies.';
  if (pct !== undefined && (typeof pct !== 'number' || !Number.isInteger(pct) || pct < 0 || pct > 99))
    return "'reservePercentage' must be a whole number from 0 to 99.";
  // Graph "cloudPcProvisioningPolicy: apply": with isForceUserLogoffEnabled true, reservePercentage must be 0.
  if (forceLogoff === true && pct) return 'isForceUserLogoffEnabled requires reservePercentage 0.';
  return undefined;
}
