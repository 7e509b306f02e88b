// The three ways to build a CloudPcApi; everything above the transport is identical.
import type { RestHandler } from '../model/rest';
import type { GetToken } from './authMiddleware';
import { CloudPcApi } from './cloudPcApi';
import { FetchTransport } from './fetchTransport';
import { graphCloudBaseUrl } from './graphClouds';
import type { GraphCloud } from './graphClouds';
import { GraphRequester } from './graphRequester';
import type { GraphRequesterOptions } from './graphRequester';
import { HandlerTransport } from './handlerTransport';

/** What callers may tune; the transport, origin and token come from the factory used. */
export type CloudPcApiOptions = Pick<
  GraphRequesterOptions,
  'logger' | 'clock' | 'sleep' | 'random' | 'retry' | 'newClientRequestId'
>;

/** The simulator ignores tokens; a constant keeps the pipeline identical to Graph's. */
export const simulatorToken = 'simulator-token';
const constantToken: GetToken = async () => simulatorToken;

/** (a) In-process simulator: no socket, requests are function calls into the handler. */
export function createInProcessCloudPcApi(
  handler: RestHandler,
  options: CloudPcApiOptions & { getToken?: GetToken } = {},
): CloudPcApi {
  return new CloudPcApi(
    new GraphRequester({
      ...options,
      // URLs look exactly like Graph's so the simulator's @odata.context/nextLink read the same.
      baseUrl: graphCloudBaseUrl.global,
      transport: new HandlerTransport(handler),
      getToken: options.getToken ?? constantToken,
    }),
  );
}

export interface FetchCloudPcApiOptions extends CloudPcApiOptions {
  getToken: GetToken;
  /** Which Graph cloud; default global. Decides URL and token audience. */
  cloud?: GraphCloud;
  /** Override the origin, e.g. the simulator server `http://127.0.0.1:PORT`. Plain http only to loopback. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** (b) the simulator server over HTTP and (c) real Graph over HTTPS: the same fetch code path. */
export function createFetchCloudPcApi(options: FetchCloudPcApiOptions): CloudPcApi {
  const cloudUrl = graphCloudBaseUrl[options.cloud ?? 'global'];
  const baseUrl = options.baseUrl ?? cloudUrl;
  assertSafeBaseUrl(baseUrl);
  return new CloudPcApi(
    new GraphRequester({
      ...options,
      baseUrl,
      tokenResource: cloudUrl,
      transport: new FetchTransport({ timeoutMs: options.timeoutMs, fetch: options.fetch }),
    }),
  );
}

/** A bearer token must never travel in clear text across a network. */
export function assertSafeBaseUrl(baseUrl: string): void {
  const url = new URL(baseUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return;
  throw new Error(`Refusing base URL ${url.origin}: use https, or http only on 127.0.0.1/localhost.`);
}
