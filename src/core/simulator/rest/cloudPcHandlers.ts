// Cloud PCs over REST: list (the fast path joins cached JSON texts), get, getProvisionedCloudPCs, and the
// device actions reprovision, endGracePeriod, rename, reboot and troubleshoot (docs/simulator.md "The Graph contract").
import type { RestResponse } from '../../model/rest';
import { CLOUD_PC_OPERATING_SYSTEMS, CLOUD_PC_USER_ACCOUNT_TYPES } from '../../model/cloudPc';
import type { CloudPcOperatingSystem, CloudPcUserAccountType } from '../../model/cloudPc';
import { emptyResponse, invalidProperties, badRequest } from './graphResponses';
import { toGraphCloudPc, cloudPcJson } from './graphShapes';
import type { RestContext } from './restContext';
import { body, onlyKeys, result, notFound, actor } from './restContext';
import { collection, entity, query } from './odataCollection';
import { cloudPcView } from './cloudPcView';
import type { RouteParams } from './router';
import { VIRTUAL_ENDPOINT } from './policyHandlers';

const CLOUD_PCS = `${VIRTUAL_ENDPOINT}/cloudPCs`;

export function listCloudPcs(ctx: RestContext): RestResponse {
  const sim = ctx.sim;
  return collection(
    ctx,
    CLOUD_PCS,
    sim.cloudPcList(),
    (c) => toGraphCloudPc(sim, c, ctx.includeEvolvable),
    query(ctx),
    { toJson: (c) => cloudPcJson(sim, c, ctx.includeEvolvable), view: cloudPcView(sim, ctx.includeEvolvable) },
  );
}

export function getCloudPc(ctx: RestContext, { id }: RouteParams): RestResponse {
  const q = query(ctx);
  const c = ctx.sim.cloudPcs.get(id);
  if (!c) return notFound(ctx, 'cloudPC', id);
  return entity(ctx, CLOUD_PCS, toGraphCloudPc(ctx.sim, c, ctx.includeEvolvable), q);
}

export function getProvisionedCloudPcs(ctx: RestContext, { call }: RouteParams): RestResponse {
  const m = /^getProvisionedCloudPCs\(groupId='([^']*)',servicePlanId='([^']*)'\)$/.exec(call);
  if (!m) return badRequest(ctx, "Use getProvisionedCloudPCs(groupId='{groupId}',servicePlanId='{servicePlanId}').");
  const [, groupId, servicePlanId] = m;
  const sim = ctx.sim;
  if (!sim.groups.has(groupId)) return notFound(ctx, 'group', groupId);
  const members = sim.groupMembers.get(groupId) ?? new Set<string>();
  const list = sim
    .cloudPcList()
    .filter(
      (c) =>
        (c.status === 'provisioned' || c.status === 'provisionedWithWarnings') &&
        c.servicePlanId === servicePlanId &&
        (c.groupId === groupId || (c.userId !== null && members.has(c.userId))),
    );
  // A list of this request's own: a view without its index (it would be built for one request).
  const view = { ...cloudPcView(sim, ctx.includeEvolvable), indexed: undefined };
  return collection(ctx, CLOUD_PCS, list, (c) => toGraphCloudPc(sim, c, ctx.includeEvolvable), query(ctx), { view });
}

type ActionBody = (ctx: RestContext, id: string, b: Record<string, unknown>) => RestResponse;

const ACTIONS: Record<string, ActionBody> = {
  reprovision: (ctx, id, b) => {
    onlyKeys(ctx, b, ['osVersion', 'userAccountType'], 'the reprovision action');
    if (
      b.osVersion !== undefined &&
      b.osVersion !== null &&
      !(CLOUD_PC_OPERATING_SYSTEMS as readonly unknown[]).includes(b.osVersion)
    )
      return invalidProperties(ctx, ["'osVersion' must be windows10 or windows11."]);
    if (
      b.userAccountType !== undefined &&
      b.userAccountType !== null &&
      !(CLOUD_PC_USER_ACCOUNT_TYPES as readonly unknown[]).includes(b.userAccountType)
    )
      return invalidProperties(ctx, ["'userAccountType' must be standardUser or administrator."]);
    const options = b as { osVersion?: CloudPcOperatingSystem | null; userAccountType?: CloudPcUserAccountType | null };
    return result(ctx, ctx.sim.reprovisionCloudPc(id, options, actor(ctx)), () => emptyResponse(ctx, 204));
  },
  endGracePeriod: (ctx, id, b) => {
    onlyKeys(ctx, b, [], 'the endGracePeriod action');
    return result(ctx, ctx.sim.endGracePeriod(id, actor(ctx)), () => emptyResponse(ctx, 204));
  },
  rename: (ctx, id, b) => {
    onlyKeys(ctx, b, ['displayName'], 'the rename action');
    const name = b.displayName;
    if (typeof name !== 'string' || !name.trim() || name.length > 64)
      return invalidProperties(ctx, ["'displayName' must be a string of 1 to 64 characters."]);
    return result(ctx, ctx.sim.renameCloudPc(id, name, actor(ctx)), () => emptyResponse(ctx, 204));
  },
  reboot: (ctx, id, b) => remote(ctx, id, b, 'reboot'),
  troubleshoot: (ctx, id, b) => remote(ctx, id, b, 'troubleshoot'),
};

/** The actions a route may name (its pattern lists them). */
export const CLOUD_PC_ACTIONS = Object.keys(ACTIONS).join('|');

function remote(
  ctx: RestContext,
  id: string,
  b: Record<string, unknown>,
  action: 'reboot' | 'troubleshoot',
): RestResponse {
  onlyKeys(ctx, b, [], `the ${action} action`);
  return result(ctx, ctx.sim.remoteAction(id, action, actor(ctx)), () => emptyResponse(ctx, 204));
}

export function cloudPcAction(ctx: RestContext, { id, action }: RouteParams): RestResponse {
  if (!ctx.sim.cloudPcs.has(id)) return notFound(ctx, 'cloudPC', id);
  return ACTIONS[action](ctx, id, body(ctx, false));
}
