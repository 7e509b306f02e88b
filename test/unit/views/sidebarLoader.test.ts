// The sidebar's loading state machine without VS Code: the backend's answers arrive when the test releases
// them (as PollSchedule's timers fire when its test says), so stale answers, paging and failures are exact.
import * as assert from 'node:assert/strict';
import { GraphError } from '../../../src/core/graph/graphError';
import type { Page } from '../../../src/core/graph/paging';
import type { CloudPc } from '../../../src/core/model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../../../src/core/model/provisioningPolicy';
import { CloudPcStore } from '../../../src/vscode/views/cloudPcStore';
import { CloudPcTreeModel, presentNode } from '../../../src/vscode/views/cloudPcTreeModel';
import type { TreeRefresh } from '../../../src/vscode/views/cloudPcTreeModel';
import { PolicyTreeModel } from '../../../src/vscode/views/policyTreeModel';
import { SidebarLoader } from '../../../src/vscode/views/sidebarLoader';
import type { LoaderApi } from '../../../src/vscode/views/sidebarLoader';
import { plainLocalize } from '../../../src/vscode/views/treeNodes';
import { cloudPc } from './cloudPcFixtures';
import type { TreeNode } from '../../../src/vscode/views/treeNodes';

const LETTERS = 'abcde';
/** Cloud PC `a`…`e` of the shared fixtures (ids are GUIDs; `idOf` turns them back into letters). */
const pc = (letter: string, status: CloudPc['status'] = 'provisioned'): CloudPc =>
  cloudPc(LETTERS.indexOf(letter), status);
const idOf = (id: string): string => LETTERS[parseInt(id.slice(-12), 16)] ?? id;
const ids = (list: readonly CloudPc[]): string[] => list.map((p) => idOf(p.id));

const policy = (id: string, displayName: string): CloudPcProvisioningPolicy =>
  ({ id, displayName, provisioningType: 'dedicated', assignments: [] }) as unknown as CloudPcProvisioningPolicy;

/** A promise the test resolves or rejects when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A backend whose Cloud PC list is a list of server pages; `hold` makes the next list wait for release. */
class FakeBackend {
  pages: CloudPc[][] = [[]];
  policies: CloudPcProvisioningPolicy[] = [];
  byId = new Map<string, CloudPc | 'gone'>();
  failNext: unknown;
  failFromPage: { page: number; err: unknown } | undefined;
  held: { promise: Promise<void>; resolve: (v: void) => void } | undefined;
  listCalls = 0;

  hold(): () => void {
    const d = deferred<void>();
    this.held = d;
    return () => d.resolve();
  }

  readonly api: LoaderApi = {
    iterateCloudPcs: (() => this.iterate()) as LoaderApi['iterateCloudPcs'],
    listPolicies: (async () => {
      if (this.failNext) throw this.take();
      return this.policies;
    }) as LoaderApi['listPolicies'],
    getCloudPc: (async (id: string) => {
      const pc = this.byId.get(id);
      if (pc === 'gone' || !pc) throw new GraphError({ status: 404, code: 'ResourceNotFound', message: 'not found' });
      return pc;
    }) as LoaderApi['getCloudPc'],
    listServicePlans: (async () => []) as unknown as LoaderApi['listServicePlans'],
    listFrontlineServicePlans: (async () => []) as unknown as LoaderApi['listFrontlineServicePlans'],
    getGroup: (async (id: string) => ({ id, displayName: `Group ${id}` })) as unknown as LoaderApi['getGroup'],
    listGroupMembers: (async () => [{ id: 'u1' }, { id: 'u2' }]) as unknown as LoaderApi['listGroupMembers'],
  };

  private take(): unknown {
    const err = this.failNext;
    this.failNext = undefined;
    return err;
  }

  private async *iterate(): AsyncGenerator<Page<CloudPc>> {
    this.listCalls++;
    const pages = this.pages;
    const held = this.held;
    this.held = undefined;
    if (held) await held.promise;
    if (this.failNext) throw this.take();
    for (const [index, items] of pages.entries()) {
      if (this.failFromPage && index >= this.failFromPage.page) throw this.failFromPage.err;
      yield { items, index, hasMore: index < pages.length - 1 };
    }
  }
}

function setup(perLoad?: number) {
  const backend = new FakeBackend();
  const store = new CloudPcStore();
  const cloudPcModel = new CloudPcTreeModel(store);
  const policyModel = new PolicyTreeModel(store);
  const redraws: { view: 'cloudPcs' | 'policies'; refresh: TreeRefresh | 'all' }[] = [];
  const view = (name: 'cloudPcs' | 'policies') => ({
    apply: (refresh: TreeRefresh) => void redraws.push({ view: name, refresh }),
    fireAll: () => void redraws.push({ view: name, refresh: 'all' }),
  });
  const host = {
    updates: 0,
    warnings: [] as string[],
    shownErrors: [] as string[],
    signedOut: false,
  };
  const loader = new SidebarLoader(
    { store, cloudPcModel, policyModel, cloudPcView: view('cloudPcs'), policyView: view('policies') },
    {
      api: () => backend.api,
      backendSignal: () => new AbortController().signal,
      signedOut: () => host.signedOut,
      sampleUser: () => undefined,
      warn: (m) => void host.warnings.push(m),
      showError: (m) => void host.shownErrors.push(m),
      updated: () => void host.updates++,
      t: plainLocalize,
    },
    perLoad,
  );
  const rootRows = (): TreeNode[] => cloudPcModel.children();
  return { backend, store, cloudPcModel, policyModel, loader, redraws, host, rootRows };
}

describe('sidebar loading (SidebarLoader)', () => {
  it('loads Cloud PCs once however many views ask, then shows them by status', async () => {
    const s = setup();
    s.backend.pages = [[pc('a'), pc('b', 'failed')]];
    assert.equal(s.rootRows()[0].kind, 'message', 'a loading row before the first answer');
    await Promise.all([s.loader.ensureCloudPcs(), s.loader.ensureCloudPcs()]);
    assert.equal(s.backend.listCalls, 1);
    assert.deepEqual(
      s.rootRows().map((n) => n.kind),
      ['statusGroup', 'statusGroup'],
    );
    assert.equal(s.host.updates, 1);
  });

  it('drops an answer that arrives after a reset (a backend switch), and loads afresh', async () => {
    const s = setup();
    s.backend.pages = [[pc('a')]];
    const release = s.backend.hold();
    const stale = s.loader.ensureCloudPcs();
    s.loader.reset();
    s.backend.pages = [[pc('b')]];
    const fresh = s.loader.ensureCloudPcs();
    release();
    await Promise.all([stale, fresh]);
    assert.deepEqual(ids(s.store.all()), ['b'], "the old backend's Cloud PC never lands");
    assert.equal(s.host.updates, 1, 'only the current load announces an update');
  });

  it('stops at the per-load limit with a "Load more…" row, and Load more appends the next pages', async () => {
    const s = setup(2);
    s.backend.pages = [[pc('a'), pc('b')], [pc('c'), pc('d')], [pc('e')]];
    await s.loader.ensureCloudPcs();
    assert.equal(s.store.size, 2);
    assert.equal(s.rootRows().at(-1)?.kind, 'loadMore');
    await s.loader.loadMoreCloudPcs();
    assert.deepEqual(ids(s.store.all()).sort(), ['a', 'b', 'c', 'd']);
    assert.equal(s.rootRows().at(-1)?.kind, 'loadMore', 'one more page on the server');
    await s.loader.loadMoreCloudPcs();
    assert.equal(s.store.size, 5);
    assert.notEqual(s.rootRows().at(-1)?.kind, 'loadMore', 'everything loaded: no row offers more');
  });

  it('shows a failed load as an error row whose click retries, and the retry replaces it with the rows', async () => {
    const s = setup();
    s.backend.failNext = new GraphError({ status: 503, code: 'serviceUnavailable', message: 'busy' });
    await s.loader.ensureCloudPcs();
    const [row] = s.rootRows();
    assert.ok(row.kind === 'message' && row.tone === 'error', 'an error row');
    assert.equal(row.text, 'Microsoft Graph is busy: Cloud PCs could not be loaded');
    assert.equal(
      presentNode(row, s.store, s.cloudPcModel.pager, plainLocalize, true).command?.command,
      'cpcpolicy.refresh',
    );
    assert.match(s.host.warnings[0], /Could not load Cloud PCs/);
    s.backend.pages = [[pc('a')]];
    await s.loader.reloadCloudPcs();
    assert.deepEqual(
      s.rootRows().map((n) => n.kind),
      ['statusGroup'],
    );
  });

  it('keeps what was loaded when a later reload fails, with the error on top', async () => {
    const s = setup();
    s.backend.pages = [[pc('a')]];
    await s.loader.ensureCloudPcs();
    s.backend.failNext = new GraphError({ status: 403, code: 'forbidden', message: 'no' });
    await s.loader.reloadCloudPcs();
    const rows = s.rootRows();
    assert.deepEqual(
      rows.map((n) => n.kind),
      ['message', 'statusGroup'],
    );
    assert.equal(rows[0].kind === 'message' && rows[0].action, 'switchTenant', 'a 403 offers Switch Tenant');
  });

  it('shows the welcome content, not an error row, when Graph has no signed-in account', async () => {
    const s = setup();
    s.host.signedOut = true;
    s.backend.failNext = new GraphError({ status: 401, code: 'unauthenticated', message: 'sign in' });
    await s.loader.ensureCloudPcs();
    assert.deepEqual(s.rootRows(), [], 'no rows: the view shows its welcome content');
    assert.equal(s.cloudPcModel.error, undefined);
  });

  it('a partial update redraws only what moved, and a 404 removes the Cloud PC', async () => {
    const s = setup();
    s.backend.pages = [[pc('a'), pc('b')]];
    await s.loader.ensureCloudPcs();
    s.rootRows();
    s.redraws.length = 0;
    s.backend.byId.set(pc('a').id, pc('a', 'failed'));
    s.backend.byId.set(pc('b').id, 'gone');
    await s.loader.syncCloudPcs([pc('a').id, pc('b').id]);
    assert.deepEqual(
      s.store.all().map((p) => [idOf(p.id), p.status]),
      [['a', 'failed']],
    );
    assert.ok(
      s.redraws.every((r) => r.refresh !== 'all'),
      'no view redrew everything',
    );
  });

  it('says when "Load more…" fails and keeps what was loaded', async () => {
    const s = setup(1);
    s.backend.pages = [[pc('a')], [pc('b')]];
    await s.loader.ensureCloudPcs();
    s.backend.failFromPage = { page: 1, err: new GraphError({ status: 500, code: 'internal', message: 'boom' }) };
    await s.loader.loadMoreCloudPcs();
    assert.deepEqual(s.host.shownErrors, ['Could not load more Cloud PCs: boom']);
    assert.deepEqual(ids(s.store.all()), ['a']);
  });

  it('loads policies into rows, and a failure into an error row that keeps the policies', async () => {
    const s = setup();
    s.backend.policies = [policy('p2', 'Beta'), policy('p1', 'Alpha')];
    await s.loader.ensurePolicies();
    assert.deepEqual(
      s.policyModel.children().map((n) => n.id),
      ['pol:p1', 'pol:p2'],
    );
    s.backend.failNext = new Error('socket hang up');
    await s.loader.reloadPolicies();
    const rows = s.policyModel.children();
    assert.equal(rows[0].kind === 'message' && rows[0].tone, 'error');
    assert.equal(rows[0].kind === 'message' && rows[0].text, 'Could not load provisioning policies: socket hang up');
    assert.deepEqual(
      rows.slice(1).map((n) => n.id),
      ['pol:p1', 'pol:p2'],
    );
  });
});
