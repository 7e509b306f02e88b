// `$filter`, `$search` and `$orderby` over stored records rather than their Graph shapes: each record is read
// through a view of the few properties the query names, and an `eq` on an indexed property reads an index
// instead of every record. The result is the records the shaped rows would have selected, in the same order.
import { matchesEveryWord } from '../../model/wordSearch';
import type { CollectionQuery, Filter } from './odataQuery';
import { compareBy, equalityKey } from './odataQuery';

/**
 * How a collection's records are read without shaping them: each Graph property from the record alone, as
 * the collection's `toGraph` writes it (a test holds the two equal property by property).
 */
export interface RecordView<R> {
  /** `microsoft.graph.cloudPC`: the type an unknown property's 400 names. */
  type: string;
  properties: Readonly<Record<string, (r: R) => unknown>>;
  /**
   * Properties whose value depends on the record alone, never on the request or other records: indexed once
   * per records array. Only for an array that is replaced, not edited, when the tenant changes (cloudPcList).
   */
  indexed?: readonly string[];
}

type Index = Map<string, number[]>;
/** records array → property → equality key → positions, ascending; `asked` until a second query wants it. */
const indexes = new WeakMap<object, Map<string, Index | 'asked'>>();

/** The records matching the query, in the order the shaped rows would have come out. */
export function selectRecords<R>(records: readonly R[], q: CollectionQuery, view: RecordView<R>): readonly R[] {
  const names = new Set(q.filter?.properties ?? []);
  if (q.search) names.add(q.search.property);
  for (const o of q.orderBy ?? []) names.add(o.path[0]);
  const readers = [...names].filter((n) => Object.hasOwn(view.properties, n)).map((n) => [n, view.properties[n]!]);
  const partial = (r: R): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (const [name, read] of readers as [string, (r: R) => unknown][]) row[name] = read(r);
    return row;
  };
  const search = q.search ? searchTest(q.search) : undefined;
  const test = (row: Record<string, unknown>): boolean => (!search || search(row)) && (!q.filter || q.filter.test(row));
  const candidates = q.filter ? indexedCandidates(records, q.filter, view) : undefined;
  const rows: { r: R; row: Record<string, unknown> }[] = [];
  const consider = (r: R): void => {
    const row = partial(r);
    if (test(row)) rows.push({ r, row });
  };
  if (candidates) for (const i of candidates) consider(records[i]);
  else for (const r of records) consider(r);
  if (q.orderBy) {
    const compare = compareBy(q.orderBy);
    rows.sort((a, b) => compare(a.row, b.row));
  }
  return rows.map((x) => x.r);
}

function searchTest(search: NonNullable<CollectionQuery['search']>): (row: Record<string, unknown>) => boolean {
  const { property, terms } = search;
  return (x) => typeof x[property] === 'string' && terms.every((t) => matchesEveryWord(x[property] as string, t));
}

/**
 * The positions an index says may match (each still tested), ascending; undefined when no index applies. An
 * index costs more than one scan, so it is built the second time a records array is asked about a property:
 * a tenant that keeps changing (a fleet provisioning) is scanned, one that stays put (a plan) is indexed.
 */
function indexedCandidates<R>(records: readonly R[], filter: Filter, view: RecordView<R>): number[] | undefined {
  const lookup = filter.lookup;
  if (!lookup || !view.indexed?.includes(lookup.property)) return undefined;
  const index = indexOf(records, lookup.property, view.properties[lookup.property]!);
  if (!index) return undefined;
  const found = new Set<number>();
  for (const value of lookup.values) {
    const key = equalityKey(value);
    for (const i of (key !== undefined && index.get(key)) || []) found.add(i);
  }
  return [...found].sort((a, b) => a - b);
}

function indexOf<R>(records: readonly R[], property: string, read: (r: R) => unknown): Index | undefined {
  let byProperty = indexes.get(records);
  if (!byProperty) indexes.set(records, (byProperty = new Map()));
  const known = byProperty.get(property);
  if (known === undefined) {
    byProperty.set(property, 'asked');
    return undefined;
  }
  if (known !== 'asked') return known;
  const index: Index = new Map();
  for (let i = 0; i < records.length; i++) {
    const key = equalityKey(read(records[i]));
    if (key === undefined) continue;
    const at = index.get(key);
    if (at) at.push(i);
    else index.set(key, [i]);
  }
  byProperty.set(property, index);
  return index;
}
