// The catalog a policy draws from: gallery and custom images, Azure network connections, service plans and
// supported regions (docs/service-facts.md "Catalog: images, regions, connections, service plans"). Graph beta wire shapes.
import type { CloudPcProvisioningType, CloudPcRegionGroup, CloudPcGeographicLocationType } from './provisioningPolicy';
import type { CloudPcServicePlanType } from './cloudPc';

export const CLOUD_PC_GALLERY_IMAGE_STATUSES = [
  'supported',
  'supportedWithWarning',
  'notSupported',
  'unknownFutureValue',
] as const;
export type CloudPcGalleryImageStatus = (typeof CLOUD_PC_GALLERY_IMAGE_STATUSES)[number];

export interface CloudPcGalleryImage {
  /** `{publisher}_{offer}_{sku}`, compared case-insensitively (docs/service-facts.md "Catalog: images, regions, connections, service plans"). */
  id: string;
  displayName: string;
  publisherName: string;
  offerName: string;
  skuName: string;
  osVersionNumber: string | null;
  sizeInGB: number;
  /** Dates as `YYYY-MM-DD`. After endDate: supportedWithWarning; after expirationDate: no new provisioning. */
  startDate: string | null;
  endDate: string | null;
  expirationDate: string | null;
  status: CloudPcGalleryImageStatus;
}

export const CLOUD_PC_DEVICE_IMAGE_STATUSES = ['pending', 'ready', 'failed', 'unknownFutureValue'] as const;
export type CloudPcDeviceImageStatus = (typeof CLOUD_PC_DEVICE_IMAGE_STATUSES)[number];

export const CLOUD_PC_DEVICE_IMAGE_OS_STATUSES = ['supported', 'supportedWithWarning', 'unknownFutureValue'] as const;
export type CloudPcDeviceImageOsStatus = (typeof CLOUD_PC_DEVICE_IMAGE_OS_STATUSES)[number];

/** A customer's uploaded image; its GUID is the policy `imageId` when `imageType` is `custom`. */
export interface CloudPcDeviceImage {
  id: string;
  displayName: string;
  operatingSystem: string | null;
  osBuildNumber: string | null;
  osStatus: CloudPcDeviceImageOsStatus | null;
  sourceImageResourceId: string | null;
  status: CloudPcDeviceImageStatus;
  version: string | null;
  lastModifiedDateTime: string;
  expirationDate: string | null;
}

export const CLOUD_PC_ON_PREMISES_CONNECTION_TYPES = [
  'hybridAzureADJoin',
  'azureADJoin',
  'unknownFutureValue',
] as const;
export type CloudPcOnPremisesConnectionType = (typeof CLOUD_PC_ON_PREMISES_CONNECTION_TYPES)[number];

export const CLOUD_PC_HEALTH_CHECK_STATUSES = [
  'pending',
  'running',
  'passed',
  'failed',
  'warning',
  'informational',
  'unknownFutureValue',
] as const;
export type CloudPcOnPremisesConnectionStatus = (typeof CLOUD_PC_HEALTH_CHECK_STATUSES)[number];

/**
 * A connection provisioning may use: `passed`, `warning` (still provisions) and the advisory `informational`;
 * `pending`/`running` are not yet usable, `failed` fails provisioning, an unknown state is not trusted
 * (docs/service-facts.md "Catalog": Learn "Azure network connection health checks in Windows 365").
 * The one answer the tenant checks and the simulator's provisioning both ask.
 */
export function isUsableConnectionStatus(status: string): boolean {
  return status === 'passed' || status === 'warning' || status === 'informational';
}

/** Azure network connection (ANC). Healthy = `passed` or `warning` (first healthy one wins: docs/service-facts.md "Catalog: images, regions, connections, service plans"). */
export interface CloudPcOnPremisesConnection {
  id: string;
  displayName: string;
  connectionType: CloudPcOnPremisesConnectionType;
  healthCheckStatus: CloudPcOnPremisesConnectionStatus;
  healthCheckPaused: boolean;
  inUse: boolean;
  managedBy: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroupId: string;
  virtualNetworkId: string;
  virtualNetworkLocation: string;
  subnetId: string;
  adDomainName: string | null;
  adDomainUsername: string | null;
  organizationalUnit: string | null;
  scopeIds: string[];
}

export interface CloudPcServicePlan {
  id: string;
  displayName: string;
  vCpuCount: number;
  ramInGB: number;
  storageInGB: number;
  userProfileInGB: number;
  type: CloudPcServicePlanType;
  provisioningType: CloudPcProvisioningType;
  supportedSolution: string;
}

export const CLOUD_PC_REGION_STATUSES = ['available', 'restricted', 'unavailable', 'unknownFutureValue'] as const;
export type CloudPcSupportedRegionStatus = (typeof CLOUD_PC_REGION_STATUSES)[number];

export interface CloudPcSupportedRegion {
  id: string;
  displayName: string;
  regionGroup: CloudPcRegionGroup;
  regionStatus: CloudPcSupportedRegionStatus;
  geographicLocationType: CloudPcGeographicLocationType;
  supportedSolution: string;
}
