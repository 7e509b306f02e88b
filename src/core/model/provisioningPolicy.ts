// cloudPcProvisioningPolicy and its complex types, in the Graph beta wire shape (Graph: "cloudPcProvisioningPolicy resource type").
// Enum member arrays keep the SDK declaration order: members after `unknownFutureValue` are evolvable
// (docs/rules.md "Open (evolvable) enums").

export const CLOUD_PC_PROVISIONING_TYPES = [
  'dedicated',
  'shared',
  'unknownFutureValue',
  'sharedByUser',
  'sharedByEntraGroup',
  'reserve',
] as const;
export type CloudPcProvisioningType = (typeof CLOUD_PC_PROVISIONING_TYPES)[number];

export const CLOUD_PC_USER_EXPERIENCE_TYPES = ['cloudPc', 'cloudApp', 'unknownFutureValue'] as const;
export type CloudPcUserExperienceType = (typeof CLOUD_PC_USER_EXPERIENCE_TYPES)[number];

export const CLOUD_PC_IMAGE_TYPES = ['gallery', 'custom', 'unknownFutureValue'] as const;
export type CloudPcProvisioningPolicyImageType = (typeof CLOUD_PC_IMAGE_TYPES)[number];

export const CLOUD_PC_DOMAIN_JOIN_TYPES = ['azureADJoin', 'hybridAzureADJoin', 'unknownFutureValue'] as const;
export type CloudPcDomainJoinType = (typeof CLOUD_PC_DOMAIN_JOIN_TYPES)[number];

export const CLOUD_PC_REGION_GROUPS = [
  'default',
  'australia',
  'canada',
  'usCentral',
  'usEast',
  'usWest',
  'france',
  'germany',
  'europeUnion',
  'unitedKingdom',
  'japan',
  'asia',
  'india',
  'southAmerica',
  'euap',
  'usGovernment',
  'usGovernmentDOD',
  'unknownFutureValue',
  'norway',
  'switzerland',
  'southKorea',
  'middleEast',
  'mexico',
  'australasia',
  'europe',
  'singapore',
  'hongKong',
  'ireland',
  'sweden',
  'poland',
  'italy',
  'spain',
  'netherlands',
  'brazil',
  'israel',
  'automatic',
  'indonesia',
  'taiwan',
  'malaysia',
  'newZealand',
  'austria',
  'denmark',
  'belgium',
  'kenya',
] as const;
export type CloudPcRegionGroup = (typeof CLOUD_PC_REGION_GROUPS)[number];

export const CLOUD_PC_GEOGRAPHIC_LOCATION_TYPES = [
  'default',
  'asia',
  'australasia',
  'canada',
  'europe',
  'india',
  'africa',
  'usCentral',
  'usEast',
  'usWest',
  'southAmerica',
  'middleEast',
  'centralAmerica',
  'usGovernment',
  'unknownFutureValue',
  'mexico',
  'australiaNewZealand',
] as const;
export type CloudPcGeographicLocationType = (typeof CLOUD_PC_GEOGRAPHIC_LOCATION_TYPES)[number];

export const MICROSOFT_MANAGED_DESKTOP_TYPES = [
  'notManaged',
  'premiumManaged',
  'standardManaged',
  'starterManaged',
  'unknownFutureValue',
] as const;
export type MicrosoftManagedDesktopType = (typeof MICROSOFT_MANAGED_DESKTOP_TYPES)[number];

export const USER_SETTINGS_PERSISTENCE_STORAGE_SIZES = [
  'fourGB',
  'eightGB',
  'sixteenGB',
  'thirtyTwoGB',
  'sixtyFourGB',
  'unknownFutureValue',
] as const;
export type CloudPcUserSettingsPersistenceStorageSizeCategory =
  (typeof USER_SETTINGS_PERSISTENCE_STORAGE_SIZES)[number];

// Flags enum in the Java SDK, but a plain string on the wire (docs/service-facts.md "Endpoints and paging", apply): we accept one member.
export const CLOUD_PC_POLICY_SETTING_TYPES = ['region', 'singleSignOn', 'unknownFutureValue'] as const;
export type CloudPcPolicySettingType = (typeof CLOUD_PC_POLICY_SETTING_TYPES)[number];

export const CLOUD_PC_MANAGEMENT_SERVICES = [
  'windows365',
  'devBox',
  'unknownFutureValue',
  'rpaBox',
  'microsoft365Opal',
  'microsoft365BizChat',
] as const;
export type CloudPcManagementService = (typeof CLOUD_PC_MANAGEMENT_SERVICES)[number];

export const CLOUD_PC_SNAPSHOT_RESET_MODES = ['notApplicable', 'enabled', 'disabled', 'unknownFutureValue'] as const;
export type CloudPcSnapshotResetMode = (typeof CLOUD_PC_SNAPSHOT_RESET_MODES)[number];

export interface CloudPcDomainJoinConfiguration {
  domainJoinType?: CloudPcDomainJoinType | null;
  /** Deprecated 2024-01-31 (use domainJoinType); the portal still sends it (docs/service-facts.md "Deprecations"). */
  type?: CloudPcDomainJoinType | null;
  onPremisesConnectionId?: string | null;
  regionName?: string | null;
  regionGroup?: CloudPcRegionGroup | null;
  geographicLocationType?: CloudPcGeographicLocationType | null;
}

export interface CloudPcWindowsSetting {
  locale?: string | null;
}

export interface CloudPcAutopilotConfiguration {
  devicePreparationProfileId?: string | null;
  applicationTimeoutInMinutes?: number | null;
  onFailureDeviceAccessDenied?: boolean | null;
}

export interface MicrosoftManagedDesktop {
  managedType?: MicrosoftManagedDesktopType | null;
  /** Deprecated 2024-01-31 (use managedType). */
  type?: MicrosoftManagedDesktopType | null;
  profile?: string | null;
}

export interface CloudPcProvisioningPolicyAutopatch {
  autopatchGroupId?: string | null;
}

export interface CloudPcUserSettingsPersistenceConfiguration {
  userSettingsPersistenceEnabled?: boolean | null;
  userSettingsPersistenceStorageSizeCategory?: CloudPcUserSettingsPersistenceStorageSizeCategory | null;
}

export const GROUP_ASSIGNMENT_TARGET_ODATA_TYPE = '#microsoft.graph.cloudPcManagementGroupAssignmentTarget';

/** The `@odata.type` Graph payloads may carry on each object of a policy (docs/rules.md "@odata.type"). */
export const ODATA_TYPES = {
  policy: '#microsoft.graph.cloudPcProvisioningPolicy',
  domainJoinConfiguration: '#microsoft.graph.cloudPcDomainJoinConfiguration',
  windowsSetting: '#microsoft.graph.cloudPcWindowsSetting',
  microsoftManagedDesktop: '#microsoft.graph.microsoftManagedDesktop',
  autopatch: '#microsoft.graph.cloudPcProvisioningPolicyAutopatch',
  autopilotConfiguration: '#microsoft.graph.cloudPcAutopilotConfiguration',
  userSettingsPersistenceConfiguration: '#microsoft.graph.cloudPcUserSettingsPersistenceConfiguration',
  assignment: '#microsoft.graph.cloudPcProvisioningPolicyAssignment',
  groupTarget: GROUP_ASSIGNMENT_TARGET_ODATA_TYPE,
} as const;

/** The Graph docs write the type with and without the leading '#' (the assign example omits it): both name it. */
export function isODataTypeOf(value: unknown, type: string): boolean {
  return value === type || value === type.slice(1);
}

export interface CloudPcManagementGroupAssignmentTarget {
  '@odata.type'?: string;
  groupId: string;
  /** Null for dedicated; required for Frontline (docs/service-facts.md "Assignments"). */
  servicePlanId?: string | null;
  allotmentDisplayName?: string | null;
  allotmentLicensesCount?: number | null;
}

export interface CloudPcProvisioningPolicyAssignment {
  /** `{policyId}_{groupId}` here; clients must not parse it (docs/service-facts.md "Assignments"). */
  id: string;
  target: CloudPcManagementGroupAssignmentTarget;
}

export interface CloudPcProvisioningPolicy {
  '@odata.type'?: '#microsoft.graph.cloudPcProvisioningPolicy';
  id: string;
  displayName: string;
  description?: string | null;
  alternateResourceUrl?: string | null;
  cloudPcGroupDisplayName?: string | null;
  cloudPcNamingTemplate?: string | null;
  createdBy?: string | null;
  createdDateTime?: string;
  lastModifiedBy?: string | null;
  lastModifiedDateTime?: string;
  domainJoinConfigurations?: CloudPcDomainJoinConfiguration[] | null;
  enableSingleSignOn?: boolean | null;
  gracePeriodInHours?: number | null;
  imageDisplayName?: string | null;
  imageId?: string | null;
  imageType?: CloudPcProvisioningPolicyImageType | null;
  localAdminEnabled?: boolean | null;
  managedBy?: CloudPcManagementService | null;
  microsoftManagedDesktop?: MicrosoftManagedDesktop | null;
  autopatch?: CloudPcProvisioningPolicyAutopatch | null;
  autopilotConfiguration?: CloudPcAutopilotConfiguration | null;
  provisioningType?: CloudPcProvisioningType | null;
  scopeIds?: string[] | null;
  snapshotResetMode?: CloudPcSnapshotResetMode | null;
  userExperienceType?: CloudPcUserExperienceType | null;
  userSettingsPersistenceConfiguration?: CloudPcUserSettingsPersistenceConfiguration | null;
  windowsSetting?: CloudPcWindowsSetting | null;
  /** Navigation property: present only with `$expand=assignments` (docs/service-facts.md "Endpoints and paging"). */
  assignments?: CloudPcProvisioningPolicyAssignment[];
}

/** Body of `POST .../provisioningPolicies/{id}/apply` (docs/service-facts.md "Endpoints and paging"). */
export interface CloudPcPolicyApplyRequest {
  policySettings?: CloudPcPolicySettingType | null;
  reservePercentage?: number | null;
  isForceUserLogoffEnabled?: boolean | null;
}
