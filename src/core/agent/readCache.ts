// A short-lived cache of the reads an agent repeats within a conversation (the same policies, Cloud PCs, group
// members and licences, asked again by the next tool call a few seconds later). Any change made through it
// clears it; entries live `ttlMs` at most, so a change made elsewhere shows within that time.
import type { CloudPcApi } from '../graph/cloudPcApi';

/** The CloudPcApi reads whose answers may be reused; every other method is a change or streams pages. */
const CACHED_READS = new Set<string>([
  'listPolicies',
  'getPolicy',
  'findPoliciesByName',
  'listCloudPcs',
  'getCloudPc',
  'listGalleryImages',
  'listDeviceImages',
  'listOnPremisesConnections',
  'listServicePlans',
  'listFrontlineServicePlans',
  'listSupportedRegions',
  'searchGroups',
  'getGroup',
  'listGroupMembers',
  'listUserLicenseDetails',
  'listSubscribedSkus',
]);
const PASS_THROUGH = new Set<string>(['iteratePolicies', 'iterateCloudPcs', 'iterateAuditEvents', 'listAuditEvents']);

/** The cache key of a call: the method and its arguments without the caller's cancellation signal (so `{ signal }` and no options are one key). */
function keyOf(method: string, args: unknown[]): string {
  const parts = args.map((a) => JSON.stringify(a, (k, v: unknown) => (k === 'signal' ? undefined : v)));
  while (parts.length > 0 && (parts[parts.length - 1] === '{}' || parts[parts.length - 1] === undefined)) parts.pop();
  return `${method}:${parts.join(',')}`;
}

export interface ReadCacheOptions {
  ttlMs: number;
  /** Wall clock (ms) for the time to live. */
  now?: () => number;
}

export interface CachedApi {
  api: CloudPcApi;
  /** Forgets every answer (the backend says something changed). */
  clear(): void;
}

export function withReadCache(api: CloudPcApi, options: ReadCacheOptions): CachedApi {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = new Proxy(api, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (PASS_THROUGH.has(prop)) return method.bind(target);
      if (!CACHED_READS.has(prop)) {
        // A change: what was read before may no longer be true, nor what is read while it runs.
        return async (...args: unknown[]) => {
          entries.clear();
          try {
            return await method.apply(target, args);
          } finally {
            entries.clear();
          }
        };
      }
      return (...args: unknown[]) => {
        const key = keyOf(prop, args);
        const hit = entries.get(key);
        if (hit && now() - hit.at < options.ttlMs) return hit.value;
        const fresh = Promise.resolve(method.apply(target, args));
        entries.set(key, { at: now(), value: fresh });
        // A failed or cancelled read is not remembered: the next call asks again.
        fresh.catch(() => {
          if (entries.get(key)?.value === fresh) entries.delete(key);
        });
        return fresh;
      };
    },
  });
  return { api: cached, clear: () => entries.clear() };
}
