// OData collections and entities as Graph answers them: `@odata.context`, `$count`, `$filter`/`$orderby`/
// `$search`/`$select`, and paging by `@odata.nextLink` with a `$skiptoken` (docs/simulator.md "The Graph contract").
import { matchesEveryWord } from '../../model/wordSearch';
import type { RestResponse } from '../../model/rest';
import type { CollectionQuery } from './odataQuery';
import { parseCollectionQuery, encodeSkipToken, applySelect, compareBy } from './odataQuery';
import type { RecordView } from './recordSelection';
import { selectRecords } from './recordSelection';
import { jsonResponse, jsonTextResponse, badRequest } from './graphResponses';
import type { RestContext } from './restContext';
import { HttpProblem } from './restContext';

/** The collection options of this request; a bad one is a 400. */
export function query(ctx: RestContext, defaultTop?: number): CollectionQuery {
  const q = parseCollectionQuery(ctx.params, defaultTop);
  if (!q.ok) throw new HttpProblem(badRequest(ctx, q.message));
  return q.value;
}

export function contextUrl(ctx: RestContext, entitySet: string, select?: string[], entity = false): string {
  return `${ctx.origin}/${ctx.version}/$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

export interface CollectionShape<R> {
  /** The record as JSON text, equal to `JSON.stringify(toGraph(r))` (the Cloud PC cache). */
  toJson?: (r: R) => string;
  view?: RecordView<R>;
}

/**
 * A collection page. Without $filter/$orderby/$search, or with a record view, only the page's records are
 * shaped: paging or filtering 100,000 Cloud PCs costs per page, not per tenant.
 */
export function collection<R>(
  ctx: RestContext,
  entitySet: string,
  records: readonly R[],
  toGraph: (r: R) => object,
  q: CollectionQuery,
  shape: CollectionShape<R> = {},
): RestResponse {
  const { toJson, view } = shape;
  let selected: readonly R[] = records;
  let rows: Record<string, unknown>[] | undefined;
  if (q.filter || q.orderBy || q.search) {
    if (view) {
      checkProperties(ctx, q.filter?.properties ?? [], view.type, (p) => Object.hasOwn(view.properties, p));
      selected = selectRecords(records, q, view);
    } else {
      rows = shapedRows(ctx, records, toGraph, q);
    }
  }
  const total = rows ? rows.length : selected.length;
  const end = q.top !== undefined ? Math.min(total, q.skip + q.top) : total;
  const out: Record<string, unknown> = { '@odata.context': contextUrl(ctx, entitySet, q.select) };
  if (q.count) out['@odata.count'] = total;
  if (end < total) out['@odata.nextLink'] = nextLink(ctx, end);
  if (!rows && !q.select && toJson) {
    // One join over the records' texts (cached per Cloud PC): the body comes out flat, no rope for the client's parse to flatten.
    const head = JSON.stringify(out);
    const parts: string[] = [`${head.slice(0, -1)},"value":[`];
    for (let i = q.skip; i < end; i++) {
      if (i > q.skip) parts.push(',');
      parts.push(toJson(selected[i]));
    }
    parts.push(']}');
    return jsonTextResponse(ctx, 200, parts.join(''));
  }
  const page: Record<string, unknown>[] = [];
  for (let i = q.skip; i < end; i++)
    page.push(applySelect(rows ? rows[i] : (toGraph(selected[i]) as Record<string, unknown>), q.select));
  out.value = page;
  return jsonResponse(ctx, 200, out);
}

/** Every record shaped, then searched, filtered and sorted: for collections without a record view. */
function shapedRows<R>(
  ctx: RestContext,
  records: readonly R[],
  toGraph: (r: R) => object,
  q: CollectionQuery,
): Record<string, unknown>[] {
  let rows = records.map((r) => toGraph(r) as Record<string, unknown>);
  // An empty collection shows no properties to check against: it answers empty, as before.
  if (rows.length) {
    const type = rows[0]['@odata.type'];
    checkProperties(
      ctx,
      q.filter?.properties ?? [],
      typeof type === 'string' ? type.replace(/^#/, '') : undefined,
      (p) => rows.some((row) => Object.hasOwn(row, p)),
    );
  }
  if (q.search) {
    const { property, terms } = q.search;
    rows = rows.filter(
      (x) => typeof x[property] === 'string' && terms.every((t) => matchesEveryWord(x[property] as string, t)),
    );
  }
  if (q.filter) rows = rows.filter(q.filter.test);
  if (q.orderBy) rows.sort(compareBy(q.orderBy));
  return rows;
}

/**
 * A `$filter` naming a property the type does not have is a 400, as on Graph (docs/simulator.md "The Graph
 * contract": Graph's own wording, "Could not find a property named …").
 */
function checkProperties(ctx: RestContext, names: string[], type: string | undefined, known: (p: string) => boolean) {
  const unknown = names.find((p) => !known(p));
  if (unknown === undefined) return;
  const on = type ? ` on type '${type}'` : '';
  throw new HttpProblem(badRequest(ctx, `Invalid filter clause: Could not find a property named '${unknown}'${on}.`));
}

/** This request's URL with `$skiptoken` for the page starting at `end`. */
function nextLink(ctx: RestContext, end: number): string {
  const params = new URLSearchParams(ctx.params);
  params.delete('$skiptoken');
  params.delete('$skip');
  params.set('$skiptoken', encodeSkipToken(end));
  return `${ctx.origin}/${ctx.version}/${ctx.segments.slice(1).join('/')}?${params.toString().replace(/%24/g, '$').replace(/%2C/gi, ',')}`;
}

export function entity(ctx: RestContext, entitySet: string, value: object, q?: CollectionQuery): RestResponse {
  const fields = applySelect(value as Record<string, unknown>, q?.select);
  return jsonResponse(ctx, 200, { '@odata.context': contextUrl(ctx, entitySet, q?.select, true), ...fields });
}
