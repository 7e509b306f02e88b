// The Windows 365 service model: tenant directory, provisioning policies, Cloud PCs and the virtual clock
// that moves them through their lifecycle. Plain TypeScript, no I/O: the REST facade, persistence and the
// server sit around it. Rules are graph-facts C.6–C.7; lifecycle transitions live in cloudPcLifecycle.ts.
import type { Clock } from '../model/clock';
import type { CloudPcAuditEvent, CloudPcAuditActivityOperationType, CloudPcAuditActivityResult, CloudPcAuditProperty } from '../model/auditEvent';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { CloudPcOnPremisesConnection } from '../model/catalog';
import type {
  SimulatorStateData, UserRecord, GroupRecord, PolicyRecord, CloudPcRecord, FootprintRecord, FaultRecord, SkuRecord,
  SimulatorSettings, AssignmentRecord,
} from './simulatorState';
import { DEFAULT_SETTINGS } from './simulatorState';
import { ok, fail, notFound } from './simResult';
import type { SimResult } from './simResult';
import { EventScheduler } from './eventScheduler';
import type { ScheduledEvent, ScheduledEventRunner } from './eventScheduler';
import { ChangeEmitter } from './changeEvents';
import type { Disposable, SimulatorChange, SimulatorChangeListener } from './changeEvents';
import { SeededSource } from './seededIds';
import { handleScheduledEvent } from './cloudPcLifecycle';
import { reconcileUser, reconcileUsers, reconcileSharedPools } from './reconciliation';
import { isFrontlineSharedType, isFrontlineType } from '../model/provisioningKind';


/** Who made a change, for audit events. The simulator accepts any token, so the actor is nominal. */
export interface Actor {
  userPrincipalName: string;
  ipAddress?: string;
}

const DEFAULT_ACTOR: Actor = { userPrincipalName: 'admin@contoso.onmicrosoft.com' };

/** A virtual clock the simulator owns; `now()` is what every rule reads. */
class VirtualClock implements Clock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
}

export class Simulator {
  readonly clock: VirtualClock;
  readonly scheduler = new EventScheduler<CloudPcRecord>();
  private readonly emitter = new ChangeEmitter();
  ids!: SeededSource;
  seed!: string;
  settings!: SimulatorSettings;

  users = new Map<string, UserRecord>();
  groups = new Map<string, GroupRecord>();
  skus = new Map<string, SkuRecord>();
  policies = new Map<string, PolicyRecord>();
  cloudPcs = new Map<string, CloudPcRecord>();
  footprints = new Map<string, FootprintRecord>();
  faults: FaultRecord[] = [];
  auditEvents: CloudPcAuditEvent[] = [];
  connections = new Map<string, CloudPcOnPremisesConnection>();
  catalog!: Pick<SimulatorStateData, 'galleryImages' | 'deviceImages' | 'servicePlans' | 'supportedRegions'>;

  // Indexes, rebuilt on load: work per change is proportional to the change, not the tenant.
  /** user id → ids of groups the user is a direct member of (a short array, like cloudPcsByUser). */
  userGroups = new Map<string, string[]>();
  /** group id → ids of policies assigned to it. */
  groupPolicies = new Map<string, Set<string>>();
  /** group id → Set of direct members (mirror of GroupRecord.members for O(1) membership). */
  groupMembers = new Map<string, Set<string>>();
  /** user id → their Cloud PC ids (a short array: a Set per user would cost ~100 B × 100,000). */
  cloudPcsByUser = new Map<string, string[]>();
  cloudPcsByPolicy = new Map<string, Set<string>>();
  /** `policyId|groupId` → Cloud PCs consuming that assignment's Frontline allotment. */
  cloudPcsByAssignment = new Map<string, Set<string>>();
  upnIndex = new Map<string, string>();
  deviceNames = new Set<string>();
  /** Bumped on every change: lets list caches know when to rebuild. */
  version = 0;
  /** Seeded uniform [0, 1) draws; one function for the life of the simulator (no closure per call). */
  readonly random = (): number => this.ids.random();

  constructor(data: SimulatorStateData) {
    this.clock = new VirtualClock(data.now);
    this.load(data);
  }

  // ---------------------------------------------------------------- state in and out

  load(data: SimulatorStateData): void {
    this.seed = data.seed;
    this.ids = new SeededSource(data.seed, data.idCounter);
    this.settings = { ...DEFAULT_SETTINGS, ...data.settings };
    this.clock.current = data.now;
    this.users = new Map(data.users.map((u) => [u.id, { ...u, licenses: [...u.licenses] }]));
    this.groups = new Map(data.groups.map((g) => [g.id, { ...g, members: [...g.members] }]));
    this.skus = new Map(data.skus.map((s) => [s.skuId, structuredClone(s)]));
    this.policies = new Map(data.policies.map((p) => [p.policy.id, structuredClone(p)]));
    this.cloudPcs = new Map(data.cloudPcs.map((c) => [c.id, { ...c }]));
    this.footprints = new Map(data.footprints.map((f) => [f.id, { ...f }]));
    this.faults = data.faults.map((f) => ({ ...f }));
    this.auditEvents = structuredClone(data.auditEvents);
    this.connections = new Map(data.onPremisesConnections.map((c) => [c.id, { ...c }]));
    this.catalog = structuredClone({ galleryImages: data.galleryImages, deviceImages: data.deviceImages, servicePlans: data.servicePlans, supportedRegions: data.supportedRegions });
    this.scheduler.load(data.schedule, data.eventSeq);
    this.rebuildIndexes();
    this.version++;
    this.emit('tenant', '', 'updated');
  }

  toData(): SimulatorStateData {
    return {
      version: 1,
      seed: this.seed,
      idCounter: this.ids.counter,
      eventSeq: this.scheduler.seq,
      now: this.clock.current,
      settings: { ...this.settings },
      users: [...this.users.values()],
      groups: [...this.groups.values()],
      skus: [...this.skus.values()],
      policies: [...this.policies.values()],
      cloudPcs: [...this.cloudPcs.values()],
      onPremisesConnections: [...this.connections.values()],
      galleryImages: this.catalog.galleryImages,
      deviceImages: this.catalog.deviceImages,
      servicePlans: this.catalog.servicePlans,
      supportedRegions: this.catalog.supportedRegions,
      auditEvents: this.auditEvents,
      faults: this.faults,
      footprints: [...this.footprints.values()],
      schedule: this.scheduler.toJSON(),
    };
  }

  private rebuildIndexes(): void {
    this.userGroups.clear();
    this.groupPolicies.clear();
    this.groupMembers.clear();
    this.cloudPcsByUser.clear();
    this.cloudPcsByPolicy.clear();
    this.cloudPcsByAssignment.clear();
    this.upnIndex.clear();
    this.deviceNames.clear();
    for (const u of this.users.values()) this.upnIndex.set(u.userPrincipalName.toLowerCase(), u.id);
    for (const g of this.groups.values()) {
      this.groupMembers.set(g.id, new Set(g.members));
      for (const m of g.members) if (this.users.has(m)) pushTo(this.userGroups, m, g.id);
    }
    for (const p of this.policies.values()) for (const a of p.assignments) addTo(this.groupPolicies, a.groupId, p.policy.id);
    for (const c of this.cloudPcs.values()) this.indexCloudPc(c);
  }

  /** `nameReserved`: the device name is in `deviceNames` already (a new Cloud PC claimed it). */
  indexCloudPc(c: CloudPcRecord, nameReserved = false): void {
    if (c.userId) pushTo(this.cloudPcsByUser, c.userId, c.id);
    addTo(this.cloudPcsByPolicy, c.policyId, c.id);
    if (c.groupId) addTo(this.cloudPcsByAssignment, `${c.policyId}|${c.groupId}`, c.id);
    if (!nameReserved) this.deviceNames.add(c.deviceName.toUpperCase());
  }

  unindexCloudPc(c: CloudPcRecord): void {
    if (c.userId) pullFrom(this.cloudPcsByUser, c.userId, c.id);
    removeFrom(this.cloudPcsByPolicy, c.policyId, c.id);
    if (c.groupId) removeFrom(this.cloudPcsByAssignment, `${c.policyId}|${c.groupId}`, c.id);
    this.deviceNames.delete(c.deviceName.toUpperCase());
  }

  // ---------------------------------------------------------------- events, time

  onDidChange(listener: SimulatorChangeListener): Disposable {
    return this.emitter.on(listener);
  }

  /** Arguments, not an object: nothing is allocated when no one listens (100,000-PC tenants). */
  emit(kind: SimulatorChange['kind'], id: string, change: SimulatorChange['change']): void {
    this.version++;
    if (this.emitter.hasListeners) this.emitter.emit({ kind, id, change });
  }

  now(): number {
    return this.clock.current;
  }

  /** ISO-8601 UTC without milliseconds, as Graph writes it; memoized (a page of Cloud PCs repeats timestamps). */
  iso(t: number = this.clock.current): string {
    let s = isoCache.get(t);
    if (s === undefined) {
      if (isoCache.size > 50_000) isoCache.clear();
      s = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
      isoCache.set(t, s);
    }
    return s;
  }

  /** `cloudPc`: the event's target record, so running it needs no lookup (not persisted; ids are). */
  schedule(delayMs: number, kind: ScheduledEvent['kind'], target: string, gen: number, cloudPc?: CloudPcRecord): void {
    this.scheduler.schedule(this.clock.current + delayMs, kind, target, gen, cloudPc);
  }

  /** Runs every event due at or before `t`, moving the clock event by event, then sets it to `t`. */
  advanceTo(t: number): number {
    const ran = this.scheduler.runDue(t, this.runEvent);
    if (t > this.clock.current) this.clock.current = t;
    this.emit('clock', '', 'updated');
    return ran;
  }

  private readonly runEvent: ScheduledEventRunner<CloudPcRecord> = (at, kind, target, gen, cloudPc) => {
    if (at > this.clock.current) this.clock.current = at;
    handleScheduledEvent(this, kind, target, gen, cloudPc);
  };

  advanceBy(ms: number): number {
    return this.advanceTo(this.clock.current + Math.max(0, ms));
  }

  /** Time of the next due event, if any (the scaled-time driver sleeps until then). */
  nextDueTime(): number | undefined {
    return this.scheduler.peekTime();
  }

  // ---------------------------------------------------------------- audit (rule 13)

  audit(
    activity: string, activityType: string, operation: CloudPcAuditActivityOperationType, resource: { id: string; displayName: string | null; type: string },
    modified: CloudPcAuditProperty[] = [], actor: Actor = DEFAULT_ACTOR, result: CloudPcAuditActivityResult = 'success',
  ): void {
    const event: CloudPcAuditEvent = {
      id: this.ids.guid(), displayName: activity, componentName: componentFor(resource.type), activity, activityDateTime: this.iso(),
      activityType, activityOperationType: operation, activityResult: result,
      actor: {
        type: 'itPro', userPrincipalName: actor.userPrincipalName, userId: this.upnIndex.get(actor.userPrincipalName.toLowerCase()) ?? null,
        applicationId: null, applicationDisplayName: 'cpcpolicy simulator', ipAddress: actor.ipAddress ?? null, userPermissions: ['*'],
        userRoleScopeTags: [{ displayName: 'Default', roleScopeTagId: '0' }],
      },
      category: 'cloudPC', correlationId: this.ids.guid(),
      resources: [{ displayName: resource.displayName, type: resource.type, resourceId: resource.id, modifiedProperties: modified }],
    };
    this.auditEvents.push(event);
    this.emit('auditEvent', event.id, 'created');
  }

  // ---------------------------------------------------------------- directory

  createUser(input: { displayName: string; userPrincipalName: string; givenName?: string | null; surname?: string | null; jobTitle?: string | null; department?: string | null; accountEnabled?: boolean; usageLocation?: string | null; id?: string }): SimResult<UserRecord> {
    const key = input.userPrincipalName.toLowerCase();
    if (this.upnIndex.has(key)) return fail(400, 'Request_BadRequest', `Another object with the same value for property userPrincipalName already exists.`);
    const user: UserRecord = {
      id: input.id ?? this.ids.guid(), displayName: input.displayName, userPrincipalName: input.userPrincipalName, givenName: input.givenName ?? null,
      surname: input.surname ?? null, jobTitle: input.jobTitle ?? null, department: input.department ?? null, accountEnabled: input.accountEnabled ?? true,
      usageLocation: input.usageLocation ?? null, licenses: [],
    };
    this.users.set(user.id, user);
    this.upnIndex.set(key, user.id);
    this.emit('user', user.id, 'created');
    return ok(user);
  }

  deleteUser(id: string): SimResult<void> {
    const user = this.users.get(id);
    if (!user) return notFound('user', id);
    for (const g of this.userGroups.get(id) ?? []) {
      const group = this.groups.get(g)!;
      group.members = group.members.filter((m) => m !== id);
      this.groupMembers.get(g)?.delete(id);
    }
    this.userGroups.delete(id);
    for (const skuId of user.licenses) {
      const sku = this.skus.get(skuId);
      if (sku) sku.consumedUnits--;
    }
    this.users.delete(id);
    this.upnIndex.delete(user.userPrincipalName.toLowerCase());
    reconcileUser(this, id);
    this.emit('user', id, 'deleted');
    return ok(undefined);
  }

  createGroup(input: { displayName: string; description?: string | null; mailNickname?: string; mailEnabled?: boolean; securityEnabled?: boolean; groupTypes?: string[]; id?: string }): SimResult<GroupRecord> {
    const group: GroupRecord = {
      id: input.id ?? this.ids.guid(), displayName: input.displayName, description: input.description ?? null,
      mailNickname: input.mailNickname ?? input.displayName.replace(/[^A-Za-z0-9]/g, ''), mailEnabled: input.mailEnabled ?? false,
      securityEnabled: input.securityEnabled ?? true, groupTypes: input.groupTypes ?? [], createdDateTime: this.now(), members: [],
    };
    this.groups.set(group.id, group);
    this.groupMembers.set(group.id, new Set());
    this.emit('group', group.id, 'created');
    return ok(group);
  }

  addMember(groupId: string, memberId: string): SimResult<void> {
    const group = this.groups.get(groupId);
    if (!group) return notFound('group', groupId);
    const isUser = this.users.has(memberId);
    if (!isUser && !this.groups.has(memberId)) return fail(404, 'Request_ResourceNotFound', `Resource '${memberId}' does not exist or one of its queried reference-property objects are not present.`);
    if (memberId === groupId) return fail(400, 'Request_BadRequest', 'A group cannot be a member of itself.');
    const members = this.groupMembers.get(groupId)!;
    if (members.has(memberId)) return fail(400, 'Request_BadRequest', "One or more added object references already exist for the following modified properties: 'members'.");
    members.add(memberId);
    group.members.push(memberId);
    // Nested groups are members but never expanded (graph-facts B.2): only direct users count.
    if (isUser) {
      pushTo(this.userGroups, memberId, groupId);
      reconcileUser(this, memberId);
    }
    this.emit('group', groupId, 'updated');
    return ok(undefined);
  }

  removeMember(groupId: string, memberId: string): SimResult<void> {
    const group = this.groups.get(groupId);
    if (!group) return notFound('group', groupId);
    const members = this.groupMembers.get(groupId)!;
    if (!members.has(memberId)) return fail(404, 'Request_ResourceNotFound', `Resource '${memberId}' is not a member of group '${groupId}'.`);
    members.delete(memberId);
    const at = group.members.indexOf(memberId);
    if (at >= 0) group.members.splice(at, 1);
    if (this.users.has(memberId)) {
      pullFrom(this.userGroups, memberId, groupId);
      reconcileUser(this, memberId);
    }
    this.emit('group', groupId, 'updated');
    return ok(undefined);
  }

  assignLicense(userId: string, add: string[], remove: string[]): SimResult<UserRecord> {
    const user = this.users.get(userId);
    if (!user) return notFound('user', userId);
    for (const skuId of [...add, ...remove]) if (!this.skus.has(skuId)) return fail(400, 'Request_BadRequest', `License ${skuId} does not correspond to a valid company License.`);
    for (const skuId of add) {
      const sku = this.skus.get(skuId)!;
      if (!user.licenses.includes(skuId) && sku.consumedUnits >= sku.prepaidUnits.enabled) {
        return fail(400, 'Request_BadRequest', `Subscription ${sku.skuPartNumber} does not have any available licenses.`);
      }
    }
    for (const skuId of remove) {
      if (user.licenses.includes(skuId)) {
        user.licenses = user.licenses.filter((s) => s !== skuId);
        this.skus.get(skuId)!.consumedUnits--;
      }
    }
    for (const skuId of add) {
      if (!user.licenses.includes(skuId)) {
        user.licenses.push(skuId);
        this.skus.get(skuId)!.consumedUnits++;
      }
    }
    reconcileUser(this, userId);
    this.emit('license', userId, 'updated');
    this.emit('user', userId, 'updated');
    return ok(user);
  }

  // ---------------------------------------------------------------- policies

  createPolicy(fields: Omit<CloudPcProvisioningPolicy, 'id' | 'assignments'>, actor?: Actor): SimResult<PolicyRecord> {
    const id = this.ids.guid();
    const now = this.iso();
    const policy: PolicyRecord['policy'] = {
      '@odata.type': '#microsoft.graph.cloudPcProvisioningPolicy',
      id,
      description: '',
      cloudPcNamingTemplate: null,
      enableSingleSignOn: false,
      imageType: 'gallery',
      localAdminEnabled: false,
      managedBy: 'windows365',
      provisioningType: 'dedicated',
      userExperienceType: 'cloudPc',
      scopeIds: ['0'],
      windowsSetting: { locale: 'en-US' },
      microsoftManagedDesktop: { managedType: 'notManaged', profile: null },
      autopatch: null,
      autopilotConfiguration: null,
      userSettingsPersistenceConfiguration: null,
      domainJoinConfigurations: [],
      ...fields,
      alternateResourceUrl: null,
      cloudPcGroupDisplayName: null,
      // ⚠ gracePeriodInHours is undocumented (2 in a docs example, 4 in a mock); we report the 7-day grace we enforce (graph-facts B.1, C.6).
      gracePeriodInHours: 168,
      createdBy: this.upnIndex.get((actor ?? DEFAULT_ACTOR).userPrincipalName.toLowerCase()) ?? null,
      createdDateTime: now,
      lastModifiedBy: null,
      lastModifiedDateTime: now,
    } as PolicyRecord['policy'];
    const record: PolicyRecord = { policy, assignments: [] };
    this.policies.set(id, record);
    this.audit('Create provisioning policy', 'CreateProvisioningPolicy', 'create', { id, displayName: policy.displayName, type: 'cloudPcProvisioningPolicy' },
      [{ displayName: 'displayName', oldValue: null, newValue: policy.displayName }], actor);
    this.emit('policy', id, 'created');
    return ok(record);
  }

  /** Rule 6: editing a policy never touches existing Cloud PCs; only new (re)provisioning reads it. */
  updatePolicy(id: string, fields: Partial<CloudPcProvisioningPolicy>, actor?: Actor): SimResult<PolicyRecord> {
    const record = this.policies.get(id);
    if (!record) return notFound('cloudPcProvisioningPolicy', id);
    const p = record.policy as Record<string, unknown>;
    // provisioningType and userExperienceType are immutable after creation (graph-facts C.3).
    for (const key of ['provisioningType', 'userExperienceType'] as const) {
      if (key in fields && fields[key] !== undefined && fields[key] !== p[key]) {
        return fail(400, 'badRequest', `The property '${key}' can't be changed after the policy is created (it is '${String(p[key])}').`, 'InvalidProperties');
      }
    }
    const modified: CloudPcAuditProperty[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'id' || key === 'assignments' || value === undefined) continue;
      const old = p[key];
      if (JSON.stringify(old) !== JSON.stringify(value)) modified.push({ displayName: key, oldValue: old === undefined ? null : JSON.stringify(old), newValue: JSON.stringify(value) });
      p[key] = value;
    }
    p.lastModifiedDateTime = this.iso();
    // Provisioning Cloud PCs keep the name of the policy they were created from (rule 6); the reference follows the policy.
    if ('displayName' in fields) for (const cid of this.cloudPcsByPolicy.get(id) ?? []) this.cloudPcs.get(cid)!.lastModified = this.now();
    this.audit('Update provisioning policy', 'UpdateProvisioningPolicy', 'patch', { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' }, modified, actor);
    this.emit('policy', id, 'updated');
    return ok(record);
  }

  /** Rule 9: only a policy without assignments can be deleted (graph-facts C.6). */
  deletePolicy(id: string, actor?: Actor): SimResult<void> {
    const record = this.policies.get(id);
    if (!record) return notFound('cloudPcProvisioningPolicy', id);
    if (record.assignments.length > 0) {
      return fail(400, 'badRequest', `The provisioning policy '${record.policy.displayName}' is assigned to ${record.assignments.length} group(s); remove its assignments before deleting it.`, 'PolicyInUse');
    }
    this.policies.delete(id);
    this.audit('Delete provisioning policy', 'DeleteProvisioningPolicy', 'delete', { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' }, [], actor);
    this.emit('policy', id, 'deleted');
    return ok(undefined);
  }

  /** Assign replaces the whole assignment set (graph-facts C.6 ⚠ inferred from every tool). */
  assignPolicy(id: string, targets: { groupId: string; servicePlanId: string | null; allotmentDisplayName: string | null; allotmentLicensesCount: number | null }[], actor?: Actor): SimResult<void> {
    const record = this.policies.get(id);
    if (!record) return notFound('cloudPcProvisioningPolicy', id);
    const type = record.policy.provisioningType ?? 'dedicated';
    const frontline = isFrontlineType(type);
    const seen = new Set<string>();
    for (const t of targets) {
      if (!this.groups.has(t.groupId)) return fail(400, 'badRequest', `Group '${t.groupId}' was not found in the directory.`, 'InvalidProperties');
      if (seen.has(t.groupId)) return fail(400, 'badRequest', `Group '${t.groupId}' is assigned more than once.`, 'InvalidProperties');
      seen.add(t.groupId);
      // Frontline assignments name the service plan to provision; dedicated ones leave it null (graph-facts C.3).
      if (frontline && !t.servicePlanId) return fail(400, 'badRequest', `A ${type} policy's assignment needs a servicePlanId (a Frontline service plan).`, 'InvalidProperties');
      if (frontline && t.servicePlanId && !this.frontlineSku(t.servicePlanId)) return fail(400, 'badRequest', `Service plan '${t.servicePlanId}' is not a Frontline service plan of this tenant.`, 'InvalidProperties');
    }
    if (frontline) {
      const wanted = targets.reduce((n, t) => n + (t.allotmentLicensesCount ?? 1), 0);
      const others = [...this.policies.values()].filter((p) => p.policy.id !== id).flatMap((p) => p.assignments).filter((a) => a.servicePlanId).reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0);
      const sku = this.frontlineSku(targets[0]?.servicePlanId ?? '');
      if (sku && wanted + others > sku.prepaidUnits.enabled) {
        return fail(400, 'badRequest', `The allotments ask for ${wanted + others} Frontline licenses but the tenant has ${sku.prepaidUnits.enabled}.`, 'InsufficientLicenses');
      }
    }
    const before = record.assignments;
    const beforeByGroup = new Map(before.map((a) => [a.groupId, a]));
    const next: AssignmentRecord[] = targets.map((t) => ({
      groupId: t.groupId, servicePlanId: t.servicePlanId, allotmentDisplayName: t.allotmentDisplayName, allotmentLicensesCount: t.allotmentLicensesCount,
      assignedSeq: beforeByGroup.get(t.groupId)?.assignedSeq ?? this.scheduler.seq++,
    }));
    record.assignments = next;
    const affectedGroups = new Set<string>();
    for (const a of before) if (!seen.has(a.groupId)) {
      removeFrom(this.groupPolicies, a.groupId, id);
      affectedGroups.add(a.groupId);
    }
    for (const a of next) {
      addTo(this.groupPolicies, a.groupId, id);
      const old = beforeByGroup.get(a.groupId);
      if (!old || old.allotmentLicensesCount !== a.allotmentLicensesCount || old.servicePlanId !== a.servicePlanId) affectedGroups.add(a.groupId);
    }
    record.policy.lastModifiedDateTime = this.iso();
    if (isFrontlineSharedType(type)) reconcileSharedPools(this, record, before);
    else for (const g of affectedGroups) reconcileUsers(this, this.groupMembers.get(g) ?? []);
    this.audit('Assign provisioning policy', 'AssignProvisioningPolicy', 'patch', { id, displayName: record.policy.displayName, type: 'cloudPcProvisioningPolicy' },
      [{ displayName: 'assignments', oldValue: JSON.stringify(before.map((a) => a.groupId)), newValue: JSON.stringify(next.map((a) => a.groupId)) }], actor);
    this.emit('policy', id, 'updated');
    return ok(undefined);
  }

  private galleryIndex: { source: unknown; byId: Map<string, SimulatorStateData['galleryImages'][number]>; lastId: string | undefined; last: SimulatorStateData['galleryImages'][number] | undefined } | undefined;

  /** Gallery image by id, compared case-insensitively (graph-facts C.4). */
  galleryImage(id: string): SimulatorStateData['galleryImages'][number] | undefined {
    const images = this.catalog.galleryImages;
    if (this.galleryIndex && this.galleryIndex.source === images && id === this.galleryIndex.lastId) return this.galleryIndex.last;
    if (!this.galleryIndex || this.galleryIndex.source !== images || this.galleryIndex.byId.size !== images.length) {
      this.galleryIndex = { source: images, byId: new Map(images.map((i) => [i.id.toLowerCase(), i])), lastId: undefined, last: undefined };
    }
    const found = this.galleryIndex.byId.get(id.toLowerCase());
    this.galleryIndex.lastId = id;
    this.galleryIndex.last = found;
    return found;
  }

  /**
   * Graph's frontLineServicePlans: per Frontline plan, the tenant's licenses (totalCount), the Cloud PCs
   * using them (usedCount) and what assignments allot (allotmentLicensesCount), so a client can check an
   * allotment before it assigns.
   */
  frontlineServicePlans(): { id: string; displayName: string; totalCount: number; usedCount: number; allotmentLicensesCount: number }[] {
    const assignments = [...this.policies.values()].flatMap((p) => p.assignments);
    return [...this.skus.values()].filter((s) => s.frontline).map((s) => ({
      id: s.cloudPcServicePlanId,
      displayName: this.catalog.servicePlans.find((p) => p.id === s.cloudPcServicePlanId)?.displayName ?? s.skuPartNumber,
      totalCount: s.prepaidUnits.enabled,
      usedCount: [...this.cloudPcs.values()].filter((pc) => pc.servicePlanId === s.cloudPcServicePlanId && pc.status !== 'deprovisioning').length,
      allotmentLicensesCount: assignments.filter((a) => a.servicePlanId === s.cloudPcServicePlanId).reduce((n, a) => n + (a.allotmentLicensesCount ?? 1), 0),
    }));
  }

  frontlineSku(servicePlanId: string): SkuRecord | undefined {
    for (const s of this.skus.values()) if (s.frontline && s.cloudPcServicePlanId === servicePlanId) return s;
    return undefined;
  }

  // ---------------------------------------------------------------- simulator controls

  addFault(input: { userPrincipalName?: string | null; policyId?: string | null; count: number }): FaultRecord {
    const fault: FaultRecord = { id: this.ids.guid(), kind: 'provisioningFailure', userPrincipalName: input.userPrincipalName ?? null, policyId: input.policyId ?? null, remaining: input.count };
    this.faults.push(fault);
    this.emit('tenant', fault.id, 'created');
    return fault;
  }

  /** Consumes one matching fault, if any: the next n matching attempts fail. */
  takeFault(upn: string | null, policyId: string): boolean {
    const i = this.faults.findIndex((f) => f.remaining > 0 && (!f.userPrincipalName || f.userPrincipalName.toLowerCase() === (upn ?? '').toLowerCase()) && (!f.policyId || f.policyId === policyId));
    if (i < 0) return false;
    const f = this.faults[i];
    f.remaining--;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return true;
  }

  setConnectionHealth(id: string, status: CloudPcOnPremisesConnection['healthCheckStatus']): SimResult<CloudPcOnPremisesConnection> {
    const anc = this.connections.get(id);
    if (!anc) return notFound('cloudPcOnPremisesConnection', id);
    anc.healthCheckStatus = status;
    this.audit('Update Azure network connection health', 'UpdateOnPremisesConnection', 'patch', { id, displayName: anc.displayName, type: 'cloudPcOnPremisesConnection' },
      [{ displayName: 'healthCheckStatus', oldValue: null, newValue: status }]);
    this.emit('onPremisesConnection', id, 'updated');
    return ok(anc);
  }

  updateSettings(patch: Partial<SimulatorSettings>): SimulatorSettings {
    this.settings = { ...this.settings, ...patch };
    this.emit('tenant', '', 'updated');
    return this.settings;
  }
}

const isoCache = new Map<number, string>();

export function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function pullFrom(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

export function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function componentFor(type: string): string {
  return type === 'cloudPC' ? 'CloudPC' : type === 'cloudPcProvisioningPolicy' ? 'ProvisioningPolicy' : 'Tenant';
}
