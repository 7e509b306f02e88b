// The naming template used when a policy has none: the simulator names Cloud PCs with it, and the views
// preview it. Graph documents no default; ours is Graph's example (docs/service-facts.md "Naming template").
import { isDedicatedType } from './provisioningKind';

/** A Cloud PC per user: Graph's example template, "CPC-" + 4 characters of the user name + 5 random ones. */
export const DEFAULT_NAMING_TEMPLATE = 'CPC-%USERNAME:4%-%RAND:5%';
/** A shared pool has no user to name after: random characters only. */
export const DEFAULT_SHARED_NAMING_TEMPLATE = 'CPC-%RAND:8%';

/** The default template for a policy of this provisioningType (absent = dedicated). */
export function defaultNamingTemplate(provisioningType: unknown): string {
  return isDedicatedType(provisioningType) ? DEFAULT_NAMING_TEMPLATE : DEFAULT_SHARED_NAMING_TEMPLATE;
}
