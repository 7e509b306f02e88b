// The fixed catalog every simulated tenant starts with: three Windows 365 SKUs whose service plans match
// `servicePlans`, gallery and custom images, supported regions and two Azure network connections.
import type {
  CloudPcGalleryImage,
  CloudPcDeviceImage,
  CloudPcOnPremisesConnection,
  CloudPcServicePlan,
  CloudPcSupportedRegion,
} from '../model/catalog';
import type { SkuRecord } from './simulatorState';

export const PLAN_ENTERPRISE_2VCPU = '3efff3fe-528a-4fc5-b1ba-845802cc764f';
export const PLAN_ENTERPRISE_4VCPU = '2de9c682-ca3f-4f2b-b360-dfc4775db133';
export const PLAN_FRONTLINE_2VCPU = '057efbfe-a95d-4263-acb0-12b4a31fed8d';
export const SKU_ENTERPRISE_2VCPU = '226ca751-f0a4-4232-9be5-73c02a92555e';
export const SKU_ENTERPRISE_4VCPU = '9ecf691d-8b82-46cb-b254-cd061b2c02fb';
export const SKU_FRONTLINE_2VCPU = '2d1d344e-d10c-41bb-953b-b3a47521dca0';
export const ANC_HEALTHY = '16ee6c71-fc10-438b-88ac-daa1ccafffff';
export const ANC_FAILING = '26e16c71-fc10-438b-88ac-daa1ccaeeeee';
export const DEVICE_IMAGE_READY = '6d1e37b1-5d2c-4c18-9a9c-1a2b3c4d5e6f';
export const DEVICE_IMAGE_FAILED = '7e2f48c2-6e3d-4d29-8bad-2b3c4d5e6f70';
export const IMAGE_WIN11_24H2_M365 = 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365';
export const IMAGE_WIN11_25H2 = 'microsoftwindowsdesktop_windows-ent-cpc_win11-25h2-ent-cpc';
export const IMAGE_WIN11_23H2_M365 = 'microsoftwindowsdesktop_windows-ent-cpc_win11-23h2-ent-cpc-m365';
/** Past its expiration date: no new provisioning from it (docs/service-facts.md "Catalog: images, regions, connections, service plans"). */
export const IMAGE_WIN11_22H2_EXPIRED = 'microsoftwindowsdesktop_windows-ent-cpc_win11-22h2-ent-cpc-m365';

export function catalogServicePlans(): CloudPcServicePlan[] {
  return [
    {
      id: PLAN_ENTERPRISE_2VCPU,
      displayName: 'Cloud PC Enterprise 2vCPU/8GB/128GB',
      vCpuCount: 2,
      ramInGB: 8,
      storageInGB: 128,
      userProfileInGB: 0,
      type: 'enterprise',
      provisioningType: 'dedicated',
      supportedSolution: 'windows365',
    },
    {
      id: PLAN_ENTERPRISE_4VCPU,
      displayName: 'Cloud PC Enterprise 4vCPU/16GB/256GB',
      vCpuCount: 4,
      ramInGB: 16,
      storageInGB: 256,
      userProfileInGB: 0,
      type: 'enterprise',
      provisioningType: 'dedicated',
      supportedSolution: 'windows365',
    },
    {
      id: PLAN_FRONTLINE_2VCPU,
      displayName: 'Cloud PC Frontline 2vCPU/8GB/128GB',
      vCpuCount: 2,
      ramInGB: 8,
      storageInGB: 128,
      userProfileInGB: 0,
      type: 'enterprise',
      provisioningType: 'sharedByUser',
      supportedSolution: 'windows365',
    },
  ];
}

export function catalogSkus(units: { e2: number; e4: number; frontline: number }): SkuRecord[] {
  const sku = (skuId: string, part: string, plan: string, enabled: number, frontline: boolean): SkuRecord => ({
    id: `tenant_${skuId}`,
    skuId,
    skuPartNumber: part,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: 0,
    prepaidUnits: { enabled, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: [{ servicePlanId: plan, servicePlanName: part, provisioningStatus: 'Success', appliesTo: 'User' }],
    cloudPcServicePlanId: plan,
    frontline,
  });
  return [
    sku(SKU_ENTERPRISE_2VCPU, 'CPC_E_2C_8GB_128GB', PLAN_ENTERPRISE_2VCPU, units.e2, false),
    sku(SKU_ENTERPRISE_4VCPU, 'CPC_E_4C_16GB_256GB', PLAN_ENTERPRISE_4VCPU, units.e4, false),
    sku(SKU_FRONTLINE_2VCPU, 'Windows_365_S_2vCPU_8GB_128GB', PLAN_FRONTLINE_2VCPU, units.frontline, true),
  ];
}

export function catalogGalleryImages(): CloudPcGalleryImage[] {
  const img = (
    sku: string,
    displayName: string,
    os: string,
    start: string,
    end: string | null,
    expiration: string | null,
    status: CloudPcGalleryImage['status'],
  ): CloudPcGalleryImage => ({
    id: `microsoftwindowsdesktop_windows-ent-cpc_${sku}`,
    displayName,
    publisherName: 'microsoftwindowsdesktop',
    offerName: 'windows-ent-cpc',
    skuName: sku,
    osVersionNumber: os,
    sizeInGB: 64,
    startDate: start,
    endDate: end,
    expirationDate: expiration,
    status,
  });
  return [
    img('win11-25h2-ent-cpc', 'Windows 11 Enterprise 25H2', '10.0.26200', '2025-10-01', null, null, 'supported'),
    img(
      'win11-25h2-ent-cpc-m365',
      'Windows 11 Enterprise + Microsoft 365 Apps 25H2',
      '10.0.26200',
      '2025-10-01',
      null,
      null,
      'supported',
    ),
    img(
      'win11-24H2-ent-cpc-m365',
      'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
      '10.0.26100',
      '2024-10-01',
      null,
      null,
      'supported',
    ),
    img('win11-24h2-ent-cpc', 'Windows 11 Enterprise 24H2', '10.0.26100', '2024-10-01', null, null, 'supported'),
    img(
      'win11-23h2-ent-cpc-m365',
      'Windows 11 Enterprise + Microsoft 365 Apps 23H2',
      '10.0.22631',
      '2023-10-31',
      '2025-11-11',
      '2026-11-10',
      'supportedWithWarning',
    ),
    img(
      'win11-22h2-ent-cpc-m365',
      'Windows 11 Enterprise + Microsoft 365 Apps 22H2',
      '10.0.22621',
      '2022-09-20',
      '2024-10-08',
      '2025-04-08',
      'notSupported',
    ),
  ];
}

export function catalogDeviceImages(now: string): CloudPcDeviceImage[] {
  return [
    {
      id: DEVICE_IMAGE_READY,
      displayName: 'Contoso Finance Win11',
      operatingSystem: 'Windows 11 Enterprise',
      osBuildNumber: '24H2',
      osStatus: 'supported',
      sourceImageResourceId:
        '/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/images/providers/Microsoft.Compute/images/finance-win11',
      status: 'ready',
      version: '1.0.4',
      lastModifiedDateTime: now,
      expirationDate: null,
    },
    {
      id: DEVICE_IMAGE_FAILED,
      displayName: 'Contoso Legacy Win10',
      operatingSystem: 'Windows 10 Enterprise',
      osBuildNumber: '22H2',
      osStatus: 'supportedWithWarning',
      sourceImageResourceId:
        '/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff/resourceGroups/images/providers/Microsoft.Compute/images/legacy-win10',
      status: 'failed',
      version: '0.9.0',
      lastModifiedDateTime: now,
      expirationDate: null,
    },
  ];
}

export function catalogConnections(): CloudPcOnPremisesConnection[] {
  const anc = (
    id: string,
    name: string,
    location: string,
    health: CloudPcOnPremisesConnection['healthCheckStatus'],
    type: CloudPcOnPremisesConnection['connectionType'],
  ): CloudPcOnPremisesConnection => ({
    id,
    displayName: name,
    connectionType: type,
    healthCheckStatus: health,
    healthCheckPaused: false,
    inUse: false,
    managedBy: 'windows365',
    subscriptionId: '0ac520ee-14c0-480f-b6c9-0a90c585ffff',
    subscriptionName: 'Contoso Production',
    resourceGroupId: `/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c585ffff/resourceGroups/cpc-${location}`,
    virtualNetworkId: `/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c585ffff/resourceGroups/cpc-${location}/providers/Microsoft.Network/virtualNetworks/vnet-cpc-${location}`,
    virtualNetworkLocation: location,
    subnetId: `/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c585ffff/resourceGroups/cpc-${location}/providers/Microsoft.Network/virtualNetworks/vnet-cpc-${location}/subnets/cloudpcs`,
    adDomainName: type === 'hybridAzureADJoin' ? 'corp.contoso.com' : null,
    adDomainUsername: type === 'hybridAzureADJoin' ? 'svc-cpcjoin' : null,
    organizationalUnit: type === 'hybridAzureADJoin' ? 'OU=CloudPCs,DC=corp,DC=contoso,DC=com' : null,
    scopeIds: ['0'],
  });
  return [
    anc(ANC_HEALTHY, 'Contoso East US 2 (hybrid)', 'eastus2', 'passed', 'hybridAzureADJoin'),
    anc(ANC_FAILING, 'Contoso West Europe (hybrid)', 'westeurope', 'failed', 'hybridAzureADJoin'),
  ];
}

export function catalogRegions(): CloudPcSupportedRegion[] {
  const r = (
    name: string,
    displayName: string,
    regionGroup: CloudPcSupportedRegion['regionGroup'],
    geo: CloudPcSupportedRegion['geographicLocationType'],
  ): CloudPcSupportedRegion => ({
    id: name,
    displayName,
    regionGroup,
    regionStatus: 'available',
    geographicLocationType: geo,
    supportedSolution: 'windows365',
  });
  return [
    r('eastus2', 'East US 2', 'usEast', 'usEast'),
    r('westus3', 'West US 3', 'usWest', 'usWest'),
    r('centralus', 'Central US', 'usCentral', 'usCentral'),
    r('westeurope', 'West Europe', 'europeUnion', 'europe'),
    r('northeurope', 'North Europe', 'europeUnion', 'europe'),
    r('uksouth', 'UK South', 'unitedKingdom', 'europe'),
    r('germanywestcentral', 'Germany West Central', 'germany', 'europe'),
    r('japaneast', 'Japan East', 'japan', 'asia'),
    r('southeastasia', 'Southeast Asia', 'asia', 'asia'),
    r('australiaeast', 'Australia East', 'australia', 'australasia'),
    r('canadacentral', 'Canada Central', 'canada', 'canada'),
  ];
}

/** Default Microsoft-hosted region for a region group when `regionName` is `automatic` or empty. */
export function defaultRegionFor(regionGroup: string | null | undefined): string {
  const byGroup: Record<string, string> = {
    usEast: 'eastus2',
    usWest: 'westus3',
    usCentral: 'centralus',
    europeUnion: 'westeurope',
    europe: 'westeurope',
    unitedKingdom: 'uksouth',
    germany: 'germanywestcentral',
    japan: 'japaneast',
    asia: 'southeastasia',
    australia: 'australiaeast',
    canada: 'canadacentral',
  };
  return (regionGroup && byGroup[regionGroup]) || 'eastus2';
}
