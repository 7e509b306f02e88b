// The simulator's whole state as plain, JSON-serializable records, plus the in-memory indexes rebuilt on load
// (users→groups→policies) so one membership change costs work proportional to the change.
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type {
  CloudPcStatus,
  CloudPcStatusDetail,
  CloudPcOperatingSystem,
  CloudPcUserAccountType,
  CloudPcProductType,
} from '../model/cloudPc';
import type {
  CloudPcGalleryImage,
  CloudPcDeviceImage,
  CloudPcOnPremisesConnection,
  CloudPcServicePlan,
  CloudPcSupportedRegion,
} from '../model/catalog';
import type { CloudPcAuditEvent } from '../model/auditEvent';
import type { DirectoryGroup, DirectoryUser, SubscribedSku } from '../model/directory';
import type { ScheduledEvent } from './eventScheduler';

/** A directory user as the simulator keeps it: Graph's shape, licenses as plain skuIds. */
export interface UserRecord extends Omit<DirectoryUser, '@odata.type' | 'mail' | 'assignedLicenses'> {
  /** skuIds of assigned licenses. */
  licenses: string[];
}

/** A directory group as the simulator keeps it: Graph's shape, with time as a number. */
export interface GroupRecord extends Omit<DirectoryGroup, '@odata.type' | 'createdDateTime'> {
  createdDateTime: number;
  /** Direct members: user ids and group ids (nested groups are members but never expanded: docs/service-facts.md "Assignments"). */
  members: string[];
}

export interface AssignmentRecord {
  groupId: string;
  servicePlanId: string | null;
  allotmentDisplayName: string | null;
  allotmentLicensesCount: number | null;
  /** Sequence number of the first time this group was assigned to this policy: decides "first assigned wins". */
  assignedSeq: number;
}

/** The policy as stored: Graph properties without `assignments`, plus our assignment records. */
export interface PolicyRecord {
  policy: Omit<CloudPcProvisioningPolicy, 'assignments'>;
  assignments: AssignmentRecord[];
}

export interface CloudPcRecord {
  id: string;
  /** The license slot, unique per user (or per policy): the skuId, `frontline`, or `groupId|n` for a shared pool. */
  slot: string;
  userId: string | null;
  userPrincipalName: string | null;
  policyId: string;
  groupId: string | null;
  skuId: string | null;
  servicePlanId: string | null;
  displayName: string;
  deviceName: string;
  aadDeviceId: string | null;
  managedDeviceId: string | null;
  status: CloudPcStatus;
  /** The status to return to after grace or an apply action. */
  settledStatus: CloudPcStatus;
  statusDetail: CloudPcStatusDetail | null;
  graceEnd: number | null;
  provisionedAt: number | null;
  lastModified: number;
  imageId: string | null;
  imageDisplayName: string | null;
  ancId: string | null;
  ancName: string;
  regionName: string | null;
  pendingRegionName: string | null;
  singleSignOn: boolean;
  osVersion: CloudPcOperatingSystem;
  userAccountType: CloudPcUserAccountType;
  provisioningType: NonNullable<CloudPcProvisioningPolicy['provisioningType']>;
  userExperienceType: NonNullable<CloudPcProvisioningPolicy['userExperienceType']>;
  productType: CloudPcProductType;
  allotmentDisplayName: string | null;
  /** Bumped on every transition that invalidates scheduled events. */
  gen: number;
  /** Failed attempts of the current provisioning (3 = final failure: docs/service-facts.md "Provisioning lifecycle"). */
  attempts: number;
  /** Stage reached in the current attempt: 0 queued, 1 create VM, 2 set up for user, 3 finishing. */
  stage: number;
  /** When this provisioning's objects were first created (null: none yet); counts released footprints. */
  footprintAt: number | null;
  footprintSeq: number;
  /** Why the current attempt will fail, decided when it starts; null = it succeeds. */
  pendingFailure: { code: string; message: string; stage: number } | null;
}

export type FootprintObjectKind =
  'intuneManagedDevice' | 'entraDevice' | 'virtualNic' | 'networkSecurityGroup' | 'onPremisesComputerAccount';
export type FootprintObjectState = 'active' | 'removed' | 'retained' | 'disabled';

/** What one provisioning created outside the Cloud PC (docs/service-facts.md "Provisioning lifecycle"). */
export interface FootprintRecord {
  id: string;
  cloudPcId: string;
  deviceName: string;
  aadDeviceId: string;
  /** Null when provisioning never reached Intune enrolment. */
  managedDeviceId: string | null;
  hybrid: boolean;
  createdAt: number;
  /** When the service cleaned up (about 3 h after failure or deletion); null until then. */
  cleanedAt: number | null;
}

export interface FaultRecord {
  id: string;
  kind: 'provisioningFailure';
  userPrincipalName: string | null;
  policyId: string | null;
  remaining: number;
}

export interface SimulatorSettings {
  /** Minutes for create VM, set up for the user, finish remaining tasks (about 2 h in all: docs/service-facts.md "Provisioning lifecycle"). */
  stageMinutes: [number, number, number];
  /** Probability that an attempt fails at random (seeded). */
  failureRate: number;
  /** Minutes an apply (region / SSO) or deprovision takes. */
  transitionMinutes: number;
}

export interface SkuRecord extends SubscribedSku {
  /** Which Cloud PC service plan a unit of this SKU provisions, and whether it is Frontline. */
  cloudPcServicePlanId: string;
  frontline: boolean;
}

export interface SimulatorStateData {
  version: 1;
  seed: string;
  idCounter: number;
  eventSeq: number;
  now: number;
  settings: SimulatorSettings;
  users: UserRecord[];
  groups: GroupRecord[];
  skus: SkuRecord[];
  policies: PolicyRecord[];
  cloudPcs: CloudPcRecord[];
  onPremisesConnections: CloudPcOnPremisesConnection[];
  galleryImages: CloudPcGalleryImage[];
  deviceImages: CloudPcDeviceImage[];
  servicePlans: CloudPcServicePlan[];
  supportedRegions: CloudPcSupportedRegion[];
  auditEvents: CloudPcAuditEvent[];
  faults: FaultRecord[];
  footprints: FootprintRecord[];
  schedule: ScheduledEvent[];
}

export const DEFAULT_SETTINGS: SimulatorSettings = {
  stageMinutes: [60, 40, 20],
  failureRate: 0,
  transitionMinutes: 30,
};
