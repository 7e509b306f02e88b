// Validator ⇔ simulator agreement, as a property: for generated policy documents (from the schema and from
// mutations of samples/), validateDocument reports no error exactly when the simulator's create answers 201,
// and a 400 names the property of the validator's first error. The only deliberate disagreement is listed in
// docs/rules.md ("Validator and simulator"): tenant lookups the editor cannot make.
// `npm test` runs a bounded count; CPCPOLICY_AGREEMENT_RUNS=10000 runs the full property (docs/testing.md).
import * as assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/policy/finding';
import { validateDocument } from '../../../src/core/policy/validator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSimulatorRequestProcessor } from '../../../src/core/simulator/rest/simulatorHandler';
import { mutatedSample, samplePolicies, schemaPolicy } from './policyArbitraries';

const RUNS = Number(process.env.CPCPOLICY_AGREEMENT_RUNS ?? 1500);
const POLICIES = '/beta/deviceManagement/virtualEndpoint/provisioningPolicies';
/** Problems only a tenant can answer (its network connections and regions): docs/rules.md, deliberate. */
const TENANT_LOOKUP =
  /domainJoinConfigurations\[\d+\]: Azure network connection '[^']*' was not found\.|Target Geography is invalid\./g;

/** The property a finding is about: the last name in its path, else the one its message quotes (a missing required property). */
function propertyOf(f: Finding): string {
  const named = [...(f.path ?? [])].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s));
  return named !== undefined ? String(named) : (/'([^']+)'/.exec(f.message)?.[1] ?? '');
}

describe('validator ⇔ simulator agreement (property)', function () {
  this.timeout(Math.max(60_000, RUNS * 20));
  const sim = new Simulator(createSeedData('empty'));
  const call = createSimulatorRequestProcessor(sim);
  const tenant = {
    regionNames: sim.catalog.supportedRegions.map((r) => r.id),
    connectionIds: [...sim.connections.keys()],
  };
  const samples = samplePolicies(path.resolve(__dirname, '../../..'));
  const seen = { created: 0, refused: 0, tenantLookups: 0 };

  function agree(doc: Record<string, unknown>): void {
    const text = JSON.stringify(doc, null, 2);
    const errors = validateDocument(text).filter((f) => f.severity === 'error');
    const r = call({ method: 'POST', url: POLICIES, headers: { 'content-type': 'application/json' }, body: text });
    const body = r.body ? (JSON.parse(r.body) as { id?: string; error?: { innerError?: { message?: string } } }) : {};
    const why = `${text}\nvalidator: ${JSON.stringify(errors.map((f) => `${f.code} ${f.message}`))}\nsimulator: ${r.status} ${r.body}`;
    if (r.status === 201) {
      assert.deepEqual(
        errors.map((f) => f.code),
        [],
        `the simulator created a policy the validator calls wrong\n${why}`,
      );
      seen.created++;
      call({ method: 'DELETE', url: `${POLICIES}/${body.id}`, headers: {} });
      return;
    }
    assert.equal(r.status, 400, why);
    const message = body.error?.innerError?.message ?? '';
    if (errors.length === 0) {
      // The one deliberate disagreement: the editor cannot know the tenant's connections and regions.
      assert.equal(
        message.replace(TENANT_LOOKUP, '').trim(),
        '',
        `the simulator refused a policy the validator accepts\n${why}`,
      );
      seen.tenantLookups++;
      return;
    }
    assert.ok(message.includes(propertyOf(errors[0]!)), `the 400 does not name '${propertyOf(errors[0]!)}'\n${why}`);
    seen.refused++;
  }

  it(`agrees on ${RUNS} generated documents (schema-built and mutated samples)`, () => {
    fc.assert(fc.property(fc.oneof(schemaPolicy(tenant), mutatedSample(samples, tenant)), agree), { numRuns: RUNS });
    // The generator must exercise both answers, or the property says little.
    assert.ok(seen.created > RUNS / 20 && seen.refused > RUNS / 20, JSON.stringify(seen));
    if (process.env.CPCPOLICY_AGREEMENT_RUNS) process.stderr.write(`      agreement: ${JSON.stringify(seen)}\n`);
  });
});
