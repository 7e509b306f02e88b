// The editor's tenant features (docs/tenant-editor.md) against a cached tenant of 500 connections, 2,000
// gallery images and 10,000 groups: completion from the cache on the typical policy and in the middle of
// the 1 MB fleet, and the tenant checks of the whole 1 MB fleet. Parsing the same text is the floor.
import { scanJsonc } from '../../src/core/policy/textScan';
import { catalogRegions, catalogServicePlans } from '../../src/core/simulator/catalogSeed';
import type { CloudPcGalleryImage } from '../../src/core/model/catalog';
import { TenantIndex } from '../../src/core/tenant/tenantCatalog';
import type { TenantConnection, TenantGroup } from '../../src/core/tenant/tenantCatalog';
import { validateAgainstTenant } from '../../src/core/tenant/tenantChecks';
import { tenantCompletions } from '../../src/core/tenant/tenantCompletion';
import { tenantSlotAt } from '../../src/core/tenant/tenantSlot';
import type { BenchRow } from './benchRow';
import { median } from './benchTiming';
import { fleetOfSize, TYPICAL } from './policyBench';

function guid(prefix: string, i: number): string {
  return `${prefix}-8b3c-4e5f-9a7b-${String(i).padStart(12, '0')}`;
}

function bigTenant(): TenantIndex {
  const connections: TenantConnection[] = Array.from({ length: 500 }, (_, i) => ({
    id: guid('16ee6c71', i),
    displayName: `Connection ${i}`,
    connectionType: 'hybridAzureADJoin',
    healthCheckStatus: i % 10 === 0 ? 'failed' : 'passed',
    healthCheckPaused: false,
    inUse: false,
    managedBy: 'windows365',
    subscriptionId: 's',
    subscriptionName: 'Contoso',
    resourceGroupId: 'rg',
    virtualNetworkId: 'vnet',
    virtualNetworkLocation: 'westeurope',
    subnetId: 'subnet',
    adDomainName: 'corp.contoso.com',
    adDomainUsername: 'svc',
    organizationalUnit: null,
    scopeIds: ['0'],
  }));
  const image = (id: string, i: number): CloudPcGalleryImage => ({
    id,
    displayName: `Image ${i}`,
    publisherName: 'microsoftwindowsdesktop',
    offerName: 'windows-ent-cpc',
    skuName: `sku-${i}`,
    osVersionNumber: '10.0.26100',
    sizeInGB: 64,
    startDate: '2024-10-01',
    endDate: null,
    expirationDate: null,
    status: 'supported',
  });
  const galleryImages = Array.from({ length: 2000 }, (_, i) =>
    image(
      i === 0
        ? 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365'
        : `microsoftwindowsdesktop_windows-ent-cpc_sku-${i}`,
      i,
    ),
  );
  const groups = new Map<string, TenantGroup | null>();
  // The fleet's own groups (6a4d2f1e-…, 7b5e3f2a-… per policy) and thousands of others.
  for (let i = 0; i < 5000; i++) {
    for (const prefix of ['6a4d2f1e', '7b5e3f2a']) {
      const id = `${prefix}-8b3c-4e5f-9a7b-${String(i).padStart(12, '0')}`.replace(
        '7b5e3f2a-8b3c-4e5f-9a7b',
        '7b5e3f2a-9c4d-4f6a-8b1c',
      );
      groups.set(id, { id, displayName: `Group ${prefix} ${i}`, memberCount: 10, licensedMemberCount: 8 });
    }
  }
  return new TenantIndex({
    readAt: Date.parse('2026-12-02T00:00:00Z'),
    connections,
    galleryImages,
    deviceImages: [],
    regions: catalogRegions(),
    servicePlans: catalogServicePlans(),
    frontlinePlans: [],
    groups,
  });
}

function stats(samples: number[]): string {
  return `${median(samples).toFixed(3)} ms`;
}

function timed(runs: number, fn: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function runTenantBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const runs = opts.quick ? 5 : 41;
  const tenant = bigTenant();
  const big = fleetOfSize(1_000_000);
  // Each call sees a new text, as after a keystroke.
  const edited = (text: string, i: number): string => `${text.slice(0, -1)}${' '.repeat(1 + (i % 7))}\n`;
  const typicalAt = TYPICAL.indexOf('"imageId": "') + '"imageId": "'.length;
  const bigAt = big.indexOf('"imageId": "', big.length / 2) + '"imageId": "'.length;
  const complete = (text: string, at: number): number => tenantCompletions(tenantSlotAt(text, at)!, tenant).length;
  const typical = timed(runs, (i) => complete(edited(TYPICAL, i), typicalAt));
  const inFleet = timed(runs, (i) => complete(edited(big, i), bigAt));
  const checks = timed(runs, (i) => validateAgainstTenant(edited(big, i), tenant));
  const floor = timed(runs, (i) => JSON.parse(scanJsonc(edited(big, i)).strict));
  const findings = validateAgainstTenant(big, tenant).length;
  return [
    {
      name: `tenant completion from the cache, typical policy (imageId: ${complete(TYPICAL, typicalAt)} images): median`,
      value: stats(typical),
      target: '≤ 5 ms',
      ok: median(typical) <= 5,
    },
    {
      name: 'tenant completion from the cache, 1 MB fleet, in the middle: median',
      value: stats(inFleet),
      target: '≤ 16 ms',
      ok: median(inFleet) <= 16,
    },
    {
      name: `tenant checks, 1 MB fleet vs 500 connections / 2,000 images / 10,000 groups (${findings} findings): median`,
      value: stats(checks),
      target: '≤ 20 ms',
      ok: median(checks) <= 20,
    },
    { name: 'floor: comments blanked + JSON.parse of the same 1 MB text: median', value: stats(floor) },
  ];
}
