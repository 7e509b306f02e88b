// Hover on a tenant id: what the id is in the connected tenant (its name, health, status, size), or that
// the tenant has no such object.
import type { HoverInfo } from '../policy/hover';
import type { TenantIndex } from './tenantCatalog';
import { connectionMarkdown, frontlinePlanMarkdown, groupMarkdown, imageMarkdown, regionMarkdown } from './tenantFacts';
import type { TenantSlot } from './tenantSlot';

/** Hover text for the id under the cursor; undefined when the tenant can't say (not read yet, or not an id). */
export function tenantHover(slot: TenantSlot, tenant: TenantIndex): HoverInfo | undefined {
  if (!slot.range || slot.value === undefined || slot.value === '') return undefined;
  const markdown = markdownFor(slot, slot.value, tenant);
  return markdown === undefined ? undefined : { markdown, range: slot.range };
}

function markdownFor(slot: TenantSlot, id: string, tenant: TenantIndex): string | undefined {
  const missing = (what: string): string => `The connected tenant has no ${what} with the id \`${id}\`.`;
  const show = <T>(found: T | null | undefined, what: string, md: (t: T) => string): string | undefined =>
    found === undefined ? undefined : found === null ? missing(what) : md(found);
  switch (slot.kind) {
    case 'connection':
      return show(tenant.connection(id), 'Azure network connection', connectionMarkdown);
    case 'galleryImage':
      return show(tenant.galleryImage(id), 'gallery image', imageMarkdown);
    case 'deviceImage':
      return show(tenant.deviceImage(id), 'custom image', imageMarkdown);
    case 'region':
      return id === 'automatic' ? undefined : show(tenant.region(id), 'supported region', regionMarkdown);
    case 'regionGroup':
      return undefined;
    case 'servicePlan': {
      const frontline = tenant.frontlinePlan(id);
      if (frontline) return frontlinePlanMarkdown(frontline, tenant.servicePlan(id));
      return show(tenant.servicePlan(id), 'service plan', (p) => frontlinePlanMarkdown(p, p));
    }
    case 'group':
      return show(tenant.group(id), 'group', groupMarkdown);
  }
}
