// The sidebar against the simulator's state: after each action the providers' children match the backend.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CloudPc } from '../../src/core/model/cloudPc';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { BUCKET_LABELS, bucketOf } from '../../src/vscode/views/cloudPcStatusBuckets';
import type { StatusBucket } from '../../src/vscode/views/cloudPcStatusBuckets';
import { GraphError } from '../../src/core/graph/graphError';
import { adviceFor } from '../../src/vscode/views/errorAdvice';
import { answerQuestions, getExtension, openPolicyText, waitFor, resetSimulatedTenant, scaled } from './testSupport';
import { recordRedraws, rows } from './treeRows';

function byBucket(pcs: readonly CloudPc[]): Map<StatusBucket, CloudPc[]> {
  const out = new Map<StatusBucket, CloudPc[]>();
  for (const pc of pcs) {
    const b = bucketOf(pc.status);
    out.set(b, [...(out.get(b) ?? []), pc]);
  }
  return out;
}

/** The Cloud PCs view's groups and counts equal the backend's, group by group. */
async function cloudPcViewMatchesBackend(views: Views): Promise<string | true> {
  await views.live.settled();
  const backend = byBucket(await views.sidebar.api.listCloudPcs());
  const groups = await rows(views.sidebar.cloudPcProvider);
  const shown = new Map(groups.map((g) => [g.label, Number(g.description)]));
  for (const [bucket, pcs] of backend) {
    if (shown.get(BUCKET_LABELS[bucket]) !== pcs.length)
      return `${BUCKET_LABELS[bucket]}: view ${shown.get(BUCKET_LABELS[bucket])}, backend ${pcs.length}`;
  }
  if (groups.length !== backend.size) return `groups: view ${[...shown.keys()]}, backend ${[...backend.keys()]}`;
  return true;
}

async function matches(views: Views, what: string): Promise<void> {
  let last: string | true = '';
  await waitFor(
    async () => (last = await cloudPcViewMatchesBackend(views)) === true,
    `${what} (${String(last)})`,
    15_000,
  );
}

describe('views: the sidebar follows the simulator', function () {
  this.timeout(scaled(120_000));
  let views: Views;
  let questions: Awaited<ReturnType<typeof answerQuestions>>;

  before(async () => {
    questions = await answerQuestions();
    const api: CpcPolicyApi = await getExtension().activate();
    assert.ok(api.views, 'the extension API exposes the views');
    views = api.views;
    await vscode.workspace
      .getConfiguration('cpcpolicy')
      .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    await resetSimulatedTenant('demo');
    await vscode.commands.executeCommand('cpcpolicy.cloudPcs.focus');
    await views.sidebar.ensureCloudPcs();
    await views.sidebar.ensurePolicies();
  });

  after(() => questions.dispose());

  it('sets the backend context key that shows the simulator controls', async () => {
    const registered = await vscode.commands.getCommands(true);
    for (const c of [
      'cpcpolicy.simulator.advanceTime',
      'cpcpolicy.assign',
      'cpcpolicy.reprovision',
      'cpcpolicy.deployPolicy',
    ])
      assert.ok(registered.includes(c), c);
  });

  it('groups every Cloud PC by status with counts equal to the backend', async () => {
    await matches(views, 'the Cloud PCs view to match the demo tenant');
    const groups = await rows(views.sidebar.cloudPcProvider);
    const labels = groups.map((g) => g.label);
    for (const expected of ['Provisioned', 'Failed', 'In grace period'])
      assert.ok(labels.includes(expected), `group ${expected} in ${labels}`);
    const failed = groups.find((g) => g.label === 'Failed')!;
    assert.equal((failed.item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(((failed.item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'testing.iconFailed');
    const failedPcs = await rows(views.sidebar.cloudPcProvider, failed.node);
    const backendFailed = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.status === 'failed');
    assert.deepEqual(
      failedPcs.map((r) => r.node.kind === 'cloudPc' && r.node.cloudPcId).sort(),
      backendFailed.map((pc) => pc.id).sort(),
    );
    const row = failedPcs[0];
    // A failed Cloud PC offers the one action that fits (Retry), not Reprovision as well.
    assert.match(row.item.contextValue ?? '', /^cloudPc;failed;.*\bhasFailed\b/);
    assert.doesNotMatch(row.item.contextValue ?? '', /\breprovisionable\b/);
    assert.ok(
      row.description.includes(
        backendFailed.find((pc) => row.node.kind === 'cloudPc' && pc.id === row.node.cloudPcId)!.statusDetail!.message,
      ),
      `failure message in "${row.description}"`,
    );
    const grace = groups.find((g) => g.label === 'In grace period')!;
    const graceRow = (await rows(views.sidebar.cloudPcProvider, grace.node))[0];
    assert.match(graceRow.description, /grace period ends in \d+ (days?|hours?|minutes?)/);
    assert.match(graceRow.item.contextValue ?? '', /\binGracePeriod\b/);
  });

  it('shows each policy with its type and counts, its assignments and its Cloud PCs', async () => {
    const backend = await views.sidebar.api.listPolicies();
    const pcs = await views.sidebar.api.listCloudPcs();
    await views.live.settled();
    const policies = await rows(views.sidebar.policyProvider);
    assert.deepEqual(policies.map((p) => p.label).sort(), backend.map((p) => p.displayName).sort());
    const standard = policies.find((p) => p.label.startsWith('Contoso Standard'))!;
    const policy = backend.find((p) => p.displayName === standard.label)!;
    const count = pcs.filter((pc) => pc.provisioningPolicyId === policy.id).length;
    assert.match(standard.description, new RegExp(`^Enterprise · ${count} PCs · 1 failed$`));
    assert.match(standard.item.contextValue ?? '', /^policy;assigned;hasFailed\b/);
    const tooltip = (standard.item.tooltip as vscode.MarkdownString).value;
    for (const part of ['Naming template', 'CPC-%USERNAME:4%-%RAND:5%', 'Image', 'Network', 'Created', 'Modified'])
      assert.ok(tooltip.includes(part), `tooltip has ${part}`);
    assert.match(tooltip, /→ `CPC-[A-Z0-9]{4}-[A-Z0-9]{5}`/i);
    const children = await rows(views.sidebar.policyProvider, standard.node);
    assert.equal(children[0].label, 'Assignments');
    const assignments = await rows(views.sidebar.policyProvider, children[0].node);
    assert.deepEqual(assignments.map((a) => a.label).sort(), ['W365 Engineering', 'W365 Sales']);
    for (const a of assignments) assert.match(a.description, /^\d+ members$/);
    const groupCounts = children
      .slice(1)
      .map((c) => Number(c.description))
      .reduce((a, b) => a + b, 0);
    assert.equal(groupCounts, count);
    const draft = policies.find((p) => p.label.startsWith('Frontline Retail'))!;
    assert.match(draft.description, /^Frontline dedicated · 0 PCs · not assigned$/);
    assert.match(draft.item.contextValue ?? '', /^policy;unassigned;frontline/);
  });

  it('redraws only the row that changed when a Cloud PC changes without changing status', async () => {
    const groups = await rows(views.sidebar.cloudPcProvider);
    const provisioned = groups.find((g) => g.label === 'Provisioned')!;
    const pcRows = await rows(views.sidebar.cloudPcProvider, provisioned.node);
    const target = pcRows[0];
    assert.equal(target.node.kind, 'cloudPc');
    const redraws = recordRedraws(views.sidebar.cloudPcProvider);
    await vscode.commands.executeCommand('cpcpolicy.rename', target.node, 'Renamed by test');
    await views.live.settled();
    const fired = redraws.stop();
    assert.ok(fired.length > 0, 'something was redrawn');
    assert.ok(
      fired.every((n) => n === target.node),
      `only the renamed row was fired: ${fired.map((n) => n?.id ?? 'ROOT')}`,
    );
    const again = await rows(views.sidebar.cloudPcProvider, provisioned.node);
    const renamedRow = again.find((r) => r.node === target.node);
    assert.ok(renamedRow, 'the row keeps its identity');
    assert.match(renamedRow.description, /“Renamed by test”/, 'the row shows the new name');
    const pc = await views.sidebar.api.getCloudPc(target.node.kind === 'cloudPc' ? target.node.cloudPcId : '');
    assert.equal(pc.displayName, 'Renamed by test');
  });

  it('moves a reprovisioned Cloud PC to Provisioning, redrawing the two groups and not the tree', async () => {
    const groups = await rows(views.sidebar.cloudPcProvider);
    const provisioned = groups.find((g) => g.label === 'Provisioned')!;
    const provisioning = groups.find((g) => g.label === 'Provisioning');
    const target = (await rows(views.sidebar.cloudPcProvider, provisioned.node))[1];
    const redraws = recordRedraws(views.sidebar.cloudPcProvider);
    const results = await vscode.commands.executeCommand<{ ok: boolean }[]>('cpcpolicy.reprovision', target.node);
    assert.deepEqual(
      results.map((r) => r.ok),
      [true],
    );
    await views.live.settled();
    const fired = redraws.stop();
    assert.ok(fired.includes(provisioned.node), 'the Provisioned group was redrawn');
    if (provisioning) assert.ok(fired.includes(provisioning.node), 'the Provisioning group was redrawn');
    assert.ok(!fired.includes(undefined), 'the whole tree was not redrawn');
    await matches(views, 'the view to match after reprovision');
  });

  it('reprovisions several selected Cloud PCs at once and refuses those that are not provisioned or failed', async () => {
    const groups = await rows(views.sidebar.cloudPcProvider);
    const provisioned = groups.find((g) => g.label === 'Provisioned')!;
    const [a, b] = await rows(views.sidebar.cloudPcProvider, provisioned.node);
    const results = await vscode.commands.executeCommand<{ id: string; ok: boolean }[]>(
      'cpcpolicy.reprovision',
      a.node,
      [a.node, b.node],
    );
    assert.equal(results.length, 2);
    assert.ok(results.every((r) => r.ok));
    for (const r of results) assert.equal(bucketOf((await views.sidebar.api.getCloudPc(r.id)).status), 'provisioning');
    await matches(views, 'the view after a bulk reprovision');
    const grace = (await rows(views.sidebar.cloudPcProvider)).find((g) => g.label === 'In grace period')!;
    const [inGrace] = await rows(views.sidebar.cloudPcProvider, grace.node);
    assert.doesNotMatch(inGrace.item.contextValue ?? '', /\breprovisionable\b/);
    assert.deepEqual(await vscode.commands.executeCommand('cpcpolicy.reprovision', inGrace.node), []);
  });

  it('filters the Cloud PCs view by status and by policy', async () => {
    await vscode.commands.executeCommand('cpcpolicy.filterCloudPcs', { bucket: 'failed' });
    let groups = await rows(views.sidebar.cloudPcProvider);
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Failed'],
    );
    assert.match(views.sidebar.cloudPcView.description ?? '', /status: Failed/);
    const policies = await views.sidebar.api.listPolicies();
    const finance = policies.find((p) => p.displayName.startsWith('Contoso Finance'))!;
    await vscode.commands.executeCommand('cpcpolicy.filterCloudPcs', { policyId: finance.id });
    groups = await rows(views.sidebar.cloudPcProvider);
    const total = groups.reduce((n, g) => n + Number(g.description), 0);
    assert.equal(
      total,
      (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === finance.id).length,
    );
    await vscode.commands.executeCommand('cpcpolicy.clearCloudPcFilter');
    assert.equal(views.sidebar.cloudPcView.description, undefined);
  });

  it('computes a what-if: who gets a Cloud PC, who is skipped and why', async () => {
    const policies = await views.sidebar.api.listPolicies();
    const standard = policies.find((p) => p.displayName.startsWith('Contoso Standard'))!;
    const groups = await views.sidebar.api.searchGroups('');
    const everyone = groups.find((g) => g.displayName === 'All Cloud PC Users')!;
    const sales = groups.find((g) => g.displayName === 'W365 Sales')!;
    const whatIf = await vscode.commands.executeCommand<{
      gets: { userPrincipalName: string; sampleName: string }[];
      keeps: unknown[];
      skipped: { reason: string }[];
      loses: unknown[];
    }>('cpcpolicy.assign', standard.id, [sales.id, everyone.id], { whatIfOnly: true });
    assert.ok(
      whatIf.skipped.some((s) => /nested group/.test(s.reason)),
      'the nested group is skipped',
    );
    assert.ok(
      whatIf.skipped.some((s) => /no Windows 365 license/.test(s.reason)),
      'unlicensed users are skipped',
    );
    assert.equal(whatIf.gets.length, 4, 'the four licensed members of All Cloud PC Users get one');
    for (const g of whatIf.gets) assert.match(g.sampleName, /^CPC-[A-Z0-9]{1,4}-[A-Z0-9]{5}$/i);
    assert.ok(whatIf.keeps.length > 5, 'sales users keep theirs');
    const engineering = groups.find((g) => g.displayName === 'W365 Engineering')!;
    const finance = policies.find((p) => p.displayName.startsWith('Contoso Finance'))!;
    const overlap = await vscode.commands.executeCommand<{ skipped: { reason: string }[] }>(
      'cpcpolicy.assign',
      finance.id,
      [engineering.id],
      { whatIfOnly: true },
    );
    assert.ok(
      overlap.skipped.some((s) => /already covered by an earlier policy \(Contoso Standard/.test(s.reason)),
      'users of another policy are skipped',
    );
  });

  it('opens a deployed policy read-only, pulls it into a file, and refuses to deploy a file with errors', async () => {
    const policies = await views.sidebar.api.listPolicies();
    const standard = policies.find((p) => p.displayName.startsWith('Contoso Standard'))!;
    const remote = await vscode.commands.executeCommand<vscode.TextDocument>('cpcpolicy.openPolicy', standard.id);
    assert.equal(remote.uri.scheme, 'cpcpolicy-remote');
    assert.equal(remote.languageId, 'cpcpolicy');
    const text = remote.getText();
    assert.ok(text.includes(`"displayName": "${standard.displayName}"`), text.slice(0, 200));
    assert.ok(
      text.includes('"assignments"') && !text.includes('"createdDateTime"'),
      'assignments kept, server fields dropped',
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-views-'));
    try {
      const file = path.join(dir, 'standard.cpcpolicy.json');
      fs.writeFileSync(
        file,
        JSON.stringify({ displayName: standard.displayName, provisioningType: 'dedicated' }, null, 2),
      );
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)), true);
      const pulled = fs.readFileSync(file, 'utf8');
      assert.match(pulled, /pulled from Simulator/);
      assert.ok(pulled.includes(standard.cloudPcNamingTemplate!), 'the naming template came from the backend');

      const broken = await openPolicyText(
        '{ "displayName": "Broken", "provisioningType": "dedicated", "cloudPcNamingTemplate": "CPC_%USERNAME:4%" }',
      );
      const before = (await views.sidebar.api.listPolicies()).length;
      assert.equal(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', broken.uri), undefined);
      assert.equal((await views.sidebar.api.listPolicies()).length, before, 'nothing was created');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('deploys every policy of a { "policies": [...] } file, then finds nothing to change, then updates only the edited one', async () => {
    // The sample's groups are made up: point them at a new, empty group (no Cloud PCs for later tests to count).
    const group = await vscode.commands.executeCommand<{ id: string }>('cpcpolicy.simulator.addGroup', {
      displayName: 'Fleet deploy test',
    });
    const fleetText = fs
      .readFileSync(path.join(getExtension().extensionPath, 'samples', 'fleet.cpcpolicy.json'), 'utf8')
      .replace(/"groupId": "[^"]+"/g, `"groupId": "${group.id}"`)
      // The demo tenant has 5 Frontline licenses: allot one per Frontline policy so every assignment lands.
      .replace(/"allotmentLicensesCount": \d+/g, '"allotmentLicensesCount": 1');
    const names = [...fleetText.matchAll(/"displayName": "([^"]+)"/g)].map((m) => m[1]!);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-fleet-'));
    try {
      const file = path.join(dir, 'fleet.cpcpolicy.json');
      fs.writeFileSync(file, fleetText);
      const ids = await vscode.commands.executeCommand<string[] | undefined>(
        'cpcpolicy.deployPolicy',
        vscode.Uri.file(file),
      );
      assert.ok(Array.isArray(ids) && ids.length === names.length, `one id per policy (got ${JSON.stringify(ids)})`);
      for (const [i, name] of names.entries()) {
        const [found] = await views.sidebar.api.findPoliciesByName(name);
        assert.equal(found?.id, ids[i], name);
      }
      const shown = (await rows(views.sidebar.policyProvider)).map((r) => r.label);
      for (const name of names) assert.ok(shown.includes(name), `${name} is in the view`);
      const hr = await views.sidebar.api.getPolicy(ids[0]!);
      assert.equal(hr.assignments?.length, 1, 'assignments came from the file');

      // Count the update requests Deploy sends (the real call still goes through to the simulator).
      const api = views.sidebar.api;
      const original = api.updatePolicy;
      const update = original.bind(api);
      const updated: string[] = [];
      api.updatePolicy = (id, patch, options) => {
        updated.push(id);
        return update(id, patch, options);
      };
      try {
        assert.deepEqual(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(file)), ids);
        assert.deepEqual(updated, [], 'policies deployed as written are not sent again');
        // A second file: the editor keeps the first one's text from the earlier Deploy.
        const edited = path.join(dir, 'fleet-edited.cpcpolicy.json');
        fs.writeFileSync(
          edited,
          fleetText.replace(
            `"displayName": "${names[1]}",`,
            `"displayName": "${names[1]}",\n      "description": "edited",`,
          ),
        );
        assert.deepEqual(await vscode.commands.executeCommand('cpcpolicy.deployPolicy', vscode.Uri.file(edited)), ids);
        assert.deepEqual(updated, [ids[1]], 'only the edited policy is updated');
      } finally {
        api.updatePolicy = original;
      }
      assert.equal((await views.sidebar.api.getPolicy(ids[1]!)).description, 'edited');
      assert.equal(
        await vscode.commands.executeCommand('cpcpolicy.pullPolicy', vscode.Uri.file(file)),
        false,
        'Pull refuses a fleet file',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies single sign-on to existing Cloud PCs: they show as updating, then settle', async () => {
    const policies = await views.sidebar.api.listPolicies();
    const finance = policies.find((p) => p.displayName.startsWith('Contoso Finance'))!;
    // Policy edits reach existing Cloud PCs only through apply (docs/service-facts.md "Provisioning lifecycle"): turn SSO on, then apply it.
    await views.sidebar.api.updatePolicy(finance.id, { enableSingleSignOn: !finance.enableSingleSignOn });
    const q = await answerQuestions((question) => question.proceed);
    await vscode.commands.executeCommand('cpcpolicy.applySettings', finance.id, 'singleSignOn').then(
      () => q.dispose(),
      (err: unknown) => {
        q.dispose();
        throw err;
      },
    );
    const pcs = (await views.sidebar.api.listCloudPcs()).filter((pc) => pc.provisioningPolicyId === finance.id);
    assert.ok(
      pcs.some((pc) => bucketOf(pc.status) === 'updating'),
      `updating: ${pcs.map((pc) => pc.status)}`,
    );
    await matches(views, 'the view to show the updating Cloud PCs');
    const groups = await rows(views.sidebar.cloudPcProvider);
    const updating = groups.find((g) => g.label === 'Updating')!;
    assert.equal((updating.item.iconPath as vscode.ThemeIcon).id, 'sync~spin');
    await vscode.commands.executeCommand('cpcpolicy.simulator.advanceTime', { hours: 1 });
    await matches(views, 'the view after the apply finished');
    assert.ok(!(await rows(views.sidebar.cloudPcProvider)).some((g) => g.label === 'Updating'));
  });

  it('assigns a Frontline policy with a service plan and an allotment; the what-if and the view show both', async () => {
    const policies = await views.sidebar.api.listPolicies();
    const retail = policies.find((p) => p.displayName.startsWith('Frontline Retail'))!;
    const group = (await views.sidebar.api.searchGroups('')).find((g) => g.displayName === 'Frontline Retail')!;
    const plan = (await views.sidebar.api.listServicePlans()).find((p) => p.provisioningType === 'sharedByUser')!;
    const target = {
      groupId: group.id,
      servicePlanId: plan.id,
      allotmentDisplayName: 'Stores',
      allotmentLicensesCount: 2,
    };
    const whatIf = await vscode.commands.executeCommand<{ gets: unknown[]; skipped: { reason: string }[] }>(
      'cpcpolicy.assign',
      retail.id,
      [target],
      { whatIfOnly: true },
    );
    // Frontline dedicated: each of the 2 allotted licences enables up to three Cloud PCs, so all 6 members get one.
    assert.equal(whatIf.gets.length, 6);
    assert.equal(whatIf.skipped.filter((s) => /beyond the allotment/.test(s.reason)).length, 0);
    await vscode.commands.executeCommand('cpcpolicy.assign', retail.id, [target]);
    await views.live.settled();
    const row = (await rows(views.sidebar.policyProvider)).find((p) => p.label === retail.displayName)!;
    assert.match(row.description, /^Frontline dedicated · 6 PCs$/);
    const [assignmentsNode] = await rows(views.sidebar.policyProvider, row.node);
    const [assignment] = await rows(views.sidebar.policyProvider, assignmentsNode.node);
    assert.equal(assignment.label, 'Frontline Retail');
    assert.equal(assignment.description, `6 members · ${plan.displayName} · allotment 2`);
    assert.match(assignment.item.contextValue ?? '', /^assignment;frontline$/);
    await vscode.commands.executeCommand('cpcpolicy.removeAssignment', assignment.node);
    assert.deepEqual((await views.sidebar.api.getPolicy(retail.id)).assignments, []);
    await matches(views, 'the view after removing the Frontline assignment');
  });

  it('deletes an assigned policy by removing its assignments first', async () => {
    const created = await views.sidebar.api.createPolicy({
      displayName: 'Views test: to delete',
      provisioningType: 'dedicated',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      cloudPcNamingTemplate: 'DEL-%RAND:5%',
    });
    const group = (await views.sidebar.api.searchGroups('')).find((g) => g.displayName === 'All Cloud PC Users')!;
    await views.sidebar.api.assignPolicy(created.id, [{ target: { groupId: group.id } }]);
    await assert.rejects(views.sidebar.api.deletePolicy(created.id), /assign/i, 'the service refuses while assigned');
    assert.equal(await vscode.commands.executeCommand('cpcpolicy.deletePolicy', created.id), true);
    await assert.rejects(views.sidebar.api.getPolicy(created.id));
    assert.ok(!(await rows(views.sidebar.policyProvider)).some((p) => p.label === 'Views test: to delete'));
    await matches(views, 'the view after deleting the policy');
  });

  it('signed out of Microsoft Graph shows the welcome content (Sign In), not error rows, and recovers', async () => {
    // Microsoft Graph while signed out: the views are empty so VS Code shows the welcome content with Sign In.
    await vscode.workspace.getConfiguration('cpcpolicy').update('backend', 'graph', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        async () => {
          await views.sidebar.ensureCloudPcs();
          await views.sidebar.ensurePolicies();
          return views.sidebar.store.loaded && views.sidebar.policyModel.loaded;
        },
        'both views to finish loading',
        30_000,
      );
      assert.deepEqual(
        (await rows(views.sidebar.cloudPcProvider)).map((r) => r.label),
        [],
        'no rows: the welcome content shows',
      );
      assert.deepEqual(
        (await rows(views.sidebar.policyProvider)).map((r) => r.label),
        [],
      );
    } finally {
      await vscode.workspace
        .getConfiguration('cpcpolicy')
        .update('backend', 'simulator', vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      async () => (await rows(views.sidebar.cloudPcProvider)).some((r) => r.label === 'Provisioned'),
      'the simulator data back',
      15_000,
    );
    await matches(views, 'the view after switching back to the simulator');
  });

  it("every error row offers the action that fixes it, in an admin's words", async () => {
    const model = views.sidebar.cloudPcModel;
    const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)]));
    const cases: [number, string, RegExp][] = [
      [401, 'cpcpolicy.signIn', /^Sign in to Microsoft Graph to see Cloud PCs$/],
      [403, 'cpcpolicy.switchTenant', /^Your account may not read Cloud PCs in this tenant$/],
      [503, 'cpcpolicy.refresh', /^Microsoft Graph is busy/],
      [500, 'cpcpolicy.showLog', /^Could not load Cloud PCs: /],
    ];
    try {
      for (const [status, command, label] of cases) {
        const advice = adviceFor(new GraphError({ status, code: 'x', message: 'boom' } as never), 'Cloud PCs', t);
        model.error = advice.text;
        model.errorAction = advice.action;
        const [row] = await rows(views.sidebar.cloudPcProvider);
        assert.match(row.label, label);
        assert.doesNotMatch(row.label, /Error\)/, 'no raw error class names');
        assert.equal(row.item.command?.command, command, `${status}`);
        assert.match(row.item.contextValue ?? '', new RegExp(`^message;error;${command.slice('cpcpolicy.'.length)}$`));
      }
    } finally {
      model.error = undefined;
      model.errorAction = undefined;
    }
  });

  it('shows an error row with a retry action instead of throwing', async () => {
    const model = views.sidebar.cloudPcModel;
    model.error = 'Could not load Cloud PCs: test';
    try {
      const [row] = await rows(views.sidebar.cloudPcProvider);
      assert.equal(row.label, 'Could not load Cloud PCs: test');
      assert.equal(row.item.command?.command, 'cpcpolicy.refresh');
      assert.equal((row.item.iconPath as vscode.ThemeIcon).id, 'error');
    } finally {
      model.error = undefined;
    }
    await vscode.commands.executeCommand('cpcpolicy.refresh');
    await matches(views, 'the view after a refresh');
  });
});
