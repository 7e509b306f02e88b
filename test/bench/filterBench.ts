// Filtered Cloud PC lists and the deploy plan that sends them, before and after filtering records instead of
// their Graph shapes, side by side in one run. "Before" is the collection's shape-then-filter path (what every
// filtered list did before record views): the same handler, with that one route answered the old way.
import type { BenchRow } from './benchRow';
import { median } from './benchTiming';
import { buildTenant, edited } from './deployBench';
import type { Simulator } from '../../src/core/simulator/simulator';
import { createSimulatorHandler } from '../../src/core/simulator/rest/simulatorHandler';
import { collection, query } from '../../src/core/simulator/rest/odataCollection';
import { toGraphCloudPc } from '../../src/core/simulator/rest/graphShapes';
import type { RestContext } from '../../src/core/simulator/rest/restContext';
import { HttpProblem } from '../../src/core/simulator/rest/restContext';
import { createInProcessCloudPcApi } from '../../src/core/graph/createCloudPcApi';
import type { RestHandler, RestRequest } from '../../src/core/model/rest';
import { exportPolicyFiles } from '../../src/core/deploy/exportFiles';
import { planDeploy } from '../../src/core/deploy/planDeploy';
import { planCounts } from '../../src/core/deploy/deployPlan';

const CLOUD_PCS = 'deviceManagement/virtualEndpoint/cloudPCs';

/** The handler, except that a filtered Cloud PC list shapes every Cloud PC first, as it did before. */
function beforeHandler(sim: Simulator): RestHandler {
  const now = createSimulatorHandler(sim);
  return async (req: RestRequest) => {
    const url = new URL(req.url, 'https://graph.microsoft.com');
    if (!url.pathname.endsWith(`/${CLOUD_PCS}`) || !url.searchParams.has('$filter')) return now(req);
    const ctx: RestContext = {
      requestId: 'bench',
      clientRequestId: 'bench',
      date: sim.iso(),
      sim,
      method: 'GET',
      segments: url.pathname.split('/').filter(Boolean),
      params: url.searchParams,
      origin: url.origin,
      version: 'beta',
      includeEvolvable: false,
      headers: {},
      rawBody: undefined,
    };
    try {
      return collection(ctx, CLOUD_PCS, sim.cloudPcList(), (c) => toGraphCloudPc(sim, c, false), query(ctx));
    } catch (err) {
      if (err instanceof HttpProblem) return err.response;
      throw err;
    }
  };
}

function counted(handler: RestHandler): { handler: RestHandler; count: () => number } {
  let n = 0;
  return { handler: (req) => (n++, handler(req)), count: () => n };
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const ratio = (before: number, after: number): string => `${(before / Math.max(after, 0.001)).toFixed(0)}×`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function runFilterBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const sizes = opts.quick ? [10_000] : [10_000, 100_000];
  const rows: BenchRow[] = [];
  for (const users of sizes) {
    const policies = opts.quick ? 30 : 300;
    const { sim, groupIds } = buildTenant(users, policies);
    const label = `${policies} policies, ${users.toLocaleString('en-US')} Cloud PCs`;
    const after = createSimulatorHandler(sim);
    const before = beforeHandler(sim);

    // 1. One policy's Cloud PCs, as the plan asks for them.
    const policyId = sim.cloudPcList()[0]!.policyId;
    const url = `/beta/${CLOUD_PCS}?$filter=provisioningPolicyId eq '${policyId}'&$select=id,displayName,userPrincipalName,status,provisioningPolicyId`;
    const list = (h: RestHandler) => () => Promise.resolve(h({ method: 'GET', url, headers: {} }));
    const bodies = [
      (await before({ method: 'GET', url, headers: {} })).body,
      (await after({ method: 'GET', url, headers: {} })).body,
    ];
    if (bodies[0] !== bodies[1]) throw new Error('before and after answered different bodies');
    const listRuns = opts.quick ? 2 : users > 10_000 ? 5 : 9;
    const listBefore: number[] = [];
    const listAfter: number[] = [];
    for (let r = 0; r < listRuns; r++) {
      listBefore.push(await timed(list(before)));
      listAfter.push(await timed(list(after)));
    }
    // A changed tenant: the first list after a change scans, the second builds the index, later ones read it.
    sim.emit('tenant', '', 'updated');
    const scan = await timed(list(after));
    const build = await timed(list(after));
    const b = median(listBefore);
    const a = median(listAfter);
    rows.push({
      name: `filter: one policy's Cloud PCs, $filter=provisioningPolicyId eq … (${label}): before (every Cloud PC shaped) → after (indexed); after a change: first list (scan), second (builds the index)`,
      value: `${ms(b)} → ${ms(a)} (${ratio(b, a)} faster); ${ms(scan)}, ${ms(build)}`,
    });

    // 2. plan of 3 changed policies (a setting, +1 group, −1 group), the what-if reading filtered lists.
    const api = { before: counted(before), after: counted(after) };
    const files = exportPolicyFiles(await createInProcessCloudPcApi(after).listPolicies(), 'bench').map((f) => ({
      path: f.name,
      text: f.text,
    }));
    const changed = edited(files, groupIds);
    const plan = (h: RestHandler) => () => planDeploy(changed, createInProcessCloudPcApi(h));
    const c = planCounts(await plan(api.after.handler)());
    if (c.update !== 3) throw new Error(`planned ${c.update} updates, expected 3`);
    const planRuns = opts.quick ? 1 : users > 10_000 ? 3 : 5;
    // Before costs ~1.5 s per filtered list at 100,000: one run there, as the row says.
    const beforeRuns = opts.quick || users > 10_000 ? 1 : 3;
    const planBefore: number[] = [];
    const planAfter: number[] = [];
    for (let r = 0; r < Math.max(planRuns, beforeRuns); r++) {
      if (r < beforeRuns) planBefore.push(await timed(plan(api.before.handler)));
      if (r < planRuns) planAfter.push(await timed(plan(api.after.handler)));
    }
    const requests = api.after.count() / (planRuns + 1);
    const pb = median(planBefore);
    const pa = median(planAfter);
    rows.push({
      name: `filter: plan, 3 policies changed (${c.gets + c.grace} Cloud PCs in the what-if) (${label}); ${requests} Graph requests; before ${beforeRuns === 1 ? 'one run' : `median of ${beforeRuns}`} → after median of ${planRuns}`,
      value: `${ms(pb)} → ${ms(pa)} (${ratio(pb, pa)} faster)`,
      target: '≤ 2000 ms',
      ok: pa <= 2000,
    });
  }
  return rows;
}
