// One contract, asserted the same way against every backend that speaks it (in-process simulator,
// simulator server over HTTP, fault server). Backend-specific checks live next to each run.
import assert from 'node:assert/strict';
import type { CloudPcApi } from '../../../src/core/graph/cloudPcApi';
import { GraphError } from '../../../src/core/graph/graphError';
import type { CloudPcProvisioningPolicy } from '../../../src/core/model/provisioningPolicy';
import { loadTenantCatalog } from '../../../src/core/tenant/loadTenantCatalog';

export interface ContractTarget {
  api: CloudPcApi;
  /** Lower-case request headers as the backend saw them, when observable. */
  seenHeaders?: () => Record<string, string>[];
  close?: () => Promise<void>;
}

export function defineContractSuite(name: string, makeApi: () => Promise<ContractTarget>): void {
  describe(`CloudPcApi contract: ${name}`, function () {
    let target: ContractTarget;
    let api: CloudPcApi;
    let counter = 0;

    before(async () => {
      target = await makeApi();
      api = target.api;
    });
    after(async () => {
      await target?.close?.();
    });

    async function newPolicyBody(): Promise<Partial<CloudPcProvisioningPolicy>> {
      const images = await api.listGalleryImages();
      assert.ok(images.length > 0, 'the backend offers at least one gallery image');
      counter++;
      return {
        displayName: `Contract ${name.replace(/[^A-Za-z0-9 ]/g, '')} ${counter}`,
        description: 'created by the graph contract suite',
        provisioningType: 'dedicated',
        imageType: 'gallery',
        imageId: images[0].id,
        imageDisplayName: images[0].displayName,
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionGroup: 'usEast', regionName: 'automatic' }],
        windowsSetting: { locale: 'en-US' },
        cloudPcNamingTemplate: 'CPC-%USERNAME:4%-%RAND:5%',
        enableSingleSignOn: false,
        microsoftManagedDesktop: { managedType: 'notManaged', profile: null },
      } as Partial<CloudPcProvisioningPolicy>;
    }

    it('creates, reads, updates, assigns, unassigns and deletes a policy', async () => {
      const created = await api.createPolicy(await newPolicyBody());
      assert.ok(created.id, 'create returns the new id');
      const read = await api.getPolicy(created.id);
      assert.equal(read.displayName, created.displayName);
      assert.ok(Array.isArray(read.assignments), 'get expands assignments by default');

      await api.updatePolicy(created.id, { description: 'updated' });
      assert.equal((await api.getPolicy(created.id)).description, 'updated');

      const groups = await api.searchGroups('');
      assert.ok(groups.length > 0, 'the backend has at least one group');
      await api.assignPolicy(created.id, [{ target: { groupId: groups[0].id, servicePlanId: null } }]);
      const listed = (await api.listPolicies()).find((p) => p.id === created.id);
      assert.ok(listed, 'the new policy is listed');
      assert.deepEqual(
        listed.assignments?.map((a) => a.target.groupId),
        [groups[0].id],
        'list expands assignments',
      );
      const exact = await api.findPoliciesByName(created.displayName);
      assert.deepEqual(
        exact.map((p) => p.id),
        [created.id],
        'exact name lookup',
      );

      await assert.rejects(
        api.deletePolicy(created.id),
        (err: unknown) => err instanceof GraphError && err.status === 400,
        'an assigned policy cannot be deleted (docs/service-facts.md "Provisioning lifecycle")',
      );
      await api.applyPolicy(created.id, { policySettings: 'region' });
      await api.assignPolicy(created.id, []);
      assert.deepEqual((await api.getPolicy(created.id)).assignments, []);
      await api.deletePolicy(created.id);
      await assert.rejects(api.getPolicy(created.id), (err: unknown) => {
        assert.ok(err instanceof GraphError, 'errors are GraphError');
        assert.equal(err.status, 404);
        assert.ok(err.code.length > 0 && err.message.length > 0);
        return true;
      });
    });

    it('answers a bad create with a typed 400 that carries the service message', async () => {
      await assert.rejects(api.createPolicy({ description: 'no name' }), (err: unknown) => {
        assert.ok(err instanceof GraphError);
        assert.equal(err.status, 400);
        assert.ok(
          err.message.length > 0 && !/^HTTP \d+$/.test(err.message),
          `a readable message, got "${err.message}"`,
        );
        return true;
      });
    });

    it('pages Cloud PCs with $top and gets the same set as one big page', async () => {
      const all = await api.listCloudPcs();
      const paged: string[] = [];
      let pages = 0;
      for await (const page of api.iterateCloudPcs({ top: 2 })) {
        pages++;
        assert.ok(page.items.length <= 2, 'the page size is honoured');
        paged.push(...page.items.map((c) => c.id));
      }
      assert.deepEqual([...paged].sort(), all.map((c) => c.id).sort());
      assert.equal(new Set(paged).size, paged.length, 'no duplicates across pages');
      if (all.length > 2) assert.ok(pages > 1, 'more than one page was fetched');
      for (const pc of all) assert.equal(typeof pc.status, 'string', 'status stays a string, known or not');
    });

    it('runs Cloud PC actions and reads the result back', async function () {
      const all = await api.listCloudPcs();
      if (all.length === 0) this.skip();
      const pc = all[0];
      await api.renameCloudPc(pc.id, 'Contract-Renamed');
      assert.equal((await api.getCloudPc(pc.id)).displayName, 'Contract-Renamed');
      await api.rebootCloudPc(pc.id);
      await api.troubleshootCloudPc(pc.id);
      const results = await api.bulkCloudPcAction([pc.id, '00000000-0000-4000-8000-00000000dead'], 'reboot');
      assert.deepEqual(
        results.map((r) => [r.id, r.ok]),
        [
          [pc.id, true],
          ['00000000-0000-4000-8000-00000000dead', false],
        ],
      );
      assert.equal(results[1].error?.status, 404);
    });

    it('bulk-reprovisions with one typed result per id, in order', async function () {
      const all = await api.listCloudPcs();
      if (all.length === 0) this.skip();
      const ids = all.slice(0, 6).map((c) => c.id);
      const results = await api.bulkReprovision(ids, { osVersion: 'windows11' });
      assert.deepEqual(
        results.map((r) => r.id),
        ids,
      );
      for (const r of results) {
        if (r.ok) assert.equal(r.error, undefined);
        else assert.ok(r.error instanceof GraphError && r.error.status >= 400 && r.error.message.length > 0);
      }
      await api.applyConfig([ids[0]], 'region');
    });

    it('reads the catalog: images, networks, plans, regions, audit events', async () => {
      assert.ok((await api.listGalleryImages()).length > 0);
      for (const list of [
        await api.listDeviceImages(),
        await api.listOnPremisesConnections(),
        await api.listServicePlans(),
        await api.listSupportedRegions(),
        await api.listAuditEvents(),
      ]) {
        assert.ok(Array.isArray(list));
        for (const item of list) assert.equal(typeof (item as { id: unknown }).id, 'string');
      }
    });

    it('reads the tenant the editor checks against: every catalog list, health details only when selected', async () => {
      const catalog = await loadTenantCatalog(api, Date.now());
      for (const key of [
        'connections',
        'galleryImages',
        'deviceImages',
        'regions',
        'servicePlans',
        'frontlinePlans',
      ] as const) {
        assert.ok(Array.isArray(catalog[key]) && catalog[key]!.length > 0, key);
      }
      for (const c of catalog.connections!)
        assert.ok(Array.isArray(c.healthCheckStatusDetail?.healthChecks), `${c.displayName}: healthCheckStatusDetail`);
      for (const c of await api.listOnPremisesConnections())
        assert.equal('healthCheckStatusDetail' in c, false, 'not without $select');
    });

    it('reads the directory for the assign picker', async () => {
      const groups = await api.searchGroups('');
      assert.ok(groups.length > 0);
      const word = groups[0].displayName.split(/\s+/)[0];
      const found = await api.searchGroups(word);
      assert.ok(
        found.some((g) => g.id === groups[0].id),
        `searching "${word}" finds "${groups[0].displayName}"`,
      );
      const members = await api.listGroupMembers(groups[0].id);
      assert.ok(Array.isArray(members));
      assert.ok(Array.isArray(await api.listSubscribedSkus()));
      const user = members.find((m) => (m as { '@odata.type'?: string })['@odata.type']?.endsWith('user'));
      if (user) assert.ok(Array.isArray(await api.listUserLicenseDetails(user.id)));
    });

    it('turns an unknown Cloud PC into a 404 GraphError', async () => {
      await assert.rejects(
        api.getCloudPc('00000000-0000-4000-8000-00000000dead'),
        (err: unknown) => err instanceof GraphError && err.status === 404 && err.retries === 0,
      );
    });

    it('sends Prefer: include-unknown-enum-members and a bearer token on every request', function () {
      if (!target.seenHeaders) this.skip();
      const seen = target.seenHeaders();
      assert.ok(seen.length > 0);
      for (const h of seen) {
        assert.match(h['prefer'] ?? '', /include-unknown-enum-members/);
        assert.match(h['authorization'] ?? '', /^Bearer \S+/);
      }
    });
  });
}
