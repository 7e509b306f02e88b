// A tiny in-test Graph (RestHandler) for the contract suite until/besides the real simulator:
// just enough of docs/service-facts.md (endpoints, paging, errors) to exercise the client, nothing more.
import type { RestHandler, RestRequest, RestResponse } from '../../../src/core/model/rest';

export interface MiniGraphOptions {
  cloudPcCount?: number;
  /** Default page size when no $top. */
  pageSize?: number;
}

export interface MiniGraph {
  handler: RestHandler;
  requests: RestRequest[];
}

const ve = '/beta/deviceManagement/virtualEndpoint';

export function createMiniGraph(options: MiniGraphOptions = {}): MiniGraph {
  const requests: RestRequest[] = [];
  const policies = new Map<
    string,
    Record<string, unknown> & { id: string; assignments: { id: string; target: Record<string, unknown> }[] }
  >();
  let nextId = 1;
  const id = (prefix: string): string => `${prefix}-${String(nextId++).padStart(4, '0')}`;
  const groups = [
    { id: 'grp-sales', displayName: 'Sales Cloud PC Users', securityEnabled: true, groupTypes: [] },
    { id: 'grp-eng', displayName: "Engineering O'Brien", securityEnabled: true, groupTypes: [] },
  ];
  const cloudPcs = Array.from({ length: options.cloudPcCount ?? 5 }, (_, i) => ({
    id: `cpc-${String(i).padStart(4, '0')}`,
    displayName: `CPC ${i}`,
    // Evolvable member: only shown with Prefer include-unknown-enum-members (docs/service-facts.md "Evolvable enums").
    status: i === 0 ? 'movingRegion' : 'provisioned',
    servicePlanId: 'plan-1',
    provisioningPolicyId: null as string | null,
    userPrincipalName: `user${i}@contoso.com`,
  }));

  const handler: RestHandler = async (request) => {
    requests.push(request);
    const url = new URL(request.url, 'https://graph.microsoft.com');
    const path = decodeURIComponent(url.pathname);
    const q = url.searchParams;
    const m = request.method;
    const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    const preferUnknown = (request.headers['prefer'] ?? '').includes('include-unknown-enum-members');
    let match: RegExpExecArray | null;

    if (path === `${ve}/provisioningPolicies` && m === 'GET') {
      let list = [...policies.values()];
      const filter = q.get('$filter');
      const eq = filter ? /^displayName eq '((?:[^']|'')*)'$/.exec(filter) : null;
      if (eq) list = list.filter((p) => p.displayName === eq[1].replace(/''/g, "'"));
      const expand = q.get('$expand') === 'assignments';
      return page(
        url,
        list.map((p) => (expand ? p : withoutAssignments(p))),
        q,
      );
    }
    if (path === `${ve}/provisioningPolicies` && m === 'POST') {
      if (typeof body.displayName !== 'string' || !body.displayName)
        return error(400, 'badRequest', 'InvalidProperties', 'displayName is required.');
      const created = { ...body, id: id('pol'), assignments: [] };
      policies.set(created.id, created);
      return json(201, withoutAssignments(created));
    }
    if (path === `${ve}/provisioningPolicies/applyConfig` && m === 'POST') return { status: 204, headers: {} };
    if (
      (match =
        /^\/beta\/deviceManagement\/virtualEndpoint\/provisioningPolicies\/([^/]+)(?:\/(assign|apply|retry))?$/.exec(
          path,
        ))
    ) {
      const policy = policies.get(match[1]);
      if (!policy) return error(404, 'notFound', 'ResourceNotFound', `Provisioning policy ${match[1]} was not found.`);
      const action = match[2];
      if (!action && m === 'GET')
        return json(200, q.get('$expand') === 'assignments' ? policy : withoutAssignments(policy));
      if (!action && m === 'PATCH') {
        Object.assign(policy, body, { id: policy.id });
        return { status: 204, headers: {} };
      }
      if (!action && m === 'DELETE') {
        if (policy.assignments.length)
          return error(400, 'badRequest', 'PolicyInUse', "You can't delete a policy that's assigned.");
        policies.delete(policy.id);
        return { status: 204, headers: {} };
      }
      if (action === 'assign' && m === 'POST') {
        const list = (body.assignments as { target: Record<string, unknown> }[]) ?? [];
        policy.assignments = list.map((a) => ({ id: `${policy.id}_${String(a.target.groupId)}`, target: a.target }));
        return { status: 204, headers: {} };
      }
      if (action === 'apply' && m === 'POST') return { status: 204, headers: {} };
      if (action === 'retry' && m === 'POST') return { status: 202, headers: {} };
    }
    if (path === `${ve}/cloudPCs` && m === 'GET')
      return page(
        url,
        cloudPcs.map((c) => view(c, preferUnknown)),
        q,
      );
    if (
      (match =
        /^\/beta\/deviceManagement\/virtualEndpoint\/cloudPCs\/getProvisionedCloudPCs\(groupId='([^']*)',servicePlanId='([^']*)'\)$/.exec(
          path,
        ))
    ) {
      return page(
        url,
        cloudPcs.filter((c) => c.servicePlanId === match![2]).map((c) => view(c, preferUnknown)),
        q,
      );
    }
    if (
      (match =
        /^\/beta\/deviceManagement\/virtualEndpoint\/cloudPCs\/([^/]+)(?:\/(reprovision|reboot|endGracePeriod|rename|troubleshoot))?$/.exec(
          path,
        ))
    ) {
      const pc = cloudPcs.find((c) => c.id === match![1]);
      if (!pc) return error(404, 'notFound', 'ResourceNotFound', `Cloud PC ${match[1]} was not found.`);
      if (!match[2] && m === 'GET') return json(200, view(pc, preferUnknown));
      if (match[2] === 'rename' && m === 'POST') {
        pc.displayName = String(body.displayName);
        return { status: 204, headers: {} };
      }
      if (match[2] && m === 'POST') return { status: 204, headers: {} };
    }
    const lookups: Record<string, unknown[]> = {
      galleryImages: [
        {
          id: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc',
          displayName: 'Windows 11 Enterprise 24H2',
          status: 'supported',
        },
      ],
      deviceImages: [{ id: 'img-1', displayName: 'Custom', status: 'ready' }],
      onPremisesConnections: [{ id: 'anc-1', displayName: 'ANC', healthCheckStatus: 'passed' }],
      servicePlans: [{ id: 'plan-1', displayName: 'Cloud PC Enterprise 2vCPU/4GB/64GB', type: 'enterprise' }],
      frontLineServicePlans: [{ id: 'fl-1', displayName: 'Frontline 2vCPU', totalCount: 5, usedCount: 1 }],
      supportedRegions: [{ id: 'r-1', displayName: 'eastus2', regionStatus: 'available' }],
      auditEvents: [{ id: 'ae-1', displayName: 'Create policy', activityResult: 'success' }],
    };
    // Like Graph, a connection's healthCheckStatusDetail comes only when $select names it.
    const detailed = (q.get('$select') ?? '').split(',').includes('healthCheckStatusDetail');
    if (detailed)
      lookups.onPremisesConnections = lookups.onPremisesConnections!.map((c) => ({
        ...(c as object),
        healthCheckStatusDetail: { healthChecks: [{ displayName: 'Azure tenant readiness', status: 'passed' }] },
      }));
    if ((match = /^\/beta\/deviceManagement\/virtualEndpoint\/(\w+)$/.exec(path)) && m === 'GET' && lookups[match[1]])
      return page(url, lookups[match[1]], q);
    if (path === '/v1.0/groups' && m === 'GET') {
      const search = q.get('$search');
      if (search && request.headers['consistencylevel'] !== 'eventual')
        return error(
          400,
          'Request_UnsupportedQuery',
          undefined,
          "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
        );
      const term = search ? (/^"displayName:(.*)"$/.exec(search)?.[1]?.replace(/\\"/g, '"') ?? '') : '';
      return page(
        url,
        groups.filter((g) => g.displayName.toLowerCase().includes(term.toLowerCase())),
        q,
      );
    }
    if ((match = /^\/v1\.0\/groups\/([^/]+)(\/members)?$/.exec(path)) && m === 'GET') {
      const group = groups.find((g) => g.id === match![1]);
      if (!group) return error(404, 'Request_ResourceNotFound', undefined, `Resource '${match[1]}' does not exist.`);
      if (!match[2]) return json(200, group);
      return page(
        url,
        cloudPcs.slice(0, 2).map((c, i) => ({
          '@odata.type': '#microsoft.graph.user',
          id: `user-${i}`,
          displayName: `User ${i}`,
          userPrincipalName: c.userPrincipalName,
        })),
        q,
      );
    }
    if ((match = /^\/v1\.0\/users\/([^/]+)\/licenseDetails$/.exec(path)) && m === 'GET')
      return page(url, [{ id: 'ld-1', skuId: 'sku-1', skuPartNumber: 'CPC_E_2C_4GB_64GB', servicePlans: [] }], q);
    if (path === '/v1.0/subscribedSkus' && m === 'GET')
      return page(
        url,
        [
          {
            id: 'ss-1',
            skuId: 'sku-1',
            skuPartNumber: 'CPC_E_2C_4GB_64GB',
            consumedUnits: 2,
            prepaidUnits: { enabled: 10, suspended: 0, warning: 0, lockedOut: 0 },
            servicePlans: [],
          },
        ],
        q,
      );
    return error(400, 'BadRequest', undefined, `Resource not found for the segment '${path}'.`);
  };
  return { handler, requests };

  function view(c: (typeof cloudPcs)[number], preferUnknown: boolean): Record<string, unknown> {
    return { ...c, status: !preferUnknown && c.status === 'movingRegion' ? 'unknownFutureValue' : c.status };
  }
}

function withoutAssignments<T extends { assignments?: unknown }>(p: T): Omit<T, 'assignments'> {
  const rest = { ...p };
  delete rest.assignments;
  return rest;
}

function page(url: URL, all: unknown[], q: URLSearchParams): RestResponse {
  const top = Number(q.get('$top') ?? 100);
  const skip = Number(q.get('$skiptoken') ?? 0);
  const value = all.slice(skip, skip + top);
  const out: Record<string, unknown> = { value };
  if (skip + top < all.length) {
    const next = new URL(url.toString());
    next.searchParams.set('$skiptoken', String(skip + top));
    out['@odata.nextLink'] = next.toString();
  }
  return json(200, out);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): RestResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': `req-${Math.floor(Math.random() * 1e9)}`, ...headers },
    body: JSON.stringify(body),
  };
}

function error(status: number, code: string, innerCode: string | undefined, message: string): RestResponse {
  const requestId = '1bbfa017-0000-4000-8000-000000000001';
  const top = innerCode ? "The request can't be processed because it's malformed or incorrect." : message;
  return json(
    status,
    {
      error: {
        code,
        message: top,
        innerError: {
          ...(innerCode ? { code: innerCode, message } : {}),
          'request-id': requestId,
          'client-request-id': requestId,
          date: '2026-11-23T12:00:00',
        },
      },
    },
    { 'request-id': requestId },
  );
}
