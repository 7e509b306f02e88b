// A backend switch drops the old tenant (docs/tenant-editor.md "Never in the way of typing"): an answer the
// old backend gives after the switch must not land in the new backend's cache. The cache needs only
// vscode's EventEmitter and l10n, so this test gives it those two (no VS Code runs here).
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import type * as TenantCacheModule from '../../../src/vscode/language/tenantCache';

class Emitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

const vscodeStub = { EventEmitter: Emitter, l10n: { t: (message: string) => message } };
type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve; _cache: Record<string, unknown> };

function loadTenantCache(): typeof TenantCacheModule {
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode-stub' : resolve.call(this, request, ...rest);
  };
  moduleInternals._cache['vscode-stub'] = {
    id: 'vscode-stub',
    filename: 'vscode-stub',
    loaded: true,
    exports: vscodeStub,
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../../src/vscode/language/tenantCache') as typeof TenantCacheModule;
  } finally {
    moduleInternals._resolveFilename = resolve;
  }
}

interface Group {
  id: string;
  displayName: string;
}

function tenantApi(groups: Group[], searchGate?: Promise<void>): unknown {
  const none = async (): Promise<never[]> => [];
  return {
    listOnPremisesConnections: none,
    listGalleryImages: none,
    listDeviceImages: none,
    listServicePlans: none,
    listFrontlineServicePlans: none,
    listPolicies: none,
    listSupportedRegions: async () => [
      { id: 'eastus2', displayName: 'East US 2', regionGroup: 'usEast', regionStatus: 'available' },
    ],
    listSubscribedSkus: none,
    listGroupMembers: none,
    getGroup: async (id: string) =>
      groups.find((g) => g.id === id) ?? Promise.reject(Object.assign(new Error('not found'), { status: 404 })),
    searchGroups: async (text: string) => {
      await searchGate;
      return groups.filter((g) => g.displayName.toLowerCase().startsWith(text.toLowerCase()));
    },
  };
}

describe('tenant cache across a backend switch', () => {
  it('a group search answered by the old backend after a switch is dropped: completion offers only the new tenant', async () => {
    const { TenantCache } = loadTenantCache();
    const switched = new Emitter<void>();
    let answer!: () => void;
    const oldAbort = new AbortController();
    const oldBackend = {
      api: tenantApi([{ id: 'old-sales', displayName: 'Sales (old tenant)' }], new Promise<void>((r) => (answer = r))),
      signal: oldAbort.signal,
    };
    const backends = {
      current: oldBackend as { api: unknown; signal: AbortSignal },
      onDidChangeBackend: switched.event,
    };
    const cache = new TenantCache({ backends, onDidRequestRefresh: new Emitter<void>().event } as never, () => 0);
    await cache.refresh(true);
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    const search = cache.searchGroups('Sal', token as never);

    oldAbort.abort();
    backends.current = { api: tenantApi([]), signal: new AbortController().signal };
    switched.fire();
    answer();
    await search;
    await cache.refresh(true);

    const tenant = cache.index!;
    assert.deepEqual(tenant.catalog.groupsByName, []);
    assert.equal(
      tenant.group('old-sales'),
      undefined,
      'a group only the old tenant has is unknown here, so CPC507 can still say so once it is looked up',
    );
    cache.dispose();
  });
});

/** Lets pending promise callbacks run until `done` holds (no timers: bounded by a count of turns). */
async function waitUntilSettled(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !done(); turn++) await new Promise((r) => setImmediate(r));
  for (let turn = 0; turn < 10; turn++) await new Promise((r) => setImmediate(r));
  assert.ok(done());
}

describe('tenant cache refresh', () => {
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  const cacheOn = (api: unknown) => {
    const { TenantCache } = loadTenantCache();
    const backends = {
      current: { api, signal: new AbortController().signal },
      onDidChangeBackend: new Emitter<void>().event,
    };
    return new TenantCache({ backends, onDidRequestRefresh: new Emitter<void>().event } as never, () => 0);
  };

  it('Refresh while a read is in flight reads again, and its answer is the one kept', async () => {
    let release!: () => void;
    let reads = 0;
    const api = {
      ...(tenantApi([]) as object),
      listSupportedRegions: async () => {
        reads++;
        if (reads === 1) await new Promise<void>((r) => (release = r));
        return [
          { id: reads === 1 ? 'old' : 'new', displayName: 'R', regionGroup: 'usEast', regionStatus: 'available' },
        ];
      },
    };
    const cache = cacheOn(api);
    const first = cache.refresh(true);
    await cache.refresh(true);
    release();
    await first;
    assert.deepEqual(
      cache.index!.catalog.regions!.map((r) => r.id),
      ['new'],
    );
  });

  it('Refresh asks the group searches again (a group added since shows up)', async () => {
    const groups: Group[] = [{ id: 'g1', displayName: 'Sales' }];
    const cache = cacheOn(tenantApi(groups));
    await cache.refresh(true);
    await cache.searchGroups('Sal', token as never);
    groups.push({ id: 'g2', displayName: 'Sales EMEA' });
    await cache.refresh(true);
    await cache.searchGroups('Sal', token as never);
    assert.deepEqual(
      cache.index!.catalog.groupsByName!.map((g) => g.id),
      ['g1', 'g2'],
    );
  });

  it('a group lookup the backend could not answer (offline) is asked again, not taken as known', async () => {
    let up = false;
    const api = {
      ...(tenantApi([{ id: 'g1', displayName: 'Sales' }]) as object),
      getGroup: async (id: string) => {
        if (!up) throw Object.assign(new Error('offline'), { status: 0 });
        return { id, displayName: 'Sales' };
      },
    };
    const cache = cacheOn(api);
    await cache.refresh(true);
    const changed = (): Promise<void> =>
      new Promise((resolve) => {
        const sub = cache.onDidChange(() => {
          sub.dispose();
          resolve();
        });
      });
    let asked = 0;
    const getGroup = (api as { getGroup: (id: string) => Promise<unknown> }).getGroup;
    (api as { getGroup: (id: string) => Promise<unknown> }).getGroup = (id: string) => {
      asked++;
      return getGroup(id);
    };
    cache.lookUpGroups(['g1']);
    await waitUntilSettled(() => asked === 1);
    // Offline: no verdict, and no change announced (which would make the checks ask again at once, in a loop).
    assert.equal(cache.index!.group('g1'), undefined, 'no verdict while offline');
    up = true;
    const arrived = changed();
    cache.lookUpGroups(['g1']);
    await arrived;
    assert.equal(cache.index!.group('g1')?.displayName, 'Sales');
  });
});
