// The OData query options the simulator honours (docs/service-facts.md "Endpoints and paging"): $filter (eq/ne/and/or/not, startswith,
// endswith, contains on string, enum, boolean and number properties, `a/b` paths), $select, $top,
// $skiptoken, $count, $orderby, $expand. Errors are values: a message for a 400.

export type Predicate = (item: Record<string, unknown>) => boolean;

/** A parsed `$filter`: the test, what it reads, and the equality terms an index can answer. */
export interface Filter {
  test: Predicate;
  /** The top-level properties it names: a record view reads only these, and an unknown one is a 400. */
  properties: string[];
  /** Every match has `property` equal to one of `values` (an `eq`, or `eq`s joined by `or`, or one side of an `and`). */
  lookup?: FilterLookup;
}

export interface FilterLookup {
  property: string;
  values: unknown[];
}
export type QueryResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface CollectionQuery {
  filter?: Filter;
  select?: string[];
  top?: number;
  skip: number;
  count: boolean;
  orderBy?: { path: string[]; desc: boolean }[];
  expand: string[];
  /** `"p:a" AND "p:b"`: every term must start a word of the property (wordSearch.ts). */
  search?: { property: string; terms: string[] };
}

const MAX_TOP = 999;

export function parseCollectionQuery(params: URLSearchParams, defaultTop?: number): QueryResult<CollectionQuery> {
  const q: CollectionQuery = { skip: 0, count: false, expand: [] };
  for (const key of params.keys()) {
    if (
      key.startsWith('$') &&
      !['$filter', '$select', '$top', '$skiptoken', '$count', '$orderby', '$expand', '$search', '$skip'].includes(key)
    ) {
      return { ok: false, message: `Query option '${key}' is not supported.` };
    }
  }
  const filter = params.get('$filter');
  if (filter !== null) {
    const parsed = parseFilter(filter);
    if (!parsed.ok) return parsed;
    q.filter = parsed.value;
  }
  const select = params.get('$select');
  if (select !== null) {
    const names = select
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!names.length || names.some((n) => !/^(\*|[A-Za-z@][\w.@/]*)$/.test(n)))
      return { ok: false, message: `Invalid $select '${select}'.` };
    if (!names.includes('*')) q.select = names;
  }
  const top = params.get('$top');
  if (top !== null) {
    if (!/^\d+$/.test(top) || Number(top) < 1 || Number(top) > MAX_TOP)
      return { ok: false, message: `Invalid $top '${top}': use a whole number from 1 to ${MAX_TOP}.` };
    q.top = Number(top);
  } else if (defaultTop) {
    q.top = defaultTop;
  }
  const skip = params.get('$skip');
  if (skip !== null) {
    if (!/^\d+$/.test(skip)) return { ok: false, message: `Invalid $skip '${skip}'.` };
    q.skip = Number(skip);
  }
  const token = params.get('$skiptoken');
  if (token !== null) {
    const offset = decodeSkipToken(token);
    if (offset === undefined)
      return { ok: false, message: 'The $skiptoken is not valid; follow @odata.nextLink verbatim.' };
    q.skip = offset;
  }
  const count = params.get('$count');
  if (count !== null) {
    if (count !== 'true' && count !== 'false') return { ok: false, message: `Invalid $count '${count}'.` };
    q.count = count === 'true';
  }
  const orderBy = params.get('$orderby');
  if (orderBy !== null) {
    q.orderBy = [];
    for (const part of orderBy.split(',')) {
      const m = /^\s*([A-Za-z][\w/]*)(?:\s+(asc|desc))?\s*$/.exec(part);
      if (!m) return { ok: false, message: `Invalid $orderby '${orderBy}'.` };
      q.orderBy.push({ path: m[1].split('/'), desc: m[2] === 'desc' });
    }
  }
  const expand = params.get('$expand');
  if (expand !== null)
    q.expand = expand
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const search = params.get('$search');
  if (search !== null) {
    // Directory form: $search="displayName:term", clauses joined by AND (needs ConsistencyLevel: eventual on real Graph).
    const clauses = search.trim().split(/\s+AND\s+/);
    const parsed = clauses.map((c) => /^"([A-Za-z]+):((?:[^"\\]|\\.)*)"$/.exec(c.trim()));
    const properties = new Set(parsed.map((m) => m?.[1]));
    if (parsed.some((m) => !m) || properties.size !== 1)
      return { ok: false, message: `Invalid $search '${search}': use "property:term", clauses joined by AND.` };
    q.search = { property: parsed[0]![1], terms: parsed.map((m) => m![2].replace(/\\(.)/g, '$1')) };
  }
  return { ok: true, value: q };
}

/** Opaque to clients: base64url of the offset, with a marker so random strings are rejected. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(`cpcsim:${offset}`, 'utf8').toString('base64url');
}

export function decodeSkipToken(token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^cpcsim:(\d{1,9})$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function getPath(item: Record<string, unknown>, path: string[]): unknown {
  let v: unknown = item;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

export function applySelect(item: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return item;
  const out: Record<string, unknown> = {};
  for (const key of select) {
    const top = key.split('/')[0];
    if (top in item) out[top] = item[top];
  }
  return out;
}

export function compareBy(
  orderBy: { path: string[]; desc: boolean }[],
): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => {
    for (const o of orderBy) {
      const x = getPath(a, o.path),
        y = getPath(b, o.path);
      const c =
        x === y
          ? 0
          : x === undefined || x === null
            ? -1
            : y === undefined || y === null
              ? 1
              : String(x).localeCompare(String(y), 'en', { numeric: true });
      if (c) return o.desc ? -c : c;
    }
    return 0;
  };
}

// ---------------------------------------------------------------- $filter

type Token = { t: 'id' | 'str' | 'num' | 'op' | '(' | ')' | ','; v: string };

function tokenize(text: string): QueryResult<Token[]> {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    if (ch === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, message: 'Unterminated string in $filter.' };
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const m = /^[A-Za-z0-9_./@:+-]+/.exec(text.slice(i));
    if (!m) return { ok: false, message: `Unexpected '${ch}' in $filter.` };
    const word = m[0];
    i += word.length;
    if (/^-?\d+(\.\d+)?$/.test(word)) out.push({ t: 'num', v: word });
    else if (['eq', 'ne', 'and', 'or', 'not', 'gt', 'lt', 'ge', 'le'].includes(word)) out.push({ t: 'op', v: word });
    else out.push({ t: 'id', v: word });
  }
  return { ok: true, value: out };
}

/** Bounds that keep parsing and evaluating a $filter off the stack's limit (each level is a call). */
export const MAX_FILTER_DEPTH = 64;
export const MAX_FILTER_TOKENS = 1000;

type Node = { test: Predicate; lookup?: FilterLookup };

/** The key `eq` compares by: strings ignore case, null and a missing value are one; undefined for values no literal equals. */
export function equalityKey(v: unknown): string | undefined {
  if (typeof v === 'string') return `s${v.toLowerCase()}`;
  if (v === null || v === undefined) return 'n';
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v}${String(v)}`;
  return undefined;
}

export function parseFilter(text: string): QueryResult<Filter> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const toks = tokens.value;
  if (toks.length > MAX_FILTER_TOKENS)
    return { ok: false, message: `Invalid $filter: more than ${MAX_FILTER_TOKENS} terms.` };
  let pos = 0;
  let depth = 0;
  const properties = new Set<string>();
  const propertyPath = (): string[] => {
    const path = expect('id').v.split('/');
    properties.add(path[0]);
    return path;
  };
  const peek = () => toks[pos];
  class FilterError extends Error {}
  const expect = (t: Token['t'], v?: string): Token => {
    const tok = toks[pos];
    if (!tok || tok.t !== t || (v !== undefined && tok.v !== v))
      throw new FilterError(`Expected ${v ?? t} in $filter at token ${pos + 1}.`);
    pos++;
    return tok;
  };
  const literal = (): unknown => {
    const tok = toks[pos++];
    if (!tok) throw new FilterError('Missing value in $filter.');
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return Number(tok.v);
    if (tok.t === 'id') {
      if (tok.v === 'true') return true;
      if (tok.v === 'false') return false;
      if (tok.v === 'null') return null;
      // GUIDs appear unquoted in some filters.
      if (/^[0-9a-fA-F-]{36}$/.test(tok.v)) return tok.v;
    }
    throw new FilterError(`Unsupported value '${tok.v}' in $filter.`);
  };
  const eqValues = (a: unknown, b: unknown): boolean =>
    typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : (a ?? null) === (b ?? null);
  const nested = <T>(inner: () => T): T => {
    if (++depth > MAX_FILTER_DEPTH)
      throw new FilterError(`parentheses and 'not' nest more than ${MAX_FILTER_DEPTH} deep.`);
    const value = inner();
    depth--;
    return value;
  };
  const primary = (): Node => {
    const tok = peek();
    if (!tok) throw new FilterError('Incomplete $filter.');
    if (tok.t === '(') {
      pos++;
      const inner = nested(orExpr);
      expect(')');
      return inner;
    }
    if (tok.t === 'op' && tok.v === 'not') {
      pos++;
      const inner = nested(primary).test;
      return { test: (x) => !inner(x) };
    }
    if (
      tok.t === 'id' &&
      ['startswith', 'endswith', 'contains'].includes(tok.v.toLowerCase()) &&
      toks[pos + 1]?.t === '('
    ) {
      const fn = tok.v.toLowerCase();
      pos += 2;
      const path = propertyPath();
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string') throw new FilterError(`${fn} needs a string value.`);
      const needle = value.toLowerCase();
      return {
        test: (x) => {
          const v = getPath(x, path);
          if (typeof v !== 'string') return false;
          const hay = v.toLowerCase();
          return fn === 'startswith'
            ? hay.startsWith(needle)
            : fn === 'endswith'
              ? hay.endsWith(needle)
              : hay.includes(needle);
        },
      };
    }
    if (tok.t === 'id') {
      const path = propertyPath();
      const op = expect('op').v;
      const value = literal();
      switch (op) {
        case 'eq':
          return {
            test: (x) => eqValues(getPath(x, path), value),
            lookup: path.length === 1 ? { property: path[0], values: [value] } : undefined,
          };
        case 'ne':
          return { test: (x) => !eqValues(getPath(x, path), value) };
        case 'gt':
          return { test: (x) => cmp(getPath(x, path), value) > 0 };
        case 'ge':
          return { test: (x) => cmp(getPath(x, path), value) >= 0 };
        case 'lt':
          return { test: (x) => cmp(getPath(x, path), value) < 0 };
        case 'le':
          return { test: (x) => cmp(getPath(x, path), value) <= 0 };
        default:
          throw new FilterError(`Operator '${op}' is not supported here.`);
      }
    }
    throw new FilterError(`Unexpected '${tok.v}' in $filter.`);
  };
  const andExpr = (): Node => {
    let left = primary();
    while (peek()?.t === 'op' && peek()!.v === 'and') {
      pos++;
      const l = left.test,
        r = primary();
      left = { test: (x) => l(x) && r.test(x), lookup: left.lookup ?? r.lookup };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek()?.t === 'op' && peek()!.v === 'or') {
      pos++;
      const l = left,
        r = andExpr();
      const same = l.lookup && r.lookup && l.lookup.property === r.lookup.property;
      left = {
        test: (x) => l.test(x) || r.test(x),
        lookup: same ? { property: l.lookup!.property, values: [...l.lookup!.values, ...r.lookup!.values] } : undefined,
      };
    }
    return left;
  };
  try {
    const p = orExpr();
    if (pos !== toks.length) throw new FilterError(`Unexpected '${toks[pos].v}' in $filter.`);
    return { ok: true, value: { test: p.test, properties: [...properties], lookup: p.lookup } };
  } catch (err) {
    if (err instanceof FilterError) return { ok: false, message: `Invalid $filter: ${err.message}` };
    throw err;
  }
}

function cmp(a: unknown, b: unknown): number {
  if (a === undefined || a === null || b === null) return Number.NaN;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
