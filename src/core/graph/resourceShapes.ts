// Shapes core/model doesn't define (yet): narrow, local, only what core/graph returns.
import type { DirectoryGroup, DirectoryUser } from '../model/directory';

/** `/groups/{id}/members` returns directoryObjects: users, and also groups/devices we only list. */
export type DirectoryMember =
  DirectoryUser | DirectoryGroup | { '@odata.type'?: string; id: string; displayName?: string | null };

/** `frontLineServicePlans` (docs/service-facts.md "Catalog: images, regions, connections, service plans"): not in core/model yet. */
export interface CloudPcFrontlineServicePlan {
  id: string;
  displayName: string;
  totalCount?: number;
  usedCount?: number;
  allotmentLicensesCount?: number;
}
