// Every health state of an Azure network connection gets the same answer from the editor's tenant checks,
// `cpcpolicy validate --backend` and the simulator's provisioning: `passed` and `warning` (and the advisory
// `informational`) provision, `failed`, `pending`, `running` and `unknownFutureValue` do not
// (docs/service-facts.md "Catalog": Learn "Azure network connection health checks in Windows 365").
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { runValidate } from '../../../src/cli/validateCommand';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { CLOUD_PC_HEALTH_CHECK_STATUSES } from '../../../src/core/model/catalog';
import { ANC_HEALTHY } from '../../../src/core/simulator/catalogSeed';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { startSimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import type { SimulatorServer } from '../../../src/core/simulator/hosting/simulatorServer';
import { loadTenantCatalog } from '../../../src/core/tenant/loadTenantCatalog';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import { validateAgainstTenant } from '../../../src/core/tenant/tenantChecks';
import { handlerTransport, TenantClient } from '../simulator/tenantClient';

const USABLE = new Set(['passed', 'warning', 'informational']);
const HYBRID = {
  domainJoinConfigurations: [{ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY }],
};
const FILE = JSON.stringify({ displayName: 'Hybrid', cloudPcNamingTemplate: 'CPC-%RAND:5%', ...HYBRID }, null, 2);

describe('Azure network connection health: editor, CLI --backend and simulator agree on every state', function () {
  this.timeout(60_000);
  let service: SimulatorService;
  let server: SimulatorServer;
  let dir: string;
  before(async () => {
    service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    server = await startSimulatorServer({ handler: service.handler, port: 0 });
    dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-health-'));
    writeFileSync(path.join(dir, 'p.cpcpolicy.json'), FILE);
  });
  after(async () => {
    await server.close();
    service.close();
  });

  for (const status of CLOUD_PC_HEALTH_CHECK_STATUSES) {
    it(`${status}: ${USABLE.has(status) ? 'provisions, no finding' : 'fails provisioning, a warning says so'}`, async () => {
      const t = new TenantClient(handlerTransport(service.handler));
      await t.ok('PATCH', `/_simulator/onPremisesConnections/${ANC_HEALTHY}`, { healthCheckStatus: status });
      // The editor: the tenant as read through CloudPcApi.
      const api = createInProcessCloudPcApi(service.handler);
      const editor = validateAgainstTenant(
        FILE,
        new TenantIndex(await loadTenantCatalog(api, service.simulator.now())),
      );
      const editorCodes = editor.filter((f) => f.code === 'CPC502').map((f) => f.severity);
      // The CLI against the same tenant served on 127.0.0.1.
      const io = {
        out: '',
        err: '',
        cwd: dir,
        stdout: (s: string) => void (io.out += s),
        stderr: (s: string) => void (io.err += s),
      } satisfies CliIo & { out: string; err: string };
      await runValidate(['p.cpcpolicy.json', '--backend', server.url, '--format', 'json'], io);
      const cliCodes = JSON.parse(io.out)[0].diagnostics.filter((d: { code: string }) => d.code === 'CPC502');
      // The simulator: a user of an assigned group gets a Cloud PC that provisions or fails.
      const u = await t.user(`Health ${status}`);
      const p = await t.policy({ displayName: `Hybrid ${status}`, ...HYBRID });
      await t.assign(p, [await t.group(`G ${status}`, [u.id])]);
      await t.advance({ hours: 4 });
      const [pc] = await t.cloudPcsOf(u.upn);
      if (USABLE.has(status)) {
        assert.notEqual(pc.status, 'failed', JSON.stringify(pc.statusDetail));
        assert.deepEqual(editorCodes, []);
        assert.equal(cliCodes.length, 0);
      } else {
        assert.equal(pc.status, 'failed');
        assert.equal(pc.statusDetail.code, 'azureNetworkConnectionUnhealthy');
        assert.deepEqual(editorCodes, ['warning']);
        assert.equal(cliCodes.length, 1);
        assert.match(editor[0]!.message, new RegExp(status === 'unknownFutureValue' ? 'unknown' : status));
      }
    });
  }
});
