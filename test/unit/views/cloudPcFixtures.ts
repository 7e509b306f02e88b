// Cloud PCs for the tree-model tests: a few fields vary (id, user, status), the rest is one plausible
// Graph beta cloudPC (docs/service-facts.md "Cloud PC states and actions").
import type { CloudPc, CloudPcStatus } from '../../../src/core/model/cloudPc';

export function cloudPc(i: number, status: CloudPcStatus): CloudPc {
  const id = `11111111-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return {
    id,
    displayName: `Finance - User ${i}`,
    aadDeviceId: id,
    managedDeviceId: id,
    managedDeviceName: `CPC-FIN${i}`,
    userPrincipalName: `user${i}@contoso.com`,
    provisioningPolicyId: 'policy-finance',
    provisioningPolicyName: 'Finance',
    provisioningType: 'dedicated',
    servicePlanId: 'plan',
    servicePlanName: 'Cloud PC Enterprise 2vCPU/8GB/128GB',
    servicePlanType: 'enterprise',
    status,
    statusDetail:
      status === 'failed'
        ? {
            code: 'intuneEnrollFailed',
            message: 'The Cloud PC could not be enrolled in Intune.',
            additionalInformation: [],
          }
        : null,
    gracePeriodEndDateTime: null,
    lastModifiedDateTime: '2026-06-01T08:00:00Z',
    provisionedDateTime: '2026-06-01T08:00:00Z',
    imageDisplayName: 'Windows 11 Enterprise 24H2',
    onPremisesConnectionName: '',
    deviceRegionName: 'westeurope',
    osVersion: 'windows11',
    userAccountType: 'standardUser',
    userExperienceType: 'cloudPc',
    productType: 'enterprise',
    powerState: 'running',
    diskEncryptionState: 'notAvailable',
    allotmentDisplayName: null,
    connectionSetting: { enableSingleSignOn: false },
    connectivityResult: null,
    scopeIds: ['0'],
    partnerAgentInstallResults: [],
  };
}

/** `counts` Cloud PCs of each status, numbered from 0 across the statuses in the order given. */
export function cloudPcsByStatus(counts: Partial<Record<CloudPcStatus, number>>): CloudPc[] {
  const out: CloudPc[] = [];
  for (const [status, n] of Object.entries(counts) as [CloudPcStatus, number][])
    for (let k = 0; k < n; k++) out.push(cloudPc(out.length, status));
  return out;
}
