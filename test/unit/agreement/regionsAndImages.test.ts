// A regionName outside its regionGroup is refused by the simulator ("Target Geography is invalid.", the
// service's own answer) and flagged by the tenant checks (CPC505); a Cloud PC's imageDisplayName names its
// image even when the policy left imageDisplayName out (Graph "cloudPC resource type": imageDisplayName).
import * as assert from 'node:assert/strict';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { IMAGE_WIN11_25H2 } from '../../../src/core/simulator/catalogSeed';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { loadTenantCatalog } from '../../../src/core/tenant/loadTenantCatalog';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import { validateAgainstTenant } from '../../../src/core/tenant/tenantChecks';
import { createPolicy, innerMessage, policyText } from './agreementKit';
import { handlerTransport, TenantClient, VE } from '../simulator/tenantClient';

describe('regionName and regionGroup, imageDisplayName', () => {
  let service: SimulatorService;
  let t: TenantClient;
  let index: TenantIndex;
  before(async () => {
    service = SimulatorService.open({ seed: 'empty', timeScale: 0 });
    t = new TenantClient(handlerTransport(service.handler));
    index = new TenantIndex(
      await loadTenantCatalog(createInProcessCloudPcApi(service.handler), service.simulator.now()),
    );
  });
  after(() => service.close());

  const net = (regionName: string, regionGroup: string) =>
    policyText({ domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName, regionGroup }] });

  it('westeurope in usEast: 400 "Target Geography is invalid." and a CPC505 error', async () => {
    const text = net('westeurope', 'usEast');
    const r = await createPolicy(t, text);
    assert.equal(r.status, 400, r.text);
    assert.match(innerMessage(r), /Target Geography is invalid/);
    const found = validateAgainstTenant(text, index).filter((f) => f.code === 'CPC505');
    assert.deepEqual(
      found.map((f) => f.severity),
      ['error'],
    );
    assert.match(found[0]!.message, /europeUnion/);
  });

  it('westeurope in europeUnion (or the default group) is fine in both', async () => {
    for (const group of ['europeUnion', 'default']) {
      const text = net('westeurope', group).replace('"Agreement"', `"Agreement ${group}"`);
      assert.equal((await createPolicy(t, text)).status, 201, group);
      assert.deepEqual(
        validateAgainstTenant(text, index).filter((f) => f.code === 'CPC505'),
        [],
      );
    }
  });

  it("a Cloud PC's imageDisplayName is its gallery image's name when the policy gives none", async () => {
    const u = await t.user('Ima Name');
    const p = await t.policy({ imageId: IMAGE_WIN11_25H2, imageDisplayName: undefined, displayName: 'No image name' });
    await t.assign(p, [await t.group('Images', [u.id])]);
    await t.advance({ hours: 3 });
    const [pc] = await t.cloudPcsOf(u.upn);
    const image = (await t.ok('GET', `${VE}/galleryImages`)).json.value.find(
      (g: { id: string }) => g.id.toLowerCase() === IMAGE_WIN11_25H2.toLowerCase(),
    );
    assert.ok(image.displayName);
    assert.equal(pc.imageDisplayName, image.displayName);
  });
});
