// A $filter naming a property the resource does not have is a 400 in the Graph error envelope, naming the
// property and its type as Graph does (docs/simulator.md "The Graph contract"), not an empty 200.
import * as assert from 'node:assert/strict';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import type { RestHandler } from '../../../src/core/model/rest';

const VE = '/beta/deviceManagement/virtualEndpoint';

async function get(handler: RestHandler, url: string) {
  const r = await handler({ method: 'GET', url, headers: {} });
  return { status: r.status, body: JSON.parse(r.body ?? '{}') };
}

describe('$filter on an unknown property', () => {
  let handler: RestHandler;
  beforeEach(() => {
    handler = createSimulatorHandler(new Simulator(createSeedData('demo')));
  });

  it('answers 400 badRequest naming the property and the type, for Cloud PCs, policies, users and groups', async () => {
    const cases: [string, string, string][] = [
      [`${VE}/cloudPCs?$filter=colour eq 'blue'`, 'colour', 'microsoft.graph.cloudPC'],
      [`${VE}/cloudPCs?$filter=status eq 'failed' or startswith(nickname,'a')`, 'nickname', 'microsoft.graph.cloudPC'],
      [`${VE}/cloudPCs?$filter=toString eq 'x'`, 'toString', 'microsoft.graph.cloudPC'],
      [`${VE}/provisioningPolicies?$filter=colour eq 'blue'`, 'colour', 'microsoft.graph.cloudPcProvisioningPolicy'],
      ["/v1.0/users?$filter=startswith(nickname,'a')", 'nickname', 'microsoft.graph.user'],
      ["/v1.0/groups?$filter=colour eq 'blue'", 'colour', 'microsoft.graph.group'],
    ];
    for (const [url, property, type] of cases) {
      const r = await get(handler, url);
      assert.equal(r.status, 400, url);
      assert.equal(r.body.error.code, 'badRequest', url);
      assert.equal(r.body.error.innerError.code, 'BadRequest', url);
      assert.equal(
        r.body.error.message,
        `Invalid filter clause: Could not find a property named '${property}' on type '${type}'.`,
        url,
      );
    }
  });

  it('still answers 200 for the properties the resource has, nested paths included', async () => {
    for (const url of [
      `${VE}/cloudPCs?$filter=status eq 'failed'`,
      `${VE}/cloudPCs?$filter=connectionSetting/enableSingleSignOn eq true`,
      `${VE}/cloudPCs?$filter=provisioningPolicyName eq null`,
      `${VE}/provisioningPolicies?$filter=displayName eq 'nobody'`,
      "/v1.0/users?$filter=startswith(displayName,'a')",
    ]) {
      const r = await get(handler, url);
      assert.equal(r.status, 200, `${url} → ${JSON.stringify(r.body)}`);
    }
  });
});
