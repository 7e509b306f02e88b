// A Cloud PC's Graph properties read one by one from its record, the same values toGraphCloudPc writes (a unit
// test holds them equal for every property): `$filter` on 100,000 Cloud PCs reads one or two, not all thirty.
import { CLOUD_PC_STATUSES } from '../../model/cloudPc';
import { CLOUD_PC_PROVISIONING_TYPES } from '../../model/provisioningPolicy';
import type { Tenant } from '../tenant';
import type { CloudPcRecord } from '../simulatorState';
import { maskEnum, policyNameOf } from './graphShapes';
import type { RecordView } from './recordSelection';

/** Read from the record alone: the same on every request while the tenant's Cloud PC list stands. */
const INDEXED = ['id', 'displayName', 'userPrincipalName', 'provisioningPolicyId', 'servicePlanId'] as const;

export function cloudPcView(sim: Tenant, includeEvolvable: boolean): RecordView<CloudPcRecord> {
  const plan = (c: CloudPcRecord) =>
    c.servicePlanId ? sim.catalog.servicePlans.find((p) => p.id === c.servicePlanId) : undefined;
  const delivered = (c: CloudPcRecord) => c.stage === 0 && c.provisionedAt !== null;
  const properties: Record<string, (c: CloudPcRecord) => unknown> = {
    '@odata.type': () => '#microsoft.graph.cloudPC',
    id: (c) => c.id,
    displayName: (c) => c.displayName,
    aadDeviceId: (c) => c.aadDeviceId,
    managedDeviceId: (c) => c.managedDeviceId,
    managedDeviceName: (c) => (c.managedDeviceId ? c.deviceName : null),
    userPrincipalName: (c) => c.userPrincipalName,
    provisioningPolicyId: (c) => c.policyId,
    provisioningPolicyName: (c) => policyNameOf(sim, c.policyId),
    provisioningType: (c) => maskEnum(CLOUD_PC_PROVISIONING_TYPES, c.provisioningType, includeEvolvable),
    servicePlanId: (c) => c.servicePlanId,
    servicePlanName: (c) => plan(c)?.displayName ?? null,
    servicePlanType: (c) => plan(c)?.type ?? null,
    status: (c) => maskEnum(CLOUD_PC_STATUSES, c.status, includeEvolvable),
    statusDetail: (c) => c.statusDetail,
    gracePeriodEndDateTime: (c) => (c.graceEnd !== null ? sim.iso(c.graceEnd) : null),
    lastModifiedDateTime: (c) => sim.iso(c.lastModified),
    provisionedDateTime: (c) => (c.provisionedAt !== null ? sim.iso(c.provisionedAt) : null),
    imageDisplayName: (c) => c.imageDisplayName,
    onPremisesConnectionName: (c) => c.ancName,
    deviceRegionName: (c) => c.regionName,
    osVersion: (c) => c.osVersion,
    userAccountType: (c) => c.userAccountType,
    userExperienceType: (c) => c.userExperienceType,
    productType: (c) => c.productType,
    powerState: (c) => (delivered(c) ? 'running' : null),
    diskEncryptionState: (c) => (delivered(c) ? 'encryptedUsingPlatformManagedKey' : 'notAvailable'),
    allotmentDisplayName: (c) => c.allotmentDisplayName,
    connectionSetting: (c) => ({ enableSingleSignOn: c.singleSignOn }),
    connectivityResult: (c) =>
      delivered(c)
        ? { status: 'available', lastModifiedDateTime: sim.iso(c.lastModified), failedHealthCheckItems: [] }
        : null,
    scopeIds: () => ['0'],
    partnerAgentInstallResults: () => [],
  };
  return { type: 'microsoft.graph.cloudPC', properties, indexed: INDEXED };
}
