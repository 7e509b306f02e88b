import assert from 'node:assert/strict';
import { graphErrorFromResponse, networkGraphError } from '../../../src/core/graph/graphError';
import { loggablePath } from '../../../src/core/graph/requestLog';
import { buildQuery, odataString, searchClause } from '../../../src/core/graph/odataQuery';

const headers = (h: Record<string, string> = {}) => new Headers(h);

describe('GraphError', () => {
  it('shows the innerError message (docs/service-facts.md "Errors and throttling": the Cloud PC service\'s own failure)', () => {
    const body =
      '{"error":{"code":"badRequest","message":"The request can\'t be processed because it\'s malformed or incorrect.","innerError":{"code":"InvalidProperties","message":"Target Geography is invalid.","date":"2026-05-13T15:21:05","request-id":"1bbfa017-1","client-request-id":"1bbfa017-2"}}}';
    const err = graphErrorFromResponse(400, headers(), body, { method: 'POST', path: '/beta/x', retries: 0 });
    assert.equal(err.message, 'Target Geography is invalid.');
    assert.equal(err.code, 'badRequest');
    assert.equal(err.innerCode, 'InvalidProperties');
    assert.equal(err.requestId, '1bbfa017-1');
    assert.equal(err.clientRequestId, '1bbfa017-2');
    assert.equal(err.name, 'GraphError');
    assert.ok(err instanceof Error);
  });

  it('falls back to the top-level message, then to headers and status, for odd bodies', () => {
    assert.equal(
      graphErrorFromResponse(404, headers(), '{"error":{"code":"notFound","message":"Nope."}}').message,
      'Nope.',
    );
    const html = graphErrorFromResponse(502, headers({ 'request-id': 'rid-h' }), '<html>Bad gateway</html>');
    assert.equal(html.code, 'serviceError');
    assert.equal(html.message, 'HTTP 502');
    assert.equal(html.requestId, 'rid-h');
    assert.equal(graphErrorFromResponse(429, headers(), undefined).code, 'tooManyRequests');
  });

  it('turns a socket error into status 0 networkError with the errno code', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const err = networkGraphError(Object.assign(new TypeError('fetch failed'), { cause }));
    assert.equal(err.status, 0);
    assert.equal(err.code, 'networkError');
    assert.equal(err.innerCode, 'ECONNRESET');
    assert.match(err.message, /ECONNRESET/);
  });
});

describe('query building and log paths', () => {
  it('encodes values once and keeps $ keys readable', () => {
    assert.equal(buildQuery({ $filter: "a eq 'b&c'", $top: 5, $skip: undefined }), "?$filter=a%20eq%20'b%26c'&$top=5");
    assert.equal(buildQuery({}), '');
    assert.equal(odataString("O'Brien"), "'O''Brien'");
    assert.equal(searchClause('displayName', 'a"b'), '"displayName:a\\"b"');
  });

  it('masks cursor and secret-looking query values in logs', () => {
    assert.equal(loggablePath('/beta/x?$top=2&$skiptoken=abc'), '/beta/x?$top=2&$skiptoken=***');
    assert.equal(loggablePath('/beta/x?access_token=abc&$filter=a'), '/beta/x?access_token=***&$filter=a');
    assert.equal(loggablePath('/beta/x'), '/beta/x');
  });
});
