// Simulator benchmarks: a 100,000-user tenant provisioned in simulated time, one membership change
// in it, and paging 10,000 Cloud PCs through the in-process handler. Medians; targets beside them.
import type { BenchRow } from './benchRow';
import { Simulator } from '../../src/core/simulator/simulator';
import { createSeedData } from '../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../src/core/simulator/rest/simulatorHandler';
import { toGraphCloudPc } from '../../src/core/simulator/rest/graphShapes';
import { SKU_ENTERPRISE_2VCPU, IMAGE_WIN11_24H2_M365 } from '../../src/core/simulator/catalogSeed';
import { HOUR } from '../../src/core/simulator/timeUnits';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as os from 'node:os';

/** A full GC so the heap figure is what the tenant retains, not garbage awaiting collection. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Process CPU time in ms (every thread: GC helpers included). On a shared machine it says what the work cost. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Users in groups (round-robin), each with one Enterprise license; policies assigned to equal shares of groups. */
function buildTenant(
  users: number,
  groups: number,
  policies: number,
): { sim: Simulator; groupIds: string[]; policyIds: string[] } {
  const sim = new Simulator(
    createSeedData('empty', { units: { e2: users + 1000, e4: 10, frontline: 5 }, randomSeed: 'bench' }),
  );
  const groupIds = Array.from(
    { length: groups },
    (_, g) => must(sim.createGroup({ displayName: `Bench group ${g}` })).id,
  );
  for (let i = 0; i < users; i++) {
    const u = must(
      sim.createUser({ displayName: `Bench User ${i}`, userPrincipalName: `bench.user${i}@contoso.onmicrosoft.com` }),
    );
    must(sim.assignLicense(u.id, [SKU_ENTERPRISE_2VCPU], []));
    must(sim.addMember(groupIds[i % groups], u.id));
  }
  const policyIds = Array.from(
    { length: policies },
    (_, p) =>
      must(
        sim.createPolicy({
          displayName: `Bench policy ${p}`,
          imageType: 'gallery',
          imageId: IMAGE_WIN11_24H2_M365,
          cloudPcNamingTemplate: 'CPC-%USERNAME:3%-%RAND:7%',
          domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
        }),
      ).policy.id,
  );
  return { sim, groupIds, policyIds };
}

function assignAll(sim: Simulator, groupIds: string[], policyIds: string[]): void {
  const per = Math.ceil(groupIds.length / policyIds.length);
  policyIds.forEach((pid, p) =>
    must(
      sim.assignPolicy(
        pid,
        groupIds.slice(p * per, (p + 1) * per).map((groupId) => ({
          groupId,
          servicePlanId: null,
          allotmentDisplayName: null,
          allotmentLicensesCount: null,
        })),
      ),
    ),
  );
}

/** Alternately adds one licensed user to a group and removes it again; ms per change. */
function membershipChanges({ sim, groupIds }: { sim: Simulator; groupIds: string[] }, count: number): number[] {
  const out: number[] = [];
  const joiner = must(
    sim.createUser({ displayName: 'Bench Joiner', userPrincipalName: 'bench.joiner@contoso.onmicrosoft.com' }),
  );
  must(sim.assignLicense(joiner.id, [SKU_ENTERPRISE_2VCPU], []));
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    must(
      i % 2 === 0
        ? sim.addMember(groupIds[i % groupIds.length], joiner.id)
        : sim.removeMember(groupIds[(i - 1) % groupIds.length], joiner.id),
    );
    out.push(performance.now() - t0);
  }
  return out;
}

export async function runSimulatorBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const users = opts.quick ? 5_000 : 100_000;
  const reps = opts.quick ? 1 : 3;

  // 1. A whole tenant provisioned in simulated time.
  const provisionMs: number[] = [];
  const provisionCpuMs: number[] = [];
  const buildMs: number[] = [];
  let heapMb = 0;
  let tenant: ReturnType<typeof buildTenant> | undefined;
  for (let r = 0; r < reps; r++) {
    tenant = undefined;
    collectGarbage();
    const t0 = performance.now();
    tenant = buildTenant(users, 200, 10);
    const t1 = performance.now();
    const c1 = cpuMs();
    assignAll(tenant.sim, tenant.groupIds, tenant.policyIds);
    tenant.sim.advanceBy(3 * HOUR);
    const t2 = performance.now();
    provisionCpuMs.push(cpuMs() - c1);
    let provisioned = 0;
    for (const c of tenant.sim.cloudPcs.values()) if (c.status === 'provisioned') provisioned++;
    if (provisioned !== users) throw new Error(`only ${provisioned} of ${users} Cloud PCs provisioned`);
    buildMs.push(t1 - t0);
    provisionMs.push(t2 - t1);
    collectGarbage();
    heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 1024 / 1024);
  }
  const label = `${users.toLocaleString('en-US')} users / 200 groups / 10 policies`;
  rows.push({ name: `simulator: build directory (${label})`, value: `${median(buildMs).toFixed(0)} ms` });
  rows.push({
    name: `simulator: assign + provision all in simulated time (${label})`,
    value: `${median(provisionMs).toFixed(0)} ms`,
    target: '≤ 2000 ms',
    ok: median(provisionMs) <= 2000,
  });
  rows.push({ name: `simulator: same, process CPU time (${label})`, value: `${median(provisionCpuMs).toFixed(0)} ms` });
  rows.push({
    name: `simulator: heap after provisioning (${label})`,
    value: `${heapMb.toFixed(0)} MB`,
    target: '≤ 300 MB',
    ok: heapMb <= 300,
  });

  // 2. One membership change in that tenant: proportional to the change, not the tenant.
  const changeMs = membershipChanges(tenant!, opts.quick ? 50 : 500);
  rows.push({
    name: `simulator: one membership change reconciled (${label})`,
    value: `${median(changeMs).toFixed(3)} ms`,
    target: '≤ 1 ms',
    ok: median(changeMs) <= 1,
  });
  tenant = undefined;
  collectGarbage();

  // 3. Paging 10,000 Cloud PCs through the in-process handler with $top=100.
  const small = buildTenant(10_000, 20, 2);
  assignAll(small.sim, small.groupIds, small.policyIds);
  small.sim.advanceBy(3 * HOUR);
  const handler = createSimulatorHandler(small.sim);
  // The floor, side by side: the same 100 pages shaped once, then serialized each round. JSON.stringify
  // returns a rope of small parts (cheap to make, flattened by whoever parses it); a body the client parses
  // without a copy is flat, and 134 KB flat strings are large-object allocations: the flattened row.
  const pcs = small.sim.cloudPcList();
  const pages = Array.from({ length: 100 }, (_, p) => ({
    value: pcs.slice(p * 100, p * 100 + 100).map((c) => toGraphCloudPc(small.sim, c, false)),
  }));
  const handlerMs: number[] = [];
  const handlerCpuMs: number[] = [];
  const withParseMs: number[] = [];
  const stringifyMs: number[] = [];
  const flatMs: number[] = [];
  const stringifyCpuMs: number[] = [];
  const flatCpuMs: number[] = [];
  let sink = 0;
  for (let r = 0; r < (opts.quick ? 2 : 9); r++) {
    let inHandler = 0;
    let cpuInHandler = 0;
    const t0 = performance.now();
    let url: string | undefined = '/beta/deviceManagement/virtualEndpoint/cloudPCs?$top=100';
    let seen = 0;
    while (url) {
      const c0 = cpuMs();
      const h0 = performance.now();
      const res = await handler({ method: 'GET', url, headers: {} });
      inHandler += performance.now() - h0;
      cpuInHandler += cpuMs() - c0;
      // What a client does with the page: parse it (the Graph SDK does the same).
      const body = JSON.parse(res.body!) as { value: unknown[]; '@odata.nextLink'?: string };
      seen += body.value.length;
      url = body['@odata.nextLink'];
    }
    withParseMs.push(performance.now() - t0);
    handlerMs.push(inHandler);
    handlerCpuMs.push(cpuInHandler);
    if (seen !== 10_000) throw new Error(`paged ${seen} Cloud PCs, expected 10000`);
    let f0 = performance.now();
    let c0 = cpuMs();
    for (const page of pages) sink += JSON.stringify(page).length;
    stringifyMs.push(performance.now() - f0);
    stringifyCpuMs.push(cpuMs() - c0);
    f0 = performance.now();
    c0 = cpuMs();
    // trim() flattens the rope (nothing to trim: the text runs from { to }).
    for (const page of pages) sink += JSON.stringify(page).trim().length;
    flatMs.push(performance.now() - f0);
    flatCpuMs.push(cpuMs() - c0);
  }
  if (sink === 0) throw new Error('no pages serialized');
  const paged = median(handlerMs);
  const floor = median(stringifyMs);
  const flat = median(flatMs);
  rows.push({
    name: 'simulator: list 10,000 Cloud PCs through the in-process handler, $top=100 (100 pages, 12.8 MB of JSON)',
    value: `${paged.toFixed(1)} ms (${(paged / floor).toFixed(1)}× floor, ${(paged / flat).toFixed(1)}× flat floor)`,
    target: '≤ 50 ms',
    ok: paged <= 50,
  });
  rows.push({
    name: 'simulator: floor, JSON.stringify of the same 100 pages (a rope: the parse that reads it flattens it)',
    value: `${floor.toFixed(1)} ms (CPU ${median(stringifyCpuMs).toFixed(1)} ms)`,
  });
  rows.push({
    name: 'simulator: flat floor, the same JSON.stringify flattened (a body parsed without a copy, as the handler answers)',
    value: `${flat.toFixed(1)} ms (CPU ${median(flatCpuMs).toFixed(1)} ms)`,
  });
  rows.push({
    name: 'simulator: same, process CPU time in the handler',
    value: `${median(handlerCpuMs).toFixed(1)} ms`,
  });
  rows.push({
    name: "simulator: same, including the client's JSON.parse of every page",
    value: `${median(withParseMs).toFixed(1)} ms`,
  });
  // Wall-clock medians on a shared machine: the load average says how much CPU the run actually had.
  rows.push({
    name: `simulator: machine load average during the run (${os.cpus().length} CPUs)`,
    value: os.loadavg()[0].toFixed(2),
  });
  return rows;
}
