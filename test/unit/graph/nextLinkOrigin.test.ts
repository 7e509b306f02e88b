// A next-page link is followed only on the origin in use: whatever host the link (or its query) names,
// the bearer token goes nowhere else, and the caller gets a GraphError that says why.
import assert from 'node:assert/strict';
import { createFetchCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { GraphError } from '../../../src/core/graph/graphError';
import { answerJson, startFaultServer } from './faultServer';
import type { FaultServer } from './faultServer';
import { sentinelToken } from './testKit';

const policies = '/beta/deviceManagement/virtualEndpoint/provisioningPolicies';

/** A server whose first page of policies links to `next(origin)`; later pages answer with one more policy. */
async function serverLinkingTo(next: (origin: string) => string): Promise<FaultServer> {
  let origin = '';
  const server = await startFaultServer([
    {
      name: 'pages',
      match: (r) => r.url.startsWith(policies),
      respond: (r, res) =>
        answerJson(
          res,
          200,
          r.url.includes('skiptoken')
            ? { value: [{ id: 'p2' }] }
            : { value: [{ id: 'p1' }], '@odata.nextLink': next(origin) },
        ),
    },
  ]);
  origin = server.url;
  return server;
}

/** Every URL the client's transport fetched, with whether it carried the token. */
function recordingFetch(): { fetch: typeof fetch; calls: { url: string; token: boolean }[] } {
  const calls: { url: string; token: boolean }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers);
    calls.push({ url, token: (headers.get('authorization') ?? '').includes(sentinelToken) });
    // Only the test's own server is really reached; any other host fails like an unreachable one.
    if (!url.startsWith('http://127.0.0.1:')) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  return { fetch: fetchImpl, calls };
}

async function listWith(server: FaultServer): Promise<{ result: unknown; calls: { url: string; token: boolean }[] }> {
  const recorder = recordingFetch();
  const api = createFetchCloudPcApi({
    baseUrl: server.url,
    getToken: async () => sentinelToken,
    fetch: recorder.fetch,
    retry: { maxRetries: 0, maxNetworkRetries: 0 },
    timeoutMs: 2_000,
  });
  const result = await api.listPolicies().catch((err: unknown) => err);
  return { result, calls: recorder.calls };
}

function assertTokenStayed(server: FaultServer, calls: { url: string; token: boolean }[]): void {
  for (const c of calls)
    assert.ok(c.url.startsWith(`${server.url}/`), `the client fetched ${c.url} (token sent: ${c.token})`);
}

describe('nextLink: the token stays on our origin', () => {
  const cases: [string, (origin: string) => string][] = [
    [
      'a link to another host',
      () => 'https://graph.evil.example/beta/deviceManagement/virtualEndpoint/provisioningPolicies?$skiptoken=1',
    ],
    [
      'a protocol-relative link',
      () => '//graph.evil.example/beta/deviceManagement/virtualEndpoint/provisioningPolicies?$skiptoken=1',
    ],
    ['a link with user info', (o) => `${o.replace('http://', 'http://user:pw@')}${policies}?$skiptoken=1`],
    ['another port on the same machine', (o) => `${o.replace(/:\d+$/, ':1')}${policies}?$skiptoken=1`],
    ['not a URL', () => 'http://[bad'],
  ];
  for (const [name, next] of cases) {
    it(`refuses ${name} with a GraphError and sends nothing there`, async () => {
      const server = await serverLinkingTo(next);
      try {
        const { result, calls } = await listWith(server);
        assertTokenStayed(server, calls);
        assert.ok(result instanceof GraphError, `expected a GraphError, got ${String(result)}`);
        assert.equal(result.code, 'invalidNextLink');
        assert.match(result.message, /link/);
        if (name !== 'not a URL') assert.match(result.message, /another host/);
        assert.ok(!result.message.includes(sentinelToken));
        assertTokenStayed(server, calls);
        assert.equal(server.requests.length, 1, 'only the first page was fetched');
      } finally {
        await server.close();
      }
    });
  }

  it('follows a link whose query names another host, on our origin only, with the value intact', async () => {
    const server = await serverLinkingTo((o) => `${o}${policies}?$skiptoken=https://graph.evil.example/steal&x=1`);
    try {
      const { result, calls } = await listWith(server);
      assertTokenStayed(server, calls);
      assert.deepEqual(
        (result as { id: string }[]).map((p) => p.id),
        ['p1', 'p2'],
      );
      assert.equal(server.requests.length, 2);
      const second = new URL(server.requests[1]!.url, server.url);
      assert.equal(
        second.searchParams.get('$skiptoken'),
        'https://graph.evil.example/steal',
        'the service reads the same cursor',
      );
    } finally {
      await server.close();
    }
  });

  it('refuses a path that names another host (graph-client would read it as one)', async () => {
    const server = await serverLinkingTo((o) => `${o}/beta/https://graph.evil.example/steal`);
    try {
      const { result, calls } = await listWith(server);
      assert.ok(result instanceof GraphError && result.code === 'invalidNextLink', String(result));
      assertTokenStayed(server, calls);
    } finally {
      await server.close();
    }
  });

  it('follows localhost and 127.0.0.1 on the same port as one local simulator', async () => {
    const server = await serverLinkingTo((o) => `${o.replace('127.0.0.1', 'localhost')}${policies}?$skiptoken=2`);
    try {
      const { result, calls } = await listWith(server);
      assert.deepEqual(
        (result as { id: string }[]).map((p) => p.id),
        ['p1', 'p2'],
      );
      assertTokenStayed(server, calls);
    } finally {
      await server.close();
    }
  });
});
