// Each tenant check (docs/rules.md "Tenant checks", CPC501-CPC508) against a tenant written out by hand: the
// finding's severity, place, words and offered choices, as the service would answer (Graph "Create
// cloudPcProvisioningPolicy", "List supportedRegions", "List galleryImages", "List deviceImages",
// "cloudPcProvisioningPolicy: assign", "cloudPcFrontLineServicePlan resource type"). A list the tenant could not be
// read for says nothing.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/policy/finding';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import type { TenantCatalog } from '../../../src/core/tenant/tenantCatalog';
import { tenantDocumentOptions, validateAgainstTenant } from '../../../src/core/tenant/tenantChecks';
import { applyEdits } from '../policy/policyTestKit';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const connection = (n: number, healthCheckStatus: string, displayName = `Net ${n}`) =>
  ({ id: id(n), displayName, healthCheckStatus }) as unknown as NonNullable<TenantCatalog['connections']>[number];
const region = (rid: string, displayName: string, regionGroup: string, regionStatus = 'available') =>
  ({ id: rid, displayName, regionGroup, regionStatus }) as unknown as NonNullable<TenantCatalog['regions']>[number];
const gallery = (gid: string, status: string, expirationDate: string | null = null) =>
  ({ id: gid, displayName: gid.toUpperCase(), status, endDate: null, expirationDate }) as unknown as NonNullable<
    TenantCatalog['galleryImages']
  >[number];
const device = (n: number, status: string) =>
  ({ id: id(n), displayName: `Image ${n}`, status, expirationDate: null }) as unknown as NonNullable<
    TenantCatalog['deviceImages']
  >[number];

function tenant(catalog: Partial<TenantCatalog>): TenantIndex {
  return new TenantIndex({ readAt: NOW, ...catalog });
}

function policy(fields: Record<string, unknown>): string {
  return JSON.stringify({ displayName: 'Desk', provisioningType: 'dedicated', ...fields }, null, 2);
}

function check(text: string, index: TenantIndex) {
  return validateAgainstTenant(text, index).map((f: Finding) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    at: text.slice(f.range.offset, f.range.offset + f.range.length),
    fixes: (f.fixes ?? []).map((x) => `${x.isPreferred ? '*' : ''}${x.title}`),
  }));
}

function applyFix(text: string, index: TenantIndex, title: string): string {
  const fix = validateAgainstTenant(text, index)
    .flatMap((f) => f.fixes ?? [])
    .find((x) => x.title === title)!;
  return applyEdits(text, fix.edits);
}

const hybrid = (...ids: string[]) => ({
  domainJoinConfigurations: ids.map((c) => ({ domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: c })),
});

describe('tenant checks, one by one', () => {
  describe('CPC501/CPC502 Azure network connections', () => {
    it('an unknown id is an error offering the first five healthy connections, the first preferred', () => {
      const index = tenant({
        connections: [connection(1, 'failed'), ...[2, 3, 4, 5, 6, 7].map((n) => connection(n, 'passed'))],
      });
      const text = policy(hybrid(id(99)));
      assert.deepEqual(check(text, index), [
        {
          code: 'CPC501',
          severity: 'error',
          message: `This tenant has no Azure network connection with the id '${id(99)}': the service refuses the policy.`,
          at: `"${id(99)}"`,
          fixes: [2, 3, 4, 5, 6].map((n, i) => `${i === 0 ? '*' : ''}Use "Net ${n}" (${id(n)})`),
        },
      ]);
      assert.ok(applyFix(text, index, `Use "Net 2" (${id(2)})`).includes(`"onPremisesConnectionId": "${id(2)}"`));
    });

    it('the only connection, failing: provisioning will fail (warning)', () => {
      const [f] = check(policy(hybrid(id(1))), tenant({ connections: [connection(1, 'failed', 'West')] }));
      assert.equal(f!.code, 'CPC502');
      assert.equal(f!.severity, 'warning');
      assert.match(
        f!.message,
        /^Provisioning will fail: the Azure network connection 'West' failed its health checks \(/,
      );
      assert.equal(f!.at, `"${id(1)}"`);
    });

    it('pending and running: not usable yet; an unknown state is named as unknown', () => {
      for (const state of ['pending', 'running'])
        assert.equal(
          check(policy(hybrid(id(1))), tenant({ connections: [connection(1, state, 'West')] }))[0]!.message,
          `Provisioning will fail: the Azure network connection 'West' is not usable yet: its health checks are ${state}.`,
        );
      assert.equal(
        check(policy(hybrid(id(1))), tenant({ connections: [connection(1, 'unknownFutureValue', 'West')] }))[0]!
          .message,
        "Provisioning will fail: the Azure network connection 'West' reports a health state this tool does not know (unknown: unknownFutureValue).",
      );
    });

    it('a failing connection behind a healthy one is only skipped (information), whichever comes first', () => {
      const index = tenant({ connections: [connection(1, 'failed', 'West'), connection(2, 'passed', 'East')] });
      for (const order of [hybrid(id(1), id(2)), hybrid(id(2), id(1))]) {
        const found = check(policy(order), index);
        assert.equal(found.length, 1);
        assert.equal(found[0]!.severity, 'information');
        assert.match(found[0]!.message, /^Skipped while unusable: the Azure network connection 'West' failed/);
        assert.match(found[0]!.message, /; Cloud PCs use the policy's healthy connection\.$/);
      }
    });

    it('connections that could not be read, and healthy ones, say nothing', () => {
      assert.deepEqual(check(policy(hybrid(id(1))), tenant({})), []);
      assert.deepEqual(check(policy(hybrid(id(1))), tenant({ connections: [connection(1, 'warning')] })), []);
    });
  });

  describe('CPC505 regions', () => {
    const regions = [
      region('eastus', 'East US', 'usEast'),
      region('eastus2', 'East US 2', 'usEast'),
      region('westeurope', 'West Europe', 'europeUnion'),
      region('brazilsouth', 'Brazil South', 'southAmerica', 'restricted'),
      region('norwayeast', 'Norway East', 'norway', 'unavailable'),
      region('westus', 'West US', 'usWest'),
      region('centralus', 'Central US', 'usCentral'),
      region('japaneast', 'Japan East', 'japan'),
    ];
    const at = (regionName: string, regionGroup?: string) =>
      policy({ domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName, regionGroup }] });

    it('an unknown region is an error offering the available regions closest in spelling first', () => {
      const [f] = check(at('eastu'), tenant({ regions }));
      assert.deepEqual(
        { ...f, fixes: f!.fixes.slice(0, 2) },
        {
          code: 'CPC505',
          severity: 'error',
          message: `'eastu' is not a region this tenant is offered: the service refuses the policy ("Target Geography is invalid").`,
          at: '"eastu"',
          fixes: ['*Use East US (eastus)', 'Use East US 2 (eastus2)'],
        },
      );
      assert.ok(!f!.fixes.some((x) => /Brazil|Norway/.test(x)), f!.fixes.join());
      assert.equal(f!.fixes.length, 5);
      assert.match(check(at('westeurop'), tenant({ regions }))[0]!.fixes[0]!, /West Europe/);
    });

    it('restricted is a warning, unavailable an error', () => {
      assert.deepEqual(
        check(at('brazilsouth'), tenant({ regions })).map((f) => [f.severity, f.message]),
        [['warning', 'The region Brazil South is restricted for this tenant: new Cloud PCs may not provision there.']],
      );
      assert.equal(check(at('norwayeast'), tenant({ regions }))[0]!.severity, 'error');
    });

    it('a region outside the group named with it is an error; the fix names its group', () => {
      const text = at('westeurope', 'usEast');
      const index = tenant({ regions });
      assert.deepEqual(check(text, index), [
        {
          code: 'CPC505',
          severity: 'error',
          message: `West Europe is in the region group 'europeUnion', not 'usEast': the service refuses the policy ("Target Geography is invalid").`,
          at: '"westeurope"',
          fixes: ["*Use regionGroup 'europeUnion'"],
        },
      ]);
      const after = applyFix(text, index, "Use regionGroup 'europeUnion'");
      assert.equal(JSON.parse(after).domainJoinConfigurations[0].regionGroup, 'europeUnion');
      assert.deepEqual(check(after, index), []);
      // A region the tenant is not offered, named with a group it is: refused as unknown, not as misplaced.
      assert.deepEqual(
        check(at('nowhere', 'usEast'), index).map((f) => f.at),
        ['"nowhere"'],
      );
    });

    it('a group with no region offered is a warning on the group; default and automatic name none', () => {
      assert.deepEqual(check(at('automatic', 'antarctica'), tenant({ regions })), [
        {
          code: 'CPC505',
          severity: 'warning',
          message: "No region of the group 'antarctica' is offered to this tenant: Cloud PCs may not provision.",
          at: '"antarctica"',
          fixes: [],
        },
      ]);
      assert.deepEqual(check(at('automatic', 'default'), tenant({ regions })), []);
      assert.deepEqual(check(at('eastus', 'default'), tenant({ regions })), []);
      assert.deepEqual(check(at('eastus', 'usEast'), tenant({ regions })), []);
      assert.deepEqual(check(at('nowhere', 'japan'), tenant({})), []);
    });
  });

  describe('CPC503/CPC504 images', () => {
    it('an unknown gallery image is a warning offering the supported ones', () => {
      const index = tenant({ galleryImages: [gallery('old', 'notSupported'), gallery('win11', 'supported')] });
      assert.deepEqual(check(policy({ imageType: 'gallery', imageId: 'nope' }), index), [
        {
          code: 'CPC503',
          severity: 'warning',
          message: "This tenant has no gallery image with the id 'nope': provisioning will fail.",
          at: '"nope"',
          fixes: ['*Use "WIN11" (win11)'],
        },
      ]);
    });

    it('an unknown custom image is a warning offering the ready ones', () => {
      const index = tenant({ deviceImages: [device(1, 'failed'), device(2, 'ready')] });
      const [f] = check(policy({ imageType: 'custom', imageId: id(9) }), index);
      assert.equal(f!.message, `This tenant has no custom image with the id '${id(9)}': provisioning will fail.`);
      assert.deepEqual(f!.fixes, [`*Use "Image 2" (${id(2)})`]);
    });

    it('an expired gallery image is CPC504 at the image id; images not read say nothing', () => {
      const index = tenant({ galleryImages: [gallery('win10', 'supported', '2026-01-01')] });
      const [f] = check(policy({ imageType: 'gallery', imageId: 'win10' }), index);
      assert.deepEqual([f!.code, f!.severity, f!.at], ['CPC504', 'warning', '"win10"']);
      assert.deepEqual(check(policy({ imageType: 'gallery', imageId: 'win10' }), tenant({})), []);
    });
  });

  describe('CPC507 groups and CPC506 Frontline service plans', () => {
    const FRONTLINE = id(50);
    const ENTERPRISE = id(51);
    const plans = {
      frontlinePlans: [{ id: FRONTLINE, displayName: 'Frontline 2 vCPU', totalCount: 3 }],
      servicePlans: [
        { id: ENTERPRISE, displayName: 'Enterprise 2 vCPU', provisioningType: 'dedicated' },
      ] as unknown as TenantCatalog['servicePlans'],
    };
    const assigned = (provisioningType: string, targets: Record<string, unknown>[], displayName = 'Shift') =>
      policy({ displayName, provisioningType, assignments: targets.map((target) => ({ target })) });

    it('a group the tenant does not have is an error on its id; one never looked up says nothing', () => {
      const index = tenant({ groups: new Map([[id(7), null]]) });
      assert.deepEqual(check(assigned('dedicated', [{ groupId: id(7) }, { groupId: id(8) }]), index), [
        {
          code: 'CPC507',
          severity: 'error',
          message: `This tenant has no group with the id '${id(7)}': the assignment would fail.`,
          at: `"${id(7)}"`,
          fixes: [],
        },
      ]);
    });

    it('an Enterprise plan on a Frontline assignment is an error offering the Frontline plans', () => {
      const [f] = check(assigned('sharedByUser', [{ groupId: id(7), servicePlanId: ENTERPRISE }]), tenant(plans));
      assert.deepEqual(f, {
        code: 'CPC506',
        severity: 'error',
        message:
          "'Enterprise 2 vCPU' is an Enterprise service plan: a Frontline assignment needs a Frontline service plan.",
        at: `"${ENTERPRISE}"`,
        fixes: [`*Use "Frontline 2 vCPU" (${FRONTLINE})`],
      });
    });

    it('an unknown plan is an error; a known one, or a plan on a dedicated policy, says nothing', () => {
      const [f] = check(assigned('sharedByUser', [{ groupId: id(7), servicePlanId: id(52) }]), tenant(plans));
      assert.equal(
        f!.message,
        `This tenant has no Frontline service plan with the id '${id(52)}': the assignment would fail.`,
      );
      assert.deepEqual(
        check(
          assigned('sharedByUser', [{ groupId: id(7), servicePlanId: FRONTLINE, allotmentLicensesCount: 1 }]),
          tenant(plans),
        ),
        [],
      );
      assert.deepEqual(check(assigned('dedicated', [{ groupId: id(7), servicePlanId: id(52) }]), tenant(plans)), []);
      assert.deepEqual(check(assigned('sharedByUser', [{ groupId: id(7), servicePlanId: id(52) }]), tenant({})), []);
      // Either list read is enough to say an id is unknown.
      for (const partly of [{ servicePlans: plans.servicePlans }, { frontlinePlans: plans.frontlinePlans }])
        assert.deepEqual(
          check(assigned('sharedByUser', [{ groupId: id(7), servicePlanId: id(52) }]), tenant(partly)).map(
            (f) => f.code,
          ),
          ['CPC506'],
        );
    });

    it('CPC508: allotments beyond the licences owned, counting the other policies but not this one', () => {
      const policies = [
        {
          displayName: 'Shift',
          provisioningType: 'sharedByUser',
          assignments: [{ target: { groupId: id(1), servicePlanId: FRONTLINE, allotmentLicensesCount: 3 } }],
        },
        {
          displayName: 'Night',
          provisioningType: 'sharedByUser',
          assignments: [{ target: { groupId: id(2), servicePlanId: FRONTLINE.toUpperCase() } }],
        },
      ];
      const index = tenant({ ...plans, policies });
      // One licence by default (no allotmentLicensesCount) on Night; two asked here in two assignments of one plan.
      const text = assigned('sharedByUser', [
        { groupId: id(3), servicePlanId: FRONTLINE, allotmentLicensesCount: 1 },
        { groupId: id(4), servicePlanId: FRONTLINE, allotmentLicensesCount: 2 },
      ]);
      assert.deepEqual(check(text, index), [
        {
          code: 'CPC508',
          severity: 'error',
          message:
            "The allotments ask for 4 'Frontline 2 vCPU' licenses (3 here, 1 by other policies) but the tenant has 3: the service refuses the assignment.",
          at: '1',
          fixes: [],
        },
      ]);
      const implicit = assigned(
        'sharedByUser',
        [
          { groupId: id(3), servicePlanId: FRONTLINE },
          { groupId: id(4), servicePlanId: FRONTLINE },
          { groupId: id(5), servicePlanId: FRONTLINE },
        ],
        'Other',
      );
      const [f] = check(implicit, index);
      assert.match(
        f!.message,
        /ask for 7 'Frontline 2 vCPU' licenses \(3 here, 4 by other policies\) but the tenant has 3/,
      );
      assert.ok(f!.at.startsWith('{') && f!.at.includes(id(3)) && !f!.at.includes('displayName'), f!.at);
      // Without Frontline policy kind, without a licence count, or with odd entries: nothing.
      const dedicated = assigned('dedicated', [
        { groupId: id(3), servicePlanId: FRONTLINE, allotmentLicensesCount: 9 },
      ]);
      assert.deepEqual(check(dedicated, index), []);
      const uncounted = tenant({
        ...plans,
        frontlinePlans: [{ id: FRONTLINE, displayName: 'Frontline 2 vCPU' }],
        policies,
      });
      assert.deepEqual(check(implicit, uncounted), []);
      const odd = policy({
        displayName: 'Odd',
        provisioningType: 'sharedByUser',
        assignments: [{}, 'x', { target: 'x' }],
      });
      assert.deepEqual(check(odd, index), []);
      assert.deepEqual(check(policy({ provisioningType: 'sharedByUser', assignments: 'x' }), index), []);
      assert.deepEqual(
        check(
          assigned('sharedByUser', [{ groupId: id(3), servicePlanId: FRONTLINE, allotmentLicensesCount: 2 }]),
          index,
        ).map((x) => x.code),
        [],
      );
      assert.deepEqual(check(text, tenant(plans)), []);
    });
  });

  it('a join entry that is not an object, and a finding without choices, carry nothing extra', () => {
    const index = tenant({ connections: [connection(1, 'failed', 'West')] });
    const text = policy({
      domainJoinConfigurations: ['x', { domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: id(1) }],
    });
    const found = validateAgainstTenant(text, index);
    assert.deepEqual(
      found.map((f) => [f.code, f.severity, 'fixes' in f]),
      [['CPC502', 'warning', false]],
    );
  });

  it('what the overlap rule reads from the tenant: its policies, and the names of the groups found (by lower-case id)', () => {
    assert.deepEqual(tenantDocumentOptions(tenant({})), { groupNames: {} });
    const policies = [{ id: id(1), displayName: 'Desk', provisioningType: 'dedicated', assignments: [] }];
    const groups = new Map([
      [id(2).toUpperCase(), { id: id(2), displayName: 'Shift' }],
      [id(3), null],
    ]);
    assert.deepEqual(tenantDocumentOptions(tenant({ policies, groups })), {
      deployedPolicies: policies,
      groupNames: { [id(2)]: 'Shift' },
    });
  });
});
