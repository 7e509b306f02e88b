// The Cloud PCs view's tree model is plain data: it pages big status groups and, when one Cloud PC
// changes, names only the nodes to redraw. No VS Code, no backend.
import * as assert from 'node:assert/strict';
import { CloudPcStore } from '../../../src/vscode/views/cloudPcStore';
import { CloudPcTreeModel } from '../../../src/vscode/views/cloudPcTreeModel';
import type { TreeNode } from '../../../src/vscode/views/treeNodes';
import { cloudPcsByStatus } from './cloudPcFixtures';

function groupOf(model: CloudPcTreeModel, bucket: string): TreeNode {
  const group = model.roots().find((n) => n.kind === 'statusGroup' && n.bucket === bucket);
  assert.ok(group, `a ${bucket} group`);
  return group;
}

/** A model over 500 provisioned and 3 failed Cloud PCs, with both groups expanded (their rows presented). */
function expandedModel(): { store: CloudPcStore; model: CloudPcTreeModel } {
  const store = new CloudPcStore();
  store.replaceAll(cloudPcsByStatus({ provisioned: 500, failed: 3 }));
  const model = new CloudPcTreeModel(store);
  for (const root of model.roots()) {
    model.present(root);
    for (const row of model.children(root)) model.present(row);
  }
  return { store, model };
}

describe('Cloud PCs tree model (plain data, no backend)', () => {
  it('shows a status group of 500 as 200 rows and "Load more…"; loading more adds 200 and redraws only that group', () => {
    const { model } = expandedModel();
    const provisioned = groupOf(model, 'provisioned');
    let page = model.children(provisioned);
    assert.equal(page.length, 201);
    const more = page[200]!;
    assert.equal(more.kind, 'loadMore');
    assert.equal(model.present(more).label, 'Load more…');
    assert.equal(
      model.loadMore(more as Extract<TreeNode, { kind: 'loadMore' }>),
      provisioned,
      'the group is what redraws',
    );
    page = model.children(provisioned);
    assert.equal(page.length, 401);
    assert.equal(page[0], model.children(provisioned)[0], 'rows keep their identity between calls');
  });

  it("a change within the same status redraws only that Cloud PC's row, not the tree", () => {
    const { store, model } = expandedModel();
    const target = store.list('provisioned')[0]!;
    const r = model.refreshFor([
      store.upsert({ ...target, displayName: 'renamed', lastModifiedDateTime: '2026-06-02T00:00:00Z' })!,
    ]);
    assert.equal(r.root, false);
    assert.deepEqual(
      r.nodes.map((n) => n.id.split(':').slice(0, 3).join(':')),
      ['cpcs:pc:provisioned'],
    );
  });

  it('a change of status redraws the two status groups it leaves and joins, not the tree', () => {
    const { store, model } = expandedModel();
    const target = store.list('provisioned')[0]!;
    const r = model.refreshFor([
      store.upsert({ ...target, status: 'failed', lastModifiedDateTime: '2026-06-03T00:00:00Z' })!,
    ]);
    assert.equal(r.root, false);
    assert.deepEqual(r.nodes.map((n) => n.id).sort(), ['cpcs:group:*:failed', 'cpcs:group:*:provisioned']);
  });
});
