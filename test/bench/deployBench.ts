// Deploy engine benchmarks: `plan` of 300 policies against a simulated tenant of 100,000 Cloud PCs, and
// `export` of the same 300 policies, through the in-process simulator with every Graph request counted.
// Medians side by side in one run, with a floor: JSON.parse of the exported text (the least any plan does).
import type { BenchRow } from './benchRow';
import { median } from './benchTiming';
import { Simulator } from '../../src/core/simulator/simulator';
import { createSeedData } from '../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../src/core/simulator/rest/simulatorHandler';
import { SKU_ENTERPRISE_2VCPU, IMAGE_WIN11_24H2_M365 } from '../../src/core/simulator/catalogSeed';
import { HOUR } from '../../src/core/simulator/timeUnits';
import { createInProcessCloudPcApi } from '../../src/core/graph/createCloudPcApi';
import type { CloudPcApi } from '../../src/core/graph/cloudPcApi';
import type { RestHandler } from '../../src/core/model/rest';
import { exportPolicyFiles } from '../../src/core/deploy/exportFiles';
import type { DeployFile } from '../../src/core/deploy/deployPlan';
import { planDeploy } from '../../src/core/deploy/planDeploy';
import { planCounts, planHasChanges } from '../../src/core/deploy/deployPlan';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** `users` licensed users in one group per policy, each policy assigned its group, provisioned. */
export function buildTenant(users: number, policies: number): { sim: Simulator; groupIds: string[] } {
  const sim = new Simulator(
    createSeedData('empty', { units: { e2: users + 10, e4: 10, frontline: 5 }, randomSeed: 'deploy' }),
  );
  const groupIds = Array.from(
    { length: policies },
    (_, g) => must(sim.createGroup({ displayName: `Deploy group ${g}` })).id,
  );
  for (let i = 0; i < users; i++) {
    const u = must(sim.createUser({ displayName: `User ${i}`, userPrincipalName: `user${i}@contoso.onmicrosoft.com` }));
    must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
    must(sim.addMember(groupIds[i % policies]!, u.id));
  }
  for (let p = 0; p < policies; p++) {
    const id = must(
      sim.createPolicy({
        displayName: `Deploy policy ${p}`,
        description: `Policy ${p} of the bench`,
        imageType: 'gallery',
        imageId: IMAGE_WIN11_24H2_M365,
        cloudPcNamingTemplate: 'CPC-%USERNAME:3%-%RAND:7%',
        domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
      }),
    ).policy.id;
    const target = {
      groupId: groupIds[p]!,
      servicePlanId: null,
      allotmentDisplayName: null,
      allotmentLicensesCount: null,
    };
    must(sim.assignPolicy(id, [target]));
  }
  sim.advanceBy(3 * HOUR);
  return { sim, groupIds };
}

function counted(handler: RestHandler): { handler: RestHandler; count: () => number; reset: () => void } {
  let n = 0;
  return {
    handler: (req) => {
      n++;
      return handler(req);
    },
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}

async function exportTexts(api: CloudPcApi): Promise<DeployFile[]> {
  const files = exportPolicyFiles(await api.listPolicies(), 'bench');
  return files.map((f) => ({ path: f.name, text: f.text }));
}

/** Three edits a pull request might hold: a setting, a new group, a removed group (the what-if reads). */
export function edited(files: DeployFile[], groupIds: string[]): DeployFile[] {
  return files.map((f, i) => {
    if (i > 2) return f;
    const [header, ...rest] = f.text.split('\n');
    const o = JSON.parse(rest.join('\n')) as { description: string; assignments: { target: { groupId: string } }[] };
    if (i === 0) o.description = 'Edited';
    if (i === 1) o.assignments.push({ target: { groupId: groupIds[groupIds.length - 1]! } });
    if (i === 2) o.assignments = [];
    return { ...f, text: `${header}\n${JSON.stringify(o, null, 2)}\n` };
  });
}

export async function runDeployBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const users = opts.quick ? 10_000 : 100_000;
  const policies = opts.quick ? 30 : 300;
  const runs = opts.quick ? 2 : 7;
  const { sim, groupIds } = buildTenant(users, policies);
  if (sim.cloudPcs.size !== users) throw new Error(`${sim.cloudPcs.size} Cloud PCs, expected ${users}`);
  const requests = counted(createSimulatorHandler(sim));
  const api = createInProcessCloudPcApi(requests.handler);
  const files = await exportTexts(api);
  const changed = edited(files, groupIds);
  const allText = files.map((f) => f.text.replace(/^\/\/.*\n/, '')).join('\n');

  const samples = { export: [] as number[], plan: [] as number[], planChanged: [] as number[], floor: [] as number[] };
  const reqs = { export: 0, plan: 0, planChanged: 0 };
  let cloudPcsMoved = 0;
  for (let r = 0; r < runs; r++) {
    requests.reset();
    let t0 = performance.now();
    await exportTexts(api);
    samples.export.push(performance.now() - t0);
    reqs.export = requests.count();

    requests.reset();
    t0 = performance.now();
    const plan = await planDeploy(files, api);
    samples.plan.push(performance.now() - t0);
    reqs.plan = requests.count();
    if (planHasChanges(plan)) throw new Error('an exported tenant planned changes');

    t0 = performance.now();
    for (const f of files) JSON.parse(f.text.replace(/^\/\/.*\n/, ''));
    samples.floor.push(performance.now() - t0);
  }
  // Its filtered Cloud PC lists read the simulator's records (filterBench.ts has the before and after).
  let withChanges = await planDeploy(changed, api);
  for (let r = 0; r < runs; r++) {
    requests.reset();
    const t1 = performance.now();
    withChanges = await planDeploy(changed, api);
    samples.planChanged.push(performance.now() - t1);
    reqs.planChanged = requests.count();
  }
  const c = planCounts(withChanges);
  cloudPcsMoved = c.gets + c.grace;
  if (c.update !== 3) throw new Error(`planned ${c.update} updates, expected 3`);
  const label = `${policies} policies, ${users.toLocaleString('en-US')} Cloud PCs`;
  const floor = median(samples.floor);
  const ratio = (ms: number): string => `${(ms / Math.max(floor, 0.001)).toFixed(0)}× floor`;
  const planMs = median(samples.plan);
  const exportMs = median(samples.export);
  return [
    {
      name: `deploy: floor, JSON.parse of the exported files (${(allText.length / 1024).toFixed(0)} KB)`,
      value: `${floor.toFixed(1)} ms`,
    },
    {
      name: `deploy: export (${label}); ${reqs.export} Graph requests`,
      value: `${exportMs.toFixed(0)} ms (${ratio(exportMs)})`,
      target: '≤ 1000 ms',
      ok: exportMs <= 1000,
    },
    {
      name: `deploy: plan, no changes (${label}); ${reqs.plan} Graph requests`,
      value: `${planMs.toFixed(0)} ms (${ratio(planMs)})`,
      target: '≤ 2000 ms, no request per Cloud PC',
      ok: planMs <= 2000 && reqs.plan < policies,
    },
    {
      name: `deploy: plan, 3 policies changed (a setting, +1 group, −1 group: ${cloudPcsMoved} Cloud PCs in the what-if) (${label}); ${reqs.planChanged} Graph requests`,
      value: `${median(samples.planChanged).toFixed(0)} ms`,
      target: '≤ 2000 ms, no request per Cloud PC',
      ok: median(samples.planChanged) <= 2000 && reqs.planChanged < policies,
    },
  ];
}
