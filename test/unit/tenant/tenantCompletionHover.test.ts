// Completion and hover of tenant ids: the entry shows the object's name and inserts its id; hover on an id
// says what it is in the tenant. Works in a large fleet file too (only the policy around the cursor is read).
import * as assert from 'node:assert/strict';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import {
  ANC_FAILING,
  ANC_HEALTHY,
  DEVICE_IMAGE_READY,
  PLAN_FRONTLINE_2VCPU,
} from '../../../src/core/simulator/catalogSeed';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { loadTenantCatalog } from '../../../src/core/tenant/loadTenantCatalog';
import { TenantIndex } from '../../../src/core/tenant/tenantCatalog';
import { tenantCompletions } from '../../../src/core/tenant/tenantCompletion';
import { tenantHover } from '../../../src/core/tenant/tenantHover';
import { tenantSlotAt } from '../../../src/core/tenant/tenantSlot';

const CURSOR = '|';

/** The text without the cursor mark, and the mark's offset. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

describe('tenant completion and hover', () => {
  let tenant: TenantIndex;

  before(async () => {
    const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
    tenant = new TenantIndex(
      await loadTenantCatalog(createInProcessCloudPcApi(service.handler), Date.parse('2026-12-02T00:00:00Z')),
    );
    service.close();
  });

  it('onPremisesConnectionId lists the connections by name with their health; the failing one sorts last; choosing inserts the id', () => {
    const { text, offset } = at(
      '{ "domainJoinConfigurations": [{ "domainJoinType": "hybridAzureADJoin", "onPremisesConnectionId": "|" }] }',
    );
    const slot = tenantSlotAt(text, offset)!;
    assert.equal(slot.kind, 'connection');
    const entries = tenantCompletions(slot, tenant);
    assert.deepEqual(
      entries.map((e) => e.label),
      ['Contoso East US 2 (hybrid)', 'Contoso West Europe (hybrid)'],
    );
    const failing = entries.find((e) => e.insertText === JSON.stringify(ANC_FAILING))!;
    assert.match(failing.detail!, /health failed/);
    assert.match(failing.documentation!, /Active Directory domain join failed/);
    assert.ok(failing.sortText! > entries.find((e) => e.insertText === JSON.stringify(ANC_HEALTHY))!.sortText!);
    assert.deepEqual(entries[0]!.range, { offset: offset - 1, length: 2 });
  });

  it('imageId offers custom images when imageType is custom, gallery images otherwise', () => {
    const custom = at('{ "imageType": "custom", "imageId": "|" }');
    const customLabels = tenantCompletions(tenantSlotAt(custom.text, custom.offset)!, tenant).map((e) => e.insertText);
    assert.ok(customLabels.includes(JSON.stringify(DEVICE_IMAGE_READY)));
    const gallery = at('{ "imageId": "|" }');
    const galleryEntries = tenantCompletions(tenantSlotAt(gallery.text, gallery.offset)!, tenant);
    assert.ok(galleryEntries.every((e) => e.insertText.startsWith('"microsoftwindowsdesktop_')));
    // Expired and out-of-support images sink below the supported ones.
    assert.match(galleryEntries.at(-1)!.label, /22H2|23H2/);
  });

  it('regionName offers automatic and the supported regions; a Frontline servicePlanId offers the Frontline plans with their size', () => {
    const region = at('{ "domainJoinConfigurations": [{ "regionName": "|" }] }');
    const regions = tenantCompletions(tenantSlotAt(region.text, region.offset)!, tenant);
    assert.equal(regions[0]!.label, 'automatic');
    assert.ok(regions.some((e) => e.insertText === '"westeurope"'));
    const plan = at(
      '{ "provisioningType": "sharedByUser", "assignments": [{ "target": { "groupId": "x", "servicePlanId": "|" } }] }',
    );
    const plans = tenantCompletions(tenantSlotAt(plan.text, plan.offset)!, tenant);
    assert.deepEqual(
      plans.map((e) => e.insertText),
      [JSON.stringify(PLAN_FRONTLINE_2VCPU)],
    );
    assert.match(plans[0]!.detail!, /2 vCPU · 8 GB RAM · 128 GB/);
    const dedicated = at('{ "assignments": [{ "target": { "groupId": "x", "servicePlanId": "|" } }] }');
    assert.deepEqual(tenantCompletions(tenantSlotAt(dedicated.text, dedicated.offset)!, tenant), []);
  });

  it('is not offered on keys or on properties that are not tenant ids', () => {
    const key = at('{ "imag|eId": "x" }');
    assert.equal(tenantSlotAt(key.text, key.offset), undefined);
    const other = at('{ "displayName": "|" }');
    assert.equal(tenantSlotAt(other.text, other.offset), undefined);
  });

  it('hover on a connection id shows its name and health; on an unknown id says the tenant has none', () => {
    const known = at(
      `{ "domainJoinConfigurations": [{ "onPremisesConnectionId": "${ANC_FAILING.slice(0, 4)}|${ANC_FAILING.slice(4)}" }] }`,
    );
    const hover = tenantHover(tenantSlotAt(known.text, known.offset)!, tenant)!;
    assert.match(hover.markdown, /\*\*Contoso West Europe \(hybrid\)\*\*/);
    assert.match(hover.markdown, /Health: failed/);
    const unknown = at('{ "imageId": "nope|" }');
    assert.match(
      tenantHover(tenantSlotAt(unknown.text, unknown.offset)!, tenant)!.markdown,
      /has no gallery image with the id `nope`/,
    );
  });

  it('works on a policy deep in a large fleet file (paths relative to the policy, ranges in the document)', () => {
    const filler = Array.from(
      { length: 400 },
      (_, i) => `{ "displayName": "P${i}", "description": "${'x'.repeat(80)}" }`,
    ).join(',\n');
    const marked = `{ "policies": [\n${filler},\n{ "displayName": "Last", "domainJoinConfigurations": [{ "onPremisesConnectionId": "|" }] }\n] }`;
    const { text, offset } = at(marked);
    assert.ok(text.length > 32 * 1024);
    const slot = tenantSlotAt(text, offset)!;
    assert.equal(slot.kind, 'connection');
    assert.deepEqual(slot.range, { offset: offset - 1, length: 2 });
  });
});
