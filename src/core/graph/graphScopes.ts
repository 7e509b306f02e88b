// Least-privilege scopes per operation (docs/service-facts.md "Permissions and scopes"): the caller asks for write only when an action needs it.

export const GraphScope = {
  /** Every Cloud PC GET: policies, Cloud PCs, images, networks, plans, regions, audit events. */
  cloudPcRead: 'CloudPC.Read.All',
  /** Create/update/delete/assign/apply/retry and every Cloud PC action. */
  cloudPcWrite: 'CloudPC.ReadWrite.All',
  /** Group search + members for the assign picker (docs/service-facts.md "Permissions and scopes": GroupMember.Read.All would also do but one consent covers both). */
  groupRead: 'Group.Read.All',
  /** subscribedSkus and users/{id}/licenseDetails: Graph docs list LicenseAssignment.Read.All as least privileged (User.Read.All/Directory.Read.All are higher). */
  licenseRead: 'LicenseAssignment.Read.All',
} as const;

export type GraphScopeName = (typeof GraphScope)[keyof typeof GraphScope];

/** Turns a short scope into the resource-qualified form token brokers need outside the global cloud. */
export function qualifyScope(resource: string, scope: GraphScopeName): string {
  return `${resource.replace(/\/+$/, '')}/${scope}`;
}
