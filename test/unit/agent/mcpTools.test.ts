import * as assert from 'node:assert/strict';
import { AGENT_TOOLS, READ_TOOLS } from '../../../src/core/agent/tools/agentTools';
import { DEFAULT_TEXT_BUDGET } from '../../../src/core/agent/toolText';
import { FINANCE, openAgentWorld, RETAIL, RETAIL_POLICY, SALES, STANDARD_POLICY } from './agentKit';
import type { AgentWorld } from './agentKit';

const GOOD_POLICY = JSON.stringify({
  displayName: 'Lisbon stores',
  provisioningType: 'dedicated',
  imageType: 'gallery',
  imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc',
  cloudPcNamingTemplate: 'LIS-%RAND:6%',
  domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'europeUnion' }],
});

describe('agent tools through an MCP client (demo tenant)', () => {
  let world: AgentWorld;
  before(async () => {
    world = await openAgentWorld({ files: { 'lisbon.cpcpolicy.json': GOOD_POLICY } });
  });
  after(() => world.close());

  it('lists every read tool with its schema and read-only annotations, and no changing tool', async () => {
    const { tools } = await world.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), READ_TOOLS.map((t) => t.name).sort());
    for (const tool of tools) {
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.equal(tool.inputSchema.type, 'object');
      assert.ok((tool.description ?? '').length > 80, tool.name);
    }
  });

  it('validate: findings with code, position, fix and docs link; a valid file says so', async () => {
    const bad = await world.call('cpcpolicy_validate_policy', {
      text: '{ "displayName": "x", "provisioningType": "dedicatd", "cloudPcNamingTemplate": "CPC-%RAND:2%" }',
    });
    assert.equal(bad.isError, false);
    assert.match(bad.text, /^the given text: \d+ error\(s\)/);
    assert.match(bad.text, /CPC204 warning 1:43 provisioningType: 'dedicatd' is not a provisioningType we know/);
    assert.match(bad.text, /  fix: Change to 'dedicated'/);
    assert.match(bad.text, /docs: https:\/\/github\.com\/cpcpolicy\/cpcpolicy\/blob\/main\/docs\/rules\.md#cpc204/);
    assert.match(bad.text, /CPC408 error 1:85 cloudPcNamingTemplate: %RAND:2% is too short/);
    const good = await world.call('cpcpolicy_validate_policy', { path: 'lisbon.cpcpolicy.json' });
    assert.match(good.text, /lisbon\.cpcpolicy\.json: 0 error\(s\), 0 warning\(s\).*tenant checked: Simulator/);
    const missing = await world.call('cpcpolicy_validate_policy', { path: 'nope.cpcpolicy.json' });
    assert.equal(missing.isError, true);
    assert.match(missing.text, /no file nope/);
  });

  it('preview names: names per user, length range, collision odds and rule problems', async () => {
    const r = await world.call('cpcpolicy_preview_names', {
      template: 'CPC-%USERNAME:4%-%RAND:5%',
      users: ['adele.vance@contoso.com', 'li.wu@contoso.com'],
      fleetSize: 100000,
    });
    assert.match(r.text, /names of 11–14 characters/);
    assert.match(r.text, /adele\.vance@contoso\.com → CPC-adel-[A-Z0-9]{5}\n/);
    assert.match(r.text, /li\.wu@contoso\.com → CPC-liwu-[A-Z0-9]{5}\n/);
    assert.match(r.text, /odds two of 100000 Cloud PCs draw the same random part: >99\.9%/);
    assert.match(r.text, /CPC410 warning/);
    const small = await world.call('cpcpolicy_preview_names', { template: 'CPC-%RAND:8%', fleetSize: 100 });
    assert.match(small.text, /names of 12 characters; odds two of 100 Cloud PCs draw the same random part: <0\.01%/);
    assert.match(small.text, /The template follows the naming rules\./);
    const shared = await world.call('cpcpolicy_preview_names', {
      template: 'S-%USERNAME:4%-%RAND:5%',
      provisioningType: 'sharedByEntraGroup',
    });
    assert.match(shared.text, /CPC409 error/);
  });

  it('list and get policies: ids, types, groups and Cloud PC counts', async () => {
    const list = await world.call('cpcpolicy_list_policies');
    assert.match(list.text, /^3 policies on Simulator/);
    assert.match(
      list.text,
      new RegExp(
        `- ${STANDARD_POLICY} "Contoso Standard \\(East US 2\\)" · Enterprise · 2 group\\(s\\) · \\d+ Cloud PC\\(s\\) \\(\\d+ provisioned, .*1 failed`,
      ),
    );
    const one = await world.call('cpcpolicy_get_policy', { policy: 'Contoso Standard (East US 2)' });
    assert.match(one.text, new RegExp(`${SALES} "W365 Sales"`));
    assert.match(one.text, /Naming template: "CPC-%USERNAME:4%-%RAND:5%" → e\.g\. CPC-adel-/);
    const none = await world.call('cpcpolicy_get_policy', { policy: 'Nope' });
    assert.equal(none.isError, true);
    assert.match(none.text, /no policy has the id or name "Nope"/);
  });

  it('find Cloud PCs: counts first, then a bounded page with the next skip', async () => {
    const r = await world.call('cpcpolicy_find_cloud_pcs', { policyId: STANDARD_POLICY, pageSize: 5 });
    assert.match(r.text, /^\d+ Cloud PC\(s\) on Simulator \(demo tenant\) match: \d+ provisioned, /);
    assert.equal((r.text.match(/^- /gm) ?? []).length, 5);
    assert.match(r.text, /Next page: skip 5\./);
    const failed = await world.call('cpcpolicy_find_cloud_pcs', { status: 'failed' });
    assert.match(failed.text, /1 are failed\./);
    assert.match(failed.text, /camille\.laurent@contoso\.onmicrosoft\.com · failed/);
  });

  it("explain failure: Camille's Cloud PC, what it means, the fix and that Retry can help", async () => {
    const r = await world.call('cpcpolicy_explain_failure', { user: 'camille' });
    assert.match(r.text, /Failure: intuneEnrollFailed during Provision/);
    assert.match(r.text, /What it means: .*enrol in Intune/);
    assert.match(r.text, /Documented fix: .*enrolment restrictions/);
    assert.match(r.text, /Retry can help now \(the service marks it retriable\): cpcpolicy_retry_provisioning/);
    const grace = await world.call('cpcpolicy_explain_failure', { user: 'allan.deyoung' });
    assert.match(grace.text, /Not a failure: it is in the 7-day grace period/);
    const both = await world.call('cpcpolicy_explain_failure', {});
    assert.equal(both.isError, true);
  });

  it('what-if: who gets which name, who is skipped and why, who enters grace; nothing changes', async () => {
    const before = await world.api.getPolicy(STANDARD_POLICY);
    const add = await world.call('cpcpolicy_what_if_assignment', { policy: STANDARD_POLICY, addGroupIds: [FINANCE] });
    assert.match(add.text, /nothing is changed/);
    assert.match(add.text, /^\d+ get a Cloud PC, \d+ keep theirs, \d+ skipped, 0 Cloud PC\(s\) enter/m);
    assert.match(add.text, /already covered by an earlier policy \(Contoso Finance \(hybrid\)\)/);
    const remove = await world.call('cpcpolicy_what_if_assignment', {
      policy: STANDARD_POLICY,
      removeGroupIds: [SALES],
    });
    assert.match(remove.text, /[1-9]\d* Cloud PC\(s\) enter the 7-day grace period/);
    assert.match(remove.text, /Enter the 7-day grace period, then deprovisioned/);
    const retail = await world.call('cpcpolicy_what_if_assignment', {
      policy: RETAIL_POLICY,
      addGroupIds: [RETAIL],
      allotmentLicensesCount: 1,
    });
    assert.match(retail.text, /3 get a Cloud PC, 0 keep theirs, 3 skipped/);
    assert.match(retail.text, /beyond the allotment of 1 \(3 Cloud PCs\)/);
    assert.deepEqual((await world.api.getPolicy(STANDARD_POLICY)).assignments, before.assignments);
  });

  it('plan a policy file: what deploy would create, change and who it affects; nothing changes', async () => {
    const create = await world.call('cpcpolicy_plan_policy_file', { path: 'lisbon.cpcpolicy.json' });
    assert.match(create.text, /1 to create, 0 to update, 0 unchanged, 0 to delete, 0 refused/);
    assert.match(create.text, /- create "Lisbon stores"/);
    const deployed = await world.api.getPolicy(STANDARD_POLICY);
    const edited = JSON.stringify({
      displayName: deployed.displayName,
      provisioningType: 'dedicated',
      imageType: deployed.imageType,
      imageId: deployed.imageId,
      cloudPcNamingTemplate: 'STD-%USERNAME:4%-%RAND:5%',
      domainJoinConfigurations: deployed.domainJoinConfigurations,
      assignments: [{ target: { groupId: SALES } }],
    });
    const update = await world.call('cpcpolicy_plan_policy_file', { text: edited });
    assert.match(update.text, new RegExp(`- update "Contoso Standard \\(East US 2\\)" \\(${STANDARD_POLICY}\\)`));
    assert.match(update.text, /cloudPcNamingTemplate: "CPC-%USERNAME:4%-%RAND:5%" → "STD-%USERNAME:4%-%RAND:5%"/);
    assert.match(update.text, /groups added: none; removed: f6691c11-f229-49cf-bb87-c0a701ed8647/);
    assert.match(update.text, /[1-9]\d* Cloud PC\(s\) enter the 7-day grace period/);
    assert.deepEqual(
      (await world.api.getPolicy(STANDARD_POLICY)).cloudPcNamingTemplate,
      deployed.cloudPcNamingTemplate,
    );
  });

  it('tenant lookups: connections with health, images with dates, regions, Frontline plans, groups', async () => {
    const connections = await world.call('cpcpolicy_list_network_connections');
    assert.match(connections.text, /Azure network connection\(s\) on Simulator/);
    assert.match(connections.text, /health (passed|failed|warning)/);
    const images = await world.call('cpcpolicy_list_images');
    assert.match(images.text, /gallery image\(s\), \d+ custom image\(s\)/);
    assert.match(images.text, /end \d{4}-\d\d-\d\d/);
    const regions = await world.call('cpcpolicy_list_regions');
    assert.match(regions.text, /group \w+ · available/);
    const plans = await world.call('cpcpolicy_list_frontline_plans');
    assert.match(plans.text, /licences used/);
    const groups = await world.call('cpcpolicy_find_groups', { name: 'W365' });
    assert.match(
      groups.text,
      new RegExp(`- ${SALES} "W365 Sales" · \\d+ member\\(s\\), \\d+ with a Windows 365 licence`),
    );
  });

  it('input not matching the schema is a clear tool error, never a crash', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['cpcpolicy_preview_names', {}, /missing input property 'template'/],
      ['cpcpolicy_preview_names', { template: 'X-%RAND:5%', fleetSize: 'many' }, /fleetSize must be integer/],
      ['cpcpolicy_find_cloud_pcs', { pageSize: 0 }, /pageSize must be >= 1/],
      ['cpcpolicy_list_regions', { region: 'x' }, /unknown input property 'region'/],
      ['cpcpolicy_preview_names', { template: 'X', provisioningType: 'pool' }, /provisioningType must be one of/],
    ];
    for (const [name, args, message] of cases) {
      const r = await world.call(name, args);
      assert.equal(r.isError, true, name);
      assert.match(r.text, message);
    }
    const still = await world.call('cpcpolicy_list_regions');
    assert.equal(still.isError, false);
  });

  it('every read answer stays within 8 KB unless a bigger page is asked for', async () => {
    const answers = await Promise.all([
      world.call('cpcpolicy_find_cloud_pcs', { pageSize: 20 }),
      world.call('cpcpolicy_list_images'),
      world.call('cpcpolicy_what_if_assignment', { policy: STANDARD_POLICY, removeGroupIds: [SALES] }),
      world.call('cpcpolicy_list_policies'),
    ]);
    for (const a of answers) assert.ok(a.text.length <= DEFAULT_TEXT_BUDGET, a.text.slice(0, 80));
  });

  it('every tool has a unique name within the 64-character limit both surfaces share', () => {
    const names = AGENT_TOOLS.map((t) => t.name);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.match(n, /^[a-z0-9_]{1,64}$/);
  });
});
