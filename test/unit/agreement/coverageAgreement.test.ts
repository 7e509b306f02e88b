// Who gets a Cloud PC, three ways, over random tenants: the simulator (assign through its REST contract), the
// assign what-if (computeWhatIf) and the Fleet Overview's "who is left out" (computeLeftOut). All three ask
// decideCoverage (src/core/coverage), so they must agree on every tenant: first assigned wins, Enterprise needs a
// licence, Frontline dedicated draws from the allotment (docs/simulator.md rules 2, 4, 8; docs/fleet-overview.md).
// `npm test` runs 1,000 tenants; CPCPOLICY_AGREEMENT_RUNS sets another count (docs/testing.md).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeWhatIf } from '../../../src/core/coverage/assignWhatIf';
import { computeLeftOut } from '../../../src/core/fleet/leftOutUsers';
import type { LeftOutMember } from '../../../src/core/fleet/leftOutUsers';
import type { LicenseDetails } from '../../../src/core/model/directory';
import { perUserFamily } from '../../../src/core/model/provisioningKind';
import type { RestRequest } from '../../../src/core/model/rest';
import {
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
  SKU_ENTERPRISE_4VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorRequestProcessor } from '../../../src/core/simulator/rest/simulatorHandler';
import { Simulator } from '../../../src/core/simulator/simulator';

const RUNS = Number(process.env.CPCPOLICY_AGREEMENT_RUNS ?? 1000);
const VE = '/beta/deviceManagement/virtualEndpoint';

interface TenantShape {
  users: boolean[]; // licensed or not
  groups: number[][]; // member indexes, in the order they were added
  policies: { frontline: boolean; groups: number[]; allotment: number }[];
}

const tenantShape: fc.Arbitrary<TenantShape> = fc
  .record({
    users: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    groupCount: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ users, groupCount }) =>
    fc.record({
      users: fc.constant(users),
      groups: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: users.length - 1 }), { maxLength: users.length }), {
        minLength: groupCount,
        maxLength: groupCount,
      }),
      policies: fc.array(
        fc.record({
          frontline: fc.boolean(),
          groups: fc.uniqueArray(fc.integer({ min: 0, max: groupCount - 1 }), { minLength: 1, maxLength: groupCount }),
          allotment: fc.integer({ min: 1, max: 1 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  )
  // The tenant owns five Frontline licences: allotments beyond them are refused (CPC508), not a coverage question.
  .filter((t) => t.policies.filter((p) => p.frontline).reduce((n, p) => n + p.groups.length * p.allotment, 0) <= 5);

const upnOf = (i: number) => `user${i}@contoso.onmicrosoft.com`;

/** The simulator's answer: (policy index, upn) of every Cloud PC after the policies are assigned in order. */
function simulatorGets(shape: TenantShape): Set<string> {
  const sim = new Simulator(createSeedData('empty'));
  const call = createSimulatorRequestProcessor(sim);
  const send = (method: string, url: string, body?: unknown) => {
    const req: RestRequest = {
      method,
      url,
      headers: { 'content-type': 'application/json', prefer: 'include-unknown-enum-members' },
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const r = call(req);
    assert.ok(r.status < 400, `${method} ${url} → ${r.status} ${r.body}`);
    return r.body ? JSON.parse(r.body) : undefined;
  };
  const userIds = shape.users.map((licensed, i) => {
    const u = send('POST', '/v1.0/users', {
      displayName: `User ${i}`,
      userPrincipalName: upnOf(i),
      accountEnabled: true,
      mailNickname: `user${i}`,
    });
    if (licensed)
      send('POST', `/v1.0/users/${u.id}/assignLicense`, {
        addLicenses: [{ skuId: SKU_ENTERPRISE_2VCPU, disabledPlans: [] }],
        removeLicenses: [],
      });
    return u.id as string;
  });
  const groupIds = shape.groups.map((members, g) => {
    const group = send('POST', '/v1.0/groups', {
      displayName: `Group ${g}`,
      mailEnabled: false,
      mailNickname: `group${g}`,
      securityEnabled: true,
    });
    for (const m of members)
      send('POST', `/v1.0/groups/${group.id}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userIds[m]}`,
      });
    return group.id as string;
  });
  const policyIds = shape.policies.map((p, k) => {
    const created = send('POST', `${VE}/provisioningPolicies`, {
      displayName: `Policy ${k}`,
      provisioningType: p.frontline ? 'sharedByUser' : 'dedicated',
      cloudPcNamingTemplate: 'CPC-%RAND:6%',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
    });
    send('POST', `${VE}/provisioningPolicies/${created.id}/assign`, {
      assignments: p.groups.map((g) => ({
        target: {
          groupId: groupIds[g],
          ...(p.frontline ? { servicePlanId: PLAN_FRONTLINE_2VCPU, allotmentLicensesCount: p.allotment } : {}),
        },
      })),
    });
    return created.id as string;
  });
  const pcs = send('GET', `${VE}/cloudPCs?$top=999`).value as {
    provisioningPolicyId: string;
    userPrincipalName: string;
  }[];
  return new Set(pcs.map((pc) => `${policyIds.indexOf(pc.provisioningPolicyId)}|${pc.userPrincipalName}`));
}

/** The Fleet Overview's answer before any Cloud PC exists: members of assigned groups who are not left out. */
function fleetGets(shape: TenantShape): Set<string> {
  const member = (i: number): LeftOutMember => ({
    id: `u${i}`,
    displayName: `User ${i}`,
    userPrincipalName: upnOf(i),
    skuIds: shape.users[i] ? [SKU_ENTERPRISE_2VCPU] : [],
  });
  const leftOut = computeLeftOut({
    policies: shape.policies.map((p, k) => ({
      id: `p${k}`,
      displayName: `Policy ${k}`,
      provisioningType: p.frontline ? 'sharedByUser' : 'dedicated',
      assignments: p.groups.map((g) => ({ groupId: `g${g}`, allotmentLicensesCount: p.allotment })),
    })),
    groups: new Map(shape.groups.map((m, g) => [`g${g}`, { displayName: `Group ${g}`, members: m.map(member) }])),
    enterpriseSkuIds: new Set([SKU_ENTERPRISE_2VCPU, SKU_ENTERPRISE_4VCPU]),
    holders: [],
  });
  const out = new Set(leftOut.map((u) => `${u.policyId.slice(1)}|${u.userPrincipalName}`));
  const gets = new Set<string>();
  shape.policies.forEach((p, k) => {
    for (const g of p.groups)
      for (const m of shape.groups[g]!) if (!out.has(`${k}|${upnOf(m)}`)) gets.add(`${k}|${upnOf(m)}`);
  });
  return gets;
}

/** The what-if's answer, asked before each assign in order, as the Assign command does. */
function whatIfGets(shape: TenantShape): Set<string> {
  const licensed: LicenseDetails[] = [
    { id: 'l', skuId: SKU_ENTERPRISE_2VCPU, skuPartNumber: 'CPC_E_2C_8GB_128GB', servicePlans: [] },
  ];
  const licenses = new Map(shape.users.map((has, i) => [`u${i}`, has ? licensed : []] as const));
  const coveredBy = { enterprise: new Map<string, string>(), frontline: new Map<string, string>() };
  const gets = new Set<string>();
  shape.policies.forEach((p, k) => {
    const type = p.frontline ? 'sharedByUser' : 'dedicated';
    const family = perUserFamily(type)!;
    const result = computeWhatIf(
      {
        policy: { id: `p${k}`, displayName: `Policy ${k}`, provisioningType: type, cloudPcNamingTemplate: null },
        groups: p.groups.map((g) => ({
          id: `g${g}`,
          displayName: `Group ${g}`,
          allotment: p.allotment,
          members: shape.groups[g]!.map((i) => ({
            '@odata.type': '#microsoft.graph.user',
            id: `u${i}`,
            displayName: `User ${i}`,
            userPrincipalName: upnOf(i),
          })),
        })),
        licenses,
        coveredElsewhere: coveredBy[family],
        existing: [],
        sampleName: () => '',
      },
      (m) => m,
    );
    for (const u of result.gets) {
      gets.add(`${k}|${u.userPrincipalName}`);
      coveredBy[family].set(u.userId, `Policy ${k}`);
    }
  });
  return gets;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('coverage agreement: simulator, assign what-if and Fleet Overview (property)', function () {
  this.timeout(Math.max(60_000, RUNS * 60));
  it(`give every user of ${RUNS} random tenants the same answer`, () => {
    fc.assert(
      fc.property(tenantShape, (shape) => {
        const sim = sorted(simulatorGets(shape));
        assert.deepEqual(sorted(whatIfGets(shape)), sim, 'what-if');
        assert.deepEqual(sorted(fleetGets(shape)), sim, 'Fleet Overview');
      }),
      { numRuns: RUNS, seed: 23 },
    );
  });
});
