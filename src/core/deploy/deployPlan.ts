// What `planDeploy` says it would do and what `applyPlan` says it did: plain data the editor, the command
// line and the agent tools all read (docs/deploy.md, "Plan").
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { PolicyFile } from './policyFileShape';

/** A policy file as text, and the id each of its policies is bound to on this tenant (default: its comments). */
export interface DeployFile {
  /** How messages name the file (a path relative to the repository, a URI). */
  path: string;
  text: string;
  /**
   * One entry per policy of the file: the deployed policy id it is bound to on this tenant, or undefined.
   * Absent: the `policy id` comment before each policy (the editor's single-tenant binding).
   */
  boundIds?: readonly (string | undefined)[];
}

export type PolicyAction = 'create' | 'update' | 'unchanged' | 'delete' | 'refused';

/** A setting the plan changes: the deployed value and the file's (undefined: absent). */
export interface PropertyChange {
  property: string;
  deployed: unknown;
  file: unknown;
}

/** Groups an assignment change adds and removes (a target whose plan or allotment changes is in both). */
export interface AssignmentChange {
  added: CloudPcManagementGroupAssignmentTarget[];
  removed: CloudPcManagementGroupAssignmentTarget[];
}

/**
 * Who an assignment change affects (docs/simulator.md rules 2, 4, 8), from the coverage rule the simulator
 * provisions by: users who get a new Cloud PC, Cloud PCs that enter the 7-day grace period.
 */
export interface WhatIf {
  gets: number;
  entersGrace: number;
  /** A few user principal names of each, for a reader. */
  getsSample: string[];
  graceSample: string[];
  /** Set when the what-if could not be computed (the directory could not be read): counts are 0. */
  unknown?: string;
}

export interface PolicyPlan {
  /** The file and the policy's place in it (0 for a one-policy file). */
  file: string;
  index: number;
  /** The name in the file (for a delete, the deployed name). */
  name: string;
  action: PolicyAction;
  /** The deployed policy it stands for (update, unchanged, delete; a refused one when known). */
  policyId?: string;
  /** How it was matched: by its binding (comment or bindings file), by its exact displayName, or not at all. */
  matchedBy: 'binding' | 'name' | 'none';
  /** The binding names a policy the tenant does not have. */
  missingId?: string;
  rename?: { from: string; to: string };
  /** Settings that change, in the file's order (displayName aside: see rename). */
  changes: PropertyChange[];
  /** Present when the assignment set changes. */
  assignments?: AssignmentChange;
  whatIf?: WhatIf;
  /** Why the policy cannot be deployed as it is; non-empty exactly when action is 'refused'. */
  refusals: string[];
  /** What the policy was planned from. */
  source?: PolicyFile;
  deployed?: CloudPcProvisioningPolicy;
}

/** A problem with a file as a whole (validator errors, not a policy file): nothing in a plan with one is applied. */
export interface FileProblem {
  file: string;
  message: string;
  /** 1-based line, when known. */
  line?: number;
  code?: string;
}

/** Each file as read: a `{ "policies": [...] }` file, and how many policies it holds. */
export interface FileShape {
  path: string;
  isFleet: boolean;
  policies: number;
}

export interface DeployPlan {
  files: FileShape[];
  policies: PolicyPlan[];
  problems: FileProblem[];
}

export type PolicyStatus = 'changed' | 'partial' | 'failed' | 'notTried' | 'unchanged' | 'refused';

export interface PolicyOutcome {
  file: string;
  index: number;
  name: string;
  action: PolicyAction;
  /** The deployed policy's id after apply (a created one's new id). */
  policyId?: string;
  status: PolicyStatus;
  /** What was done, in order: 'created', 'renamed', 'settings', 'assignments', 'unassigned', 'deleted'. */
  done: string[];
  /** What was planned and not done (a partial or failed policy). */
  notDone: string[];
  error?: string;
  /** The failure itself (its status, its Graph error), for a shell that advises on it. */
  cause?: unknown;
}

/** What the views must reload after an apply: the editor announces these, the command line ignores them. */
export interface OutcomeIntents {
  policiesChanged: boolean;
  /** Policies whose assignments changed (their Cloud PCs appear or enter grace). */
  assignmentsChanged: string[];
}

export interface DeployOutcome {
  /** Why nothing was applied (the plan has problems or refusals, or grace needs permission). */
  refused: string[];
  policies: PolicyOutcome[];
  /** True when every planned change was made. */
  complete: boolean;
  intents: OutcomeIntents;
}

/** Counts a summary line is made of. */
export function planCounts(plan: DeployPlan): Record<PolicyAction, number> & { grace: number; gets: number } {
  const counts = { create: 0, update: 0, unchanged: 0, delete: 0, refused: 0, grace: 0, gets: 0 };
  for (const p of plan.policies) {
    counts[p.action]++;
    counts.grace += p.whatIf?.entersGrace ?? 0;
    counts.gets += p.whatIf?.gets ?? 0;
  }
  return counts;
}

export function planHasChanges(plan: DeployPlan): boolean {
  return plan.policies.some((p) => p.action === 'create' || p.action === 'update' || p.action === 'delete');
}

/** Problems, or any refused policy: apply changes nothing. */
export function planIsBlocked(plan: DeployPlan): boolean {
  return plan.problems.length > 0 || plan.policies.some((p) => p.action === 'refused');
}
