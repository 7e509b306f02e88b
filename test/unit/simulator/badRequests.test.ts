// Bad requests get a 4xx in the Graph envelope, never a 500 or a crash: fixed cases plus a fast-check fuzz.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import type { RestHandler, RestResponse } from '../../../src/core/model/rest';

const VE = '/beta/deviceManagement/virtualEndpoint';

function assertEnvelope(r: RestResponse, what: string): void {
  // 501 is the contract's answer for paths the simulator does not model; any other 5xx is a bug.
  assert.ok(r.status < 500 || r.status === 501, `${what} → ${r.status} ${r.body}`);
  if (r.status >= 400) {
    const body = JSON.parse(r.body ?? '');
    assert.equal(typeof body.error.code, 'string', what);
    assert.equal(typeof body.error.message, 'string', what);
    assert.ok(r.headers['request-id'], what);
  }
}

describe('simulator bad requests', () => {
  let handler: RestHandler;
  let ids: { policy: string; cloudPc: string; user: string; group: string };
  // Per test, not once: mutation testing attributes what a `before` hook runs to no test (a static mutant).
  beforeEach(() => {
    const sim = new Simulator(createSeedData('demo'));
    handler = createSimulatorHandler(sim);
    ids = {
      policy: [...sim.policies.keys()][0],
      cloudPc: [...sim.cloudPcs.keys()][0],
      user: [...sim.users.keys()][0],
      group: [...sim.groups.keys()][0],
    };
  });

  it('answers malformed JSON, wrong types, unknown properties, wrong methods and unknown paths with 4xx', async () => {
    const cases: [string, string, string | undefined, number][] = [
      ['POST', `${VE}/provisioningPolicies`, '{"displayName":', 400],
      ['POST', `${VE}/provisioningPolicies`, '[]', 400],
      ['POST', `${VE}/provisioningPolicies`, '{"displayName":"x","domainJoinConfigurations":"eastus"}', 400],
      ['POST', `${VE}/provisioningPolicies`, '{"displayName":"x","nope":1}', 400],
      ['PATCH', `${VE}/provisioningPolicies/${ids.policy}`, '{"enableSingleSignOn":"yes"}', 400],
      ['POST', `${VE}/provisioningPolicies/${ids.policy}/assign`, '{"assignments":[{"target":{}}]}', 400],
      ['POST', `${VE}/provisioningPolicies/${ids.policy}/assign`, '{"assignments":"all"}', 400],
      ['POST', `${VE}/cloudPCs/${ids.cloudPc}/rename`, '{"displayName":""}', 400],
      ['POST', '/v1.0/users', '{"displayName":"x"}', 400],
      ['POST', `/v1.0/groups/${ids.group}/members/$ref`, '{"@odata.id":"nope"}', 400],
      ['POST', `/v1.0/users/${ids.user}/assignLicense`, '{"addLicenses":[{"skuId":"bogus"}],"removeLicenses":[]}', 400],
      ['POST', '/_simulator/clock/advance', '{"hours":-1}', 400],
      ['GET', `${VE}/cloudPCs?$top=0`, undefined, 400],
      ['GET', `${VE}/cloudPCs?$frobnicate=1`, undefined, 400],
      ['DELETE', `${VE}/cloudPCs/${ids.cloudPc}`, undefined, 405],
      ['GET', `${VE}/provisioningPolicies/nope`, undefined, 404],
      ['GET', '/beta/security/alerts', undefined, 501],
      ['GET', '/%E0%A4%A', undefined, 400],
    ];
    for (const [method, url, body, status] of cases) {
      const r = await handler({ method, url, headers: {}, body });
      assert.equal(r.status, status, `${method} ${url} ${body} → ${r.status} ${r.body}`);
      assertEnvelope(r, `${method} ${url}`);
    }
  });

  it('never answers 5xx to thousands of random requests', async function () {
    // A fixed amount of work (3,000 seeded requests, ~5 s of CPU): the bound is for a machine whose cores are busy.
    this.timeout(120_000);
    const paths = [
      `${VE}/provisioningPolicies`,
      `${VE}/provisioningPolicies/${ids.policy}`,
      `${VE}/provisioningPolicies/${ids.policy}/assign`,
      `${VE}/provisioningPolicies/${ids.policy}/apply`,
      `${VE}/provisioningPolicies/applyConfig`,
      `${VE}/provisioningPolicies/${ids.policy}/retry`,
      `${VE}/cloudPCs`,
      `${VE}/cloudPCs/${ids.cloudPc}`,
      `${VE}/cloudPCs/${ids.cloudPc}/reprovision`,
      `${VE}/cloudPCs/${ids.cloudPc}/rename`,
      `${VE}/cloudPCs/${ids.cloudPc}/endGracePeriod`,
      `${VE}/galleryImages`,
      `${VE}/auditEvents`,
      '/v1.0/users',
      `/v1.0/users/${ids.user}/assignLicense`,
      '/v1.0/groups',
      `/v1.0/groups/${ids.group}/members/$ref`,
      '/_simulator/faults',
      '/_simulator/clock/advance',
      '/_simulator/settings',
    ];
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
    const objectBody = fc
      .dictionary(
        fc.constantFrom(
          'displayName',
          'assignments',
          'target',
          'groupId',
          'hours',
          'kind',
          'count',
          'policySettings',
          'cloudPcIds',
          'provisioningType',
          'domainJoinConfigurations',
          'addLicenses',
          'removeLicenses',
          '@odata.id',
          'stageMinutes',
          'imageId',
          'x',
        ),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 4 },
      )
      .map((o) => JSON.stringify(o));
    const query = fc.constantFrom(
      '',
      '?$top=3',
      '?$filter=',
      "?$filter=status eq 'x' and",
      '?$select=',
      '?$skiptoken=abc',
      '?$count=maybe',
      "?$filter=startswith(displayName,'a'",
      '?$orderby=displayName desc',
      '?$top=1e3',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS'),
        fc.oneof(
          fc.constantFrom(...paths),
          fc.webPath().map((p) => `/beta${p}`),
          fc.string().map((s) => `/v1.0/${s}`),
        ),
        query,
        fc.option(fc.oneof(json, objectBody, fc.string()), { nil: undefined }),
        async (method, path, q, body) => {
          const r = await handler({ method, url: `${path}${q}`, headers: {}, body });
          assertEnvelope(r, `${method} ${path}${q} ${body}`);
        },
      ),
      { numRuns: 3000, seed: 4242 },
    );
  });
});
