// The tenant checks against the demo tenant, read through the same CloudPcApi the extension uses. Each
// expectation is the service's documented answer (docs/rules.md "Tenant checks"); where the simulator
// enforces the same rule on create, the test also asks it, so the editor and the service agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import type { CloudPcApi } from '../../../src/core/graph/cloudPcApi';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import {
  ANC_FAILING,
  ANC_HEALTHY,
  DEVICE_IMAGE_FAILED,
  IMAGE_WIN11_22H2_EXPIRED,
  PLAN_ENTERPRISE_2VCPU,
  PLAN_FRONTLINE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { loadTenantCatalog, lookupGroups } from '../../../src/core/tenant/loadTenantCatalog';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import type { TenantCatalog } from '../../../src/core/tenant/tenantCatalog';
import { validateAgainstTenant } from '../../../src/core/tenant/tenantChecks';

const MADE_UP = '0d9a1c3e-1111-4222-8333-944455556666';
const samples = path.join(__dirname, '..', '..', '..', 'samples');

function policy(fields: Record<string, unknown>): string {
  return JSON.stringify(
    {
      displayName: 'Tenant check',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
      cloudPcNamingTemplate: 'CPC-%RAND:5%',
      ...fields,
    },
    null,
    2,
  );
}

function hybrid(...connections: string[]): string {
  return policy({
    domainJoinConfigurations: connections.map((id) => ({
      domainJoinType: 'hybridAzureADJoin',
      onPremisesConnectionId: id,
    })),
  });
}

describe('tenant checks against the demo tenant', () => {
  let service: SimulatorService;
  let api: CloudPcApi;
  let catalog: TenantCatalog;
  let tenant: TenantIndex;

  before(async () => {
    service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    api = createInProcessCloudPcApi(service.handler);
    catalog = await loadTenantCatalog(api, Date.parse('2026-12-02T00:00:00Z'));
    tenant = new TenantIndex(catalog);
  });
  after(() => service.close());

  it('reads every catalog list, and the failing connection with the check that failed ($select healthCheckStatusDetail)', () => {
    for (const key of [
      'connections',
      'galleryImages',
      'deviceImages',
      'regions',
      'servicePlans',
      'frontlinePlans',
    ] as const)
      assert.ok(catalog[key]?.length, key);
    const failing = catalog.connections!.find((c) => c.id === ANC_FAILING)!;
    const failed = failing.healthCheckStatusDetail?.healthChecks?.filter((h) => h.status === 'failed') ?? [];
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.displayName, 'Active Directory domain join');
    assert.ok(failed[0]!.recommendedAction);
  });

  it('a healthy connection, a gallery image in support and an offered region: nothing to say', () => {
    assert.deepEqual(validateAgainstTenant(hybrid(ANC_HEALTHY), tenant), []);
    assert.deepEqual(
      validateAgainstTenant(
        policy({ domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westeurope' }] }),
        tenant,
      ),
      [],
    );
  });

  it('an unknown connection id is an error the service agrees with, and the fix offers the healthy connections', async () => {
    const text = hybrid(MADE_UP);
    const [f, ...rest] = validateAgainstTenant(text, tenant);
    assert.equal(rest.length, 0);
    assert.equal(f!.code, 'CPC501');
    assert.equal(f!.severity, 'error');
    assert.equal(text.slice(f!.range.offset, f!.range.offset + f!.range.length), JSON.stringify(MADE_UP));
    assert.deepEqual(
      f!.fixes?.map((x) => x.edits[0]!.newText),
      [JSON.stringify(ANC_HEALTHY)],
    );
    await assert.rejects(api.createPolicy(JSON.parse(text)), (err: { status?: number }) => err.status === 400);
  });

  it('the only connection failing its health checks: provisioning will fail, with the failed check and what to do', () => {
    const [f] = validateAgainstTenant(hybrid(ANC_FAILING), tenant);
    assert.equal(f!.code, 'CPC502');
    assert.equal(f!.severity, 'warning');
    assert.match(
      f!.message,
      /^Provisioning will fail: .*Active Directory domain join failed: Update the domain join account/,
    );
  });

  it('a failing connection behind a healthy one is only skipped (the first healthy connection provisions)', () => {
    const [f] = validateAgainstTenant(hybrid(ANC_HEALTHY, ANC_FAILING), tenant);
    assert.equal(f!.code, 'CPC502');
    assert.equal(f!.severity, 'information');
  });

  it('an expired gallery image: provisioning will fail; an image the tenant lacks: not found, with supported images offered', () => {
    const [expired] = validateAgainstTenant(policy({ imageId: IMAGE_WIN11_22H2_EXPIRED }), tenant);
    assert.equal(expired!.code, 'CPC504');
    assert.match(expired!.message, /Provisioning will fail: .*expired on 2025-04-08/);
    const [missing] = validateAgainstTenant(
      policy({ imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win7-ent' }),
      tenant,
    );
    assert.equal(missing!.code, 'CPC503');
    assert.ok(missing!.fixes!.length > 0 && missing!.fixes!.length <= 5);
  });

  it('gallery ids compare case-insensitively (Graph: "List galleryImages")', () => {
    assert.deepEqual(
      validateAgainstTenant(
        policy({ imageId: 'MicrosoftWindowsDesktop_Windows-Ent-Cpc_Win11-24h2-Ent-Cpc-M365' }),
        tenant,
      ),
      [],
    );
  });

  it('a custom image that failed to upload is warned about; custom ids are looked up among deviceImages, not the gallery', () => {
    const [f] = validateAgainstTenant(policy({ imageType: 'custom', imageId: DEVICE_IMAGE_FAILED }), tenant);
    assert.equal(f!.code, 'CPC504');
    assert.match(f!.message, /failed to upload/);
  });

  it('a region not offered to the tenant is an error the service agrees with ("Target Geography is invalid")', async () => {
    const text = policy({ domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'marsnorth' }] });
    const [f] = validateAgainstTenant(text, tenant);
    assert.equal(f!.code, 'CPC505');
    assert.equal(f!.severity, 'error');
    await assert.rejects(api.createPolicy(JSON.parse(text)), (err: { status?: number }) => err.status === 400);
  });

  it("a misspelt region's fixes come closest first: westeurop leads with West Europe", () => {
    const text = policy({ domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'westeurop' }] });
    const [f] = validateAgainstTenant(text, tenant);
    assert.equal(f!.code, 'CPC505');
    assert.match(f!.fixes![0]!.title, /^Use West Europe \(westeurope\)$/, f!.fixes!.map((x) => x.title).join(' · '));
    assert.equal(f!.fixes![0]!.isPreferred, true);
  });

  it('regionGroup "default" (the service picks the group) is no region group to look for: nothing said, and the service accepts it', async () => {
    const text = policy({
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'default' }],
    });
    assert.deepEqual(validateAgainstTenant(text, tenant), []);
    const created = await api.createPolicy(JSON.parse(text));
    await api.deletePolicy(created.id);
  });

  it('a Frontline assignment naming an Enterprise plan, or no plan of the tenant, is CPC506; the Frontline plan is fine', () => {
    const frontline = (planId: string): string =>
      policy({
        provisioningType: 'sharedByUser',
        assignments: [{ target: { groupId: MADE_UP, servicePlanId: planId } }],
      });
    assert.deepEqual(
      validateAgainstTenant(frontline(PLAN_FRONTLINE_2VCPU), tenant).map((f) => f.code),
      [],
    );
    const [enterprise] = validateAgainstTenant(frontline(PLAN_ENTERPRISE_2VCPU), tenant);
    assert.equal(enterprise!.code, 'CPC506');
    assert.match(enterprise!.message, /Enterprise service plan/);
    assert.deepEqual(
      enterprise!.fixes?.map((x) => x.edits[0]!.newText),
      [JSON.stringify(PLAN_FRONTLINE_2VCPU)],
    );
    assert.equal(validateAgainstTenant(frontline(MADE_UP), tenant)[0]!.code, 'CPC506');
  });

  it('a Frontline plan of the catalog that the tenant does not own (not in frontLineServicePlans) is CPC506', () => {
    const unowned = {
      ...catalog.servicePlans!.find((p) => p.id === PLAN_FRONTLINE_2VCPU)!,
      id: 'fl-plan-unowned',
      displayName: 'Frontline 4vCPU',
    };
    const withUnowned = new TenantIndex({ ...catalog, servicePlans: [...catalog.servicePlans!, unowned] });
    const text = policy({
      provisioningType: 'sharedByUser',
      assignments: [{ target: { groupId: MADE_UP, servicePlanId: 'fl-plan-unowned' } }],
    });
    assert.deepEqual(
      validateAgainstTenant(text, withUnowned).map((f) => f.code),
      ['CPC506'],
    );
  });

  it('an image marked notSupported before its expiration date says "is not supported", not "expired"', () => {
    const image = {
      ...catalog.galleryImages![0]!,
      id: 'img-unsupported',
      status: 'notSupported' as const,
      expirationDate: '2099-01-01',
    };
    const [f] = validateAgainstTenant(
      policy({ imageId: 'img-unsupported' }),
      new TenantIndex({ ...catalog, galleryImages: [image] }),
    );
    assert.match(f!.message, /is not supported/);
    assert.doesNotMatch(f!.message, /expired/);
  });

  it('a group id the tenant does not have is CPC507 once looked up; an existing group has its members and licensed members', async () => {
    const [existing] = await api.searchGroups('');
    const groups = await lookupGroups(api, [existing!.id, MADE_UP]);
    assert.equal(groups.get(MADE_UP), null);
    const found = groups.get(existing!.id.toLowerCase())!;
    assert.equal(found.displayName, existing!.displayName);
    assert.ok(found.memberCount! >= found.licensedMemberCount!);
    const withGroups = new TenantIndex({ ...catalog, groups });
    const text = policy({ assignments: [{ target: { groupId: existing!.id } }, { target: { groupId: MADE_UP } }] });
    assert.deepEqual(
      validateAgainstTenant(text, withGroups).map((f) => f.code),
      ['CPC507'],
    );
    // Not looked up yet: no verdict.
    assert.deepEqual(validateAgainstTenant(text, tenant), []);
  });

  it('a list the tenant could not be read for says nothing (never "not found")', () => {
    const blind = new TenantIndex({ readAt: catalog.readAt });
    assert.deepEqual(validateAgainstTenant(hybrid(MADE_UP), blind), []);
    assert.deepEqual(validateAgainstTenant(policy({ imageId: 'nope' }), blind), []);
  });

  it('places each finding on its own policy in a fleet file', () => {
    const text = JSON.stringify({ policies: [JSON.parse(hybrid(ANC_HEALTHY)), JSON.parse(hybrid(MADE_UP))] }, null, 2);
    const [f] = validateAgainstTenant(text, tenant);
    assert.deepEqual(f!.path, ['policies', 1, 'domainJoinConfigurations', 0, 'onPremisesConnectionId']);
    assert.ok(f!.range.offset > text.indexOf(ANC_HEALTHY));
  });

  it('every sample is clean against the demo tenant (no tenant errors or warnings)', async () => {
    for (const name of fs.readdirSync(samples).filter((f) => f.endsWith('.cpcpolicy.json'))) {
      const text = fs.readFileSync(path.join(samples, name), 'utf8');
      const ids = [...text.matchAll(/"groupId":\s*"([^"]+)"/g)].map((m) => m[1]!);
      const withGroups = new TenantIndex({ ...catalog, groups: await lookupGroups(api, ids) });
      const loud = validateAgainstTenant(text, withGroups).filter(
        (f) => f.severity === 'error' || f.severity === 'warning',
      );
      assert.deepEqual(
        loud.map((f) => `${f.code} ${f.message}`),
        [],
        name,
      );
    }
  });
});
