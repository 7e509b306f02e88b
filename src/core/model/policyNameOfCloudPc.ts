// Which policy name to show for a Cloud PC: the policy's name as last read (a rename reaches every row before
// each Cloud PC is read again), or, once its policy is deleted, the name the Cloud PC still carries
// (`provisioningPolicyName`), marked deleted (docs/simulator.md "Choices where the facts are uncertain").

/** The tenant's policies as last read; undefined while they have not been read (nothing is called deleted then). */
export type KnownPolicyNames = ((policyId: string) => string | undefined) | undefined;

export interface ShownPolicyName {
  /** The policy's name; the id only when neither the tenant nor the Cloud PC names it. */
  name: string;
  /** The tenant's policies were read and this one is not among them. */
  deleted: boolean;
}

export function shownPolicyName(
  policyId: string | null | undefined,
  carried: string | null | undefined,
  known: KnownPolicyNames,
): ShownPolicyName {
  if (!policyId) return { name: carried ?? '', deleted: false };
  const current = known?.(policyId);
  if (current !== undefined) return { name: current, deleted: false };
  return { name: carried || policyId, deleted: known !== undefined };
}

/** `Sales desks (deleted)`: the words every surface (views, tooltips, overview, exports) uses. */
export function policyNameText(shown: ShownPolicyName, deletedWord = 'deleted'): string {
  return shown.deleted ? `${shown.name} (${deletedWord})` : shown.name;
}
