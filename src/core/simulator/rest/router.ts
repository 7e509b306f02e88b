// Matches a request against the route table: the first pattern that fits the path decides; a method it does
// not list is 405 with `Allow`, a path no pattern fits is 501 (docs/simulator.md "The Graph contract").
//
// Pattern segments: `literal`, `{name}` (any one segment), `{name:a|b}` (one of these), `{name:prefix*}`
// (a segment starting with prefix). Matched segments arrive in the handler's params by name.
import type { RestResponse } from '../../model/rest';
import { errorResponse } from './graphResponses';
import type { RestContext } from './restContext';

export type RouteParams = Readonly<Record<string, string>>;
export type RouteHandler = (ctx: RestContext, params: RouteParams) => RestResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  pattern: string;
  handler: RouteHandler;
}

type SegmentMatcher = { name?: string; test: (segment: string) => boolean };

interface CompiledPattern {
  segments: SegmentMatcher[];
  /** Method → handler, in table order (the order `Allow` lists them). */
  methods: Map<string, RouteHandler>;
}

export type Router = (ctx: RestContext) => RestResponse;

function compileSegment(text: string): SegmentMatcher {
  const m = /^\{(\w+)(?::(.*))?\}$/.exec(text);
  if (!m) return { test: (s) => s === text };
  const [, name, rule] = m;
  if (rule === undefined) return { name, test: () => true };
  if (rule.endsWith('*')) {
    const prefix = rule.slice(0, -1);
    return { name, test: (s) => s.startsWith(prefix) };
  }
  const allowed = new Set(rule.split('|'));
  return { name, test: (s) => allowed.has(s) };
}

/** Patterns by segment count, each list in table order: a request tries only the patterns of its length. */
function compile(routes: readonly Route[]): Map<number, CompiledPattern[]> {
  const byPattern = new Map<string, CompiledPattern>();
  const byLength = new Map<number, CompiledPattern[]>();
  for (const r of routes) {
    let p = byPattern.get(r.pattern);
    if (!p) {
      p = { segments: r.pattern.split('/').filter(Boolean).map(compileSegment), methods: new Map() };
      byPattern.set(r.pattern, p);
      const list = byLength.get(p.segments.length) ?? [];
      list.push(p);
      byLength.set(p.segments.length, list);
    }
    if (p.methods.has(r.method)) throw new Error(`Route ${r.method} ${r.pattern} is listed twice.`);
    p.methods.set(r.method, r.handler);
  }
  return byLength;
}

function matchSegments(p: CompiledPattern, segments: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const m = p.segments[i];
    if (!m.test(segments[i])) return undefined;
    if (m.name) params[m.name] = segments[i];
  }
  return params;
}

export function createRouter(routes: readonly Route[]): Router {
  const byLength = compile(routes);
  return (ctx) => {
    for (const p of byLength.get(ctx.segments.length) ?? []) {
      const params = matchSegments(p, ctx.segments);
      if (!params) continue;
      ctx.version = params.version ?? ctx.segments[0];
      const handler = p.methods.get(ctx.method);
      if (handler) return handler(ctx, params);
      return errorResponse(
        ctx,
        405,
        'methodNotAllowed',
        `The HTTP method '${ctx.method}' is not allowed on this resource.`,
        { code: 'MethodNotAllowed' },
        { allow: [...p.methods.keys()].join(', ') },
      );
    }
    return errorResponse(
      ctx,
      501,
      'notImplemented',
      `The simulator does not model '${ctx.method} /${ctx.segments.join('/')}'.`,
      { code: 'NotImplemented' },
    );
  };
}
