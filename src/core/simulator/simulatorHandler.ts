// The simulator's REST facade: a router and handlers speaking the Graph contract (graph-facts A, D) over the
// model. A RestHandler, so the in-process transport and the HTTP server share it. Every failure is a Graph
// error envelope: 4xx for bad requests, 404 for unknown ids, 405/501 for what isn't modelled, never a crash.
import { healthCheckStatusDetail } from './connectionHealthDetail';
import type { RestHandler, RestRequest, RestResponse } from '../model/rest';
import type { CloudPcPolicySettingType } from '../model/provisioningPolicy';
import { CLOUD_PC_POLICY_SETTING_TYPES } from '../model/provisioningPolicy';
import { CLOUD_PC_HEALTH_CHECK_STATUSES, CLOUD_PC_GALLERY_IMAGE_STATUSES } from '../model/catalog';
import type { CloudPcOnPremisesConnection } from '../model/catalog';
import { CLOUD_PC_OPERATING_SYSTEMS, CLOUD_PC_USER_ACCOUNT_TYPES } from '../model/cloudPc';
import type { Simulator } from './simulator';
import type { SimResult } from './simResult';
import type { CloudPcRecord } from './simulatorState';
import { MINUTE, HOUR, DAY, MAX_SIMULATED_TIME } from './timeUnits';
import type { CollectionQuery } from './odataQuery';
import { parseCollectionQuery, encodeSkipToken, applySelect, compareBy } from './odataQuery';
import type { ResponseContext } from './graphResponses';
import { jsonResponse, jsonTextResponse, emptyResponse, errorResponse, invalidProperties, badRequest, MALFORMED_MESSAGE } from './graphResponses';
import { toGraphCloudPc, cloudPcJson, toGraphPolicy, toGraphAssignment, toGraphRegion, toGraphUser, toGraphGroup, toGraphSku, toLicenseDetails } from './graphShapes';
import { checkPolicyBody } from './policyRequestCheck';
import { checkAssignBody } from './assignRequestCheck';
import { isFrontlineSharedType } from '../model/provisioningKind';
import { applyOptionsProblem, reprovisionPool } from './frontlineSharedApply';
import { reprovision, retryFailed, applyPolicySetting, endGracePeriod } from './cloudPcLifecycle';
import { footprintObjects, liveFootprint } from './cloudPcFootprint';
import { createSeedData } from './demoSeed';
import type { SeedKind } from './demoSeed';
import { SeededSource } from './seededIds';
import { parseBodyObject, decodeComponent } from './requestBodyChecks';
import { errorText } from '../model/errorText';

export interface SimulatorHandlerOptions {
  /** Used for `@odata.context` / `@odata.nextLink` when the request URL is a bare path without a Host header. */
  baseUrl?: string;
  /** Bodies above this size get 413 (default 4 MB). */
  maxBodyBytes?: number;
  /** Seed for request ids (they are not state, so they don't draw from the tenant's seeded stream). */
  requestIdSeed?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
const VE = 'deviceManagement/virtualEndpoint';

interface Ctx extends ResponseContext {
  sim: Simulator;
  method: string;
  segments: string[];
  params: URLSearchParams;
  /** `https://graph.microsoft.com` or `http://127.0.0.1:PORT`. */
  origin: string;
  version: string;
  includeEvolvable: boolean;
  headers: Record<string, string>;
  rawBody: string | undefined;
}

class HttpProblem {
  constructor(readonly response: RestResponse) {}
}

export function createSimulatorHandler(sim: Simulator, options: SimulatorHandlerOptions = {}): RestHandler {
  const process = createSimulatorRequestProcessor(sim, options);
  return async (request) => process(request);
}

/**
 * The same handler, synchronous: the durable wrapper journals a change before any other request can run,
 * so the journal order is the order changes were applied.
 */
export function createSimulatorRequestProcessor(sim: Simulator, options: SimulatorHandlerOptions = {}): (request: RestRequest) => RestResponse {
  const requestIds = new SeededSource(options.requestIdSeed ?? 'request-ids');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (request: RestRequest): RestResponse => {
    const headers = lowerHeaders(request.headers ?? {});
    const requestId = requestIds.guid();
    const base: ResponseContext = { requestId, clientRequestId: headers['client-request-id'] || requestId, date: sim.iso() };
    try {
      if (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > maxBody) {
        return errorResponse(base, 413, 'requestEntityTooLarge', `The request body is larger than ${maxBody} bytes.`, { code: 'RequestEntityTooLarge' });
      }
      let url: URL;
      try {
        url = new URL(request.url, headers.host ? `http://${headers.host}` : (options.baseUrl ?? 'https://graph.microsoft.com'));
      } catch {
        return badRequest(base, `Invalid request URL '${request.url}'.`);
      }
      const origin = /^https?:\/\//i.test(request.url) || headers.host ? url.origin : (options.baseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
      let segments: string[];
      try {
        segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
      } catch {
        return badRequest(base, 'The request path is not valid URL encoding.');
      }
      const ctx: Ctx = {
        ...base, sim, method: (request.method || 'GET').toUpperCase(), segments, params: url.searchParams, origin, version: '',
        includeEvolvable: /include-unknown-enum-members/i.test(headers.prefer ?? ''), headers, rawBody: request.body,
      };
      return route(ctx);
    } catch (err) {
      if (err instanceof HttpProblem) return err.response;
      // A bug, not a bad request: still an envelope, never a crash.
      return errorResponse(base, 500, 'internalServerError', `The simulator hit an internal error: ${errorText(err)}`);
    }
  };
}

function lowerHeaders(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

// ---------------------------------------------------------------- routing

type Route = { methods: Record<string, (ctx: Ctx, ...ids: string[]) => RestResponse> };

function route(ctx: Ctx): RestResponse {
  const s = ctx.segments;
  if (s[0] === '_simulator') return routeSimulator(ctx, s.slice(1));
  if (s[0] !== 'beta' && s[0] !== 'v1.0') return notImplemented(ctx);
  ctx.version = s[0];
  const rest = s.slice(1);
  if (rest[0] === 'deviceManagement' && rest[1] === 'virtualEndpoint') return routeVirtualEndpoint(ctx, rest.slice(2));
  return routeDirectory(ctx, rest);
}

function dispatch(ctx: Ctx, r: Route, ...ids: string[]): RestResponse {
  const fn = r.methods[ctx.method];
  if (!fn) {
    return errorResponse(ctx, 405, 'methodNotAllowed', `The HTTP method '${ctx.method}' is not allowed on this resource.`, { code: 'MethodNotAllowed' }, { allow: Object.keys(r.methods).join(', ') });
  }
  return fn(ctx, ...ids);
}

function notImplemented(ctx: Ctx): RestResponse {
  return errorResponse(ctx, 501, 'notImplemented', `The simulator does not model '${ctx.method} /${ctx.segments.join('/')}'.`, { code: 'NotImplemented' });
}

function routeVirtualEndpoint(ctx: Ctx, s: string[]): RestResponse {
  const [collection, id, action, ...more] = s;
  if (more.length) return notImplemented(ctx);
  switch (collection) {
    case 'provisioningPolicies':
      if (id === undefined) return dispatch(ctx, { methods: { GET: listPolicies, POST: createPolicy } });
      if (id === 'applyConfig' && action === undefined) return dispatch(ctx, { methods: { POST: applyConfig } });
      if (action === undefined) return dispatch(ctx, { methods: { GET: getPolicy, PATCH: patchPolicy, DELETE: deletePolicy } }, id);
      if (action === 'assignments') return dispatch(ctx, { methods: { GET: listAssignments } }, id);
      if (action === 'assign') return dispatch(ctx, { methods: { POST: assignPolicy } }, id);
      if (action === 'apply') return dispatch(ctx, { methods: { POST: applyPolicy } }, id);
      if (action === 'retry') return dispatch(ctx, { methods: { POST: retryPolicy } }, id);
      return notImplemented(ctx);
    case 'cloudPCs':
      if (id === undefined) return dispatch(ctx, { methods: { GET: listCloudPcs } });
      if (id.startsWith('getProvisionedCloudPCs(') && action === undefined) return dispatch(ctx, { methods: { GET: getProvisionedCloudPcs } }, id);
      if (action === undefined) return dispatch(ctx, { methods: { GET: getCloudPc } }, id);
      if (['reprovision', 'endGracePeriod', 'rename', 'reboot', 'troubleshoot'].includes(action)) return dispatch(ctx, { methods: { POST: cloudPcAction } }, id, action);
      return notImplemented(ctx);
    case 'galleryImages':
    case 'deviceImages':
    case 'onPremisesConnections':
    case 'servicePlans':
    case 'frontLineServicePlans':
    case 'supportedRegions':
    case 'auditEvents':
      if (action !== undefined) return notImplemented(ctx);
      return dispatch(ctx, { methods: { GET: (c) => catalogGet(c, collection, id) } });
    default:
      return notImplemented(ctx);
  }
}

function routeDirectory(ctx: Ctx, s: string[]): RestResponse {
  const [collection, id, sub, sub2, sub3, ...more] = s;
  if (more.length) return notImplemented(ctx);
  if (collection === 'users') {
    if (id === undefined) return dispatch(ctx, { methods: { GET: listUsers, POST: createUser } });
    if (sub === undefined) return dispatch(ctx, { methods: { GET: getUser, DELETE: deleteUser } }, id);
    if (sub === 'assignLicense' && sub2 === undefined) return dispatch(ctx, { methods: { POST: assignLicense } }, id);
    if (sub === 'licenseDetails' && sub2 === undefined) return dispatch(ctx, { methods: { GET: licenseDetails } }, id);
    return notImplemented(ctx);
  }
  if (collection === 'groups') {
    if (id === undefined) return dispatch(ctx, { methods: { GET: listGroups, POST: createGroup } });
    if (sub === undefined) return dispatch(ctx, { methods: { GET: getGroup } }, id);
    if (sub === 'members') {
      if (sub2 === undefined) return dispatch(ctx, { methods: { GET: listMembers } }, id);
      if (sub2 === '$ref' && sub3 === undefined) return dispatch(ctx, { methods: { POST: addMember } }, id);
      if (sub3 === '$ref') return dispatch(ctx, { methods: { DELETE: removeMember } }, id, sub2);
    }
    return notImplemented(ctx);
  }
  if (collection === 'subscribedSkus' && id === undefined) return dispatch(ctx, { methods: { GET: listSkus } });
  return notImplemented(ctx);
}

/**
 * Simulator controls (not Graph), under /_simulator:
 *   GET   /_simulator/clock                          → { now }
 *   POST  /_simulator/clock/advance                  { days?, hours?, minutes?, to? } → { now }; runs everything due
 *   POST  /_simulator/faults                         { kind: 'provisioningFailure', userPrincipalName?, policyId?, count } → 201 fault
 *   GET   /_simulator/faults                         → { value: faults }
 *   POST  /_simulator/reset                          { seed: 'demo' | 'empty' } → { seed, now }
 *   GET   /_simulator/objects                        → rule 10 objects (vNIC, NSG, Entra device, computer account, Intune device) and state
 *   GET   /_simulator/settings, PATCH { stageMinutes?: [createVm, setUp, finish], failureRate?, transitionMinutes? }
 *   PATCH /_simulator/onPremisesConnections/{id}     { healthCheckStatus } → the connection
 *   PATCH /_simulator/galleryImages/{id}             { endDate?, expirationDate?, status? } → the image
 * Optional request header `x-simulator-actor: upn` names the actor recorded in audit events.
 */
function routeSimulator(ctx: Ctx, s: string[]): RestResponse {
  ctx.version = '_simulator';
  const key = s.join('/');
  if (key === 'clock') return dispatch(ctx, { methods: { GET: (c) => jsonResponse(c, 200, { now: c.sim.iso() }) } });
  if (key === 'clock/advance') return dispatch(ctx, { methods: { POST: advanceClock } });
  if (key === 'faults') return dispatch(ctx, { methods: { POST: addFault, GET: (c) => jsonResponse(c, 200, { value: c.sim.faults }) } });
  if (key === 'reset') return dispatch(ctx, { methods: { POST: resetTenant } });
  if (key === 'objects') return dispatch(ctx, { methods: { GET: listObjects } });
  if (key === 'settings') return dispatch(ctx, { methods: { GET: (c) => jsonResponse(c, 200, c.sim.settings), PATCH: patchSettings } });
  if (s[0] === 'onPremisesConnections' && s.length === 2) return dispatch(ctx, { methods: { PATCH: patchConnection } }, s[1]);
  if (s[0] === 'galleryImages' && s.length === 2) return dispatch(ctx, { methods: { PATCH: patchGalleryImage } }, s[1]);
  return notImplemented(ctx);
}

// ---------------------------------------------------------------- helpers

function body(ctx: Ctx, required = true): Record<string, unknown> {
  const text = ctx.rawBody;
  if (text === undefined || text.trim() === '') {
    if (!required) return {};
    throw new HttpProblem(badRequest(ctx, 'The request needs a JSON body.'));
  }
  const parsed = parseBodyObject(text);
  if (parsed.ok) return parsed.value;
  if (parsed.notJson !== undefined) throw new HttpProblem(errorResponse(ctx, 400, 'badRequest', MALFORMED_MESSAGE, { code: 'InvalidJson', message: `The body is not valid JSON: ${parsed.notJson}` }));
  throw new HttpProblem(parsed.prototypeKey !== undefined ? invalidProperties(ctx, [`'${parsed.prototypeKey}' is not a property of any resource.`]) : badRequest(ctx, 'The request body must be a JSON object.'));
}

function onlyKeys(ctx: Ctx, b: Record<string, unknown>, allowed: string[], type: string): void {
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new HttpProblem(invalidProperties(ctx, unknown.map((k) => `'${k}' is not a property of ${type}.`)));
}

function expectType(ctx: Ctx, value: unknown, type: 'string' | 'boolean' | 'number', name: string, optional = true): void {
  if (value === undefined || (optional && value === null)) {
    if (!optional) throw new HttpProblem(invalidProperties(ctx, [`'${name}' is required.`]));
    return;
  }
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value as number))) throw new HttpProblem(invalidProperties(ctx, [`'${name}' must be a ${type}.`]));
}

function query(ctx: Ctx, defaultTop?: number): CollectionQuery {
  const q = parseCollectionQuery(ctx.params, defaultTop);
  if (!q.ok) throw new HttpProblem(badRequest(ctx, q.message));
  return q.value;
}

function result<T>(ctx: Ctx, r: SimResult<T>, onOk: (v: T) => RestResponse): RestResponse {
  if (r.ok) return onOk(r.value);
  const e = r.error;
  if (e.innerCode) return errorResponse(ctx, e.status, e.code, e.status === 400 ? MALFORMED_MESSAGE : e.message, { code: e.innerCode, message: e.message });
  return errorResponse(ctx, e.status, e.code, e.message);
}

function notFound(ctx: Ctx, type: string, id: string): RestResponse {
  return errorResponse(ctx, 404, 'ResourceNotFound', `No ${type} with id '${id}' exists.`, { code: 'ResourceNotFound', message: `No ${type} with id '${id}' exists.` });
}

function contextUrl(ctx: Ctx, entitySet: string, select?: string[], entity = false): string {
  return `${ctx.origin}/${ctx.version}/$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

/**
 * A collection page. Without $filter/$orderby/$search only the page's records are converted, so paging
 * through 10,000 Cloud PCs costs per page, not per tenant.
 */
function collection<R>(ctx: Ctx, entitySet: string, records: readonly R[], toGraph: (r: R) => object, q: CollectionQuery, toJson?: (r: R) => string): RestResponse {
  let rows: Record<string, unknown>[] | undefined;
  let total = records.length;
  if (q.filter || q.orderBy || q.search) {
    rows = records.map((r) => toGraph(r) as Record<string, unknown>);
    if (q.search) {
      const { property, term } = q.search;
      rows = rows.filter((x) => typeof x[property] === 'string' && (x[property] as string).toLowerCase().split(/[\s\-_.@]+/).some((w) => w.startsWith(term) || (x[property] as string).toLowerCase().startsWith(term)));
    }
    if (q.filter) rows = rows.filter(q.filter);
    if (q.orderBy) rows.sort(compareBy(q.orderBy));
    total = rows.length;
  }
  const end = q.top !== undefined ? Math.min(total, q.skip + q.top) : total;
  const out: Record<string, unknown> = { '@odata.context': contextUrl(ctx, entitySet, q.select) };
  if (q.count) out['@odata.count'] = total;
  if (end < total) {
    const params = new URLSearchParams(ctx.params);
    params.delete('$skiptoken');
    params.delete('$skip');
    params.set('$skiptoken', encodeSkipToken(end));
    out['@odata.nextLink'] = `${ctx.origin}/${ctx.version}/${ctx.segments.slice(1).join('/')}?${params.toString().replace(/%24/g, '$').replace(/%2C/gi, ',')}`;
  }
  if (!rows && !q.select && toJson) {
    // One join over the records' texts (cached per Cloud PC): the body comes out flat, no rope for the client's parse to flatten.
    const head = JSON.stringify(out);
    const parts: string[] = [`${head.slice(0, -1)},"value":[`];
    for (let i = q.skip; i < end; i++) {
      if (i > q.skip) parts.push(',');
      parts.push(toJson(records[i]));
    }
    parts.push(']}');
    return jsonTextResponse(ctx, 200, parts.join(''));
  }
  const page: Record<string, unknown>[] = [];
  for (let i = q.skip; i < end; i++) page.push(applySelect(rows ? rows[i] : (toGraph(records[i]) as Record<string, unknown>), q.select));
  out.value = page;
  return jsonResponse(ctx, 200, out);
}

function entity(ctx: Ctx, entitySet: string, value: object, q?: CollectionQuery): RestResponse {
  const body = applySelect(value as Record<string, unknown>, q?.select);
  return jsonResponse(ctx, 200, { '@odata.context': contextUrl(ctx, entitySet, q?.select, true), ...body });
}

// ---------------------------------------------------------------- provisioning policies

function expandsAssignments(q: CollectionQuery): boolean {
  return q.expand.some((e) => e === 'assignments' || e.startsWith('assignments('));
}

function listPolicies(ctx: Ctx): RestResponse {
  const q = query(ctx);
  const expand = expandsAssignments(q);
  if (q.select && expand && !q.select.includes('assignments')) q.select = [...q.select, 'assignments'];
  return collection(ctx, `${VE}/provisioningPolicies`, [...ctx.sim.policies.values()], (p) => toGraphPolicy(p, expand, ctx.includeEvolvable), q);
}

function getPolicy(ctx: Ctx, id: string): RestResponse {
  const q = query(ctx);
  const p = ctx.sim.policies.get(id);
  if (!p) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  const expand = expandsAssignments(q);
  if (q.select && expand && !q.select.includes('assignments')) q.select = [...q.select, 'assignments'];
  return entity(ctx, `${VE}/provisioningPolicies`, toGraphPolicy(p, expand, ctx.includeEvolvable), q);
}

function policyContext(ctx: Ctx): { regionNames: Set<string>; connectionIds: Set<string> } {
  return { regionNames: new Set(ctx.sim.catalog.supportedRegions.map((r) => r.id)), connectionIds: new Set(ctx.sim.connections.keys()) };
}

function createPolicy(ctx: Ctx): RestResponse {
  const b = body(ctx);
  const checked = checkPolicyBody(ctx.rawBody ?? '', b, false, policyContext(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  return result(ctx, ctx.sim.createPolicy(checked.fields as Parameters<Simulator['createPolicy']>[0], actor(ctx)), (rec) =>
    jsonResponse(ctx, 201, { '@odata.context': contextUrl(ctx, `${VE}/provisioningPolicies`, undefined, true), ...toGraphPolicy(rec, false, ctx.includeEvolvable) },
      { location: `${ctx.origin}/${ctx.version}/${VE}/provisioningPolicies/${rec.policy.id}` }));
}

function patchPolicy(ctx: Ctx, id: string): RestResponse {
  if (!ctx.sim.policies.has(id)) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  const b = body(ctx);
  const checked = checkPolicyBody(ctx.rawBody ?? '', b, true, policyContext(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  // cloudApp requires Frontline shared, checked against the stored type on PATCH (docs/rules.md CPC301).
  const stored = ctx.sim.policies.get(id)!.policy;
  if (checked.fields.userExperienceType === 'cloudApp' && !isFrontlineSharedType(checked.fields.provisioningType ?? stored.provisioningType)) {
    return invalidProperties(ctx, ["userExperienceType 'cloudApp' requires provisioningType 'sharedByEntraGroup'."]);
  }
  return result(ctx, ctx.sim.updatePolicy(id, checked.fields, actor(ctx)), () => emptyResponse(ctx, 204));
}

function deletePolicy(ctx: Ctx, id: string): RestResponse {
  return result(ctx, ctx.sim.deletePolicy(id, actor(ctx)), () => emptyResponse(ctx, 204));
}

function listAssignments(ctx: Ctx, id: string): RestResponse {
  const p = ctx.sim.policies.get(id);
  if (!p) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  return collection(ctx, `${VE}/provisioningPolicies('${id}')/assignments`, p.assignments, (a) => toGraphAssignment(id, a), query(ctx));
}

function assignPolicy(ctx: Ctx, id: string): RestResponse {
  if (!ctx.sim.policies.has(id)) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  const checked = checkAssignBody(body(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  return result(ctx, ctx.sim.assignPolicy(id, checked.targets, actor(ctx)), () => emptyResponse(ctx, 204));
}

function parseSettings(ctx: Ctx, value: unknown): CloudPcPolicySettingType[] {
  if (value === undefined || value === null) return ['region']; // defaults to region when omitted (graph-facts A.1)
  // A flags enum in some SDKs: accept "region,singleSignOn" as well as one member.
  const parts = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
  if (!parts.length || parts.some((p) => !(CLOUD_PC_POLICY_SETTING_TYPES as readonly string[]).includes(p) || p === 'unknownFutureValue')) {
    throw new HttpProblem(invalidProperties(ctx, ["'policySettings' must be 'region' or 'singleSignOn'."]));
  }
  return parts as CloudPcPolicySettingType[];
}

function applyPolicy(ctx: Ctx, id: string): RestResponse {
  const rec = ctx.sim.policies.get(id);
  if (!rec) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  const b = body(ctx, false);
  onlyKeys(ctx, b, ['policySettings', 'reservePercentage', 'isForceUserLogoffEnabled'], 'the apply action');
  const settings = parseSettings(ctx, b.policySettings);
  expectType(ctx, b.reservePercentage, 'number', 'reservePercentage');
  expectType(ctx, b.isForceUserLogoffEnabled, 'boolean', 'isForceUserLogoffEnabled');
  const problem = applyOptionsProblem(rec.policy.provisioningType, b.reservePercentage, b.isForceUserLogoffEnabled);
  if (problem) return invalidProperties(ctx, [problem]);
  let changed = b.reservePercentage === 0 ? reprovisionPool(ctx.sim, id) : 0;
  if (b.reservePercentage !== 0) for (const cid of [...(ctx.sim.cloudPcsByPolicy.get(id) ?? [])]) {
    for (const s of settings) if (applyPolicySetting(ctx.sim, ctx.sim.cloudPcs.get(cid)!, s)) changed++;
  }
  ctx.sim.audit('Apply provisioning policy', 'ApplyProvisioningPolicy', 'patch', { id, displayName: rec.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'policySettings', oldValue: null, newValue: settings.join(',') }, { displayName: 'cloudPcsChanged', oldValue: null, newValue: String(changed) }], actor(ctx));
  return emptyResponse(ctx, 204);
}

function applyConfig(ctx: Ctx): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['cloudPcIds', 'policySettings'], 'the applyConfig action');
  if (!Array.isArray(b.cloudPcIds) || b.cloudPcIds.some((x) => typeof x !== 'string')) return invalidProperties(ctx, ["'cloudPcIds' must be an array of strings."]);
  const settings = parseSettings(ctx, b.policySettings);
  const missing = (b.cloudPcIds as string[]).filter((id) => !ctx.sim.cloudPcs.has(id));
  if (missing.length) return errorResponse(ctx, 404, 'ResourceNotFound', `No Cloud PC with id ${missing.map((m) => `'${m}'`).join(', ')} exists.`, { code: 'ResourceNotFound' });
  for (const id of b.cloudPcIds as string[]) for (const s of settings) applyPolicySetting(ctx.sim, ctx.sim.cloudPcs.get(id)!, s);
  ctx.sim.audit('Apply provisioning policy configuration', 'ApplyConfig', 'patch', { id: 'applyConfig', displayName: null, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'cloudPcIds', oldValue: null, newValue: JSON.stringify(b.cloudPcIds) }], actor(ctx));
  return emptyResponse(ctx, 204);
}

function retryPolicy(ctx: Ctx, id: string): RestResponse {
  const rec = ctx.sim.policies.get(id);
  if (!rec) return notFound(ctx, 'cloudPcProvisioningPolicy', id);
  const b = body(ctx, false);
  onlyKeys(ctx, b, [], 'the retry action');
  let retried = 0;
  for (const cid of [...(ctx.sim.cloudPcsByPolicy.get(id) ?? [])]) if (retryFailed(ctx.sim, ctx.sim.cloudPcs.get(cid)!)) retried++;
  ctx.sim.audit('Retry provisioning policy', 'RetryProvisioningPolicy', 'patch', { id, displayName: rec.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'cloudPcsRetried', oldValue: null, newValue: String(retried) }], actor(ctx));
  // 202 Accepted per the current docs (graph-facts A.1 ⚠ older text says 204).
  return emptyResponse(ctx, 202);
}

// ---------------------------------------------------------------- Cloud PCs

/** The Cloud PC array, rebuilt only when the tenant changed: paging 10,000 Cloud PCs copies it once, not per page. */
let cachedList: { version: number; sim: Simulator; list: CloudPcRecord[] } | undefined;

function cloudPcRecords(sim: Simulator): CloudPcRecord[] {
  if (!cachedList || cachedList.sim !== sim || cachedList.version !== sim.version) cachedList = { version: sim.version, sim, list: [...sim.cloudPcs.values()] };
  return cachedList.list;
}

function listCloudPcs(ctx: Ctx): RestResponse {
  return collection(ctx, `${VE}/cloudPCs`, cloudPcRecords(ctx.sim), (c) => toGraphCloudPc(ctx.sim, c, ctx.includeEvolvable), query(ctx), (c) => cloudPcJson(ctx.sim, c, ctx.includeEvolvable));
}

function getCloudPc(ctx: Ctx, id: string): RestResponse {
  const q = query(ctx);
  const c = ctx.sim.cloudPcs.get(id);
  if (!c) return notFound(ctx, 'cloudPC', id);
  return entity(ctx, `${VE}/cloudPCs`, toGraphCloudPc(ctx.sim, c, ctx.includeEvolvable), q);
}

function getProvisionedCloudPcs(ctx: Ctx, call: string): RestResponse {
  const m = /^getProvisionedCloudPCs\(groupId='([^']*)',servicePlanId='([^']*)'\)$/.exec(call);
  if (!m) return badRequest(ctx, "Use getProvisionedCloudPCs(groupId='{groupId}',servicePlanId='{servicePlanId}').");
  const [, groupId, servicePlanId] = m;
  if (!ctx.sim.groups.has(groupId)) return notFound(ctx, 'group', groupId);
  const members = ctx.sim.groupMembers.get(groupId) ?? new Set<string>();
  const list = cloudPcRecords(ctx.sim).filter((c) => (c.status === 'provisioned' || c.status === 'provisionedWithWarnings') && c.servicePlanId === servicePlanId && (c.groupId === groupId || (c.userId !== null && members.has(c.userId))));
  return collection(ctx, `${VE}/cloudPCs`, list, (c) => toGraphCloudPc(ctx.sim, c, ctx.includeEvolvable), query(ctx));
}

function cloudPcAction(ctx: Ctx, id: string, action: string): RestResponse {
  const sim = ctx.sim;
  const c = sim.cloudPcs.get(id);
  if (!c) return notFound(ctx, 'cloudPC', id);
  const b = body(ctx, false);
  const res = { id, displayName: c.displayName, type: 'cloudPC' };
  switch (action) {
    case 'reprovision': {
      onlyKeys(ctx, b, ['osVersion', 'userAccountType'], 'the reprovision action');
      if (b.osVersion !== undefined && b.osVersion !== null && !(CLOUD_PC_OPERATING_SYSTEMS as readonly unknown[]).includes(b.osVersion)) return invalidProperties(ctx, ["'osVersion' must be windows10 or windows11."]);
      if (b.userAccountType !== undefined && b.userAccountType !== null && !(CLOUD_PC_USER_ACCOUNT_TYPES as readonly unknown[]).includes(b.userAccountType)) return invalidProperties(ctx, ["'userAccountType' must be standardUser or administrator."]);
      const oldName = c.deviceName;
      return result(ctx, reprovision(sim, c, b as { osVersion?: null; userAccountType?: null }), () => {
        sim.audit('Reprovision Cloud PC', 'ReprovisionCloudPc', 'patch', res, [{ displayName: 'managedDeviceName', oldValue: oldName, newValue: c.deviceName }], actor(ctx));
        return emptyResponse(ctx, 204);
      });
    }
    case 'endGracePeriod':
      onlyKeys(ctx, b, [], 'the endGracePeriod action');
      return result(ctx, endGracePeriod(sim, c), () => {
        sim.audit('End Cloud PC grace period', 'EndGracePeriod', 'delete', res, [], actor(ctx));
        return emptyResponse(ctx, 204);
      });
    case 'rename': {
      onlyKeys(ctx, b, ['displayName'], 'the rename action');
      const name = b.displayName;
      if (typeof name !== 'string' || !name.trim() || name.length > 64) return invalidProperties(ctx, ["'displayName' must be a string of 1 to 64 characters."]);
      const old = c.displayName;
      c.displayName = name;
      c.lastModified = sim.now();
      sim.emit('cloudPc', id, 'updated');
      sim.audit('Rename Cloud PC', 'RenameCloudPc', 'patch', { ...res, displayName: name }, [{ displayName: 'displayName', oldValue: old, newValue: name }], actor(ctx));
      return emptyResponse(ctx, 204);
    }
    default: {
      onlyKeys(ctx, b, [], `the ${action} action`);
      if (c.status !== 'provisioned' && c.status !== 'provisionedWithWarnings') {
        return errorResponse(ctx, 400, 'badRequest', MALFORMED_MESSAGE, { code: 'InvalidCloudPcStatus', message: `The Cloud PC '${c.displayName}' is ${c.status}; ${action} needs a provisioned Cloud PC.` });
      }
      sim.audit(action === 'reboot' ? 'Reboot Cloud PC' : 'Troubleshoot Cloud PC', action === 'reboot' ? 'RebootCloudPc' : 'TroubleshootCloudPc', 'patch', res, [], actor(ctx));
      return emptyResponse(ctx, 204);
    }
  }
}

// ---------------------------------------------------------------- catalog lookups

function catalogGet(ctx: Ctx, collectionName: string, id: string | undefined): RestResponse {
  const sim = ctx.sim;
  const q = query(ctx);
  const rows: { id: string }[] =
    collectionName === 'galleryImages' ? sim.catalog.galleryImages
      : collectionName === 'deviceImages' ? sim.catalog.deviceImages
        : collectionName === 'onPremisesConnections' ? [...sim.connections.values()]
          : collectionName === 'servicePlans' ? sim.catalog.servicePlans
            : collectionName === 'frontLineServicePlans' ? sim.frontlineServicePlans()
              : collectionName === 'supportedRegions' ? sim.catalog.supportedRegions.map((r) => toGraphRegion(r, ctx.includeEvolvable))
              : sim.auditEvents;
  // healthCheckStatusDetail only when $select names it, as Graph does (docs/simulator.md, "Catalog").
  const detail = q.select?.includes('healthCheckStatusDetail');
  const shape = (r: { id: string }) => (collectionName === 'onPremisesConnections'
    ? { ...r, inUse: isConnectionInUse(sim, r.id), ...(detail ? { healthCheckStatusDetail: healthCheckStatusDetail(r as CloudPcOnPremisesConnection, new Date(sim.now()).toISOString()) } : {}) }
    : r);
  if (id === undefined) return collection(ctx, `${VE}/${collectionName}`, rows, shape, q);
  // Gallery image ids compare case-insensitively (graph-facts C.4).
  const found = rows.find((r) => r.id === id || (collectionName === 'galleryImages' && r.id.toLowerCase() === id.toLowerCase()));
  if (!found) return notFound(ctx, collectionName.replace(/s$/, ''), id);
  return entity(ctx, `${VE}/${collectionName}`, shape(found), q);
}

function isConnectionInUse(sim: Simulator, id: string): boolean {
  for (const p of sim.policies.values()) if ((p.policy.domainJoinConfigurations ?? []).some((d) => d.onPremisesConnectionId === id)) return true;
  return false;
}

// ---------------------------------------------------------------- directory (v1.0 shapes)

const USER_FIELDS = ['accountEnabled', 'displayName', 'mailNickname', 'userPrincipalName', 'passwordProfile', 'givenName', 'surname', 'jobTitle', 'department', 'usageLocation', 'mail', 'id', '@odata.type'];

function listUsers(ctx: Ctx): RestResponse {
  return collection(ctx, 'users', [...ctx.sim.users.values()], toGraphUser, query(ctx, 100));
}

function getUser(ctx: Ctx, id: string): RestResponse {
  const q = query(ctx);
  const u = ctx.sim.users.get(id) ?? ctx.sim.users.get(ctx.sim.upnIndex.get(id.toLowerCase()) ?? '');
  if (!u) return errorResponse(ctx, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  return entity(ctx, 'users', toGraphUser(u), q);
}

function createUser(ctx: Ctx): RestResponse {
  const b = body(ctx);
  const unknown = Object.keys(b).filter((k) => !USER_FIELDS.includes(k));
  if (unknown.length) return errorResponse(ctx, 400, 'Request_BadRequest', `Property '${unknown[0]}' does not exist on type 'microsoft.graph.user'.`);
  for (const k of ['displayName', 'userPrincipalName', 'mailNickname', 'givenName', 'surname', 'jobTitle', 'department', 'usageLocation']) expectType(ctx, b[k], 'string', k);
  expectType(ctx, b.accountEnabled, 'boolean', 'accountEnabled');
  if (typeof b.displayName !== 'string' || !b.displayName.trim()) return errorResponse(ctx, 400, 'Request_BadRequest', "Invalid value specified for property 'displayName' of resource 'User'.");
  if (typeof b.userPrincipalName !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.userPrincipalName)) return errorResponse(ctx, 400, 'Request_BadRequest', "Invalid value specified for property 'userPrincipalName' of resource 'User'.");
  return result(ctx, ctx.sim.createUser(b as Parameters<Simulator['createUser']>[0] & { id?: undefined }), (u) => {
    ctx.sim.audit('Create user', 'CreateUser', 'create', { id: u.id, displayName: u.displayName, type: 'user' }, [], actor(ctx));
    return jsonResponse(ctx, 201, { '@odata.context': contextUrl(ctx, 'users', undefined, true), ...toGraphUser(u) });
  });
}

function deleteUser(ctx: Ctx, id: string): RestResponse {
  const u = ctx.sim.users.get(id);
  return result(ctx, ctx.sim.deleteUser(id), () => {
    ctx.sim.audit('Delete user', 'DeleteUser', 'delete', { id, displayName: u?.displayName ?? null, type: 'user' }, [], actor(ctx));
    return emptyResponse(ctx, 204);
  });
}

function assignLicense(ctx: Ctx, id: string): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['addLicenses', 'removeLicenses'], 'the assignLicense action');
  if (!Array.isArray(b.addLicenses) || !Array.isArray(b.removeLicenses)) return errorResponse(ctx, 400, 'Request_BadRequest', "Both 'addLicenses' and 'removeLicenses' are required arrays.");
  const add: string[] = [];
  for (const l of b.addLicenses) {
    if (!l || typeof l !== 'object' || typeof (l as { skuId?: unknown }).skuId !== 'string') return errorResponse(ctx, 400, 'Request_BadRequest', "Each of 'addLicenses' needs a skuId string.");
    add.push((l as { skuId: string }).skuId);
  }
  if (b.removeLicenses.some((x: unknown) => typeof x !== 'string')) return errorResponse(ctx, 400, 'Request_BadRequest', "'removeLicenses' must be an array of skuId strings.");
  return result(ctx, ctx.sim.assignLicense(id, add, b.removeLicenses as string[]), (u) => {
    ctx.sim.audit('Change user license', 'AssignLicense', 'patch', { id, displayName: u.displayName, type: 'user' },
      [{ displayName: 'assignedLicenses', oldValue: null, newValue: JSON.stringify(u.licenses) }], actor(ctx));
    return jsonResponse(ctx, 200, { '@odata.context': contextUrl(ctx, 'users', undefined, true), ...toGraphUser(u) });
  });
}

function licenseDetails(ctx: Ctx, id: string): RestResponse {
  const u = ctx.sim.users.get(id);
  if (!u) return errorResponse(ctx, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  const skus = u.licenses.map((s) => ctx.sim.skus.get(s)).filter((s): s is NonNullable<typeof s> => !!s);
  return collection(ctx, `users('${id}')/licenseDetails`, skus, toLicenseDetails, query(ctx));
}

function listSkus(ctx: Ctx): RestResponse {
  return collection(ctx, 'subscribedSkus', [...ctx.sim.skus.values()], toGraphSku, query(ctx));
}

function listGroups(ctx: Ctx): RestResponse {
  return collection(ctx, 'groups', [...ctx.sim.groups.values()], (g) => toGraphGroup(ctx.sim, g), query(ctx, 100));
}

function getGroup(ctx: Ctx, id: string): RestResponse {
  const q = query(ctx);
  const g = ctx.sim.groups.get(id);
  if (!g) return errorResponse(ctx, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  return entity(ctx, 'groups', toGraphGroup(ctx.sim, g), q);
}

function createGroup(ctx: Ctx): RestResponse {
  const b = body(ctx);
  const allowed = ['displayName', 'description', 'mailNickname', 'mailEnabled', 'securityEnabled', 'groupTypes', 'id', '@odata.type'];
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length) return errorResponse(ctx, 400, 'Request_BadRequest', `Property '${unknown[0]}' does not exist on type 'microsoft.graph.group'.`);
  for (const k of ['displayName', 'description', 'mailNickname']) expectType(ctx, b[k], 'string', k);
  for (const k of ['mailEnabled', 'securityEnabled']) expectType(ctx, b[k], 'boolean', k);
  if (b.groupTypes !== undefined && (!Array.isArray(b.groupTypes) || b.groupTypes.some((x) => typeof x !== 'string'))) return errorResponse(ctx, 400, 'Request_BadRequest', "'groupTypes' must be an array of strings.");
  if (typeof b.displayName !== 'string' || !b.displayName.trim()) return errorResponse(ctx, 400, 'Request_BadRequest', "Invalid value specified for property 'displayName' of resource 'Group'.");
  return result(ctx, ctx.sim.createGroup({ ...(b as Parameters<Simulator['createGroup']>[0]), id: undefined }), (g) => {
    ctx.sim.audit('Create group', 'CreateGroup', 'create', { id: g.id, displayName: g.displayName, type: 'group' }, [], actor(ctx));
    return jsonResponse(ctx, 201, { '@odata.context': contextUrl(ctx, 'groups', undefined, true), ...toGraphGroup(ctx.sim, g) });
  });
}

function listMembers(ctx: Ctx, id: string): RestResponse {
  const g = ctx.sim.groups.get(id);
  if (!g) return errorResponse(ctx, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  const sim = ctx.sim;
  const rows = g.members.map((m) => (sim.users.has(m) ? toGraphUser(sim.users.get(m)!) : sim.groups.has(m) ? toGraphGroup(sim, sim.groups.get(m)!) : undefined)).filter((x) => !!x);
  return collection(ctx, 'directoryObjects', rows, (r) => r, query(ctx, 100));
}

function addMember(ctx: Ctx, id: string): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['@odata.id'], 'a reference');
  const ref = b['@odata.id'];
  const m = typeof ref === 'string' ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)\/?$/.exec(ref) : null;
  if (!m) return errorResponse(ctx, 400, 'Request_BadRequest', "'@odata.id' must be a directoryObjects URL, e.g. https://graph.microsoft.com/v1.0/directoryObjects/{id}.");
  const memberId = decodeComponent(m[1]);
  if (memberId === undefined) return errorResponse(ctx, 400, 'Request_BadRequest', "'@odata.id' has a malformed percent-escape.");
  return result(ctx, ctx.sim.addMember(id, memberId), () => {
    ctx.sim.audit('Add member to group', 'AddGroupMember', 'patch', { id, displayName: ctx.sim.groups.get(id)?.displayName ?? null, type: 'group' },
      [{ displayName: 'members', oldValue: null, newValue: memberId }], actor(ctx));
    return emptyResponse(ctx, 204);
  });
}

function removeMember(ctx: Ctx, id: string, memberId: string): RestResponse {
  return result(ctx, ctx.sim.removeMember(id, memberId), () => {
    ctx.sim.audit('Remove member from group', 'RemoveGroupMember', 'patch', { id, displayName: ctx.sim.groups.get(id)?.displayName ?? null, type: 'group' },
      [{ displayName: 'members', oldValue: memberId, newValue: null }], actor(ctx));
    return emptyResponse(ctx, 204);
  });
}

// ---------------------------------------------------------------- /_simulator controls (not Graph)

function advanceClock(ctx: Ctx): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['days', 'hours', 'minutes', 'to'], 'clock/advance');
  let ms = 0;
  for (const [k, unit] of [['days', DAY], ['hours', HOUR], ['minutes', MINUTE]] as const) {
    const v = b[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 3660) return invalidProperties(ctx, [`'${k}' must be a number from 0 to 3660.`]);
    ms += v * unit;
  }
  if (b.to !== undefined) {
    const t = typeof b.to === 'string' ? Date.parse(b.to) : NaN;
    if (!Number.isFinite(t) || t < ctx.sim.now()) return invalidProperties(ctx, ["'to' must be an ISO date-time not before the current simulated time."]);
    ms = Math.max(ms, t - ctx.sim.now());
  }
  if (ctx.sim.now() + ms > MAX_SIMULATED_TIME) return invalidProperties(ctx, ['The simulated clock cannot pass 9999-12-31T23:59:59Z.']);
  ctx.sim.advanceBy(ms);
  return jsonResponse(ctx, 200, { now: ctx.sim.iso() });
}

function addFault(ctx: Ctx): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['kind', 'userPrincipalName', 'policyId', 'count'], 'a fault');
  if (b.kind !== 'provisioningFailure') return invalidProperties(ctx, ["'kind' must be 'provisioningFailure'."]);
  expectType(ctx, b.userPrincipalName, 'string', 'userPrincipalName');
  expectType(ctx, b.policyId, 'string', 'policyId');
  const count = b.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100000) return invalidProperties(ctx, ["'count' must be a whole number from 1 to 100000."]);
  const fault = ctx.sim.addFault({ userPrincipalName: b.userPrincipalName as string | undefined, policyId: b.policyId as string | undefined, count });
  return jsonResponse(ctx, 201, fault);
}

function resetTenant(ctx: Ctx): RestResponse {
  const b = body(ctx, false);
  onlyKeys(ctx, b, ['seed'], 'reset');
  const seed = (b.seed ?? 'demo') as SeedKind;
  if (seed !== 'demo' && seed !== 'empty') return invalidProperties(ctx, ["'seed' must be 'demo' or 'empty'."]);
  ctx.sim.load(createSeedData(seed));
  return jsonResponse(ctx, 200, { seed, now: ctx.sim.iso() });
}

function listObjects(ctx: Ctx): RestResponse {
  const sim = ctx.sim;
  // Objects of Cloud PCs in use, then those released and awaiting (or past) cleanup.
  const live = [...sim.cloudPcs.values()].map((c) => liveFootprint(sim, c)).filter((f) => f !== undefined);
  const rows = [...live, ...sim.footprints.values()].flatMap((f) => footprintObjects(sim, f));
  return collection(ctx, '_simulator/objects', rows, (r) => r, query(ctx));
}

function patchConnection(ctx: Ctx, id: string): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['healthCheckStatus'], 'a connection patch');
  if (!(CLOUD_PC_HEALTH_CHECK_STATUSES as readonly unknown[]).includes(b.healthCheckStatus)) return invalidProperties(ctx, [`'healthCheckStatus' must be one of ${CLOUD_PC_HEALTH_CHECK_STATUSES.join(', ')}.`]);
  return result(ctx, ctx.sim.setConnectionHealth(id, b.healthCheckStatus as never), (anc) => jsonResponse(ctx, 200, anc));
}

function patchGalleryImage(ctx: Ctx, id: string): RestResponse {
  const image = ctx.sim.catalog.galleryImages.find((i) => i.id.toLowerCase() === id.toLowerCase());
  if (!image) return notFound(ctx, 'galleryImage', id);
  const b = body(ctx);
  onlyKeys(ctx, b, ['endDate', 'expirationDate', 'status'], 'a gallery image patch');
  for (const k of ['endDate', 'expirationDate'] as const) {
    if (b[k] === undefined) continue;
    if (b[k] !== null && (typeof b[k] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(b[k] as string))) return invalidProperties(ctx, [`'${k}' must be YYYY-MM-DD or null.`]);
  }
  if (b.status !== undefined && !(CLOUD_PC_GALLERY_IMAGE_STATUSES as readonly unknown[]).includes(b.status)) return invalidProperties(ctx, ["'status' is not a gallery image status."]);
  Object.assign(image, b);
  ctx.sim.emit('tenant', image.id, 'updated');
  return jsonResponse(ctx, 200, image);
}

function patchSettings(ctx: Ctx): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['stageMinutes', 'failureRate', 'transitionMinutes'], 'settings');
  if (b.stageMinutes !== undefined && (!Array.isArray(b.stageMinutes) || b.stageMinutes.length !== 3 || b.stageMinutes.some((m) => typeof m !== 'number' || !(m > 0) || m > 10000))) {
    return invalidProperties(ctx, ["'stageMinutes' must be three positive numbers (create VM, set up for user, finish)."]);
  }
  if (b.failureRate !== undefined && (typeof b.failureRate !== 'number' || !(b.failureRate >= 0 && b.failureRate <= 1))) return invalidProperties(ctx, ["'failureRate' must be from 0 to 1."]);
  if (b.transitionMinutes !== undefined && (typeof b.transitionMinutes !== 'number' || !(b.transitionMinutes > 0) || b.transitionMinutes > 10000)) return invalidProperties(ctx, ["'transitionMinutes' must be a positive number."]);
  return jsonResponse(ctx, 200, ctx.sim.updateSettings(b as never));
}

function actor(ctx: Ctx): { userPrincipalName: string; ipAddress?: string } {
  return { userPrincipalName: ctx.headers['x-simulator-actor'] || 'admin@contoso.onmicrosoft.com', ipAddress: ctx.headers['x-forwarded-for'] };
}
