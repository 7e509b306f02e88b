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

/** Which scope each operation asks for, so a caller can request write consent only for actions. */
export const cloudPcApiScopes = {
  listPolicies: GraphScope.cloudPcRead,
  getPolicy: GraphScope.cloudPcRead,
  createPolicy: GraphScope.cloudPcWrite,
  updatePolicy: GraphScope.cloudPcWrite,
  deletePolicy: GraphScope.cloudPcWrite,
  assignPolicy: GraphScope.cloudPcWrite,
  applyPolicy: GraphScope.cloudPcWrite,
  applyConfig: GraphScope.cloudPcWrite,
  retryPolicy: GraphScope.cloudPcWrite,
  listCloudPcs: GraphScope.cloudPcRead,
  getCloudPc: GraphScope.cloudPcRead,
  getProvisionedCloudPcs: GraphScope.cloudPcRead,
  reprovisionCloudPc: GraphScope.cloudPcWrite,
  endGracePeriod: GraphScope.cloudPcWrite,
  renameCloudPc: GraphScope.cloudPcWrite,
  rebootCloudPc: GraphScope.cloudPcWrite,
  troubleshootCloudPc: GraphScope.cloudPcWrite,
  listGalleryImages: GraphScope.cloudPcRead,
  listDeviceImages: GraphScope.cloudPcRead,
  listOnPremisesConnections: GraphScope.cloudPcRead,
  listServicePlans: GraphScope.cloudPcRead,
  listFrontlineServicePlans: GraphScope.cloudPcRead,
  listSupportedRegions: GraphScope.cloudPcRead,
  listAuditEvents: GraphScope.cloudPcRead,
  searchGroups: GraphScope.groupRead,
  getGroup: GraphScope.groupRead,
  listGroupMembers: GraphScope.groupRead,
  listUserLicenseDetails: GraphScope.licenseRead,
  listSubscribedSkus: GraphScope.licenseRead,
} as const satisfies Record<string, GraphScopeName>;
