// planDeploy: policy files against a tenant → what apply would do, per policy (create, update with the
// changed properties, rename, assignments added and removed with their what-if, unchanged, delete, or
// refused with the reason). Each file is parsed once; the tenant's policies are listed once.
import type { CloudPcApi } from '../graph/cloudPcApi';
import type { CloudPc } from '../model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { policyBindings } from '../policy/policyBinding';
import { validateDocument } from '../policy/validator';
import { preflightProblems } from './deployPreflight';
import type { Localize } from './deployPreflight';
import type { DeployFile, DeployPlan, FileProblem, FileShape, PolicyPlan } from './deployPlan';
import { assignmentWhatIf, deleteWhatIf, WhatIfReader } from './deployWhatIf';
import { assignmentChange, propertyChanges } from './policyDiff';
import { parsePolicyFiles } from './policyFileShape';
import type { PolicyFile } from './policyFileShape';
import { collisionRefusals, duplicateBindingRefusals } from './planRefusals';

export interface PlanOptions {
  signal?: AbortSignal;
  /** Tenant policies no file names are deleted (apply's --prune); otherwise they are left alone. */
  prune?: boolean;
  /** A binding to a policy the tenant no longer has becomes a create (the editor asks first) instead of a refusal. */
  createMissing?: boolean;
  /** Cloud PCs already loaded (the editor's sidebar): the what-if reads no list of its own. */
  cloudPcs?: readonly CloudPc[];
  /** Compute who gets a Cloud PC and who enters grace (default true; the diff does not need it). */
  whatIf?: boolean;
  /** Localized messages (the editor's l10n); default: the English text. */
  t?: Localize;
}

const english: Localize = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[+i]));

/** Plans the deploy of `files` to the tenant behind `api`. Reads only; a plan with problems or refusals applies nothing. */
export async function planDeploy(
  files: readonly DeployFile[],
  api: CloudPcApi,
  options: PlanOptions = {},
): Promise<DeployPlan> {
  const t = options.t ?? english;
  const problems: FileProblem[] = [];
  const shapes: FileShape[] = [];
  const read = files.flatMap((f) => readFile(f, problems, shapes, t));
  const deployed = await api.listPolicies({ signal: options.signal });
  const byId = new Map(deployed.map((p) => [p.id.toLowerCase(), p]));
  const byName = new Map<string, CloudPcProvisioningPolicy>();
  for (const p of deployed) if (!byName.has(p.displayName)) byName.set(p.displayName, p);
  const policies = read.map((r) => matchPolicy(r, byId, byName, options, t));
  duplicateBindingRefusals(policies, t);
  collisionRefusals(policies, deployed, t);
  await addPreflight(policies, api, problems, t, options.signal);
  const reader = new WhatIfReader(api, options.signal, options.cloudPcs);
  if (options.whatIf !== false) await Promise.all(policies.map((p) => addWhatIf(p, reader, deployed)));
  if (options.prune) policies.push(...(await prunePlans(deployed, policies, reader)));
  for (const p of policies) if (p.refusals.length > 0) p.action = 'refused';
  return { files: shapes, policies, problems };
}

interface ReadPolicy {
  file: string;
  index: number;
  source: PolicyFile;
  boundId: string | undefined;
}

/** Validator errors and shape problems become file problems; the file's policies are planned only without them. */
function readFile(file: DeployFile, problems: FileProblem[], shapes: FileShape[], t: Localize): ReadPolicy[] {
  const errors = validateDocument(file.text).filter((f) => f.severity === 'error');
  for (const e of errors)
    problems.push({ file: file.path, message: e.message, code: e.code, line: lineOf(file.text, e.range.offset) });
  const set = parsePolicyFiles(file.text);
  const shape = [...set.errors, ...set.policies.flatMap((p) => p.errors)];
  if (errors.length === 0) for (const message of shape) problems.push({ file: file.path, message });
  shapes.push({ path: file.path, isFleet: set.isFleet, policies: set.policies.length });
  // A file with findings is still planned (a reader sees what it would do), never applied: apply refuses problems.
  if (shape.length > 0) return [];
  const ids = file.boundIds ?? policyBindings(file.text).map((b) => b.id);
  if (ids.length !== set.policies.length)
    problems.push({
      file: file.path,
      message: t('The bindings list {0} policies; the file has {1}.', ids.length, set.policies.length),
    });
  return set.policies.map((source, index) => ({ file: file.path, index, source, boundId: ids[index] }));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The deployed policy a file's policy stands for: its binding, else its exact displayName (docs/deploy.md, "Bindings"). */
function matchPolicy(
  r: ReadPolicy,
  byId: Map<string, CloudPcProvisioningPolicy>,
  byName: Map<string, CloudPcProvisioningPolicy>,
  options: PlanOptions,
  t: Localize,
): PolicyPlan {
  const name = r.source.fields.displayName ?? '';
  const base = { file: r.file, index: r.index, name, changes: [], refusals: [], source: r.source };
  if (r.boundId) {
    const found = byId.get(r.boundId.toLowerCase());
    if (found) return compare({ ...base, action: 'update', matchedBy: 'binding' }, found);
    const plan: PolicyPlan = { ...base, action: 'create', matchedBy: 'binding', missingId: r.boundId };
    if (!options.createMissing)
      plan.refusals.push(
        t(
          '"{0}" is bound to the policy id {1}, which the tenant does not have (deleted, or bound on another tenant): remove the id from its `policy id` comment or its bindings entry to create it anew, or bind it to the right policy.',
          name,
          r.boundId,
        ),
      );
    return plan;
  }
  const found = byName.get(name);
  return found
    ? compare({ ...base, action: 'update', matchedBy: 'name' }, found)
    : { ...base, action: 'create', matchedBy: 'none' };
}

function compare(plan: PolicyPlan, deployed: CloudPcProvisioningPolicy): PolicyPlan {
  const source = plan.source!;
  plan.policyId = deployed.id;
  plan.deployed = deployed;
  plan.changes = propertyChanges(source, deployed);
  if (source.fields.displayName !== undefined && source.fields.displayName !== deployed.displayName)
    plan.rename = { from: deployed.displayName, to: source.fields.displayName };
  plan.assignments = assignmentChange(source, deployed);
  if (plan.changes.length === 0 && !plan.rename && !plan.assignments) plan.action = 'unchanged';
  return plan;
}

/** What the backend would refuse (groups, Frontline plans, immutable fields), checked before anything is written. */
async function addPreflight(
  policies: PolicyPlan[],
  api: CloudPcApi,
  problems: FileProblem[],
  t: Localize,
  signal: AbortSignal | undefined,
): Promise<void> {
  const changing = policies.filter((p) => p.action === 'create' || p.action === 'update');
  const found = await preflightProblems(
    api,
    changing.map((p) => ({ file: p.source!, existing: p.deployed })),
    t,
    signal,
  );
  for (const { step, message } of found) {
    const plan = changing[step];
    if (plan) plan.refusals.push(message);
    else problems.push({ file: '', message });
  }
}

async function addWhatIf(
  plan: PolicyPlan,
  reader: WhatIfReader,
  deployed: readonly CloudPcProvisioningPolicy[],
): Promise<void> {
  const targets = plan.source?.assignments;
  if (plan.refusals.length > 0 || !targets) return;
  if (plan.action === 'create' && targets.length === 0) return;
  if (plan.action === 'update' && !plan.assignments) return;
  if (plan.action === 'unchanged') return;
  const policy = plan.deployed ?? {
    id: '',
    displayName: plan.name,
    provisioningType: plan.source!.fields.provisioningType,
    cloudPcNamingTemplate: plan.source!.fields.cloudPcNamingTemplate ?? '',
  };
  plan.whatIf = await assignmentWhatIf(reader, policy as CloudPcProvisioningPolicy, targets, deployed);
}

/** With prune: every tenant policy no file stands for is deleted (its assignments removed first). */
async function prunePlans(
  deployed: readonly CloudPcProvisioningPolicy[],
  planned: readonly PolicyPlan[],
  reader: WhatIfReader,
): Promise<PolicyPlan[]> {
  const kept = new Set(planned.map((p) => p.policyId ?? p.missingId).filter(Boolean));
  const gone = deployed.filter((p) => !kept.has(p.id));
  return Promise.all(
    gone.map(async (p): Promise<PolicyPlan> => {
      const assignments = p.assignments ?? [];
      return {
        file: '',
        index: -1,
        name: p.displayName,
        action: 'delete',
        policyId: p.id,
        matchedBy: 'none',
        changes: [],
        ...(assignments.length > 0 ? { assignments: { added: [], removed: assignments.map((a) => a.target) } } : {}),
        whatIf: await deleteWhatIf(reader, p.id),
        refusals: [],
        deployed: p,
      };
    }),
  );
}
