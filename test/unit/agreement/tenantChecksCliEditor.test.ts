// One set of tenant checks for the editor and `cpcpolicy validate --backend`: Frontline allotments larger than
// the licences owned (CPC508; the simulator's assign answers 400 InsufficientLicenses: Graph "cloudPcManagedLicense"
// and "cloudPcProvisioningPolicy: assign"), and overlaps with the tenant's own policies (CPC325: Learn "Create a
// provisioning policy", the first assigned policy wins).
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { runValidate } from '../../../src/cli/validateCommand';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { PLAN_FRONTLINE_2VCPU } from '../../../src/core/simulator/catalogSeed';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import { loadTenantCatalog, lookupGroups } from '../../../src/core/tenant/loadTenantCatalog';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import { tenantDocumentOptions, validateAgainstTenant } from '../../../src/core/tenant/tenantChecks';
import { validateDocument } from '../../../src/core/policy/validator';
import { handlerTransport, TenantClient, VE } from '../simulator/tenantClient';

async function cli(
  dir: string,
  url: string,
  text: string,
): Promise<{ codes: string[]; exit: number; messages: Record<string, string[]> }> {
  writeFileSync(path.join(dir, 'p.cpcpolicy.json'), text);
  const io = {
    out: '',
    err: '',
    cwd: dir,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  } satisfies CliIo & { out: string; err: string };
  const exit = await runValidate(['p.cpcpolicy.json', '--backend', url, '--format', 'json'], io);
  assert.equal(io.err, '');
  const diagnostics: { code: string; message: string }[] = JSON.parse(io.out)[0].diagnostics;
  const messages: Record<string, string[]> = {};
  for (const d of diagnostics) (messages[d.code] ??= []).push(d.message);
  return { exit, codes: diagnostics.map((d) => d.code), messages };
}

describe('tenant checks: the editor and validate --backend give one answer', function () {
  this.timeout(60_000);
  let service: SimulatorService;
  let server: SimulatorServer;
  let t: TenantClient;
  let dir: string;
  let groupId: string;
  before(async () => {
    service = SimulatorService.open({ seed: 'empty', timeScale: 0 }); // five Frontline licences
    server = await startSimulatorServer({ handler: service.handler, port: 0 });
    t = new TenantClient(handlerTransport(service.handler));
    dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-tenantchecks-'));
    groupId = await t.group('Shift');
    // Three of the five licences already allotted by a deployed Frontline dedicated policy.
    const deployed = await t.policy({
      displayName: 'Deployed Frontline',
      provisioningType: 'sharedByUser',
      cloudPcNamingTemplate: 'FLW-%RAND:6%',
    });
    await t.assign(deployed, [groupId], {
      servicePlanId: PLAN_FRONTLINE_2VCPU,
      allotmentDisplayName: 'Shift',
      allotmentLicensesCount: 3,
    });
  });
  after(async () => {
    await server.close();
    service.close();
  });

  async function editorCodes(text: string): Promise<string[]> {
    const api = createInProcessCloudPcApi(service.handler);
    const catalog = await loadTenantCatalog(api, service.simulator.now());
    const index = new TenantIndex({ ...catalog, groups: await lookupGroups(api, [groupId]) });
    return validateAgainstTenant(text, index).map((f) => f.code);
  }

  const frontline = (name: string, allotmentLicensesCount: number, group = 'GROUP') =>
    JSON.stringify(
      {
        displayName: name,
        provisioningType: 'sharedByUser',
        cloudPcNamingTemplate: 'FLW-%RAND:6%',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
        assignments: [
          {
            target: {
              groupId: group,
              servicePlanId: PLAN_FRONTLINE_2VCPU,
              allotmentDisplayName: 'More',
              allotmentLicensesCount,
            },
          },
        ],
      },
      null,
      2,
    );

  it('an allotment the licences cannot cover: CPC508 error in both, and the simulator refuses the assign', async () => {
    const other = await t.group('Other shift');
    const text = frontline('New Frontline', 3).replace('GROUP', other);
    assert.ok((await editorCodes(text)).includes('CPC508'));
    const run = await cli(dir, server.url, text);
    assert.ok(run.codes.includes('CPC508'), run.codes.join());
    assert.equal(run.exit, 1);
    const p = await t.policy({ provisioningType: 'sharedByUser', cloudPcNamingTemplate: 'FLW-%RAND:6%' });
    const body = JSON.parse(text).assignments;
    const r = await t.call('POST', `${VE}/provisioningPolicies/${p}/assign`, JSON.stringify({ assignments: body }));
    assert.equal(r.status, 400);
    assert.equal(r.json.error.innerError.code, 'InsufficientLicenses');
  });

  it('two more licences fit (five owned): no CPC508; the deployed copy of the same policy is not counted twice', async () => {
    const other = await t.group('Small shift');
    assert.ok(!(await editorCodes(frontline('Small Frontline', 2).replace('GROUP', other))).includes('CPC508'));
    const redeploy = frontline('Deployed Frontline', 5).replace('GROUP', groupId);
    assert.ok(!(await editorCodes(redeploy)).includes('CPC508'));
    assert.ok(!(await cli(dir, server.url, redeploy)).codes.includes('CPC508'));
  });

  it("overlaps with the tenant's own policies: CPC325 from validate --backend as in the editor", async () => {
    const text = frontline('Second Frontline', 1).replace('GROUP', groupId);
    const run = await cli(dir, server.url, text);
    assert.ok(run.codes.includes('CPC325'), run.codes.join());
  });

  it('CPC325 names the group as the tenant knows it (display name and id), in validate --backend and the editor alike', async () => {
    const text = frontline('Second Frontline', 1).replace('GROUP', groupId);
    const named = `'Shift' (${groupId})`;
    const run = await cli(dir, server.url, text);
    assert.equal(run.messages['CPC325']?.length, 1, run.codes.join());
    assert.ok(run.messages['CPC325']![0]!.includes(named), run.messages['CPC325']![0]);
    // The editor's policy diagnostics validate with the same tenant options (tenantPolicies.ts feeds them).
    const api = createInProcessCloudPcApi(service.handler);
    const catalog = await loadTenantCatalog(api, service.simulator.now());
    const index = new TenantIndex({ ...catalog, groups: await lookupGroups(api, [groupId]) });
    const editor = validateDocument(text, tenantDocumentOptions(index)).filter((f) => f.code === 'CPC325');
    assert.deepEqual(
      editor.map((f) => f.message),
      run.messages['CPC325'],
    );
  });

  it('CPC325 without a tenant (offline) names the group by id only', () => {
    const other = '0d9a1c3e-1111-4222-8333-944455556666';
    const text = JSON.stringify({
      policies: [JSON.parse(frontline('A', 1, other)), JSON.parse(frontline('B', 1, other))],
    });
    const [finding] = validateDocument(text).filter((f) => f.code === 'CPC325');
    assert.match(finding!.message, new RegExp(`^Group ${other} is also targeted by 'A'`));
  });
});
