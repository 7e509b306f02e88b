// From which statuses an admin's Cloud PC action applies. Reprovision: provisioned or failed (Learn "Reprovision a
// Cloud PC"), and provisioned with warnings (⚠ our choice: docs/service-facts.md "Cloud PC states and actions");
// retry: failed; end the grace period: in grace (Graph "cloudPC: endGracePeriod"). One home for the views, the
// commands, the agent tools and the simulator's answer.
import type { CloudPcStatus } from './cloudPc';

export const REPROVISIONABLE_STATUSES: readonly CloudPcStatus[] = ['provisioned', 'provisionedWithWarnings', 'failed'];

export function canReprovision(status: string): boolean {
  return (REPROVISIONABLE_STATUSES as readonly string[]).includes(status);
}

/** A provisioning policy's `retry` starts a fresh series of attempts for its failed Cloud PCs only. */
export function canRetryProvisioning(status: string): boolean {
  return status === 'failed';
}

export function canEndGracePeriod(status: string): boolean {
  return status === 'inGracePeriod';
}
