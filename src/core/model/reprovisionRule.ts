// When an admin may reprovision a Cloud PC: provisioned or failed (Learn "Reprovision a Cloud PC"), and
// provisioned with warnings (⚠ our choice: docs/service-facts.md "Cloud PC states and actions"). One home for
// the views, the commands and the simulator's answer.

export function canReprovision(status: string): boolean {
  return status === 'provisioned' || status === 'failed' || status === 'provisionedWithWarnings';
}
