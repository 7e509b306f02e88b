// Provisioning policies over REST: list, get, create, update, delete, assignments, assign, apply, applyConfig,
// retry. Each handler parses the request, calls one model method and shapes the answer (docs/simulator.md
// "The Graph contract"); request bodies are checked by the editor's own rules (policyRequestCheck).
import type { RestResponse } from '../../model/rest';
import type { CloudPcPolicySettingType } from '../../model/provisioningPolicy';
import { CLOUD_PC_POLICY_SETTING_TYPES } from '../../model/provisioningPolicy';
import { isFrontlineSharedType } from '../../model/provisioningKind';
import type { Simulator } from '../simulator';
import type { CollectionQuery } from './odataQuery';
import { jsonResponse, emptyResponse, errorResponse, invalidProperties } from './graphResponses';
import { toGraphPolicy, toGraphAssignment } from './graphShapes';
import { checkPolicyBody, patchResultProblems } from './policyRequestCheck';
import type { PolicyCheckContext } from './policyRequestCheck';
import { checkAssignBody } from './assignRequestCheck';
import { applyOptionsProblem } from './applyRequestCheck';
import type { RestContext } from './restContext';
import { HttpProblem, body, onlyKeys, expectType, result, notFound, actor } from './restContext';
import { collection, entity, contextUrl, query } from './odataCollection';
import type { RouteParams } from './router';

export const VIRTUAL_ENDPOINT = 'deviceManagement/virtualEndpoint';
const POLICIES = `${VIRTUAL_ENDPOINT}/provisioningPolicies`;
const POLICY = 'cloudPcProvisioningPolicy';

/** `$expand=assignments` adds them; with `$select` they are selected too. */
function expandsAssignments(q: CollectionQuery): boolean {
  const expand = q.expand.some((e) => e === 'assignments' || e.startsWith('assignments('));
  if (q.select && expand && !q.select.includes('assignments')) q.select = [...q.select, 'assignments'];
  return expand;
}

export function listPolicies(ctx: RestContext): RestResponse {
  const q = query(ctx);
  const expand = expandsAssignments(q);
  return collection(
    ctx,
    POLICIES,
    [...ctx.sim.policies.values()],
    (p) => toGraphPolicy(p, expand, ctx.includeEvolvable),
    q,
  );
}

export function getPolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  const q = query(ctx);
  const p = ctx.sim.policies.get(id);
  if (!p) return notFound(ctx, POLICY, id);
  return entity(ctx, POLICIES, toGraphPolicy(p, expandsAssignments(q), ctx.includeEvolvable), q);
}

function policyContext(ctx: RestContext): PolicyCheckContext {
  return {
    regionNames: new Set(ctx.sim.catalog.supportedRegions.map((r) => r.id)),
    regionGroups: new Map(ctx.sim.catalog.supportedRegions.map((r) => [r.id, r.regionGroup])),
    connectionIds: new Set(ctx.sim.connections.keys()),
  };
}

export function createPolicy(ctx: RestContext): RestResponse {
  const b = body(ctx);
  const checked = checkPolicyBody(ctx.rawBody ?? '', b, false, policyContext(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  return result(
    ctx,
    ctx.sim.createPolicy(checked.fields as Parameters<Simulator['createPolicy']>[0], actor(ctx)),
    (rec) =>
      jsonResponse(
        ctx,
        201,
        {
          '@odata.context': contextUrl(ctx, POLICIES, undefined, true),
          ...toGraphPolicy(rec, false, ctx.includeEvolvable),
        },
        { location: `${ctx.origin}/${ctx.version}/${POLICIES}/${rec.policy.id}` },
      ),
  );
}

export function patchPolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  const stored = ctx.sim.policies.get(id)?.policy;
  if (!stored) return notFound(ctx, POLICY, id);
  const checked = checkPolicyBody(ctx.rawBody ?? '', body(ctx), true, policyContext(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  // cloudApp requires Frontline shared, checked against the stored type on PATCH (docs/rules.md CPC301).
  if (
    checked.fields.userExperienceType === 'cloudApp' &&
    !isFrontlineSharedType(checked.fields.provisioningType ?? stored.provisioningType)
  ) {
    return invalidProperties(ctx, ["userExperienceType 'cloudApp' requires provisioningType 'sharedByEntraGroup'."]);
  }
  const produced = patchResultProblems(stored, checked.fields);
  if (produced.length) return invalidProperties(ctx, produced);
  return result(ctx, ctx.sim.updatePolicy(id, checked.fields, actor(ctx)), () => emptyResponse(ctx, 204));
}

export function deletePolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  return result(ctx, ctx.sim.deletePolicy(id, actor(ctx)), () => emptyResponse(ctx, 204));
}

export function listAssignments(ctx: RestContext, { id }: RouteParams): RestResponse {
  const p = ctx.sim.policies.get(id);
  if (!p) return notFound(ctx, POLICY, id);
  return collection(
    ctx,
    `${POLICIES}('${id}')/assignments`,
    p.assignments,
    (a) => toGraphAssignment(id, a),
    query(ctx),
  );
}

export function assignPolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  if (!ctx.sim.policies.has(id)) return notFound(ctx, POLICY, id);
  const checked = checkAssignBody(body(ctx));
  if (!checked.ok) return invalidProperties(ctx, checked.messages);
  return result(ctx, ctx.sim.assignPolicy(id, checked.targets, actor(ctx)), () => emptyResponse(ctx, 204));
}

/** `policySettings` defaults to region when omitted (docs/service-facts.md "Endpoints and paging"). */
function parseSettings(ctx: RestContext, value: unknown): CloudPcPolicySettingType[] {
  if (value === undefined || value === null) return ['region'];
  // A flags enum in some SDKs: accept "region,singleSignOn" as well as one member.
  const parts = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
  if (
    !parts.length ||
    parts.some((p) => !(CLOUD_PC_POLICY_SETTING_TYPES as readonly string[]).includes(p) || p === 'unknownFutureValue')
  ) {
    throw new HttpProblem(invalidProperties(ctx, ["'policySettings' must be 'region' or 'singleSignOn'."]));
  }
  return parts as CloudPcPolicySettingType[];
}

export function applyPolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  const rec = ctx.sim.policies.get(id);
  if (!rec) return notFound(ctx, POLICY, id);
  const b = body(ctx, false);
  onlyKeys(ctx, b, ['policySettings', 'reservePercentage', 'isForceUserLogoffEnabled'], 'the apply action');
  const settings = parseSettings(ctx, b.policySettings);
  expectType(ctx, b.reservePercentage, 'number', 'reservePercentage');
  expectType(ctx, b.isForceUserLogoffEnabled, 'boolean', 'isForceUserLogoffEnabled');
  const problem = applyOptionsProblem(rec.policy.provisioningType, b.reservePercentage, b.isForceUserLogoffEnabled);
  if (problem) return invalidProperties(ctx, [problem]);
  return result(
    ctx,
    ctx.sim.applyPolicy(id, settings, b.reservePercentage as number | null | undefined, actor(ctx)),
    () => emptyResponse(ctx, 204),
  );
}

export function applyConfig(ctx: RestContext): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['cloudPcIds', 'policySettings'], 'the applyConfig action');
  if (!Array.isArray(b.cloudPcIds) || b.cloudPcIds.some((x) => typeof x !== 'string'))
    return invalidProperties(ctx, ["'cloudPcIds' must be an array of strings."]);
  const ids = b.cloudPcIds as string[];
  const settings = parseSettings(ctx, b.policySettings);
  const missing = ids.filter((id) => !ctx.sim.cloudPcs.has(id));
  if (missing.length)
    return errorResponse(
      ctx,
      404,
      'ResourceNotFound',
      `No Cloud PC with id ${missing.map((m) => `'${m}'`).join(', ')} exists.`,
      { code: 'ResourceNotFound' },
    );
  ctx.sim.applyConfig(ids, settings, actor(ctx));
  return emptyResponse(ctx, 204);
}

export function retryPolicy(ctx: RestContext, { id }: RouteParams): RestResponse {
  if (!ctx.sim.policies.has(id)) return notFound(ctx, POLICY, id);
  onlyKeys(ctx, body(ctx, false), [], 'the retry action');
  // 202 Accepted (docs/simulator.md "Choices where the facts are uncertain").
  return result(ctx, ctx.sim.retryPolicy(id, actor(ctx)), () => emptyResponse(ctx, 202));
}
