// The tenant's state in one leaf module: the records, the indexes that keep a change's work proportional to
// the change, their keys, the virtual clock, the agenda of due events and the audit trail. It imports no
// simulator rule: lifecycle, reconciliation and the REST layer read and write it; it calls none of them.
import type { Clock } from '../model/clock';
import type {
  CloudPcAuditEvent,
  CloudPcAuditActivityOperationType,
  CloudPcAuditActivityResult,
  CloudPcAuditProperty,
} from '../model/auditEvent';
import type { CloudPcOnPremisesConnection } from '../model/catalog';
import type {
  SimulatorStateData,
  UserRecord,
  GroupRecord,
  PolicyRecord,
  CloudPcRecord,
  FootprintRecord,
  FaultRecord,
  SkuRecord,
  SimulatorSettings,
} from './simulatorState';
import { DEFAULT_SETTINGS } from './simulatorState';
import { EventScheduler } from './eventScheduler';
import type { ScheduledEvent } from './eventScheduler';
import { ChangeEmitter } from './changeEvents';
import type { Disposable, SimulatorChange, SimulatorChangeListener } from './changeEvents';
import { SeededSource } from './seededIds';

/** Who made a change, for audit events. The simulator accepts any token, so the actor is nominal. */
export interface Actor {
  userPrincipalName: string;
  ipAddress?: string;
}

export const DEFAULT_ACTOR: Actor = { userPrincipalName: 'admin@contoso.onmicrosoft.com' };

type GalleryImage = SimulatorStateData['galleryImages'][number];

/** The key of one assignment (a policy's assignment to a group): Frontline allotments are counted per key. */
export function assignmentKey(policyId: string, groupId: string): string {
  return `${policyId}|${groupId}`;
}

/** A virtual clock the simulator owns; `now()` is what every rule reads. */
class VirtualClock implements Clock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
}

export class Tenant {
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
  /** Deleted policy id → its last name: its Cloud PCs (in grace) still carry it (docs/simulator.md "Deleted policies"). */
  deletedPolicyNames = new Map<string, string>();
  /** assignmentKey → Cloud PCs consuming that assignment's Frontline allotment. */
  cloudPcsByAssignment = new Map<string, Set<string>>();
  upnIndex = new Map<string, string>();
  deviceNames = new Set<string>();
  /** Bumped on every change: lets list caches know when to rebuild. */
  version = 0;
  /** Seeded uniform [0, 1) draws; one function for the life of the simulator (no closure per call). */
  readonly random = (): number => this.ids.random();

  private galleryIndex:
    | { source: unknown; byId: Map<string, GalleryImage>; lastId: string | undefined; last: GalleryImage | undefined }
    | undefined;
  private cloudPcListCache: { version: number; list: CloudPcRecord[] } | undefined;

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
    this.catalog = structuredClone({
      galleryImages: data.galleryImages,
      deviceImages: data.deviceImages,
      servicePlans: data.servicePlans,
      supportedRegions: data.supportedRegions,
    });
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
    this.deletedPolicyNames.clear();
    // The audit log is saved with the state: a deleted policy's name comes back with it.
    for (const e of this.auditEvents)
      if (
        e.activityType === 'DeleteProvisioningPolicy' &&
        e.activityResult === 'success' && // a refused delete is audited too, and deleted nothing
        e.resources[0]?.resourceId &&
        e.resources[0].displayName
      )
        this.deletedPolicyNames.set(e.resources[0].resourceId, e.resources[0].displayName);
    for (const u of this.users.values()) this.upnIndex.set(u.userPrincipalName.toLowerCase(), u.id);
    for (const g of this.groups.values()) {
      this.groupMembers.set(g.id, new Set(g.members));
      for (const m of g.members) if (this.users.has(m)) pushTo(this.userGroups, m, g.id);
    }
    for (const p of this.policies.values())
      for (const a of p.assignments) addTo(this.groupPolicies, a.groupId, p.policy.id);
    for (const c of this.cloudPcs.values()) this.indexCloudPc(c);
  }

  /** `nameReserved`: the device name is in `deviceNames` already (a new Cloud PC claimed it). */
  indexCloudPc(c: CloudPcRecord, nameReserved = false): void {
    if (c.userId) pushTo(this.cloudPcsByUser, c.userId, c.id);
    addTo(this.cloudPcsByPolicy, c.policyId, c.id);
    if (c.groupId) addTo(this.cloudPcsByAssignment, assignmentKey(c.policyId, c.groupId), c.id);
    if (!nameReserved) this.deviceNames.add(c.deviceName.toUpperCase());
  }

  unindexCloudPc(c: CloudPcRecord): void {
    if (c.userId) pullFrom(this.cloudPcsByUser, c.userId, c.id);
    removeFrom(this.cloudPcsByPolicy, c.policyId, c.id);
    if (c.groupId) removeFrom(this.cloudPcsByAssignment, assignmentKey(c.policyId, c.groupId), c.id);
    this.deviceNames.delete(c.deviceName.toUpperCase());
  }

  /** The Cloud PCs consuming one assignment's allotment (empty when none). */
  cloudPcsOfAssignment(policyId: string, groupId: string): ReadonlySet<string> {
    return this.cloudPcsByAssignment.get(assignmentKey(policyId, groupId)) ?? NO_IDS;
  }

  /** The Cloud PC array, rebuilt only when the tenant changed: paging 10,000 Cloud PCs copies it once, not per page. */
  cloudPcList(): readonly CloudPcRecord[] {
    if (!this.cloudPcListCache || this.cloudPcListCache.version !== this.version)
      this.cloudPcListCache = { version: this.version, list: [...this.cloudPcs.values()] };
    return this.cloudPcListCache.list;
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

  // ---------------------------------------------------------------- audit (docs/simulator.md rule 13)

  audit(
    activity: string,
    activityType: string,
    operation: CloudPcAuditActivityOperationType,
    resource: { id: string; displayName: string | null; type: string },
    modified: CloudPcAuditProperty[] = [],
    actor: Actor = DEFAULT_ACTOR,
    result: CloudPcAuditActivityResult = 'success',
  ): void {
    const event: CloudPcAuditEvent = {
      id: this.ids.guid(),
      displayName: activity,
      componentName: componentFor(resource.type),
      activity,
      activityDateTime: this.iso(),
      activityType,
      activityOperationType: operation,
      activityResult: result,
      actor: {
        type: 'itPro',
        userPrincipalName: actor.userPrincipalName,
        userId: this.upnIndex.get(actor.userPrincipalName.toLowerCase()) ?? null,
        applicationId: null,
        applicationDisplayName: 'cpcpolicy simulator',
        ipAddress: actor.ipAddress ?? null,
        userPermissions: ['*'],
        userRoleScopeTags: [{ displayName: 'Default', roleScopeTagId: '0' }],
      },
      category: 'cloudPC',
      correlationId: this.ids.guid(),
      resources: [
        {
          displayName: resource.displayName,
          type: resource.type,
          resourceId: resource.id,
          modifiedProperties: modified,
        },
      ],
    };
    this.auditEvents.push(event);
    this.emit('auditEvent', event.id, 'created');
  }

  /** A refused action is audited too: `clientError`, the reason in its displayName (docs/simulator.md rule 13). */
  auditRefused(
    activity: string,
    activityType: string,
    operation: CloudPcAuditActivityOperationType,
    resource: { id: string; displayName: string | null; type: string },
    reason: string,
    actor: Actor = DEFAULT_ACTOR,
  ): void {
    this.audit(activity, activityType, operation, resource, [], actor, 'clientError');
    const event = this.auditEvents[this.auditEvents.length - 1]!;
    event.displayName = `${activity} refused: ${reason}`;
  }

  // ---------------------------------------------------------------- lookups the rules share

  /** Consumes one matching fault, if any: the next n matching attempts fail. */
  takeFault(upn: string | null, policyId: string): boolean {
    const i = this.faults.findIndex(
      (f) =>
        f.remaining > 0 &&
        (!f.userPrincipalName || f.userPrincipalName.toLowerCase() === (upn ?? '').toLowerCase()) &&
        (!f.policyId || f.policyId === policyId),
    );
    if (i < 0) return false;
    const f = this.faults[i];
    f.remaining--;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return true;
  }

  /** Gallery image by id, compared case-insensitively (docs/service-facts.md "Catalog: images, regions, connections, service plans"). */
  galleryImage(id: string): GalleryImage | undefined {
    const images = this.catalog.galleryImages;
    if (this.galleryIndex && this.galleryIndex.source === images && id === this.galleryIndex.lastId)
      return this.galleryIndex.last;
    if (!this.galleryIndex || this.galleryIndex.source !== images || this.galleryIndex.byId.size !== images.length) {
      this.galleryIndex = {
        source: images,
        byId: new Map(images.map((i) => [i.id.toLowerCase(), i])),
        lastId: undefined,
        last: undefined,
      };
    }
    const found = this.galleryIndex.byId.get(id.toLowerCase());
    this.galleryIndex.lastId = id;
    this.galleryIndex.last = found;
    return found;
  }

  frontlineSku(servicePlanId: string): SkuRecord | undefined {
    for (const s of this.skus.values()) if (s.frontline && s.cloudPcServicePlanId === servicePlanId) return s;
    return undefined;
  }
}

const NO_IDS: ReadonlySet<string> = new Set();

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
const isoCache = new Map<number, string>();

function componentFor(type: string): string {
  return type === 'cloudPC' ? 'CloudPC' : type === 'cloudPcProvisioningPolicy' ? 'ProvisioningPolicy' : 'Tenant';
}
