// What each provisioningType means: Enterprise or Frontline (or Reserve), dedicated or shared, and how
// many Cloud PCs one licence enables. The one place every layer asks (rules, schema text, simulator,
// views, what-if); see docs/rules.md "Provisioning types" for the sources.

/** Which licence family provisions the Cloud PC. */
export type LicenceFamily = 'enterprise' | 'frontline' | 'reserve' | 'unknown';
/** dedicated: a Cloud PC per user; shared: a pool of Cloud PCs shared by a group. */
export type Sharing = 'dedicated' | 'shared' | 'unknown';

export interface ProvisioningKind {
  readonly family: LicenceFamily;
  readonly sharing: Sharing;
  /** Cloud PCs one licence enables: Frontline dedicated up to three, one user signed in at a time. */
  readonly cloudPcsPerLicence: number;
  /** Words for an admin: "Enterprise", "Frontline dedicated", "Frontline shared", "Reserve". */
  readonly label: string;
}

const ENTERPRISE: ProvisioningKind = {
  family: 'enterprise',
  sharing: 'dedicated',
  cloudPcsPerLicence: 1,
  label: 'Enterprise',
};
// sharedByUser (and the deprecated 'shared' it replaces) is Frontline dedicated: a Cloud PC per user,
// up to three per licence (Graph: cloudPcProvisioningType "sharedByUser" description).
const FRONTLINE_DEDICATED: ProvisioningKind = {
  family: 'frontline',
  sharing: 'dedicated',
  cloudPcsPerLicence: 3,
  label: 'Frontline dedicated',
};
// sharedByEntraGroup is Frontline shared: one Cloud PC per licence, used by the group in turn.
const FRONTLINE_SHARED: ProvisioningKind = {
  family: 'frontline',
  sharing: 'shared',
  cloudPcsPerLicence: 1,
  label: 'Frontline shared',
};
// Windows 365 Reserve: provisioned by a device action, not by assignment (Learn: "Create a provisioning policy").
const RESERVE: ProvisioningKind = { family: 'reserve', sharing: 'dedicated', cloudPcsPerLicence: 1, label: 'Reserve' };
const UNKNOWN: ProvisioningKind = {
  family: 'unknown',
  sharing: 'unknown',
  cloudPcsPerLicence: 1,
  label: 'Unknown type',
};

/** The kind of a policy's provisioningType; absent (or null) is the service's default, dedicated. */
export function provisioningKindOf(type: unknown): ProvisioningKind {
  switch (type) {
    case undefined:
    case null:
    case 'dedicated':
      return ENTERPRISE;
    case 'shared':
    case 'sharedByUser':
      return FRONTLINE_DEDICATED;
    case 'sharedByEntraGroup':
      return FRONTLINE_SHARED;
    case 'reserve':
      return RESERVE;
    default:
      return UNKNOWN;
  }
}

export function isFrontlineType(type: unknown): boolean {
  return provisioningKindOf(type).family === 'frontline';
}

export function isFrontlineSharedType(type: unknown): boolean {
  const kind = provisioningKindOf(type);
  return kind.family === 'frontline' && kind.sharing === 'shared';
}

/** A Cloud PC per user (Enterprise, Frontline dedicated, Reserve): the naming template may use %USERNAME:x%. */
export function isDedicatedType(type: unknown): boolean {
  return provisioningKindOf(type).sharing === 'dedicated';
}

/**
 * The licence family whose users this policy gives a Cloud PC each, by assignment: Enterprise or Frontline
 * dedicated. Frontline shared pools, Reserve (provisioned by a device action) and unknown types: undefined.
 */
export function perUserFamily(type: unknown): 'enterprise' | 'frontline' | undefined {
  const kind = provisioningKindOf(type);
  if (kind.sharing !== 'dedicated') return undefined;
  return kind.family === 'enterprise' || kind.family === 'frontline' ? kind.family : undefined;
}

/**
 * %USERNAME:x% in the naming template: "only for Enterprise and Frontline dedicated" (Learn: "Create a
 * provisioning policy"). Reserve is neither, so it may not use it (docs/rules.md "Provisioning types").
 */
export function allowsUsernameToken(type: unknown): boolean {
  return perUserFamily(type) !== undefined;
}

/** Types we know the meaning of (absent counts as the default, dedicated). */
export function isKnownProvisioningType(type: unknown): boolean {
  return provisioningKindOf(type).family !== 'unknown';
}
