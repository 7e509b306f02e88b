// The directory in Graph v1.0 shapes (under /v1.0 and /beta): users, licences, groups and direct members.
// Errors use the directory's own codes (Request_BadRequest, Request_ResourceNotFound), as Graph does.
import type { RestResponse } from '../../model/rest';
import type { NewGroup, NewUser } from '../directoryChanges';
import { jsonResponse, emptyResponse, errorResponse } from './graphResponses';
import { toGraphUser, toGraphGroup, toGraphSku, toLicenseDetails } from './directoryShapes';
import { decodeComponent } from './requestBodyChecks';
import type { RestContext } from './restContext';
import { body, onlyKeys, expectType, result, directoryNotFound, actor } from './restContext';
import { collection, entity, contextUrl, query } from './odataCollection';
import type { RouteParams } from './router';

const USER_FIELDS = [
  'accountEnabled',
  'displayName',
  'mailNickname',
  'userPrincipalName',
  'passwordProfile',
  'givenName',
  'surname',
  'jobTitle',
  'department',
  'usageLocation',
  'mail',
  'id',
  '@odata.type',
];
const GROUP_FIELDS = [
  'displayName',
  'description',
  'mailNickname',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
  'id',
  '@odata.type',
];

function directoryBadRequest(ctx: RestContext, message: string): RestResponse {
  return errorResponse(ctx, 400, 'Request_BadRequest', message);
}

export function listUsers(ctx: RestContext): RestResponse {
  return collection(ctx, 'users', [...ctx.sim.users.values()], toGraphUser, query(ctx, 100));
}

export function getUser(ctx: RestContext, { id }: RouteParams): RestResponse {
  const q = query(ctx);
  const u = ctx.sim.users.get(id) ?? ctx.sim.users.get(ctx.sim.upnIndex.get(id.toLowerCase()) ?? '');
  if (!u) return directoryNotFound(ctx, id);
  return entity(ctx, 'users', toGraphUser(u), q);
}

export function createUser(ctx: RestContext): RestResponse {
  const b = body(ctx);
  const unknown = Object.keys(b).filter((k) => !USER_FIELDS.includes(k));
  if (unknown.length)
    return directoryBadRequest(ctx, `Property '${unknown[0]}' does not exist on type 'microsoft.graph.user'.`);
  for (const k of [
    'displayName',
    'userPrincipalName',
    'mailNickname',
    'givenName',
    'surname',
    'jobTitle',
    'department',
    'usageLocation',
  ])
    expectType(ctx, b[k], 'string', k);
  expectType(ctx, b.accountEnabled, 'boolean', 'accountEnabled');
  if (typeof b.displayName !== 'string' || !b.displayName.trim())
    return directoryBadRequest(ctx, "Invalid value specified for property 'displayName' of resource 'User'.");
  if (typeof b.userPrincipalName !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.userPrincipalName))
    return directoryBadRequest(ctx, "Invalid value specified for property 'userPrincipalName' of resource 'User'.");
  return result(ctx, ctx.sim.createUser(b as unknown as NewUser, actor(ctx)), (u) =>
    jsonResponse(ctx, 201, { '@odata.context': contextUrl(ctx, 'users', undefined, true), ...toGraphUser(u) }),
  );
}

export function deleteUser(ctx: RestContext, { id }: RouteParams): RestResponse {
  return result(ctx, ctx.sim.deleteUser(id, actor(ctx)), () => emptyResponse(ctx, 204));
}

export function assignLicense(ctx: RestContext, { id }: RouteParams): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['addLicenses', 'removeLicenses'], 'the assignLicense action');
  if (!Array.isArray(b.addLicenses) || !Array.isArray(b.removeLicenses))
    return directoryBadRequest(ctx, "Both 'addLicenses' and 'removeLicenses' are required arrays.");
  const add: string[] = [];
  for (const l of b.addLicenses) {
    if (!l || typeof l !== 'object' || typeof (l as { skuId?: unknown }).skuId !== 'string')
      return directoryBadRequest(ctx, "Each of 'addLicenses' needs a skuId string.");
    add.push((l as { skuId: string }).skuId);
  }
  if (b.removeLicenses.some((x: unknown) => typeof x !== 'string'))
    return directoryBadRequest(ctx, "'removeLicenses' must be an array of skuId strings.");
  return result(ctx, ctx.sim.assignLicense(id, add, b.removeLicenses as string[], actor(ctx)), (u) =>
    jsonResponse(ctx, 200, { '@odata.context': contextUrl(ctx, 'users', undefined, true), ...toGraphUser(u) }),
  );
}

export function licenseDetails(ctx: RestContext, { id }: RouteParams): RestResponse {
  const u = ctx.sim.users.get(id);
  if (!u) return directoryNotFound(ctx, id);
  const skus = u.licenses.map((s) => ctx.sim.skus.get(s)).filter((s): s is NonNullable<typeof s> => !!s);
  return collection(ctx, `users('${id}')/licenseDetails`, skus, toLicenseDetails, query(ctx));
}

export function listSkus(ctx: RestContext): RestResponse {
  return collection(ctx, 'subscribedSkus', [...ctx.sim.skus.values()], toGraphSku, query(ctx));
}

export function listGroups(ctx: RestContext): RestResponse {
  return collection(ctx, 'groups', [...ctx.sim.groups.values()], (g) => toGraphGroup(ctx.sim, g), query(ctx, 100));
}

export function getGroup(ctx: RestContext, { id }: RouteParams): RestResponse {
  const q = query(ctx);
  const g = ctx.sim.groups.get(id);
  if (!g) return directoryNotFound(ctx, id);
  return entity(ctx, 'groups', toGraphGroup(ctx.sim, g), q);
}

export function createGroup(ctx: RestContext): RestResponse {
  const b = body(ctx);
  const unknown = Object.keys(b).filter((k) => !GROUP_FIELDS.includes(k));
  if (unknown.length)
    return directoryBadRequest(ctx, `Property '${unknown[0]}' does not exist on type 'microsoft.graph.group'.`);
  for (const k of ['displayName', 'description', 'mailNickname']) expectType(ctx, b[k], 'string', k);
  for (const k of ['mailEnabled', 'securityEnabled']) expectType(ctx, b[k], 'boolean', k);
  if (b.groupTypes !== undefined && (!Array.isArray(b.groupTypes) || b.groupTypes.some((x) => typeof x !== 'string')))
    return directoryBadRequest(ctx, "'groupTypes' must be an array of strings.");
  if (typeof b.displayName !== 'string' || !b.displayName.trim())
    return directoryBadRequest(ctx, "Invalid value specified for property 'displayName' of resource 'Group'.");
  return result(ctx, ctx.sim.createGroup({ ...(b as unknown as NewGroup), id: undefined }, actor(ctx)), (g) =>
    jsonResponse(ctx, 201, {
      '@odata.context': contextUrl(ctx, 'groups', undefined, true),
      ...toGraphGroup(ctx.sim, g),
    }),
  );
}

export function listMembers(ctx: RestContext, { id }: RouteParams): RestResponse {
  const sim = ctx.sim;
  const g = sim.groups.get(id);
  if (!g) return directoryNotFound(ctx, id);
  const rows = g.members
    .map((m) =>
      sim.users.has(m)
        ? toGraphUser(sim.users.get(m)!)
        : sim.groups.has(m)
          ? toGraphGroup(sim, sim.groups.get(m)!)
          : undefined,
    )
    .filter((x) => !!x);
  return collection(ctx, 'directoryObjects', rows, (r) => r, query(ctx, 100));
}

export function addMember(ctx: RestContext, { id }: RouteParams): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['@odata.id'], 'a reference');
  const ref = b['@odata.id'];
  const m = typeof ref === 'string' ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)\/?$/.exec(ref) : null;
  if (!m)
    return directoryBadRequest(
      ctx,
      "'@odata.id' must be a directoryObjects URL, e.g. https://graph.microsoft.com/v1.0/directoryObjects/{id}.",
    );
  const memberId = decodeComponent(m[1]);
  if (memberId === undefined) return directoryBadRequest(ctx, "'@odata.id' has a malformed percent-escape.");
  return result(ctx, ctx.sim.addMember(id, memberId, actor(ctx)), () => emptyResponse(ctx, 204));
}

export function removeMember(ctx: RestContext, { id, memberId }: RouteParams): RestResponse {
  return result(ctx, ctx.sim.removeMember(id, memberId, actor(ctx)), () => emptyResponse(ctx, 204));
}
