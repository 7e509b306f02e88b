// Cloud PCs for the fleet tests: the Graph wire shape with only what a test sets differing.
import type { CloudPc } from '../../../src/core/model/cloudPc';

export function cloudPc(id: string, fields: Partial<CloudPc> = {}): CloudPc {
  return {
    id,
    displayName: `PC ${id}`,
    aadDeviceId: null,
    managedDeviceId: null,
    managedDeviceName: `CPC-${id}`,
    userPrincipalName: `${id}@contoso.com`,
    provisioningPolicyId: 'pol-a',
    provisioningPolicyName: 'Policy A',
    provisioningType: 'dedicated',
    servicePlanId: null,
    servicePlanName: null,
    servicePlanType: null,
    status: 'provisioned',
    statusDetail: null,
    gracePeriodEndDateTime: null,
    lastModifiedDateTime: '2026-06-01T08:00:00Z',
    provisionedDateTime: '2026-06-01T08:00:00Z',
    imageDisplayName: null,
    onPremisesConnectionName: '',
    deviceRegionName: null,
    osVersion: null,
    userAccountType: null,
    userExperienceType: null,
    productType: 'enterprise',
    powerState: null,
    diskEncryptionState: 'notAvailable',
    allotmentDisplayName: null,
    connectionSetting: null,
    connectivityResult: null,
    scopeIds: [],
    partnerAgentInstallResults: [],
    ...fields,
  };
}

export function failed(code: string, message: string, retriable = true): Pick<CloudPc, 'status' | 'statusDetail'> {
  return {
    status: 'failed',
    statusDetail: { code, message, additionalInformation: [{ name: 'retriable', value: String(retriable) }] },
  };
}
