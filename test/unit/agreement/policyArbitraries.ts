// Policy documents for the validator ⇔ simulator agreement property: built from the schema (every property,
// its members, examples, bounds and wrong types) and from mutations of the samples in samples/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { POLICY_SCHEMA, resolve } from '../../../src/core/policy/schemaDocs';
import type { SchemaNode } from '../../../src/core/policy/schemaNavigator';

type Json = unknown;
type Obj = Record<string, Json>;

/** Values the simulator's tenant knows (the empty seed's catalog), so tenant lookups mostly succeed. */
export interface TenantValues {
  regionNames: readonly string[];
  connectionIds: readonly string[];
}

/** Keys a policy file carries but a create body never does (Deploy sends assignments through assign). */
const FILE_ONLY = new Set(['$schema', 'assignments']);

const ODD_STRINGS = [
  '',
  ' ',
  'x',
  'a<b',
  'CPC-%RAND:5%',
  'unknownFutureValue',
  'addedIn2027',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(130),
];

function typesOf(n: SchemaNode): string[] {
  return Array.isArray(n.type) ? (n.type as string[]) : n.type ? [n.type as string] : [];
}

/** A value for one schema node: mostly plausible (members, examples, in range), sometimes wrong (type, range, sentinel). */
export function valueFor(
  node: SchemaNode | undefined,
  tenant: TenantValues,
  key: string,
  depth = 0,
): fc.Arbitrary<Json> {
  const n = resolve(node);
  if (!n) return fc.constant(null);
  const options: fc.Arbitrary<Json>[] = [];
  if (key === 'regionName') options.push(fc.constantFrom(...tenant.regionNames, 'automatic'));
  if (key === 'onPremisesConnectionId') options.push(fc.constantFrom(...tenant.connectionIds));
  if (n.enum) options.push(fc.constantFrom(...(n.enum as Json[])));
  const examples = (n.examples ?? []) as Json[];
  if (examples.length) options.push(fc.constantFrom(...examples));
  const types = typesOf(n);
  if (types.includes('string')) options.push(fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 16 })));
  if (types.includes('boolean')) options.push(fc.boolean());
  if (types.includes('integer') || types.includes('number')) {
    const bounds = n as SchemaNode & { minimum?: number; maximum?: number };
    const min = bounds.minimum ?? 0;
    const max = bounds.maximum ?? 1000;
    options.push(fc.integer({ min: min - 3, max: max + 3 }));
  }
  if (types.includes('null')) options.push(fc.constant(null));
  if (types.includes('object') && n.properties && depth < 3) options.push(objectFor(n, tenant, depth + 1));
  if (types.includes('array') && n.items && depth < 3)
    options.push(fc.array(valueFor(n.items as SchemaNode, tenant, key, depth + 1), { maxLength: 2 }));
  // Now and then a value of another JSON type altogether.
  const wrong = fc.constantFrom<Json>(1, true, 'text', [], {});
  return options.length
    ? fc.oneof({ arbitrary: fc.oneof(...options), weight: 9 }, { arbitrary: wrong, weight: 1 })
    : wrong;
}

function objectFor(n: SchemaNode, tenant: TenantValues, depth: number): fc.Arbitrary<Obj> {
  const props = Object.entries(n.properties ?? {}).filter(([k]) => !FILE_ONLY.has(k));
  const record: Record<string, fc.Arbitrary<Json>> = {};
  for (const [k, child] of props) record[k] = valueFor(child as SchemaNode, tenant, k, depth);
  return fc.record(record, { requiredKeys: [] });
}

/** A policy built from the schema: a displayName most of the time, a few other properties, rarely an unknown one. */
export function schemaPolicy(tenant: TenantValues): fc.Arbitrary<Obj> {
  const props = Object.entries(resolve(POLICY_SCHEMA)!.properties ?? {}).filter(([k]) => !FILE_ONLY.has(k));
  const entry = fc
    .constantFrom(...props)
    .chain(([k, child]) => valueFor(child as SchemaNode, tenant, k).map((v) => [k, v] as const));
  return fc
    .record({
      name: fc.option(fc.constantFrom('Sales', 'Finance dedicated', 'R&D', ' '), { freq: 8, nil: undefined }),
      entries: fc.array(entry, { maxLength: 6 }),
      unknown: fc.option(fc.constantFrom('imageTyp', 'nope', 'provisioningtype'), { freq: 10, nil: undefined }),
    })
    .map(({ name, entries, unknown }) => {
      const out: Obj = name === undefined ? {} : { displayName: name };
      for (const [k, v] of entries) out[k] = v;
      if (unknown) out[unknown] = 'x';
      return out;
    });
}

/** Every policy of the samples (fleet files give each of theirs), without the file-only keys. */
export function samplePolicies(root: string): Obj[] {
  const dir = path.join(root, 'samples');
  const out: Obj[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpcpolicy.json'))) {
    const doc = parse(readFileSync(path.join(dir, f), 'utf8'), [], { allowTrailingComma: true }) as Obj;
    for (const p of Array.isArray(doc.policies) ? (doc.policies as Obj[]) : [doc]) out.push(withoutFileKeys(p));
  }
  return out;
}

export function withoutFileKeys(p: Obj): Obj {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !FILE_ONLY.has(k)));
}

/** The paths a sample holds down to depth 3 (objects and the first item of lists), as mutation points. */
function pathsOf(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (prefix.length >= 3 || value === null || typeof value !== 'object') return out;
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.slice(0, 1).map((v, i) => [i, v])
    : Object.entries(value as Obj);
  for (const [k, v] of entries) {
    out.push([...prefix, k]);
    pathsOf(v, [...prefix, k], out);
  }
  return out;
}

function schemaAt(path: (string | number)[]): SchemaNode | undefined {
  let n: SchemaNode | undefined = resolve(POLICY_SCHEMA);
  for (const seg of path) {
    n = resolve(n);
    if (!n) return undefined;
    n = typeof seg === 'number' ? (n.items as SchemaNode | undefined) : (n.properties?.[seg] as SchemaNode | undefined);
  }
  return n;
}

function setAt(root: Obj, path: (string | number)[], value: Json | undefined): Obj {
  const copy = structuredClone(root);
  let o: Record<string | number, Json> = copy;
  for (const seg of path.slice(0, -1)) {
    const next = o[seg];
    if (next === null || typeof next !== 'object') return copy;
    o = next as Record<string | number, Json>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(Number(last), 1);
    else delete o[last];
  } else o[last] = value;
  return copy;
}

/** A sample with one to three edits: a property set to a schema-drawn value, or removed. */
export function mutatedSample(samples: readonly Obj[], tenant: TenantValues): fc.Arbitrary<Obj> {
  return fc.constantFrom(...samples).chain((sample) => {
    const points = pathsOf(sample);
    const topLevel = Object.keys(resolve(POLICY_SCHEMA)!.properties ?? {})
      .filter((k) => !FILE_ONLY.has(k))
      .map((k) => [k]);
    const edit = fc.constantFrom(...points, ...topLevel).chain((p) => {
      const key = String([...p].reverse().find((s) => typeof s === 'string') ?? '');
      return fc.option(valueFor(schemaAt(p), tenant, key), { freq: 5, nil: undefined }).map((v) => ({ p, v }));
    });
    return fc
      .array(edit, { minLength: 1, maxLength: 3 })
      .map((edits) => edits.reduce((doc, e) => setAt(doc, e.p, e.v), sample));
  });
}
