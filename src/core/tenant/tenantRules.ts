// The checks that need the connected tenant (CPC5xx). They run apart from the offline rules, under their own
// diagnostic source "cpcpolicy (tenant)", so a file's offline verdict never depends on a tenant
// (docs/tenant-editor.md; sources in docs/rules.md "Tenant checks").
import type { RuleInfo } from '../policy/ruleCodes';

export const TENANT_SOURCE = 'cpcpolicy (tenant)';

export const TENANT_RULES = {
  connectionNotFound: {
    code: 'CPC501',
    title: 'No Azure network connection with this id in the tenant',
    source: 'Graph: "Create cloudPcProvisioningPolicy" (the service refuses an unknown onPremisesConnectionId)',
  },
  connectionUnhealthy: {
    code: 'CPC502',
    title: 'The Azure network connection fails its health checks',
    source:
      'Learn: "Azure network connection health checks in Windows 365" (provisioning uses only healthy connections)',
  },
  imageNotFound: {
    code: 'CPC503',
    title: 'No image with this id in the tenant',
    source: 'Graph: "List galleryImages"; Graph: "List deviceImages"',
  },
  imageUnusable: {
    code: 'CPC504',
    title: 'The image is expired, not supported or failed',
    source:
      'Graph: "cloudPcGalleryImage resource type" (endDate, expirationDate, status); Graph: "cloudPcDeviceImage resource type" (status)',
  },
  regionNotOffered: {
    code: 'CPC505',
    title: 'The region is not offered to this tenant',
    source: 'Graph: "List supportedRegions" (regionStatus)',
  },
  servicePlanMismatch: {
    code: 'CPC506',
    title: 'The service plan is unknown or of the wrong kind for the provisioning type',
    source: 'Graph: "cloudPcManagementGroupAssignmentTarget resource type"; Graph: "List frontLineServicePlans"',
  },
  groupNotFound: {
    code: 'CPC507',
    title: 'No group with this id in the tenant',
    source: 'Graph: "cloudPcProvisioningPolicy: assign" (the assignment names a Microsoft Entra group)',
  },
  allotmentBeyondLicences: {
    code: 'CPC508',
    title: 'Frontline allotments ask for more licenses than the tenant owns',
    source:
      'Graph: "cloudPcFrontLineServicePlan resource type" (totalCount, allotmentLicensesCount); Graph: "cloudPcProvisioningPolicy: assign"',
  },
  groupsNotLookedUp: {
    code: 'CPC509',
    title: 'More groups than are looked up for one file: the rest are not checked against the tenant',
    source: 'Graph: "Get group" and "List group members" (two reads per group; the lookups are bounded)',
  },
} as const satisfies Record<string, RuleInfo>;

export const ALL_TENANT_RULES: readonly RuleInfo[] = Object.values(TENANT_RULES);
