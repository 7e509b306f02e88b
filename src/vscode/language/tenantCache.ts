// The tenant the editor checks against, cached per backend (docs/tenant-editor.md): completion and hover
// answer from it at once; it refreshes in the background at most once a minute (at once on Refresh or a
// backend switch); every read is cancellable; signed out or offline it stays silent and says so once, in
// the language status item, never in a popup.
import { errorText } from '../../core/model/errorText';
import * as vscode from 'vscode';
import { loadTenantCatalog, lookupGroups, searchGroupsByName } from '../../core/tenant/loadTenantCatalog';
import { GroupSearchCache } from '../../core/tenant/groupSearchCache';
import { TenantIndex } from '../../core/tenant/tenantCatalog';
import type { TenantCatalog, TenantGroup, TenantPolicy } from '../../core/tenant/tenantCatalog';
import type { ExtensionContext } from '../extensionContext';
import { RefreshGate } from './refreshGate';

/** At most one background refresh a minute (docs/tenant-editor.md). */
export const REFRESH_INTERVAL_MS = 60_000;

export type TenantCacheState = 'empty' | 'loading' | 'ready' | 'unavailable';

export class TenantCache implements vscode.Disposable {
  private catalog: TenantCatalog | undefined;
  private current: TenantIndex | undefined;
  private readonly gate: RefreshGate;
  private reading: AbortController | undefined;
  private readonly groups = new Map<string, TenantGroup | null>();
  private readonly pendingGroups = new Set<string>();
  /** Ids looked up one by one (with members), as opposed to groups only seen in a search by name. */
  private readonly lookedUp = new Set<string>();
  private groupsByName: readonly TenantGroup[] = [];
  /** The sidebar's live list of the tenant's policies: fresher than the last read, so CPC325 follows an assign at once. */
  private livePolicies: readonly TenantPolicy[] | undefined;
  private readonly searches = new GroupSearchCache();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when tenant data arrives (a refresh, a group lookup): diagnostics and lenses recompute. */
  readonly onDidChange = this.changed.event;
  state: TenantCacheState = 'empty';
  /** Why the tenant could not be read (shown in the language status item), when unavailable. */
  problem: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly ctx: ExtensionContext,
    private readonly now: () => number = Date.now,
  ) {
    this.gate = new RefreshGate(REFRESH_INTERVAL_MS, now);
    this.disposables.push(
      ctx.backends.onDidChangeBackend(() => this.reset()),
      ctx.onDidRequestRefresh(() => void this.refresh(true)),
    );
  }

  /** The tenant as last read, with the groups looked up so far; undefined before the first read. Starts a refresh when due. */
  get index(): TenantIndex | undefined {
    void this.refresh(false);
    return this.current;
  }

  /**
   * Reads the catalog again if forced or a minute has passed; concurrent callers share one read, and a forced
   * one (Refresh) replaces a read in flight. Refresh also reads the groups again (they may have changed).
   */
  async refresh(force: boolean): Promise<void> {
    if (this.reading && !force) return;
    if (!this.gate.take(force)) return;
    this.reading?.abort();
    if (force) {
      this.lookedUp.clear();
      this.searches.clear();
    }
    const backend = this.ctx.backends.current;
    const reading = new AbortController();
    const onBackendGone = (): void => reading.abort();
    backend.signal.addEventListener('abort', onBackendGone, { once: true });
    this.reading = reading;
    if (this.state !== 'ready') this.state = 'loading';
    try {
      const now = backend.simulator?.now() ?? this.now();
      const catalog = await loadTenantCatalog(backend.api, now, reading.signal);
      if (reading.signal.aborted) return;
      const anything = [catalog.connections, catalog.galleryImages, catalog.regions].some((l) => l !== undefined);
      this.state = anything ? 'ready' : 'unavailable';
      this.problem = anything
        ? undefined
        : vscode.l10n.t('The tenant could not be read (signed out or offline): tenant checks are off.');
      this.catalog = catalog;
      this.rebuild();
    } catch (err) {
      // Cancelled by a newer read or a backend switch: that one answers. Anything else: silent, said in the status item.
      if (reading.signal.aborted) return;
      this.state = 'unavailable';
      this.problem = errorText(err);
      this.changed.fire();
    } finally {
      backend.signal.removeEventListener('abort', onBackendGone);
      if (this.reading === reading) this.reading = undefined;
    }
  }

  /**
   * Looks up groups the files name that the cache has not seen; fires onDidChange when they arrive. `again`: also
   * those looked up before (a hover on a group whose members could not be read then, e.g. a 429 or a 503): asked
   * at the person's pace, never by the checks the answer triggers, so an unreadable member list cannot loop.
   */
  lookUpGroups(ids: readonly string[], again = false): void {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter(
      (id) => (again || !this.lookedUp.has(id)) && !this.pendingGroups.has(id),
    );
    if (wanted.length === 0 || !this.catalog) return;
    for (const id of wanted) this.pendingGroups.add(id);
    const backend = this.ctx.backends.current;
    const settle = (): void => {
      for (const id of wanted) this.pendingGroups.delete(id);
    };
    void lookupGroups(backend.api, wanted, backend.signal).then((found) => {
      // Settled before the change fires: the checks it triggers may ask again for an id the backend could not answer.
      settle();
      // Nothing answered (offline): no change to announce, or the checks it triggers would ask again at once, in a loop.
      if (found.size === 0 || this.switchedFrom(backend)) return;
      // Only the ids the backend answered for: one it could not say (offline) is asked again next time.
      for (const [id, group] of found) {
        this.groups.set(id, group);
        this.lookedUp.add(id);
      }
      this.rebuild();
    }, settle);
  }

  /** Groups whose name starts with `text`: from an earlier answer when it holds them all, else read from the backend. */
  async searchGroups(text: string, token: vscode.CancellationToken): Promise<void> {
    const known = this.searches.lookup(text);
    if (known) {
      this.groupsByName = known;
      this.rebuild();
      return;
    }
    const backend = this.ctx.backends.current;
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    const onBackendGone = (): void => abort.abort();
    backend.signal.addEventListener('abort', onBackendGone, { once: true });
    try {
      const found = await searchGroupsByName(backend.api, text, abort.signal);
      // The old tenant's groups must not land in the new backend's cache (docs/tenant-editor.md: a switch drops the old tenant).
      if (this.switchedFrom(backend)) return;
      this.searches.remember(text, found);
      this.groupsByName = found;
      for (const g of found) if (!this.groups.get(g.id.toLowerCase())) this.groups.set(g.id.toLowerCase(), g);
      this.rebuild();
    } catch {
      // Offline or signed out: completion keeps what it had (no popup while typing).
    } finally {
      cancel.dispose();
      backend.signal.removeEventListener('abort', onBackendGone);
    }
  }

  /** The backend a read started on is no longer the one in use: its answer is dropped. */
  private switchedFrom(backend: { signal: AbortSignal }): boolean {
    return backend.signal.aborted || this.ctx.backends.current !== backend;
  }

  /** The tenant's policies as the sidebar holds them now (undefined: none loaded, keep the last read's). */
  setPolicies(policies: readonly TenantPolicy[] | undefined): void {
    this.livePolicies = policies;
    this.rebuild();
  }

  private rebuild(): void {
    if (!this.catalog) return;
    this.current = new TenantIndex({
      ...this.catalog,
      policies: this.livePolicies ?? this.catalog.policies,
      groups: this.groups,
      groupsByName: this.groupsByName,
    });
    this.changed.fire();
  }

  private reset(): void {
    const used = this.state !== 'empty';
    this.reading?.abort();
    this.reading = undefined;
    this.catalog = undefined;
    this.current = undefined;
    this.groups.clear();
    this.lookedUp.clear();
    this.groupsByName = [];
    this.livePolicies = undefined;
    this.searches.clear();
    this.state = 'empty';
    this.problem = undefined;
    this.gate.reset();
    this.changed.fire();
    // A backend switch reads the new tenant at once (docs/tenant-editor.md), once the editor has used one.
    if (used) void this.refresh(true);
  }

  dispose(): void {
    this.reading?.abort();
    for (const d of this.disposables) d.dispose();
  }
}
