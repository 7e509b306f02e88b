// cloudPC in the Graph beta wire shape (docs/service-facts.md "Cloud PC states and actions"). Member arrays keep SDK order; after
// `unknownFutureValue` they are evolvable and need `Prefer: include-unknown-enum-members`.
import type { CloudPcProvisioningType, CloudPcUserExperienceType } from './provisioningPolicy';

export const CLOUD_PC_STATUSES = [
  'notProvisioned',
  'provisioning',
  'provisioned',
  'inGracePeriod',
  'deprovisioning',
  'failed',
  'provisionedWithWarnings',
  'resizing',
  'restoring',
  'pendingProvision',
  'unknownFutureValue',
  'movingRegion',
  'resizePendingLicense',
  'updatingSingleSignOn',
  'modifyingSingleSignOn',
  'refreshPolicyConfiguration',
  'preparing',
  'failoverInProgress',
  'failbackInProgress',
] as const;
export type CloudPcStatus = (typeof CLOUD_PC_STATUSES)[number];

export const CLOUD_PC_OPERATING_SYSTEMS = ['windows10', 'windows11', 'unknownFutureValue'] as const;
export type CloudPcOperatingSystem = (typeof CLOUD_PC_OPERATING_SYSTEMS)[number];

export const CLOUD_PC_USER_ACCOUNT_TYPES = ['standardUser', 'administrator', 'unknownFutureValue'] as const;
export type CloudPcUserAccountType = (typeof CLOUD_PC_USER_ACCOUNT_TYPES)[number];

export const CLOUD_PC_SERVICE_PLAN_TYPES = ['enterprise', 'business', 'unknownFutureValue'] as const;
export type CloudPcServicePlanType = (typeof CLOUD_PC_SERVICE_PLAN_TYPES)[number];

export const CLOUD_PC_PRODUCT_TYPES = [
  'enterprise',
  'frontline',
  'devBox',
  'powerAutomate',
  'business',
  'unknownFutureValue',
] as const;
export type CloudPcProductType = (typeof CLOUD_PC_PRODUCT_TYPES)[number];

export const CLOUD_PC_POWER_STATES = ['running', 'poweredOff', 'unknownFutureValue'] as const;
export type CloudPcPowerState = (typeof CLOUD_PC_POWER_STATES)[number];

export const CLOUD_PC_DISK_ENCRYPTION_STATES = [
  'notAvailable',
  'notEncrypted',
  'encryptedUsingPlatformManagedKey',
  'encryptedUsingCustomerManagedKey',
  'unknownFutureValue',
] as const;
export type CloudPcDiskEncryptionState = (typeof CLOUD_PC_DISK_ENCRYPTION_STATES)[number];

export const CLOUD_PC_CONNECTIVITY_STATUSES = [
  'unknown',
  'available',
  'availableWithWarning',
  'unavailable',
  'unknownFutureValue',
  'underServiceMaintenance',
  'inUse',
] as const;
export type CloudPcConnectivityStatus = (typeof CLOUD_PC_CONNECTIVITY_STATUSES)[number];

export interface KeyValuePair {
  name: string;
  value: string | null;
}

/** `statusDetail`: additionalInformation carries `retriable` and `failedAction` (docs/service-facts.md "Cloud PC states and actions"). */
export interface CloudPcStatusDetail {
  code: string;
  message: string;
  additionalInformation: KeyValuePair[];
}

export interface CloudPcConnectionSetting {
  enableSingleSignOn: boolean;
}

export interface CloudPcConnectivityResult {
  status: CloudPcConnectivityStatus;
  lastModifiedDateTime: string | null;
  failedHealthCheckItems: { displayName: string; result: string; lastHealthCheckDateTime: string | null }[];
}

export interface CloudPc {
  '@odata.type'?: '#microsoft.graph.cloudPC';
  id: string;
  displayName: string;
  aadDeviceId: string | null;
  managedDeviceId: string | null;
  managedDeviceName: string | null;
  userPrincipalName: string | null;
  provisioningPolicyId: string | null;
  provisioningPolicyName: string | null;
  provisioningType: CloudPcProvisioningType;
  servicePlanId: string | null;
  servicePlanName: string | null;
  servicePlanType: CloudPcServicePlanType | null;
  status: CloudPcStatus;
  statusDetail: CloudPcStatusDetail | null;
  gracePeriodEndDateTime: string | null;
  lastModifiedDateTime: string;
  provisionedDateTime: string | null;
  imageDisplayName: string | null;
  onPremisesConnectionName: string;
  deviceRegionName: string | null;
  osVersion: CloudPcOperatingSystem | null;
  userAccountType: CloudPcUserAccountType | null;
  userExperienceType: CloudPcUserExperienceType | null;
  productType: CloudPcProductType;
  powerState: CloudPcPowerState | null;
  diskEncryptionState: CloudPcDiskEncryptionState;
  allotmentDisplayName: string | null;
  connectionSetting: CloudPcConnectionSetting | null;
  connectivityResult: CloudPcConnectivityResult | null;
  scopeIds: string[];
  partnerAgentInstallResults: unknown[];
}

/** Body of `POST .../cloudPCs/{id}/reprovision` (docs/service-facts.md "Cloud PC states and actions"). */
export interface CloudPcReprovisionRequest {
  osVersion?: CloudPcOperatingSystem | null;
  userAccountType?: CloudPcUserAccountType | null;
}
