// Directory records → Graph wire shapes: users, groups, subscribed SKUs and a user's licence details.
import type { DirectoryUser, DirectoryGroup, SubscribedSku, LicenseDetails } from '../../model/directory';
import type { Tenant } from '../tenant';
import type { UserRecord, GroupRecord, SkuRecord } from '../simulatorState';

export function toGraphUser(u: UserRecord): DirectoryUser {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: u.id,
    displayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    mail: u.userPrincipalName,
    givenName: u.givenName,
    surname: u.surname,
    jobTitle: u.jobTitle,
    department: u.department,
    accountEnabled: u.accountEnabled,
    usageLocation: u.usageLocation,
    assignedLicenses: u.licenses.map((skuId) => ({ skuId, disabledPlans: [] })),
  };
}

export function toGraphGroup(sim: Tenant, g: GroupRecord): DirectoryGroup {
  return {
    '@odata.type': '#microsoft.graph.group',
    id: g.id,
    displayName: g.displayName,
    description: g.description,
    mailNickname: g.mailNickname,
    mailEnabled: g.mailEnabled,
    securityEnabled: g.securityEnabled,
    groupTypes: g.groupTypes,
    createdDateTime: sim.iso(g.createdDateTime),
  };
}

export function toGraphSku(s: SkuRecord): SubscribedSku {
  return {
    id: s.id,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    appliesTo: s.appliesTo,
    capabilityStatus: s.capabilityStatus,
    consumedUnits: s.consumedUnits,
    prepaidUnits: { ...s.prepaidUnits },
    servicePlans: s.servicePlans.map((p) => ({ ...p })),
  };
}

export function toLicenseDetails(s: SkuRecord): LicenseDetails {
  return {
    id: `lic_${s.skuId}`,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    servicePlans: s.servicePlans.map((p) => ({ ...p })),
  };
}
