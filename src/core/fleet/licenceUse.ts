// Windows 365 licences per SKU: Enterprise from the tenant's subscribed SKUs (Graph v1.0 subscribedSku:
// consumedUnits of prepaidUnits.enabled), Frontline from the virtual endpoint's frontLineServicePlans
// (usedCount of totalCount).
import type { SubscribedSku } from '../model/directory';
import type { LicenceRow } from './fleetSnapshot';

export interface FrontlinePlanUse {
  id: string;
  displayName: string;
  totalCount?: number;
  usedCount?: number;
}

// String ids from Learn "Product names and service plan identifiers for licensing": Enterprise/Business SKUs
// are CPC_E_… / CPC_B_…, Frontline (shared use) SKUs Windows_365_S_….
const CLOUD_PC_PART = /^(CPC_|Windows_365_)/i;
const FRONTLINE_PART = /^Windows_365_S_|FRONTLINE/i;
// Windows 365 Business (CPC_B_…) Cloud PCs are not provisioned by policies: counted apart, never as Enterprise.
const BUSINESS_PART = /^CPC_B_/i;

/** A Windows 365 SKU: its part number or one of its service plans names a Cloud PC plan. */
export function isCloudPcSku(sku: Pick<SubscribedSku, 'skuPartNumber' | 'servicePlans'>): boolean {
  return CLOUD_PC_PART.test(sku.skuPartNumber) || sku.servicePlans.some((p) => CLOUD_PC_PART.test(p.servicePlanName));
}

export function isFrontlineSku(sku: Pick<SubscribedSku, 'skuPartNumber' | 'servicePlans'>): boolean {
  return FRONTLINE_PART.test(sku.skuPartNumber);
}

export function isBusinessSku(sku: Pick<SubscribedSku, 'skuPartNumber'>): boolean {
  return BUSINESS_PART.test(sku.skuPartNumber);
}

/** The SKUs a dedicated (Enterprise) policy provisions from: Windows 365, not Frontline, not Business. */
export function enterpriseSkuIds(skus: readonly SubscribedSku[]): Set<string> {
  return new Set(skus.filter((s) => isCloudPcSku(s) && !isFrontlineSku(s) && !isBusinessSku(s)).map((s) => s.skuId));
}

function kindOf(sku: SubscribedSku): LicenceRow['kind'] {
  return isFrontlineSku(sku) ? 'frontline' : isBusinessSku(sku) ? 'business' : 'enterprise';
}

export function licenceRows(skus: readonly SubscribedSku[], frontline: readonly FrontlinePlanUse[]): LicenceRow[] {
  const rows: LicenceRow[] = [];
  for (const s of skus) {
    if (!isCloudPcSku(s) || (isFrontlineSku(s) && frontline.length > 0)) continue;
    const total = s.prepaidUnits.enabled;
    rows.push({
      skuId: s.skuId,
      name: s.skuPartNumber,
      kind: kindOf(s),
      used: s.consumedUnits,
      total,
      available: Math.max(0, total - s.consumedUnits),
    });
  }
  for (const p of frontline) {
    const total = p.totalCount ?? 0;
    const used = p.usedCount ?? 0;
    rows.push({
      skuId: p.id,
      name: p.displayName,
      kind: 'frontline',
      used,
      total,
      available: Math.max(0, total - used),
    });
  }
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
