// The cached Cloud PC JSON is never stale: whatever record field changes, the next listing equals the Cloud PC
// shaped afresh (graphShapes keeps one list of the inputs it copies and compares).
import * as assert from 'node:assert/strict';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { toGraphCloudPc } from '../../../src/core/simulator/rest/graphShapes';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { Simulator } from '../../../src/core/simulator/simulator';
import { handlerTransport, onePc, TenantClient } from './tenantClient';

describe('cached Cloud PC JSON follows every field of the record', () => {
  it('changing any primitive field of a Cloud PC record changes the next listing', async () => {
    const sim = new Simulator(createSeedData('empty'));
    const t = new TenantClient(handlerTransport(createSimulatorHandler(sim)));
    await onePc(t);
    await t.advance({ hours: 3 });
    const record = [...sim.cloudPcs.values()][0]!;
    // Internal bookkeeping that no Graph property shows; the id is the key the listing is found by.
    const skip = new Set(['id', 'gen', 'stage', 'attempts', 'footprintAt', 'footprintSeq', 'slot', 'settledStatus']);
    for (const key of Object.keys(record) as (keyof typeof record)[]) {
      const value = record[key];
      if (skip.has(key) || !['string', 'number', 'boolean'].includes(typeof value)) continue;
      await t.cloudPcs(); // twice: the text is cached from the second read on
      await t.cloudPcs();
      (record as unknown as Record<string, unknown>)[key] =
        typeof value === 'string' ? `${value}-changed` : typeof value === 'number' ? value + 1 : !value;
      sim.emit('cloudPc', record.id, 'updated'); // what every mutation site does: the tenant's version moves
      const [listed] = await t.cloudPcs();
      assert.deepEqual(listed, JSON.parse(JSON.stringify(toGraphCloudPc(sim, record, true))), key);
    }
  });
});
