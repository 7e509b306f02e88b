// Who may talk to the local server, decided from the request head before the body is read (as Azurite and
// every loopback dev server must, against DNS rebinding and cross-site requests from a page the admin has open):
// - Host must name this server (127.0.0.1:PORT or localhost:PORT), else 421 Misdirected Request (400 if absent);
// - a browser Origin other than the server's own is refused (403), and so is a cross-site Sec-Fetch-Site;
// - a body must be `application/json` (415 otherwise): browsers send text/plain and form posts without asking;
// - when the server has a secret (the extension's shared simulator), the bearer token must be it (401).
import { timingSafeEqual } from 'node:crypto';
import type { RestResponse } from '../../model/rest';
import { envelopeError } from './envelopeError';

export interface RequestHead {
  url: string;
  headers: Record<string, string>;
}

export interface HygieneRules {
  port: number;
  /** Required bearer token (optional). */
  token?: string;
}

/** The refusal, or the request's path and query (an absolute-form URL is reduced to them once its host checks out). */
export function checkRequestHead(head: RequestHead, rules: HygieneRules): { refused: RestResponse } | { path: string } {
  const h = head.headers;
  const crid = h['client-request-id'];
  const own = [`127.0.0.1:${rules.port}`, `localhost:${rules.port}`];
  const host = (h.host ?? '').toLowerCase();
  if (!host) return { refused: envelopeError(400, 'badRequest', 'The request has no Host header.', crid) };
  if (!own.includes(host))
    return {
      refused: envelopeError(421, 'misdirectedRequest', `This simulator answers only on ${own.join(' and ')}.`, crid),
    };
  let path = head.url;
  if (!path.startsWith('/')) {
    const target = parseAbsolute(path);
    if (!target || !own.includes(target.host.toLowerCase()))
      return {
        refused: envelopeError(421, 'misdirectedRequest', `This simulator answers only on ${own.join(' and ')}.`, crid),
      };
    path = `${target.pathname}${target.search}`;
  }
  const origin = h.origin;
  if (origin !== undefined && !own.some((o) => origin.toLowerCase() === `http://${o}`)) {
    return {
      refused: envelopeError(
        403,
        'forbidden',
        'Requests from web pages other than the simulator itself are refused.',
        crid,
      ),
    };
  }
  const site = h['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { refused: envelopeError(403, 'forbidden', 'Cross-site requests are refused.', crid) };
  if (hasBody(h) && mediaType(h['content-type']) !== 'application/json') {
    return {
      refused: envelopeError(415, 'unsupportedMediaType', "Request bodies must be sent as 'application/json'.", crid),
    };
  }
  if (rules.token !== undefined && !sameSecret(bearer(h.authorization), rules.token)) {
    return {
      refused: envelopeError(
        401,
        'InvalidAuthenticationToken',
        'This simulator is shared between editor windows and needs their token.',
        crid,
      ),
    };
  }
  return { path };
}

function parseAbsolute(url: string): URL | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

function hasBody(h: Record<string, string>): boolean {
  return (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function bearer(authorization: string | undefined): string {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return m ? m[1].trim() : '';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
