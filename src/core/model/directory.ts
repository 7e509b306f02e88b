// The directory the service reads, in Graph v1.0 shapes: users, groups, subscribed SKUs and license details.

export interface AssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

export interface DirectoryUser {
  '@odata.type'?: '#microsoft.graph.user';
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  accountEnabled: boolean;
  usageLocation: string | null;
  assignedLicenses: AssignedLicense[];
}

export interface DirectoryGroup {
  '@odata.type'?: '#microsoft.graph.group';
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string;
}

export interface ServicePlanInfo {
  servicePlanId: string;
  servicePlanName: string;
  provisioningStatus: string;
  appliesTo: string;
}

export interface LicenseUnitsDetail {
  enabled: number;
  suspended: number;
  warning: number;
  lockedOut: number;
}

export interface SubscribedSku {
  id: string;
  skuId: string;
  skuPartNumber: string;
  appliesTo: string;
  capabilityStatus: string;
  consumedUnits: number;
  prepaidUnits: LicenseUnitsDetail;
  servicePlans: ServicePlanInfo[];
}

export interface LicenseDetails {
  id: string;
  skuId: string;
  skuPartNumber: string;
  servicePlans: ServicePlanInfo[];
}
