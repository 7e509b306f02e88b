// Schema, annotation and domain rule hits of one parsed document, policy by policy, stopping at the
// findings cap (docs/rules.md "Bounds"): a hostile fleet costs the policies it shows, not all of them.
import { annotationHits } from './annotationRules';
import { assignmentHits } from './assignmentRules';
import { autopatchHits } from './autopatchRules';
import { deprecationHits } from './deprecationRules';
import type { JsonPath, Severity } from './finding';
import type { Hit } from './hit';
import { asArray, asObject } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { namingHits } from './namingFindings';
import { overlapHits } from './overlapRules';
import type { DeployedPolicy, GroupNames, PolicyInFile } from './overlapRules';
import { graver, policyIndexOf } from './findingCap';
import { policyRuleHits } from './policyRules';
import { reserveHits } from './reserveRules';
import { schemaHitsWithin } from './schemaCheck';
import { isFleet, POLICY_SCHEMA, rootSchemaFor } from './schemaModel';
import { runPolicySchema, runSchema } from './schemaValidator';
import { narrowForSchema } from './wideObjects';

export interface PolicyEntry {
  /** [] for a single policy, ['policies', i] in a fleet. */
  path: JsonPath;
  value: JsonObject;
}

export interface CheckOptions {
  partial: boolean;
  fleetSize?: number;
  deployedPolicies?: readonly DeployedPolicy[];
  /** The deployed id each policy is bound to by its `policy id` comment, by fleet index ([0] for one policy). */
  boundIds?: readonly (string | undefined)[];
  /** Group display names by lower-case id, where the tenant knows them (CPC325). */
  groupNames?: GroupNames;
}

export interface CheckedDocument {
  hits: Hit[];
  /** The policies checked, in order: all of them unless `unchecked` > 0. */
  policies: PolicyEntry[];
  /** Policies never checked because the cap was reached. */
  unchecked: number;
  /** Some check stopped early, so what the cap left out can only be counted as "more". */
  inexact: boolean;
  /** One more than the highest fleet index of a policy (items that are not objects keep their index). */
  indexSpan: number;
  /** Hits past the cap, counted instead of kept: how many and the worst severity among them. */
  past: { count: number; worst?: Severity };
}

/**
 * A fleet is checked one policy at a time (schema, annotations, rules), and the checks stop once the
 * policies checked so far hold more than `room` hits and an error: the cap would drop the rest, and the
 * document's verdict (an error, exit 1) is already settled. Until then, the hits of a policy that starts
 * past the cap are counted, not kept (findingCap.firstPoliciesFirst would drop them all): a fleet of
 * warnings keeps 1,000 hits, not one per policy.
 */
export function checkDocument(root: JsonObject, options: CheckOptions, room: number): CheckedDocument {
  const { partial } = options;
  const list = isFleet(root) ? asArray(root['policies']) : undefined;
  // The document's own checks; a fleet's list is checked item by item below.
  const narrowed = narrowForSchema(root, rootSchemaFor(root), room + 1);
  const own = list ? { ...narrowed.value, policies: [] } : narrowed.value;
  const ownSchema = schemaHitsWithin(root, (budget) => runSchema(own, budget), partial, room);
  const hits: Hit[] = [...ownSchema];
  let inexact = ownSchema.stopped !== undefined || narrowed.dropped > 0;
  for (const h of annotationHits(own, rootSchemaFor(root), [])) hits.push(h);
  let before = hits.length;
  let error = hits.some((h) => h.severity === 'error');
  const add = (found: Hit[]): void => {
    for (const h of found) hits.push(h);
  };
  const rules = (p: PolicyEntry): void => {
    policyRuleHits(p.value, p.path, { partial }, hits);
    add(deprecationHits(p.value, p.path));
    add(assignmentHits(p.value, p.path, partial));
    add(namingHits(p.value, p.path, partial, options.fleetSize));
    add(reserveHits(p.value, p.path, partial));
    add(autopatchHits(p.value, p.path, partial));
  };
  const policies: PolicyEntry[] = [];
  const past = { count: 0, worst: undefined as Severity | undefined };
  if (!list) {
    if (isFleet(root)) return { hits, policies, unchecked: 0, inexact, indexSpan: 0, past };
    policies.push({ path: [], value: root });
    if (before > room && error) return { hits, policies: [], unchecked: 1, inexact: true, indexSpan: 0, past };
    rules(policies[0]!);
  } else {
    const indexSpan = indexSpanOf(list);
    for (let i = 0; i < list.length; i++) {
      if (before > room && error)
        return { hits, policies, unchecked: objectsIn(list, i), inexact: true, indexSpan, past };
      const counting = before > room;
      const start = hits.length;
      const value = asObject(list[i]);
      const item = value ? narrowForSchema(value, POLICY_SCHEMA, Math.max(0, room - before) + 1) : undefined;
      inexact ||= (item?.dropped ?? 0) > 0;
      const run = (budget: number) => runPolicySchema(list, i, root, item?.value, budget);
      const found = schemaHitsWithin(root, run, partial, Math.max(0, room - before));
      inexact ||= found.stopped !== undefined;
      add(found);
      if (value) {
        const p = { path: ['policies', i], value };
        policies.push(p);
        add(annotationHits(item!.value, POLICY_SCHEMA, p.path));
        rules(p);
      }
      before += hits.length - start;
      for (let k = start; k < hits.length && !error; k++) error = hits[k]!.severity === 'error';
      if (counting) countPast(hits, start, past);
    }
  }
  add(overlapHits(boundTo(policies, options.boundIds), options.deployedPolicies, options.groupNames));
  return { hits, policies, unchecked: 0, inexact, indexSpan: list ? indexSpanOf(list) : 0, past };
}

/** Counts the hits from `start` on, with their worst severity, and drops them. */
function countPast(hits: Hit[], start: number, past: { count: number; worst?: Severity }): void {
  for (let k = start; k < hits.length; k++) {
    past.count++;
    past.worst = graver(past.worst, hits[k]!.severity);
  }
  hits.length = start;
}

/** A bound policy is matched to its deployed copy by id, so a rename does not make it overlap itself (docs/rules.md CPC325). */
function boundTo(policies: PolicyEntry[], boundIds: readonly (string | undefined)[] | undefined): PolicyInFile[] {
  if (!boundIds) return policies;
  return policies.map((p) => ({ ...p, boundId: boundIds[p.path.length === 0 ? 0 : policyIndexOf(p.path)] }));
}

/** Every policy of the document, checked or not (per-policy findings of a capped fleet). */
export function policyList(root: JsonObject): PolicyEntry[] {
  if (!isFleet(root)) return [{ path: [], value: root }];
  const out: PolicyEntry[] = [];
  asArray(root['policies'])?.forEach((p, i) => {
    const value = asObject(p);
    if (value) out.push({ path: ['policies', i], value });
  });
  return out;
}

function objectsIn(list: readonly unknown[], from: number): number {
  let n = 0;
  for (let i = from; i < list.length; i++) if (asObject(list[i])) n++;
  return n;
}

function indexSpanOf(list: readonly unknown[]): number {
  let last = list.length - 1;
  while (last >= 0 && !asObject(list[last])) last--;
  return last + 1;
}
