// The Windows 365 service model: the tenant (tenant.ts) and every change that can be made to it, the virtual
// clock that moves Cloud PCs through their lifecycle, and who gets a Cloud PC when one is removed. Plain
// TypeScript, no I/O: the REST layer (rest/), persistence and the server sit around it (docs/simulator.md
// "The behaviour it models"). Each change and its audit event happen here, never in a REST handler.
import type { CloudPcOnPremisesConnection } from '../model/catalog';
import type { CloudPcOperatingSystem, CloudPcUserAccountType } from '../model/cloudPc';
import type { CloudPcPolicySettingType, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { CloudPcGalleryImage } from '../model/catalog';
import type {
  SimulatorStateData,
  UserRecord,
  GroupRecord,
  PolicyRecord,
  FaultRecord,
  SimulatorSettings,
} from './simulatorState';
import { licencesHeld } from '../coverage/coverage';
import { provisioningKindOf } from '../model/provisioningKind';
import type { ProvisioningKind } from '../model/provisioningKind';
import { ok, notFound } from './simResult';
import type { SimResult } from './simResult';
import type { ScheduledEventRunner } from './eventScheduler';
import type { CloudPcRecord } from './simulatorState';
import { Tenant } from './tenant';
import type { Actor } from './tenant';
import { handleScheduledEvent } from './cloudPcLifecycle';
import { reconcileFreed } from './reconciliation';
import * as directory from './directoryChanges';
import type { NewGroup, NewUser } from './directoryChanges';
import * as policies from './policyChanges';
import type { AssignTarget } from './policyChanges';
import * as actions from './cloudPcActions';
import type { RemoteAction } from './cloudPcActions';

/** The fields a gallery image patch may set (simulator controls: age an image). */
export type GalleryImagePatch = Partial<Pick<CloudPcGalleryImage, 'endDate' | 'expirationDate' | 'status'>>;

export class Simulator extends Tenant {
  constructor(data: SimulatorStateData) {
    super(data);
  }

  // ---------------------------------------------------------------- time

  /** Runs every event due at or before `t`, moving the clock event by event, then sets it to `t`. */
  advanceTo(t: number): number {
    const ran = this.scheduler.runDue(t, this.runEvent);
    if (t > this.clock.current) this.clock.current = t;
    this.emit('clock', '', 'updated');
    return ran;
  }

  private readonly runEvent: ScheduledEventRunner<CloudPcRecord> = (at, kind, target, gen, cloudPc) => {
    if (at > this.clock.current) this.clock.current = at;
    const freed = handleScheduledEvent(this, kind, target, gen, cloudPc);
    if (freed) reconcileFreed(this, freed);
  };

  advanceBy(ms: number): number {
    return this.advanceTo(this.clock.current + Math.max(0, ms));
  }

  /** Time of the next due event, if any (the scaled-time driver sleeps until then). */
  nextDueTime(): number | undefined {
    return this.scheduler.peekTime();
  }

  // ---------------------------------------------------------------- directory (an actor: audited)

  createUser(input: NewUser, actor?: Actor): SimResult<UserRecord> {
    return directory.createUser(this, input, actor);
  }

  deleteUser(id: string, actor?: Actor): SimResult<void> {
    return directory.deleteUser(this, id, actor);
  }

  createGroup(input: NewGroup, actor?: Actor): SimResult<GroupRecord> {
    return directory.createGroup(this, input, actor);
  }

  addMember(groupId: string, memberId: string, actor?: Actor): SimResult<void> {
    return directory.addMember(this, groupId, memberId, actor);
  }

  removeMember(groupId: string, memberId: string, actor?: Actor): SimResult<void> {
    return directory.removeMember(this, groupId, memberId, actor);
  }

  assignLicense(userId: string, add: string[], remove: string[], actor?: Actor): SimResult<UserRecord> {
    return directory.assignLicense(this, userId, add, remove, actor);
  }

  // ---------------------------------------------------------------- policies

  createPolicy(fields: Omit<CloudPcProvisioningPolicy, 'id' | 'assignments'>, actor?: Actor): SimResult<PolicyRecord> {
    return policies.createPolicy(this, fields, actor);
  }

  updatePolicy(id: string, fields: Partial<CloudPcProvisioningPolicy>, actor?: Actor): SimResult<PolicyRecord> {
    return policies.updatePolicy(this, id, fields, actor);
  }

  deletePolicy(id: string, actor?: Actor): SimResult<void> {
    return policies.deletePolicy(this, id, actor);
  }

  assignPolicy(id: string, targets: AssignTarget[], actor?: Actor): SimResult<void> {
    return policies.assignPolicy(this, id, targets, actor);
  }

  applyPolicy(
    id: string,
    settings: readonly CloudPcPolicySettingType[],
    reservePercentage: number | null | undefined,
    actor: Actor,
  ): SimResult<void> {
    return actions.applyPolicy(this, id, settings, reservePercentage, actor);
  }

  applyConfig(cloudPcIds: readonly string[], settings: readonly CloudPcPolicySettingType[], actor: Actor): void {
    actions.applyConfig(this, cloudPcIds, settings, actor);
  }

  retryPolicy(id: string, actor: Actor): SimResult<number> {
    return actions.retryPolicy(this, id, actor);
  }

  // ---------------------------------------------------------------- Cloud PC actions

  reprovisionCloudPc(
    id: string,
    options: { osVersion?: CloudPcOperatingSystem | null; userAccountType?: CloudPcUserAccountType | null },
    actor: Actor,
  ): SimResult<void> {
    return actions.reprovisionCloudPc(this, id, options, actor);
  }

  endGracePeriod(id: string, actor: Actor): SimResult<void> {
    return actions.endGracePeriodOf(this, id, actor);
  }

  renameCloudPc(id: string, displayName: string, actor: Actor): SimResult<void> {
    return actions.renameCloudPc(this, id, displayName, actor);
  }

  remoteAction(id: string, action: RemoteAction, actor: Actor): SimResult<void> {
    return actions.remoteAction(this, id, action, actor);
  }

  // ---------------------------------------------------------------- catalog

  /**
   * Graph's frontLineServicePlans: per Frontline plan, the tenant's licenses (totalCount), the licences
   * Cloud PCs hold (usedCount, docs/service-facts.md "Catalog") and what assignments allot (allotmentLicensesCount), so a client can check an
   * allotment before it assigns.
   */
  frontlineServicePlans(): {
    id: string;
    displayName: string;
    totalCount: number;
    usedCount: number;
    allotmentLicensesCount: number;
  }[] {
    const assignments = [...this.policies.values()].flatMap((p) => p.assignments);
    return [...this.skus.values()]
      .filter((s) => s.frontline)
      .map((s) => ({
        id: s.cloudPcServicePlanId,
        displayName:
          this.catalog.servicePlans.find((p) => p.id === s.cloudPcServicePlanId)?.displayName ?? s.skuPartNumber,
        totalCount: s.prepaidUnits.enabled,
        usedCount: this.frontlineLicencesUsed(s.cloudPcServicePlanId),
        allotmentLicensesCount: assignments
          .filter((a) => a.servicePlanId === s.cloudPcServicePlanId)
          .reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0),
      }));
  }

  /** Licences, not Cloud PCs: each assignment's Cloud PCs of the plan hold licencesHeld of them. */
  private frontlineLicencesUsed(servicePlanId: string): number {
    const perAssignment = new Map<string, { kind: ProvisioningKind; n: number }>();
    for (const pc of this.cloudPcs.values()) {
      if (pc.servicePlanId !== servicePlanId || pc.status === 'deprovisioning') continue;
      const key = `${pc.policyId}|${pc.groupId ?? pc.id}`;
      const entry = perAssignment.get(key) ?? { kind: provisioningKindOf(pc.provisioningType), n: 0 };
      entry.n++;
      perAssignment.set(key, entry);
    }
    let used = 0;
    for (const { kind, n } of perAssignment.values()) used += licencesHeld(kind, n);
    return used;
  }

  // ---------------------------------------------------------------- simulator controls

  addFault(input: { userPrincipalName?: string | null; policyId?: string | null; count: number }): FaultRecord {
    const fault: FaultRecord = {
      id: this.ids.guid(),
      kind: 'provisioningFailure',
      userPrincipalName: input.userPrincipalName ?? null,
      policyId: input.policyId ?? null,
      remaining: input.count,
    };
    this.faults.push(fault);
    this.emit('tenant', fault.id, 'created');
    return fault;
  }

  setConnectionHealth(
    id: string,
    status: CloudPcOnPremisesConnection['healthCheckStatus'],
  ): SimResult<CloudPcOnPremisesConnection> {
    const anc = this.connections.get(id);
    if (!anc) return notFound('cloudPcOnPremisesConnection', id);
    anc.healthCheckStatus = status;
    this.audit(
      'Update Azure network connection health',
      'UpdateOnPremisesConnection',
      'patch',
      { id, displayName: anc.displayName, type: 'cloudPcOnPremisesConnection' },
      [{ displayName: 'healthCheckStatus', oldValue: null, newValue: status }],
    );
    this.emit('onPremisesConnection', id, 'updated');
    return ok(anc);
  }

  /** Ages a gallery image (its dates or status); provisioning reads them when an attempt starts (docs/simulator.md rule 5). */
  updateGalleryImage(id: string, patch: GalleryImagePatch): SimResult<CloudPcGalleryImage> {
    const image = this.galleryImage(id);
    if (!image) return notFound('galleryImage', id);
    if (patch.endDate !== undefined) image.endDate = patch.endDate;
    if (patch.expirationDate !== undefined) image.expirationDate = patch.expirationDate;
    if (patch.status !== undefined) image.status = patch.status;
    this.emit('tenant', image.id, 'updated');
    return ok(image);
  }

  updateSettings(patch: Partial<SimulatorSettings>): SimulatorSettings {
    this.settings = { ...this.settings, ...patch };
    this.emit('tenant', '', 'updated');
    return this.settings;
  }
}
