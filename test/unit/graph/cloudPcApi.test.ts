// Request shapes and scopes, checked on an in-test RestHandler that records what arrives.
import assert from 'node:assert/strict';
import { cloudPcApiScopes } from '../../../src/core/graph/graphScopes';
import {
  assertSafeBaseUrl,
  createFetchCloudPcApi,
  createInProcessCloudPcApi,
} from '../../../src/core/graph/createCloudPcApi';
import { GraphError } from '../../../src/core/graph/graphError';
import type { RequestLogEntry } from '../../../src/core/graph/requestLog';
import type { RestRequest, RestResponse } from '../../../src/core/model/rest';

function recorder(
  answer: (req: RestRequest) => RestResponse = () => ({ status: 200, headers: {}, body: '{"value":[]}' }),
) {
  const requests: RestRequest[] = [];
  const scopes: string[][] = [];
  const api = createInProcessCloudPcApi(
    async (req) => {
      requests.push(req);
      return answer(req);
    },
    {
      getToken: async (s) => {
        scopes.push(s);
        return 'tok';
      },
    },
  );
  return { api, requests, scopes };
}

describe('CloudPcApi requests', () => {
  it('lists policies with $expand=assignments on /beta and asks only for the read scope', async () => {
    const r = recorder();
    await r.api.listPolicies();
    assert.equal(
      r.requests[0].url,
      'https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/provisioningPolicies?$expand=assignments',
    );
    assert.deepEqual(r.scopes, [['https://graph.microsoft.com/CloudPC.Read.All']]);
  });

  it('sends a fresh client-request-id per logical request and logs it, also on failure', async () => {
    const requests: RestRequest[] = [];
    const logs: RequestLogEntry[] = [];
    let n = 0;
    const api = createInProcessCloudPcApi(
      async (req) => {
        requests.push(req);
        return { status: 404, headers: {}, body: '{"error":{"code":"notFound","message":"gone"}}' };
      },
      {
        logger: (e) => logs.push(e),
        newClientRequestId: () => `crid-${++n}`,
      },
    );
    await assert.rejects(api.getCloudPc('x'));
    await assert.rejects(api.getCloudPc('y'));
    assert.deepEqual(
      requests.map((r) => r.headers['client-request-id']),
      ['crid-1', 'crid-2'],
    );
    assert.deepEqual(
      logs.map((l) => [l.clientRequestId, l.status, l.errorCode]),
      [
        ['crid-1', 404, 'notFound'],
        ['crid-2', 404, 'notFound'],
      ],
    );
  });

  it('asks for the write scope only for actions', async () => {
    const r = recorder(() => ({ status: 204, headers: {} }));
    await r.api.reprovisionCloudPc('c1', { osVersion: 'windows11', userAccountType: 'standardUser' });
    assert.deepEqual(r.scopes, [['https://graph.microsoft.com/CloudPC.ReadWrite.All']]);
    assert.equal(r.requests[0].method, 'POST');
    assert.equal(
      r.requests[0].url,
      'https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/cloudPCs/c1/reprovision',
    );
    assert.deepEqual(JSON.parse(r.requests[0].body ?? ''), { osVersion: 'windows11', userAccountType: 'standardUser' });
    assert.equal(cloudPcApiScopes.listCloudPcs, 'CloudPC.Read.All');
    assert.equal(cloudPcApiScopes.assignPolicy, 'CloudPC.ReadWrite.All');
  });

  it('searches groups for every word anywhere in the name: one $search clause per word, joined by AND', async () => {
    const r = recorder();
    await r.api.searchGroups('  help   desk ');
    const url = new URL(r.requests[0].url);
    assert.equal(url.searchParams.get('$search'), '"displayName:help" AND "displayName:desk"');
    assert.equal(r.requests[0].headers['consistencylevel'], 'eventual');
  });

  it('searches groups on /v1.0 with $search and ConsistencyLevel: eventual, escaping quotes', async () => {
    const r = recorder();
    await r.api.searchGroups('Sales "EU"');
    const url = new URL(r.requests[0].url);
    assert.equal(url.pathname, '/v1.0/groups');
    assert.equal(url.searchParams.get('$search'), '"displayName:Sales" AND "displayName:\\"EU\\""');
    assert.equal(r.requests[0].headers['consistencylevel'], 'eventual');
    assert.deepEqual(r.scopes, [['https://graph.microsoft.com/Group.Read.All']]);
  });

  it('encodes filters once and ids as single path segments', async () => {
    const r = recorder();
    await r.api.findPoliciesByName("O'Brien & Co");
    const url = new URL(r.requests[0].url);
    assert.equal(url.searchParams.get('$filter'), "displayName eq 'O''Brien & Co'");
    const s = recorder(() => ({ status: 204, headers: {} }));
    await s.api.rebootCloudPc('../provisioningPolicies/x');
    assert.equal(
      new URL(s.requests[0].url).pathname,
      '/beta/deviceManagement/virtualEndpoint/cloudPCs/..%2FprovisioningPolicies%2Fx/reboot',
    );
  });

  it('builds the getProvisionedCloudPCs function call and applyConfig without a policy id', async () => {
    const r = recorder((req) =>
      req.method === 'GET' ? { status: 200, headers: {}, body: '{"value":[]}' } : { status: 204, headers: {} },
    );
    await r.api.getProvisionedCloudPcs('g1', 's1');
    await r.api.applyConfig(['c1', 'c2'], 'region');
    assert.equal(
      decodeURIComponent(new URL(r.requests[0].url).pathname),
      "/beta/deviceManagement/virtualEndpoint/cloudPCs/getProvisionedCloudPCs(groupId='g1',servicePlanId='s1')",
    );
    assert.equal(
      new URL(r.requests[1].url).pathname,
      '/beta/deviceManagement/virtualEndpoint/provisioningPolicies/applyConfig',
    );
    assert.deepEqual(JSON.parse(r.requests[1].body ?? ''), { cloudPcIds: ['c1', 'c2'], policySettings: 'region' });
  });

  it('assigns with the group target @odata.type filled in', async () => {
    const r = recorder(() => ({ status: 204, headers: {} }));
    await r.api.assignPolicy('p1', [{ target: { groupId: 'g1', servicePlanId: null } }]);
    assert.deepEqual(JSON.parse(r.requests[0].body ?? ''), {
      assignments: [
        {
          target: {
            '@odata.type': '#microsoft.graph.cloudPcManagementGroupAssignmentTarget',
            groupId: 'g1',
            servicePlanId: null,
          },
        },
      ],
    });
  });

  it('refuses a nextLink to another host: a foreign host never gets the request', async () => {
    const r = recorder((req) =>
      req.url.includes('skiptoken')
        ? { status: 200, headers: {}, body: '{"value":[{"id":"b"}]}' }
        : {
            status: 200,
            headers: {},
            body: '{"value":[{"id":"a"}],"@odata.nextLink":"https://evil.example/beta/deviceManagement/virtualEndpoint/cloudPCs?$skiptoken=2"}',
          },
    );
    await assert.rejects(
      r.api.listCloudPcs(),
      (err: unknown) =>
        err instanceof GraphError &&
        err.code === 'invalidNextLink' &&
        /another host \(evil\.example\)/.test(err.message),
    );
    assert.equal(r.requests.length, 1);
  });

  it('uses the US Government L4 endpoint and audience', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const scopes: string[][] = [];
    const api = createFetchCloudPcApi({
      cloud: 'usGovL4',
      getToken: async (s) => {
        scopes.push(s);
        return 'tok';
      },
      fetch: (async (url: string, init: RequestInit) => {
        seen.push({ url: String(url), auth: new Headers(init.headers).get('authorization') });
        return new Response('{"value":[]}', { status: 200 });
      }) as typeof fetch,
    });
    await api.listServicePlans();
    assert.equal(seen[0].url, 'https://graph.microsoft.us/beta/deviceManagement/virtualEndpoint/servicePlans');
    assert.equal(seen[0].auth, 'Bearer tok');
    assert.deepEqual(scopes, [['https://graph.microsoft.us/CloudPC.Read.All']]);
  });

  it('refuses to send a token over plain http except to loopback', () => {
    assert.doesNotThrow(() => assertSafeBaseUrl('http://127.0.0.1:8080'));
    assert.doesNotThrow(() => assertSafeBaseUrl('http://localhost:8080'));
    assert.doesNotThrow(() => assertSafeBaseUrl('https://graph.microsoft.com'));
    assert.throws(() => assertSafeBaseUrl('http://graph.microsoft.com'));
    assert.throws(() => createFetchCloudPcApi({ baseUrl: 'http://10.0.0.5:8080', getToken: async () => 't' }));
  });
});
