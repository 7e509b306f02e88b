// The catalog a policy draws from, read-only over REST: gallery and custom images, network connections (with
// whether a policy uses them), service plans, Frontline service plans, supported regions, audit events.
import type { RestResponse } from '../../model/rest';
import type { CloudPcOnPremisesConnection } from '../../model/catalog';
import { healthCheckStatusDetail } from '../connectionHealthDetail';
import type { Simulator } from '../simulator';
import { toGraphRegion } from './graphShapes';
import type { RestContext } from './restContext';
import { notFound } from './restContext';
import { collection, entity, query } from './odataCollection';
import type { RouteParams } from './router';
import { VIRTUAL_ENDPOINT } from './policyHandlers';

type Row = { id: string };

const SOURCES: Record<string, (sim: Simulator, includeEvolvable: boolean) => readonly Row[]> = {
  galleryImages: (sim) => sim.catalog.galleryImages,
  deviceImages: (sim) => sim.catalog.deviceImages,
  onPremisesConnections: (sim) => [...sim.connections.values()],
  servicePlans: (sim) => sim.catalog.servicePlans,
  frontLineServicePlans: (sim) => sim.frontlineServicePlans(),
  supportedRegions: (sim, includeEvolvable) =>
    sim.catalog.supportedRegions.map((r) => toGraphRegion(r, includeEvolvable)),
  auditEvents: (sim) => sim.auditEvents,
};

/** The collections a route may name (its pattern lists them). */
export const CATALOG_COLLECTIONS = Object.keys(SOURCES).join('|');

function isConnectionInUse(sim: Simulator, id: string): boolean {
  for (const p of sim.policies.values())
    if ((p.policy.domainJoinConfigurations ?? []).some((d) => d.onPremisesConnectionId === id)) return true;
  return false;
}

export function catalogGet(ctx: RestContext, { collection: name, id }: RouteParams): RestResponse {
  const sim = ctx.sim;
  const q = query(ctx);
  const rows = SOURCES[name](sim, ctx.includeEvolvable);
  // healthCheckStatusDetail only when $select names it, as Graph does (docs/simulator.md, "Catalog").
  const detail = q.select?.includes('healthCheckStatusDetail');
  const shape = (r: Row) =>
    name === 'onPremisesConnections'
      ? {
          ...r,
          inUse: isConnectionInUse(sim, r.id),
          ...(detail
            ? {
                healthCheckStatusDetail: healthCheckStatusDetail(
                  r as CloudPcOnPremisesConnection,
                  new Date(sim.now()).toISOString(),
                ),
              }
            : {}),
        }
      : r;
  if (id === undefined) return collection(ctx, `${VIRTUAL_ENDPOINT}/${name}`, rows, shape, q);
  // Gallery image ids compare case-insensitively (docs/service-facts.md "Catalog: images, regions, connections, service plans").
  const found = rows.find((r) => r.id === id || (name === 'galleryImages' && r.id.toLowerCase() === id.toLowerCase()));
  if (!found) return notFound(ctx, name.replace(/s$/, ''), id);
  return entity(ctx, `${VIRTUAL_ENDPOINT}/${name}`, shape(found), q);
}
