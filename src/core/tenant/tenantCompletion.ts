// Completion of tenant ids from the tenant as last read: each entry shows the object's name and what an
// admin checks before choosing it (health, image status, size), and inserts the id.
import type { CompletionEntry } from '../policy/completion';
import { isFrontlineType } from '../model/provisioningKind';
import { isUsableConnectionStatus } from '../model/catalog';
import type { TenantIndex } from './tenantCatalog';
import {
  connectionMarkdown,
  connectionSummary,
  frontlinePlanMarkdown,
  groupMarkdown,
  imageMarkdown,
  imageProblem,
  imageSummary,
  planSize,
  regionMarkdown,
  regionSummary,
} from './tenantFacts';
import type { TenantSlot } from './tenantSlot';

interface Choice {
  id: string;
  name: string;
  /** A few words beside the name: health, status, size. */
  description: string;
  detail: string;
  documentation: string;
  /** Sorts last (unhealthy, expired). */
  discouraged?: boolean;
}

/** Completion entries for the slot, or [] when the tenant has no list for it. */
export function tenantCompletions(slot: TenantSlot, tenant: TenantIndex): CompletionEntry[] {
  return choicesFor(slot, tenant).map((c, i) => {
    const inserted = JSON.stringify(c.id);
    return {
      label: c.name,
      kind: 'value',
      insertText: inserted.replace(/[$}\\]/g, (ch) => `\\${ch}`),
      description: c.description,
      detail: c.detail,
      documentation: c.documentation,
      // Typing either the name or the id finds the entry.
      filterText: `"${c.name} ${c.id}"`,
      sortText: `${c.discouraged ? 'z' : 'a'}${String(i).padStart(5, '0')}`,
      ...(slot.range ? { range: slot.range } : {}),
    };
  });
}

function choicesFor(slot: TenantSlot, tenant: TenantIndex): Choice[] {
  const catalog = tenant.catalog;
  switch (slot.kind) {
    case 'connection':
      return (catalog.connections ?? []).map((c) => ({
        id: c.id,
        name: c.displayName,
        description: `health ${c.healthCheckStatus}`,
        detail: connectionSummary(c),
        documentation: connectionMarkdown(c),
        discouraged: !isUsableConnectionStatus(c.healthCheckStatus),
      }));
    case 'galleryImage':
      return (catalog.galleryImages ?? []).map((g) => ({
        id: g.id,
        name: g.displayName,
        description: g.status,
        detail: imageSummary(g),
        documentation: imageMarkdown(g),
        discouraged: imageProblem(g, catalog.readAt) !== undefined,
      }));
    case 'deviceImage':
      return (catalog.deviceImages ?? []).map((d) => ({
        id: d.id,
        name: d.displayName,
        description: d.status,
        detail: imageSummary(d),
        documentation: imageMarkdown(d),
        discouraged: imageProblem(d, catalog.readAt) !== undefined,
      }));
    case 'region':
      return [
        {
          id: 'automatic',
          name: 'automatic',
          description: 'any region of the group',
          detail: 'the service picks a region of the region group',
          documentation: 'Windows 365 chooses the region in the region group with the most capacity.',
        },
        ...(catalog.regions ?? []).map((r) => ({
          id: r.id,
          name: r.displayName,
          description: r.regionStatus,
          detail: regionSummary(r),
          documentation: regionMarkdown(r),
          discouraged: r.regionStatus !== 'available',
        })),
      ];
    case 'regionGroup':
      return [...(tenant.regionGroups ?? [])].map((g) => {
        const regions = (catalog.regions ?? []).filter((r) => r.regionGroup === g).map((r) => r.displayName);
        return {
          id: g,
          name: g,
          description: `${regions.length} region${regions.length === 1 ? '' : 's'}`,
          detail: regions.join(', '),
          documentation: `Region group **${g}**: ${regions.join(', ')}`,
        };
      });
    case 'servicePlan':
      return servicePlanChoices(slot, tenant);
    case 'group':
      return (catalog.groupsByName ?? []).map((g) => ({
        id: g.id,
        name: g.displayName,
        description: 'group',
        detail: 'Microsoft Entra group',
        documentation: groupMarkdown(g),
      }));
  }
}

function servicePlanChoices(slot: TenantSlot, tenant: TenantIndex): Choice[] {
  const catalog = tenant.catalog;
  // Only Frontline assignments take a service plan (Graph: "cloudPcManagementGroupAssignmentTarget resource type").
  if (!isFrontlineType(slot.policy['provisioningType'])) return [];
  if (catalog.frontlinePlans) {
    return catalog.frontlinePlans.map((f) => {
      const plan = tenant.servicePlan(f.id);
      return {
        id: f.id,
        name: f.displayName,
        description: plan ? `${plan.vCpuCount} vCPU` : 'Frontline',
        detail: plan ? planSize(plan) : 'Frontline',
        documentation: frontlinePlanMarkdown(f, plan),
      };
    });
  }
  return (catalog.servicePlans ?? [])
    .filter((p) => isFrontlineType(p.provisioningType))
    .map((p) => ({
      id: p.id,
      name: p.displayName,
      description: `${p.vCpuCount} vCPU`,
      detail: planSize(p),
      documentation: frontlinePlanMarkdown(p, p),
    }));
}
