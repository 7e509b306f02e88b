// Reads the tenant the editor checks against, through the one CloudPcApi (Graph or the simulator). Each list
// is read on its own: one the account may not read (or a backend that lacks it) stays undefined, and the
// checks then say nothing about it.
import type { CloudPcApi } from '../graph/cloudPcApi';
import { isCloudPcSku } from '../fleet/licenceUse';
import { isGraphError } from '../graph/graphError';
import { defaultRequestsInFlight, mapInFlight } from '../graph/mapInFlight';
import { GROUP_SEARCH_PAGE } from './groupSearchCache';
import type { TenantCatalog, TenantConnection, TenantGroup, TenantPolicy } from './tenantCatalog';

/** The connection properties the editor shows; `healthCheckStatusDetail` and `inUse` come only when selected (Graph). */
export const CONNECTION_SELECT = [
  'id',
  'displayName',
  'connectionType',
  'healthCheckStatus',
  'healthCheckStatusDetail',
  'healthCheckPaused',
  'inUse',
  'managedBy',
  'subscriptionId',
  'subscriptionName',
  'resourceGroupId',
  'virtualNetworkId',
  'virtualNetworkLocation',
  'subnetId',
  'adDomainName',
  'adDomainUsername',
  'organizationalUnit',
  'scopeIds',
];

async function optional<T>(read: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    // A cancelled read is not "unknown to the tenant": let the caller drop the whole refresh.
    if (signal?.aborted) throw err;
    return undefined;
  }
}

/** The catalog lists (no groups: those are looked up by id as files name them). `now`: the backend's clock. */
export async function loadTenantCatalog(api: CloudPcApi, now: number, signal?: AbortSignal): Promise<TenantCatalog> {
  const [connections, galleryImages, deviceImages, regions, servicePlans, frontlinePlans, policies] = await Promise.all(
    [
      optional(
        api.listOnPremisesConnections({ signal, select: CONNECTION_SELECT }) as Promise<TenantConnection[]>,
        signal,
      ),
      optional(api.listGalleryImages({ signal }), signal),
      optional(api.listDeviceImages({ signal }), signal),
      optional(api.listSupportedRegions({ signal }), signal),
      optional(api.listServicePlans({ signal }), signal),
      optional(api.listFrontlineServicePlans({ signal }), signal),
      optional(api.listPolicies({ signal }) as Promise<TenantPolicy[]>, signal),
    ],
  );
  return { readAt: now, connections, galleryImages, deviceImages, regions, servicePlans, frontlinePlans, policies };
}

/**
 * Looks groups up by id: the group with its direct members and how many hold a Windows 365 licence, or
 * null when the tenant has no such group. Keys are lower-cased ids (TenantIndex.group).
 */
export async function lookupGroups(
  api: CloudPcApi,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, TenantGroup | null>> {
  const skus = await optional(api.listSubscribedSkus({ signal }), signal);
  const cloudPcSkus = skus ? new Set(skus.filter(isCloudPcSku).map((s) => s.skuId)) : undefined;
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  // A few at a time, as the bulk actions do: a fleet file naming hundreds of groups must not invite throttling (429).
  const found = await mapInFlight(unique, defaultRequestsInFlight, (id) => lookupGroup(api, id, cloudPcSkus, signal));
  const out = new Map<string, TenantGroup | null>();
  unique.forEach((id, k) => {
    if (found[k] !== undefined) out.set(id, found[k]!);
  });
  return out;
}

/** One group with its member counts, null when the tenant has none, undefined when the backend could not say. */
async function lookupGroup(
  api: CloudPcApi,
  id: string,
  cloudPcSkus: Set<string> | undefined,
  signal: AbortSignal | undefined,
): Promise<TenantGroup | null | undefined> {
  const group = await groupOrNull(api, id, signal);
  if (!group) return group;
  const members = await optional(
    api.listGroupMembers(id, { signal, select: ['id', 'userPrincipalName', 'assignedLicenses'] }),
    signal,
  );
  const users = (members ?? []).filter((m) => 'userPrincipalName' in m && typeof m.userPrincipalName === 'string') as {
    assignedLicenses?: { skuId: string }[];
  }[];
  const licensed = cloudPcSkus
    ? users.filter((u) => (u.assignedLicenses ?? []).some((l) => cloudPcSkus.has(l.skuId))).length
    : undefined;
  return {
    id: group.id,
    displayName: group.displayName,
    ...(members ? { memberCount: users.length } : {}),
    ...(licensed !== undefined ? { licensedMemberCount: licensed } : {}),
  };
}

/** The group, null when the backend says 404, undefined when it could not say (offline, no permission). */
async function groupOrNull(
  api: CloudPcApi,
  id: string,
  signal: AbortSignal | undefined,
): Promise<{ id: string; displayName: string } | null | undefined> {
  try {
    return await api.getGroup(id, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    return isGraphError(err) && err.status === 404 ? null : undefined;
  }
}

/** Groups whose name starts with `text`, for completion as the admin types. */
export async function searchGroupsByName(api: CloudPcApi, text: string, signal?: AbortSignal): Promise<TenantGroup[]> {
  const found = await api.searchGroups(text, { signal, top: GROUP_SEARCH_PAGE, maxItems: GROUP_SEARCH_PAGE });
  return found.map((g) => ({ id: g.id, displayName: g.displayName }));
}
