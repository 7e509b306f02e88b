// $filter, $orderby and $search on Cloud PCs read their records through a view and an index, not by shaping
// every Cloud PC: the answer must be byte for byte the one shaping every Cloud PC and filtering those gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { toGraphCloudPc } from '../../../src/core/simulator/rest/graphShapes';
import { cloudPcView } from '../../../src/core/simulator/rest/cloudPcView';
import { parseCollectionQuery, applySelect, compareBy } from '../../../src/core/simulator/rest/odataQuery';
import type { CloudPcRecord } from '../../../src/core/simulator/simulatorState';

const VE = '/beta/deviceManagement/virtualEndpoint';

function demo(): Simulator {
  const sim = new Simulator(createSeedData('demo'));
  sim.advanceBy(30 * 60 * 1000); // some provisioned, some still provisioning: every shape of record
  // A deleted policy's Cloud PCs (in grace) keep its name: the view must read it as the shape writes it.
  const policy = sim.cloudPcList()[0].policyId;
  const unassigned = sim.assignPolicy(policy, []);
  const deleted = sim.deletePolicy(policy);
  assert.ok(unassigned.ok && deleted.ok, "the first Cloud PC's policy is unassigned and deleted");
  return sim;
}

/** What the list answered before record views: every Cloud PC shaped, then searched, filtered, sorted, paged. */
function shapedThenFiltered(sim: Simulator, search: string, evolvable: boolean): Record<string, unknown>[] {
  const q = parseCollectionQuery(new URLSearchParams(search));
  if (!q.ok) throw new Error(q.message);
  let rows = sim.cloudPcList().map((c) => toGraphCloudPc(sim, c, evolvable) as unknown as Record<string, unknown>);
  if (q.value.filter) rows = rows.filter(q.value.filter.test);
  if (q.value.orderBy) rows.sort(compareBy(q.value.orderBy));
  const end = q.value.top !== undefined ? Math.min(rows.length, q.value.skip + q.value.top) : rows.length;
  return rows.slice(q.value.skip, end).map((r) => applySelect(r, q.value.select));
}

const literal = (v: unknown): string => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

function filterArbitrary(sim: Simulator): fc.Arbitrary<string> {
  const pcs = sim.cloudPcList().map((c) => toGraphCloudPc(sim, c, true) as unknown as Record<string, unknown>);
  const props = ['id', 'displayName', 'userPrincipalName', 'provisioningPolicyId', 'status', 'servicePlanId'];
  const more = ['productType', 'provisioningPolicyName', 'gracePeriodEndDateTime', 'managedDeviceName', 'osVersion'];
  const valueOf = (p: string) =>
    fc.oneof(
      fc
        .constantFrom(...pcs.map((pc) => pc[p]))
        .chain((v) => (typeof v === 'string' ? fc.constantFrom(v, v.toUpperCase(), v.toLowerCase()) : fc.constant(v))),
      fc.constantFrom(null, 'zzz', "o'brien"),
    );
  const comparison = fc
    .tuple(fc.constantFrom(...props, ...more), fc.constantFrom('eq', 'eq', 'eq', 'ne', 'gt', 'lt'))
    .chain(([p, op]) => valueOf(p).map((v) => `${p} ${op} ${literal(v)}`));
  const fn = fc
    .tuple(fc.constantFrom('startswith', 'endswith', 'contains'), fc.constantFrom('displayName', 'userPrincipalName'))
    .chain(([f, p]) => fc.string({ maxLength: 3 }).map((s) => `${f}(${p},${literal(s)})`));
  const sso = fc.boolean().map((b) => `connectionSetting/enableSingleSignOn eq ${b}`);
  // The shapes the deploy plan sends: a policy's Cloud PCs, and a few users' Cloud PCs joined by `or`.
  const indexedEq = (p: string) => valueOf(p).map((v) => `${p} eq ${literal(v)}`);
  const byUsers = fc
    .array(indexedEq('userPrincipalName'), { minLength: 1, maxLength: 15 })
    .map((xs) => xs.join(' or '));
  const narrowed = fc
    .tuple(fc.oneof(indexedEq('provisioningPolicyId'), byUsers), comparison)
    .map(([a, b]) => `(${a}) and ${b}`);
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      comparison,
      fn,
      sso,
      byUsers,
      narrowed,
      fc.tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('expr').map((e) => `not (${e})`),
      tie('expr').map((e) => `(${e})`),
    ),
  }));
  return expr;
}

/** Random edits of the records, as the tenant's own changes would make them. */
const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({
    at: fc.nat(),
    upn: fc.constantFrom<'keep' | 'upper' | 'null'>('keep', 'upper', 'null'),
    policyFrom: fc.nat(),
    status: fc.constantFrom<CloudPcRecord['status']>('provisioned', 'failed', 'inGracePeriod', 'provisioning'),
  }),
  { maxLength: 8 },
);

type Edit = { at: number; upn: 'keep' | 'upper' | 'null'; policyFrom: number; status: CloudPcRecord['status'] };

function applyEdits(sim: Simulator, list: Edit[]): void {
  const records = [...sim.cloudPcs.values()];
  for (const e of list) {
    const c = records[e.at % records.length]!;
    if (e.upn === 'upper') c.userPrincipalName = c.userPrincipalName?.toUpperCase() ?? null;
    if (e.upn === 'null') c.userPrincipalName = null;
    c.status = e.status;
    sim.unindexCloudPc(c);
    c.policyId = records[e.policyFrom % records.length]!.policyId;
    sim.indexCloudPc(c, true);
    sim.emit('cloudPc', c.id, 'updated');
  }
}

describe('Cloud PC lists filter records, not their Graph shapes', () => {
  it('reads each property through the record view exactly as the Graph shape writes it', () => {
    const sim = demo();
    for (const evolvable of [true, false]) {
      const view = cloudPcView(sim, evolvable);
      for (const c of sim.cloudPcList()) {
        const shaped = toGraphCloudPc(sim, c, evolvable) as unknown as Record<string, unknown>;
        assert.deepEqual(Object.keys(view.properties), Object.keys(shaped));
        for (const [name, read] of Object.entries(view.properties)) assert.deepEqual(read(c), shaped[name], name);
      }
    }
  });

  it('answers every random filter, sort, select and page byte for byte as shaping every Cloud PC did', async () => {
    const base = demo();
    await fc.assert(
      fc.asyncProperty(
        edits,
        filterArbitrary(base),
        fc.option(fc.constantFrom('displayName', 'status desc', 'userPrincipalName,id desc'), { nil: undefined }),
        fc.option(fc.constantFrom('id,status', 'userPrincipalName,connectionSetting'), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        fc.boolean(),
        async (list, filter, orderBy, select, top, evolvable) => {
          const sim = demo();
          applyEdits(sim, list);
          const handler = createSimulatorHandler(sim);
          const params = new URLSearchParams({ $filter: filter, $count: 'true' });
          if (orderBy) params.set('$orderby', orderBy);
          if (select) params.set('$select', select);
          if (top) params.set('$top', String(top));
          const headers: Record<string, string> = evolvable ? { prefer: 'include-unknown-enum-members' } : {};
          // Twice: the second answer comes from the index and the cached texts the first one built.
          for (let round = 0; round < 2; round++) {
            const r = await handler({ method: 'GET', url: `${VE}/cloudPCs?${params}`, headers });
            assert.equal(r.status, 200, r.body);
            const got = JSON.parse(r.body!) as Record<string, unknown>;
            const expected = shapedThenFiltered(sim, params.toString(), evolvable);
            const total = sim.cloudPcList().filter((c) => {
              const q = parseCollectionQuery(new URLSearchParams({ $filter: filter }));
              return (
                q.ok && q.value.filter!.test(toGraphCloudPc(sim, c, evolvable) as unknown as Record<string, unknown>)
              );
            }).length;
            assert.equal(got['@odata.count'], total, filter);
            const head = Object.fromEntries(Object.entries(got).filter(([k]) => k !== 'value'));
            assert.equal(r.body, JSON.stringify({ ...head, value: expected }), filter);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
