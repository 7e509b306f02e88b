// Rules that read the schema's annotations rather than its assertions: read-only properties
// (graph-facts B.1: the service ignores them) and open enums (graph-facts E: the service adds members).
import { closestMatch } from './closestMatch';
import type { JsonPath } from './finding';
import { removeFix, replaceValueFix } from './hit';
import type { Hit } from './hit';
import { asObject } from './jsonValue';
import { childSchema, enumMembers, resolve } from './schemaModel';
import type { SchemaNode } from './schemaModel';
import { RULES } from './ruleCodes';

/** Per object schema: what to look at among its keys, compiled once so the walk allocates nothing on clean input. */
interface WalkPlan {
  readOnly: Set<string>;
  openEnums: Map<string, { members: Set<string>; list: string[] }>;
  objects: Map<string, WalkPlan>;
  /** Keys whose value is a list of objects with a plan. */
  lists: Map<string, WalkPlan>;
}

const plans = new WeakMap<SchemaNode, WalkPlan | null>();

function planFor(schemaNode: SchemaNode | undefined): WalkPlan | undefined {
  const s = resolve(schemaNode);
  if (!s || !s.properties) return undefined;
  const cached = plans.get(schemaNode ?? s);
  if (cached !== undefined) return cached ?? undefined;
  plans.set(schemaNode ?? s, null); // guards recursive schemas
  const plan: WalkPlan = { readOnly: new Set(), openEnums: new Map(), objects: new Map(), lists: new Map() };
  for (const key of Object.keys(s.properties)) {
    const child = childSchema(s, key);
    if (!child) continue;
    if (child.readOnly) plan.readOnly.add(key);
    else if (child['x-openEnum']) {
      const list = enumMembers(child);
      plan.openEnums.set(key, { members: new Set(list), list });
    } else if (child.properties) {
      const p = planFor(child);
      if (p) plan.objects.set(key, p);
    } else if (child.items) {
      const p = planFor(child.items);
      if (p) plan.lists.set(key, p);
    }
  }
  const empty = plan.readOnly.size + plan.openEnums.size + plan.objects.size + plan.lists.size === 0;
  plans.set(schemaNode ?? s, empty ? null : plan);
  return empty ? undefined : plan;
}

/** Walks a value alongside its schema (bounded by the schema's depth, so deep junk is not traversed). */
export function annotationHits(value: unknown, schema: SchemaNode, path: JsonPath): Hit[] {
  const hits: Hit[] = [];
  const plan = planFor(schema);
  const obj = asObject(value);
  if (plan && obj) walk(obj, plan, path, hits);
  return hits;
}

function walk(obj: Record<string, unknown>, plan: WalkPlan, path: JsonPath, hits: Hit[]): void {
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (plan.readOnly.has(key)) {
      hits.push(readOnlyHit(key, [...path, key]));
      continue;
    }
    const value = obj[key];
    const openEnum = plan.openEnums.get(key);
    if (openEnum) {
      if (typeof value === 'string' && !openEnum.members.has(value)) hits.push(openEnumHit(value, openEnum.list, [...path, key]));
      continue;
    }
    const child = plan.objects.get(key);
    if (child) {
      const o = asObject(value);
      if (o) walk(o, child, [...path, key], hits);
      continue;
    }
    const items = plan.lists.get(key);
    if (items && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const o = asObject(value[i]);
        if (o) walk(o, items, [...path, key, i], hits);
      }
    }
  }
}

function readOnlyHit(key: string, path: JsonPath): Hit {
  return { rule: RULES.readOnlyProperty, severity: 'warning', message: `'${key}' is read-only: the service sets it and ignores it in requests; remove it.`, path, part: 'member', tags: ['unnecessary'], fixes: [removeFix(`Remove read-only '${key}'`, path)] };
}

function openEnumHit(value: string, members: string[], path: JsonPath): Hit {
  const guess = closestMatch(value, members.filter((m) => m !== 'unknownFutureValue'));
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
