// After Deploy, the views show what it changed with no help from the simulator's change events (on Graph
// there are none: the views learn of a change only from what the command announces), and the
// "deployed ↔ after Deploy" diff, stale once the policy is deployed, closes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { policyToFileText } from '../../src/core/deploy/policyFileShape';
import type { Views } from '../../src/vscode/views/registerViews';
import { answerQuestions, getExtension, waitFor, scaled } from './testSupport';

describe('Deploy announces what it changed', function () {
  this.timeout(scaled(120_000));
  let views: Views;
  let dir: string;
  let questions: Awaited<ReturnType<typeof answerQuestions>>;

  /** A deployed policy as Pull writes it, with `change` applied, in a file of its own. */
  async function pulledFile(name: string, change: (o: Record<string, unknown>) => void): Promise<vscode.Uri> {
    const [policy] = await views.sidebar.api.findPoliciesByName(name);
    const text = policyToFileText(await views.sidebar.api.getPolicy(policy!.id), 'Simulator');
    const [header, ...rest] = text.split('\n');
    const o = JSON.parse(rest.join('\n')) as Record<string, unknown>;
    change(o);
    const file = path.join(dir, `${name.replace(/[^A-Za-z]/g, '')}-${Date.now()}.cpcpolicy.json`);
    fs.writeFileSync(file, `${header}\n${JSON.stringify(o, null, 2)}\n`);
    return vscode.Uri.file(file);
  }

  before(async () => {
    views = (await getExtension().activate()).views!;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('cpcpolicy.simulator.resetTenant', 'demo');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-deploy-refresh-'));
  });
  beforeEach(async () => {
    questions = await answerQuestions();
  });
  afterEach(() => questions.dispose());
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Deploy that adds a group shows its new Cloud PCs in the Cloud PCs view on a Graph-shaped backend (no change events)', async () => {
    await views.sidebar.ensurePolicies();
    await views.sidebar.ensureCloudPcs();
    await views.live.settled();
    const [policy] = await views.sidebar.api.findPoliciesByName('Contoso Finance (hybrid)');
    const group = (await views.sidebar.api.searchGroups('')).find((g) => g.displayName === 'All Cloud PC Users')!;
    const before = views.intents.countKnownCloudPcs({ policyId: policy!.id });
    const uri = await pulledFile('Contoso Finance (hybrid)', (o) => {
      o.assignments = [...(o.assignments as unknown[]), { target: { groupId: group.id } }];
    });
    // As on Graph: the views hear nothing from the backend, only what Deploy announces.
    views.live.detach();
    try {
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', uri), policy!.id);
      const now = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === policy!.id);
      assert.ok(now.length > before, `the deploy provisions Cloud PCs (${before} → ${now.length})`);
      assert.equal(
        views.intents.countKnownCloudPcs({ policyId: policy!.id }),
        now.length,
        'the Cloud PCs view shows the new Cloud PCs when Deploy resolves',
      );
    } finally {
      views.live.attach();
    }
  });

  it('Deploy closes the "deployed ↔ after Deploy" diff it made stale', async () => {
    const uri = await pulledFile('Contoso Standard (East US 2)', (o) => {
      o.description = 'Deployed from a diff';
    });
    const isDiff = (): boolean =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputTextDiff && /deployed ↔ after Deploy/.test(tab.label));
    await vscode.commands.executeCommand('cpcpolicy.diffPolicyFile', uri, 0);
    await waitFor(async () => isDiff(), 'the diff to open', 10_000);
    assert.equal(typeof (await vscode.commands.executeCommand('cpcpolicy.deployPolicy', uri)), 'string');
    assert.equal(isDiff(), false, 'the stale diff is closed');
  });
});
