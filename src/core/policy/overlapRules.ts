// Overlapping targets (docs/rules.md CPC325): a user gets one Cloud PC per licence, from the first assigned of
// the policies that cover them; the others provision nothing for that user. Checked across the policies of a
// fleet file and, when the caller passes them, the policies already deployed in the tenant (plain data).
import { perUserFamily } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import type { Hit } from './hit';
import { asArray, asObject, asString } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { RULES } from './ruleCodes';

/** A policy deployed in the tenant, as the Graph client lists it with `$expand=assignments`. */
export interface DeployedPolicy {
  id?: string;
  displayName?: string;
  provisioningType?: string | null;
  assignments?: readonly { target: { groupId: string } }[] | null;
}

export interface PolicyInFile {
  path: JsonPath;
  value: JsonObject;
  /** The deployed policy's id this policy is bound to (the `policy id` comment Pull and Deploy write), if any. */
  boundId?: string;
}

/** One policy's claim on a group. `assigned`: the tenant already has this assignment (it was assigned before anything in the file). */
interface Claim {
  /** Which policy claims: a group listed twice in one policy is CPC323's business, not an overlap. */
  owner: object;
  name: string;
  assigned: boolean;
  /** Where the claim sits in the file; undefined for a policy only in the tenant. */
  at?: JsonPath;
  groupId: string;
}

function groupsOf(assignments: unknown): string[] {
  const out: string[] = [];
  for (const a of asArray(assignments) ?? []) {
    const g = asString(asObject(asObject(a)?.['target'])?.['groupId']);
    if (g) out.push(g);
  }
  return out;
}

/**
 * Group display names by lower-case id, where the tenant at hand knows them: a finding names the group an admin
 * recognises, with its id beside it.
 */
export type GroupNames = Readonly<Record<string, string>>;

export function overlapHits(
  policies: readonly PolicyInFile[],
  deployed: readonly DeployedPolicy[] = [],
  groupNames: GroupNames = {},
): Hit[] {
  if (policies.length + deployed.length < 2) return [];
  const claims = new Map<string, Claim[]>();
  const claim = (family: string, c: Claim): void => {
    const key = `${family}|${c.groupId.toLowerCase()}`;
    const list = claims.get(key);
    if (list) list.push(c);
    else claims.set(key, [c]);
  };
  const matched = new Set<DeployedPolicy>();
  for (const p of policies) {
    const family = perUserFamily(p.value['provisioningType']);
    if (!family) continue;
    const name = asString(p.value['displayName']) ?? 'this policy';
    const self = deployedTwin(p, deployed);
    if (self) matched.add(self);
    const inTenant = new Set((self?.assignments ?? []).map((a) => a.target.groupId.toLowerCase()));
    const list = asArray(p.value['assignments']) ?? [];
    for (let i = 0; i < list.length; i++) {
      const groupId = asString(asObject(asObject(list[i])?.['target'])?.['groupId']);
      if (groupId)
        claim(family, {
          owner: p,
          name,
          groupId,
          assigned: inTenant.has(groupId.toLowerCase()),
          at: [...p.path, 'assignments', i, 'target', 'groupId'],
        });
    }
  }
  for (const d of deployed) {
    const family = perUserFamily(d.provisioningType);
    if (!family || matched.has(d)) continue;
    for (const groupId of groupsOf(d.assignments))
      claim(family, { owner: d, name: d.displayName ?? d.id ?? 'a deployed policy', groupId, assigned: true });
  }
  const hits: Hit[] = [];
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    // One pass with a set: a group shared by every policy of a 1 MB fleet must not cost owners × owners.
    const owners = new Set<object>();
    const firstPerOwner = list.filter((c) => !owners.has(c.owner) && owners.add(c.owner));
    if (firstPerOwner.length > 1) overlapOf(firstPerOwner, groupNames, hits);
  }
  return hits;
}

/**
 * The same policy in the tenant: by id when the file carries one or is bound to one (a bound policy keeps its
 * deployed copy through a rename), else by displayName.
 */
function deployedTwin(p: PolicyInFile, deployed: readonly DeployedPolicy[]): DeployedPolicy | undefined {
  const id = asString(p.value['id']) ?? p.boundId;
  if (id) return deployed.find((d) => d.id === id);
  const name = asString(p.value['displayName']);
  return name === undefined ? undefined : deployed.find((d) => d.displayName === name);
}

/** `'Sales team' (64ff…)` where the tenant knows the group's name, else its id. */
function groupLabel(groupId: string, groupNames: GroupNames): string {
  const name = groupNames[groupId.toLowerCase()];
  return name === undefined ? groupId : `'${name}' (${groupId})`;
}

function overlapOf(list: Claim[], groupNames: GroupNames, hits: Hit[]): void {
  const assigned = list.filter((c) => c.assigned);
  // Assigned in the tenant comes before anything still in the file; the file is deployed, so assigned, in its order.
  if (assigned.length > 1) {
    const names = assigned.map((c) => `'${c.name}'`).join(', ');
    for (const c of list) {
      if (!c.at) continue;
      hits.push(
        hit(
          c,
          `Group ${groupLabel(c.groupId, groupNames)} is assigned to several policies in the tenant (${names}): each user gets a Cloud PC from the one assigned first, and the others provision nothing for them. Keep one.`,
        ),
      );
    }
    return;
  }
  const winner = assigned[0] ?? list[0]!;
  const where = winner.at
    ? winner.assigned
      ? 'assigned in the tenant'
      : 'earlier in this file, so assigned first'
    : 'already assigned in the tenant';
  for (const c of list) {
    if (c === winner || !c.at) continue;
    hits.push(
      hit(
        c,
        `Group ${groupLabel(c.groupId, groupNames)} is also targeted by '${winner.name}' (${where}): its members get their Cloud PC from '${winner.name}', the first assigned, and '${c.name}' provisions nothing for them.`,
      ),
    );
  }
}

function hit(c: Claim, message: string): Hit {
  return { rule: RULES.overlappingTargets, severity: 'warning', message, path: c.at!, part: 'value' };
}
