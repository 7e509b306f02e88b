// One Cloud PC's life: queued → provisioning (create VM, set up for the user, finish) → provisioned, with
// automatic retries, failure, grace period, deprovisioning, apply actions and the cleanup that follows
// (docs/simulator.md, rules 3–10). Transitions bump `gen` so events scheduled for an earlier state are ignored.
import type { Tenant } from './tenant';
import { MINUTE, DAY } from './timeUnits';
import { releaseFootprint, cleanupFootprint } from './cloudPcFootprint';
import { ok, fail } from './simResult';
import type { SimResult } from './simResult';
import type { CloudPcRecord, PolicyRecord, UserRecord } from './simulatorState';
import type { ScheduledEventKind } from './eventScheduler';
import type { CloudPcOperatingSystem, CloudPcUserAccountType, CloudPcStatus } from '../model/cloudPc';
import type { CloudPcPolicySettingType } from '../model/provisioningPolicy';
import { isUsableConnectionStatus } from '../model/catalog';
import { imageNameFor } from './imageName';
import { defaultRegionFor } from './catalogSeed';
import { reserveDeviceName } from './cloudPcNaming';
import {
  REPROVISIONABLE_STATUSES,
  canEndGracePeriod,
  canReprovision,
  canRetryProvisioning,
} from '../model/reprovisionRule';

/** A failed provisioning is retried automatically twice; the third failure is final (docs/simulator.md rule 5). */
export const MAX_ATTEMPTS = 3;
/** 7-day grace period: docs/simulator.md rule 8. */
export const GRACE_PERIOD_MS = 7 * DAY;
/** Queued before provisioning starts, so a fresh Cloud PC shows `notProvisioned` for a moment. */
export const QUEUE_DELAY_MS = 1 * MINUTE;
export const AUTO_RETRY_DELAY_MS = 5 * MINUTE;

const NO_CONFIGS: never[] = [];
const SETTLED = new Set<CloudPcStatus>(['provisioned', 'provisionedWithWarnings']);

export interface NewCloudPc {
  slot: string;
  user: UserRecord | null;
  policy: PolicyRecord;
  skuId: string | null;
  servicePlanId: string | null;
  groupId: string | null;
  allotmentDisplayName: string | null;
}

export function createCloudPc(sim: Tenant, input: NewCloudPc): CloudPcRecord {
  const p = input.policy.policy;
  const group = input.groupId ? sim.groups.get(input.groupId) : undefined;
  const c: CloudPcRecord = {
    id: sim.ids.guid(),
    slot: input.slot,
    userId: input.user?.id ?? null,
    userPrincipalName: input.user?.userPrincipalName ?? null,
    policyId: p.id,
    groupId: input.groupId,
    skuId: input.skuId,
    servicePlanId: input.servicePlanId,
    // The display name is set once; renaming the policy later renames no Cloud PC (docs/simulator.md rule 6).
    displayName: input.user
      ? `${p.displayName} - ${input.user.displayName}`
      : `${p.displayName} - ${input.allotmentDisplayName ?? group?.displayName ?? 'shared'} ${input.slot.split('|').pop()}`,
    deviceName: '',
    aadDeviceId: null,
    managedDeviceId: null,
    footprintAt: null,
    footprintSeq: 0,
    status: 'notProvisioned',
    settledStatus: 'provisioned',
    statusDetail: null,
    graceEnd: null,
    provisionedAt: null,
    lastModified: sim.now(),
    imageId: p.imageId ?? null,
    imageDisplayName: imageNameFor(sim, p),
    ancId: null,
    ancName: '',
    regionName: null,
    pendingRegionName: null,
    singleSignOn: !!p.enableSingleSignOn,
    osVersion: 'windows11',
    userAccountType: p.localAdminEnabled ? 'administrator' : 'standardUser',
    provisioningType: p.provisioningType ?? 'dedicated',
    userExperienceType: p.userExperienceType ?? 'cloudPc',
    productType: input.groupId ? 'frontline' : 'enterprise',
    allotmentDisplayName: input.allotmentDisplayName,
    gen: 0,
    attempts: 0,
    stage: 0,
    pendingFailure: null,
  };
  reserveDeviceName(sim, p.cloudPcNamingTemplate, c);
  sim.cloudPcs.set(c.id, c);
  sim.indexCloudPc(c, true);
  sim.schedule(QUEUE_DELAY_MS, 'startProvisioning', c.id, c.gen, c);
  sim.emit('cloudPc', c.id, 'created');
  return c;
}

function touch(sim: Tenant, c: CloudPcRecord, status: CloudPcStatus): void {
  c.status = status;
  c.lastModified = sim.now();
  c.gen++;
  sim.emit('cloudPc', c.id, 'updated');
}

/** Starts an attempt with the policy's current settings (rule 6) and decides now whether it will fail (rule 5). */
function startAttempt(sim: Tenant, c: CloudPcRecord): void {
  const policy = sim.policies.get(c.policyId)?.policy;
  let failure: CloudPcRecord['pendingFailure'] = null;
  if (policy) {
    c.imageId = policy.imageId ?? null;
    c.imageDisplayName = imageNameFor(sim, policy);
    c.singleSignOn = !!policy.enableSingleSignOn;
    const configs = policy.domainJoinConfigurations ?? [];
    const ancConfigs =
      configs.length && configs[0].onPremisesConnectionId
        ? configs.filter((d) => d.onPremisesConnectionId)
        : NO_CONFIGS;
    if (ancConfigs.length) {
      // Priority order: the first healthy Azure network connection is used (docs/simulator.md rule 1).
      const healthy = ancConfigs
        .map((d) => sim.connections.get(d.onPremisesConnectionId!))
        .find((a) => a && isUsableConnectionStatus(a.healthCheckStatus));
      const chosen = healthy ?? sim.connections.get(ancConfigs[0].onPremisesConnectionId!);
      c.ancId = chosen?.id ?? null;
      c.ancName = chosen?.displayName ?? '';
      c.regionName = chosen?.virtualNetworkLocation ?? null;
      if (!healthy) {
        failure = {
          code: 'azureNetworkConnectionUnhealthy',
          stage: 1,
          message: `None of the policy's Azure network connections passed its health checks (${ancConfigs.map((d) => sim.connections.get(d.onPremisesConnectionId!)?.displayName ?? d.onPremisesConnectionId).join(', ')}).`,
        };
      }
    } else {
      const d = configs[0];
      c.ancId = null;
      c.ancName = '';
      c.regionName = !d?.regionName || d.regionName === 'automatic' ? defaultRegionFor(d?.regionGroup) : d.regionName;
    }
    if (!failure) failure = imageProblem(sim, policy.imageType ?? 'gallery', policy.imageId ?? null);
  }
  if (!failure && sim.faults.length && sim.takeFault(c.userPrincipalName, c.policyId)) {
    failure = {
      code: 'intuneEnrollFailed',
      stage: 2,
      message: 'The Cloud PC could not be enrolled in Intune (injected fault).',
    };
  }
  if (!failure && sim.settings.failureRate > 0 && sim.ids.random() < sim.settings.failureRate) {
    failure = {
      code: 'provisioningFailed',
      stage: 2,
      message: 'Provisioning failed for an internal reason (simulated random failure).',
    };
  }
  c.pendingFailure = failure;
  c.stage = 1;
  c.statusDetail = null;
  touch(sim, c, 'provisioning');
  sim.schedule(sim.settings.stageMinutes[0] * MINUTE, 'stageDone', c.id, c.gen, c);
}

function imageProblem(sim: Tenant, imageType: string, imageId: string | null): CloudPcRecord['pendingFailure'] {
  if (!imageId) return { code: 'imageNotFound', stage: 1, message: 'The policy names no image.' };
  if (imageType === 'custom') {
    const image = sim.catalog.deviceImages.find((i) => i.id.toLowerCase() === imageId.toLowerCase());
    if (!image) return { code: 'imageNotFound', stage: 1, message: `Custom image '${imageId}' was not found.` };
    if (image.status !== 'ready')
      return {
        code: 'imageNotReady',
        stage: 1,
        message: `Custom image '${image.displayName}' is ${image.status}, not ready.`,
      };
    return null;
  }
  const image = sim.galleryImage(imageId);
  if (!image) return { code: 'imageNotFound', stage: 1, message: `Gallery image '${imageId}' was not found.` };
  // No new provisioning after the expiration date (docs/simulator.md rule 5, imageExpired).
  if (image.expirationDate && Date.parse(image.expirationDate) <= sim.now()) {
    return {
      code: 'imageExpired',
      stage: 1,
      message: `Gallery image '${image.displayName}' expired on ${image.expirationDate}; choose a supported image.`,
    };
  }
  return null;
}

function failAttempt(sim: Tenant, c: CloudPcRecord): void {
  const failure = c.pendingFailure!;
  c.attempts++;
  if (c.attempts < MAX_ATTEMPTS) {
    c.stage = 0;
    c.gen++;
    sim.schedule(AUTO_RETRY_DELAY_MS, 'startProvisioning', c.id, c.gen, c);
    return;
  }
  const retriable = failure.code !== 'imageExpired';
  c.statusDetail = {
    code: failure.code,
    message: failure.message,
    additionalInformation: [
      { name: 'retriable', value: String(retriable) },
      { name: 'failedAction', value: 'Provision' },
      { name: 'attempts', value: String(c.attempts) },
    ],
  };
  c.stage = 0;
  c.pendingFailure = null;
  touch(sim, c, 'failed');
  releaseFootprint(sim, c);
}

/**
 * Runs one due event. `ref`: the record the event was scheduled with (a removed Cloud PC's generation has
 * moved on); else looked up. Returns the Cloud PC it removed, if any: its licence slot or allotment is free,
 * and the caller decides who gets it (docs/simulator.md rule 8).
 */
export function handleScheduledEvent(
  sim: Tenant,
  kind: ScheduledEventKind,
  target: string,
  gen: number,
  ref: CloudPcRecord | undefined,
): CloudPcRecord | undefined {
  if (kind === 'cleanup') {
    cleanupFootprint(sim, target);
    return undefined;
  }
  const c = ref ?? sim.cloudPcs.get(target);
  if (!c || c.gen !== gen) return undefined;
  switch (kind) {
    case 'startProvisioning':
      startAttempt(sim, c);
      return undefined;
    case 'stageDone':
      stageDone(sim, c);
      return undefined;
    case 'settle':
      settle(sim, c);
      return undefined;
    case 'graceEnd':
      deprovision(sim, c);
      return undefined;
    case 'deprovisioned':
      removeCloudPc(sim, c);
      return c;
  }
}

function stageDone(sim: Tenant, c: CloudPcRecord): void {
  const stage = c.stage;
  if (stage === 1 && !c.aadDeviceId) {
    c.aadDeviceId = sim.ids.guid();
    c.footprintAt = sim.now();
  } else if (stage === 2 && !c.managedDeviceId) {
    c.managedDeviceId = sim.ids.guid();
  }
  if (c.pendingFailure && c.pendingFailure.stage === stage) return failAttempt(sim, c);
  if (stage < 3) {
    c.stage = stage + 1;
    c.gen++;
    sim.schedule(sim.settings.stageMinutes[stage] * MINUTE, 'stageDone', c.id, c.gen, c);
    return;
  }
  c.stage = 0;
  c.attempts = 0;
  c.provisionedAt = sim.now();
  const autopilot = sim.policies.get(c.policyId)?.policy.autopilotConfiguration;
  // Autopilot device preparation that fails without denying access ends with warnings (docs/simulator.md rule 3); we model success.
  c.settledStatus =
    autopilot && autopilot.onFailureDeviceAccessDenied === false && !autopilot.devicePreparationProfileId
      ? 'provisionedWithWarnings'
      : 'provisioned';
  touch(sim, c, c.settledStatus);
}

function settle(sim: Tenant, c: CloudPcRecord): void {
  // Only a region move sets pendingRegionName.
  if (c.pendingRegionName) c.regionName = c.pendingRegionName;
  c.pendingRegionName = null;
  touch(sim, c, c.settledStatus);
}

/** Rule 8: no longer covered → grace (7 days) if it was delivered; an undelivered one is simply removed. */
export function loseCoverage(sim: Tenant, c: CloudPcRecord): void {
  if (c.status === 'inGracePeriod' || c.status === 'deprovisioning') return;
  // Only a user's Cloud PC loses coverage (a Frontline shared pool is deprovisioned at once by reconcileSharedPools);
  // ⚠ one never provisioned has nothing to keep: deprovisioned at once (docs/simulator.md rule 8).
  if (!c.provisionedAt) return deprovision(sim, c);
  c.graceEnd = sim.now() + GRACE_PERIOD_MS;
  touch(sim, c, 'inGracePeriod');
  // By id, not by reference: a week is long enough for the record to be gone, and the agenda should not keep it.
  sim.schedule(GRACE_PERIOD_MS, 'graceEnd', c.id, c.gen);
}

export function restoreFromGrace(sim: Tenant, c: CloudPcRecord): void {
  c.graceEnd = null;
  touch(sim, c, c.settledStatus);
}

export function deprovision(sim: Tenant, c: CloudPcRecord): void {
  c.graceEnd = null;
  touch(sim, c, 'deprovisioning');
  sim.schedule(sim.settings.transitionMinutes * MINUTE, 'deprovisioned', c.id, c.gen, c);
}

function removeCloudPc(sim: Tenant, c: CloudPcRecord): void {
  releaseFootprint(sim, c);
  // Events still queued for this record carry it by reference: a new generation makes them stale.
  c.gen++;
  sim.cloudPcs.delete(c.id);
  sim.unindexCloudPc(c);
  sim.emit('cloudPc', c.id, 'deleted');
}

// ---------------------------------------------------------------- admin actions

/** Rule 7: reprovision only from the shared rule's statuses; recreates with the policy's current settings and a new name. */
export function reprovision(
  sim: Tenant,
  c: CloudPcRecord,
  options: { osVersion?: CloudPcOperatingSystem | null; userAccountType?: CloudPcUserAccountType | null },
): SimResult<void> {
  if (!canReprovision(c.status)) {
    return fail(
      400,
      'badRequest',
      `The Cloud PC '${c.displayName}' is ${c.status}; it can be reprovisioned only when it is ${REPROVISIONABLE_STATUSES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}.`,
      'InvalidCloudPcStatus',
    );
  }
  const policy = sim.policies.get(c.policyId)?.policy;
  // Never rebuilt from a deleted policy (rule 8): its Cloud PCs can only be in grace, so this guards old state files.
  if (!policy)
    return fail(
      400,
      'badRequest',
      `The provisioning policy of the Cloud PC '${c.displayName}' was deleted; it cannot be reprovisioned.`,
      'InvalidCloudPcStatus',
    );
  releaseFootprint(sim, c);
  sim.deviceNames.delete(c.deviceName.toUpperCase());
  reserveDeviceName(sim, policy.cloudPcNamingTemplate, c);
  if (options.osVersion) c.osVersion = options.osVersion;
  if (options.userAccountType) c.userAccountType = options.userAccountType;
  else c.userAccountType = policy.localAdminEnabled ? 'administrator' : 'standardUser';
  c.provisionedAt = null;
  c.attempts = 0;
  startAttempt(sim, c);
  return ok(undefined);
}

/** Manual retry of a failed Cloud PC (policy `retry`): a fresh series of attempts. */
export function retryFailed(sim: Tenant, c: CloudPcRecord): boolean {
  if (!canRetryProvisioning(c.status)) return false;
  c.attempts = 0;
  startAttempt(sim, c);
  return true;
}

/** Rule 6: `apply` pushes region or single-sign-on changes to delivered Cloud PCs. */
export function applyPolicySetting(sim: Tenant, c: CloudPcRecord, setting: CloudPcPolicySettingType): boolean {
  if (!SETTLED.has(c.status)) return false;
  const policy = sim.policies.get(c.policyId)?.policy;
  if (!policy) return false;
  if (setting === 'singleSignOn') {
    const want = !!policy.enableSingleSignOn;
    if (want === c.singleSignOn) return false;
    c.singleSignOn = want;
    touch(sim, c, 'modifyingSingleSignOn');
  } else if (setting === 'region') {
    const d = (policy.domainJoinConfigurations ?? [])[0];
    if (!d || d.onPremisesConnectionId) return false;
    const region = !d.regionName || d.regionName === 'automatic' ? defaultRegionFor(d.regionGroup) : d.regionName;
    if (region === c.regionName) return false;
    c.pendingRegionName = region;
    touch(sim, c, 'movingRegion');
  } else {
    return false;
  }
  sim.schedule(sim.settings.transitionMinutes * MINUTE, 'settle', c.id, c.gen, c);
  return true;
}

export function endGracePeriod(sim: Tenant, c: CloudPcRecord): SimResult<void> {
  if (!canEndGracePeriod(c.status)) {
    return fail(
      400,
      'badRequest',
      `The Cloud PC '${c.displayName}' is ${c.status}, not in its grace period.`,
      'InvalidCloudPcStatus',
    );
  }
  deprovision(sim, c);
  return ok(undefined);
}
