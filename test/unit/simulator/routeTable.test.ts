// The route table as a client meets it (docs/simulator.md "The Graph contract"): a wrong method on a modelled
// path is 405 with an `Allow` header naming the methods that path accepts, an unmodelled path is 501, and a
// fixed action segment is never taken for an id.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { TenantClient, handlerTransport, VE } from './tenantClient';

function demo(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('demo')))));
}

describe('simulator routes: 405 with Allow, 501 for the rest', () => {
  const cases: [method: string, path: string, allow: string][] = [
    ['PUT', `${VE}/provisioningPolicies`, 'GET, POST'],
    ['POST', `${VE}/provisioningPolicies/p1`, 'GET, PATCH, DELETE'],
    ['GET', `${VE}/provisioningPolicies/applyConfig`, 'POST'],
    ['GET', `${VE}/provisioningPolicies/p1/assign`, 'POST'],
    ['POST', `${VE}/provisioningPolicies/p1/assignments`, 'GET'],
    ['DELETE', `${VE}/cloudPCs/c1`, 'GET'],
    ['GET', `${VE}/cloudPCs/c1/reboot`, 'POST'],
    ['POST', `${VE}/galleryImages`, 'GET'],
    ['PATCH', '/v1.0/users/u1', 'GET, DELETE'],
    ['DELETE', '/beta/groups', 'GET, POST'],
    ['GET', '/v1.0/groups/g1/members/$ref', 'POST'],
    ['DELETE', '/_simulator/faults', 'POST, GET'],
    ['POST', '/_simulator/settings', 'GET, PATCH'],
    ['GET', '/_simulator/galleryImages/i1', 'PATCH'],
  ];
  for (const [method, path, allow] of cases) {
    it(`${method} ${path} → 405, Allow: ${allow}`, async () => {
      const r = await demo().call(method, path);
      assert.equal(r.status, 405);
      assert.equal(r.headers.allow, allow);
      assert.equal(r.json.error.code, 'methodNotAllowed');
      assert.equal(r.json.error.innerError.code, 'MethodNotAllowed');
    });
  }

  for (const path of [
    `${VE}/cloudPCs/c1/resize`,
    `${VE}/provisioningPolicies/p1/assign/x`,
    '/v2/users',
    '/beta',
    `${VE}`,
    '/_simulator/clock/rewind',
    '/beta/users/u1/memberOf',
  ]) {
    it(`GET ${path} → 501 in the envelope, no Allow`, async () => {
      const r = await demo().call('GET', path);
      assert.equal(r.status, 501);
      assert.equal(r.headers.allow, undefined);
      assert.equal(r.json.error.innerError.code, 'NotImplemented');
    });
  }

  it('takes applyConfig and getProvisionedCloudPCs(…) as actions, not ids', async () => {
    const t = demo();
    const apply = await t.call('POST', `${VE}/provisioningPolicies/applyConfig`, JSON.stringify({ cloudPcIds: [] }));
    assert.equal(apply.status, 204);
    const provisioned = await t.call('GET', `${VE}/cloudPCs/getProvisionedCloudPCs(groupId='nope',servicePlanId='x')`);
    assert.equal(provisioned.status, 404);
    assert.match(provisioned.json.error.message, /group/);
  });
});
