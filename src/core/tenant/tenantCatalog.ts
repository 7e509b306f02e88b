// What the editor knows of the connected tenant: its Azure network connections, images, regions, service
// plans and the groups looked up so far (docs/tenant-editor.md). Plain data with lookup maps, built once
// per refresh, so completion, hover and the tenant checks answer from memory while the user types.
import type {
  CloudPcDeviceImage,
  CloudPcGalleryImage,
  CloudPcOnPremisesConnection,
  CloudPcServicePlan,
  CloudPcSupportedRegion,
} from '../model/catalog';

/** One check of a connection's health (Graph: "cloudPcOnPremisesConnectionHealthCheck resource type"). */
export interface ConnectionHealthCheck {
  displayName: string;
  status: string;
  errorType?: string | null;
  recommendedAction?: string | null;
  additionalDetail?: string | null;
}

/** A connection as read with `$select=…,healthCheckStatusDetail` (returned only when selected). */
export interface TenantConnection extends CloudPcOnPremisesConnection {
  healthCheckStatusDetail?: { healthChecks?: ConnectionHealthCheck[] | null } | null;
}

/** A Frontline service plan (`frontLineServicePlans`): its id is an assignment's `servicePlanId`. */
export interface TenantFrontlinePlan {
  id: string;
  displayName: string;
  totalCount?: number;
  usedCount?: number;
  /** Licences the tenant's assignments allot from this plan. */
  allotmentLicensesCount?: number;
}

/** A policy of the tenant as read with its assignments: what the overlap and allotment checks compare a file with. */
export interface TenantPolicy {
  id?: string;
  displayName?: string;
  provisioningType?: string | null;
  assignments?:
    | readonly {
        target: { groupId: string; servicePlanId?: string | null; allotmentLicensesCount?: number | null };
      }[]
    | null;
}

export interface TenantGroup {
  id: string;
  displayName: string;
  /** Direct members (Cloud PC assignment does not follow nested groups). */
  memberCount?: number;
  /** Members holding a Windows 365 licence. */
  licensedMemberCount?: number;
}

/**
 * The tenant as last read. A list is undefined when it could not be read (no permission, offline): the
 * checks then say nothing about it rather than calling every id unknown.
 */
export interface TenantCatalog {
  /** Backend clock (ms) when read: image end dates are compared with it. */
  readAt: number;
  connections?: readonly TenantConnection[];
  galleryImages?: readonly CloudPcGalleryImage[];
  deviceImages?: readonly CloudPcDeviceImage[];
  regions?: readonly CloudPcSupportedRegion[];
  servicePlans?: readonly CloudPcServicePlan[];
  frontlinePlans?: readonly TenantFrontlinePlan[];
  /** The tenant's provisioning policies with their assignments (overlaps CPC325, allotments CPC508). */
  policies?: readonly TenantPolicy[];
  /** Groups looked up by id: a group, or null when the tenant has none with that id. */
  groups?: ReadonlyMap<string, TenantGroup | null>;
  /** Groups found by name (the completion list), in the order the backend answered. */
  groupsByName?: readonly TenantGroup[];
}

function byId<T extends { id: string }>(list: readonly T[] | undefined): Map<string, T> | undefined {
  if (!list) return undefined;
  const map = new Map<string, T>();
  // Graph compares these ids case-insensitively (docs/rules.md, CPC304 for gallery images; GUIDs in general).
  for (const item of list) map.set(item.id.toLowerCase(), item);
  return map;
}

/** A catalog with its lookups: `undefined` from a lookup means "not read", `null` means "read, not there". */
export class TenantIndex {
  private readonly connectionMap;
  private readonly galleryMap;
  private readonly deviceMap;
  private readonly regionMap;
  private readonly planMap;
  private readonly frontlineMap;
  readonly regionGroups: ReadonlySet<string> | undefined;

  constructor(readonly catalog: TenantCatalog) {
    this.connectionMap = byId(catalog.connections);
    this.galleryMap = byId(catalog.galleryImages);
    this.deviceMap = byId(catalog.deviceImages);
    this.regionMap = byId(catalog.regions);
    this.planMap = byId(catalog.servicePlans);
    this.frontlineMap = byId(catalog.frontlinePlans);
    this.regionGroups = catalog.regions ? new Set(catalog.regions.map((r) => r.regionGroup)) : undefined;
  }

  connection(id: string): TenantConnection | null | undefined {
    return lookup(this.connectionMap, id);
  }

  galleryImage(id: string): CloudPcGalleryImage | null | undefined {
    return lookup(this.galleryMap, id);
  }

  deviceImage(id: string): CloudPcDeviceImage | null | undefined {
    return lookup(this.deviceMap, id);
  }

  region(name: string): CloudPcSupportedRegion | null | undefined {
    return lookup(this.regionMap, name);
  }

  servicePlan(id: string): CloudPcServicePlan | null | undefined {
    return lookup(this.planMap, id);
  }

  frontlinePlan(id: string): TenantFrontlinePlan | null | undefined {
    return lookup(this.frontlineMap, id);
  }

  /** A group by id; undefined while it was never looked up. */
  group(id: string): TenantGroup | null | undefined {
    const groups = this.catalog.groups;
    if (!groups) return undefined;
    return groups.get(id.toLowerCase());
  }
}

function lookup<T>(map: Map<string, T> | undefined, id: string): T | null | undefined {
  if (!map) return undefined;
  return map.get(id.toLowerCase()) ?? null;
}
