// Rules that read the schema's annotations rather than its assertions: read-only properties (the service
// ignores them), open enums (the service adds members) and the unknownFutureValue sentinel (docs/rules.md
// CPC204, CPC209, CPC310).
import { closestMatch } from './closestMatch';
import type { JsonPath } from './finding';
import { removeFix, replaceValueFix } from './hit';
import type { Hit } from './hit';
import { asObject } from './jsonValue';
import { childSchema, enumMembers, resolve } from './schemaModel';
import type { SchemaNode } from './schemaNavigator';
import { RULES } from './ruleCodes';

/** What to check under one key of an object schema. */
type KeyRule =
  | { kind: 'readOnly' }
  | { kind: 'openEnum'; members: Set<string>; list: string[] }
  | { kind: 'closedEnum' }
  | { kind: 'object' | 'list'; plan: WalkPlan };

/**
 * Per object schema: the rule of each key, classified on first sight and then cached, so the walk
 * allocates nothing on clean input and the first validation classifies only the keys a document has
 * (cold start) instead of the whole schema.
 */
interface WalkPlan {
  schema: SchemaNode;
  properties: Record<string, SchemaNode>;
  /** null: nothing to check under this key. Only the schema's own keys are cached (bounded). */
  rules: Map<string, KeyRule | null>;
}

const plans = new WeakMap<SchemaNode, WalkPlan | null>();

function planFor(schemaNode: SchemaNode | undefined): WalkPlan | undefined {
  if (!schemaNode) return undefined;
  const cached = plans.get(schemaNode);
  if (cached !== undefined) return cached ?? undefined;
  const s = resolve(schemaNode);
  const plan = s?.properties ? { schema: s, properties: s.properties, rules: new Map<string, KeyRule | null>() } : null;
  plans.set(schemaNode, plan);
  return plan ?? undefined;
}

function ruleFor(plan: WalkPlan, key: string): KeyRule | null {
  const cached = plan.rules.get(key);
  if (cached !== undefined) return cached;
  if (!Object.prototype.hasOwnProperty.call(plan.properties, key)) return null;
  const rule = classify(childSchema(plan.schema, key));
  plan.rules.set(key, rule);
  return rule;
}

function classify(child: SchemaNode | undefined): KeyRule | null {
  if (!child) return null;
  if (child.readOnly) return { kind: 'readOnly' };
  if (child['x-openEnum']) {
    const list = enumMembers(child);
    return { kind: 'openEnum', members: new Set(list), list };
  }
  if (enumMembers(child).includes(SENTINEL)) return { kind: 'closedEnum' };
  const plan = child.properties ? planFor(child) : child.items ? planFor(child.items) : undefined;
  return plan ? { kind: child.properties ? 'object' : 'list', plan } : null;
}

/** Walks a value alongside its schema (bounded by the schema's depth, so deep junk is not traversed). */
export function annotationHits(value: unknown, schema: SchemaNode, path: JsonPath): Hit[] {
  const hits: Hit[] = [];
  const plan = planFor(schema);
  const obj = asObject(value);
  if (plan && obj) walk(obj, plan, { parent: undefined, base: path }, hits);
  return hits;
}

/** A path built only when a hit needs it: descending allocates one small link, never a copied array. */
interface PathLink {
  parent: PathLink | undefined;
  /** The root link holds the base path; the others one key, and an index for list items. */
  base?: JsonPath;
  key?: string;
  index?: number;
}

function pathOf(link: PathLink, last: string): JsonPath {
  const reversed: (string | number)[] = [last];
  let base: JsonPath = [];
  for (let l: PathLink | undefined = link; l; l = l.parent) {
    if (l.index !== undefined) reversed.push(l.index);
    if (l.key !== undefined) reversed.push(l.key);
    if (l.base) base = l.base;
  }
  return [...base, ...reversed.reverse()];
}

function walk(obj: Record<string, unknown>, plan: WalkPlan, at: PathLink, hits: Hit[]): void {
  // Object.keys (own keys, for…in's order): a hostile object of 100,000 keys is in dictionary mode, where for…in is slower.
  const keys = Object.keys(obj);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const rule = ruleFor(plan, key);
    if (rule === null) continue;
    const value = obj[key];
    if (rule.kind === 'readOnly') hits.push(readOnlyHit(key, pathOf(at, key)));
    else if (value === SENTINEL && (rule.kind === 'openEnum' || rule.kind === 'closedEnum'))
      hits.push(sentinelHit(pathOf(at, key)));
    else if (rule.kind === 'openEnum') {
      if (typeof value === 'string' && !rule.members.has(value))
        hits.push(openEnumHit(value, rule.list, pathOf(at, key)));
    } else if (rule.kind === 'object') {
      const o = asObject(value);
      if (o) walk(o, rule.plan, { parent: at, key }, hits);
    } else if (rule.kind === 'list' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const o = asObject(value[i]);
        if (o) walk(o, rule.plan, { parent: at, key, index: i }, hits);
      }
    }
  }
}

function readOnlyHit(key: string, path: JsonPath): Hit {
  return {
    rule: RULES.readOnlyProperty,
    severity: 'warning',
    message: `'${key}' is read-only: the service sets it and ignores it in requests; remove it.`,
    path,
    part: 'member',
    tags: ['unnecessary'],
    fixes: [removeFix(`Remove read-only '${key}'`, path)],
  };
}

/** Graph enums end their first members with unknownFutureValue: a marker for members added later, never a value to send. */
const SENTINEL = 'unknownFutureValue';

function sentinelHit(path: JsonPath): Hit {
  const name = String(path[path.length - 1]);
  return {
    rule: RULES.sentinelEnumValue,
    severity: 'error',
    message: `'unknownFutureValue' only marks where members added later begin: the service does not accept it as a ${name}. Use a real member.`,
    path,
    part: 'value',
  };
}

function openEnumHit(value: string, members: string[], path: JsonPath): Hit {
  const guess = closestMatch(
    value,
    members.filter((m) => m !== 'unknownFutureValue'),
  );
  const name = String(path[path.length - 1]);
  return {
    rule: RULES.unknownOpenEnumMember,
    severity: 'warning',
    message: `'${value}' is not a ${name} we know${guess ? `: did you mean '${guess}'?` : '.'} The service adds members over time, so it may still be valid: check it in your tenant.`,
    path,
    part: 'value',
    fixes: guess ? [replaceValueFix(`Change to '${guess}'`, path, guess)] : [],
  };
}
