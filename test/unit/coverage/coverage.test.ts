// Who a policy gives a Cloud PC, from the rules in docs/simulator.md "The behaviour it models": a licence per
// Enterprise Cloud PC and three Cloud PCs per Frontline dedicated licence (rule 2), the first assigned policy
// wins (rule 4), a Cloud PC belongs to the policy that provisioned it (rule 8).
import * as assert from 'node:assert/strict';
import { allotmentCapacity, decideCoverage } from '../../../src/core/coverage/coverage';
import type { CoverageFacts } from '../../../src/core/coverage/coverage';
import { provisioningKindOf } from '../../../src/core/model/provisioningKind';

const ENTERPRISE = provisioningKindOf('dedicated');
const FRONTLINE_DEDICATED = provisioningKindOf('sharedByUser');

function facts(over: Partial<CoverageFacts>): CoverageFacts {
  return {
    kind: ENTERPRISE,
    slotHeldBy: 'none',
    earlierPolicy: false,
    licensed: true,
    allotmentUsed: 0,
    allotmentLicences: null,
    ...over,
  };
}

describe('coverage: whether a policy gives a user a Cloud PC', () => {
  it('gives a licensed user of an Enterprise policy a Cloud PC, and an unlicensed one none (rule 2)', () => {
    assert.deepEqual(decideCoverage(facts({})), { covered: true, keeps: false });
    assert.deepEqual(decideCoverage(facts({ licensed: false })), { covered: false, reason: 'noLicence' });
  });

  it('gives none when a policy assigned earlier covers the user: the first assigned wins (rule 4)', () => {
    assert.deepEqual(decideCoverage(facts({ earlierPolicy: true })), { covered: false, reason: 'claimedElsewhere' });
    assert.deepEqual(decideCoverage(facts({ kind: FRONTLINE_DEDICATED, earlierPolicy: true })), {
      covered: false,
      reason: 'claimedElsewhere',
    });
  });

  it('keeps the Cloud PC this policy provisioned, even when a policy assigned earlier now covers the user (rule 8)', () => {
    assert.deepEqual(decideCoverage(facts({ slotHeldBy: 'thisPolicy', earlierPolicy: true })), {
      covered: true,
      keeps: true,
    });
  });

  it("provisions nothing while another policy's Cloud PC holds the licence (rule 8)", () => {
    assert.deepEqual(decideCoverage(facts({ slotHeldBy: 'otherPolicy' })), {
      covered: false,
      reason: 'claimedElsewhere',
    });
  });

  it('lets each Frontline dedicated licence of the allotment serve three users; the next one waits (rule 2)', () => {
    assert.deepEqual(
      decideCoverage(facts({ kind: FRONTLINE_DEDICATED, licensed: false, allotmentLicences: 2, allotmentUsed: 5 })),
      { covered: true, keeps: false },
    );
    assert.deepEqual(decideCoverage(facts({ kind: FRONTLINE_DEDICATED, allotmentLicences: 2, allotmentUsed: 6 })), {
      covered: false,
      reason: 'beyondAllotment',
    });
    assert.deepEqual(
      decideCoverage(facts({ kind: FRONTLINE_DEDICATED, allotmentLicences: null, allotmentUsed: 3 })),
      { covered: false, reason: 'beyondAllotment' },
      'no allotment count is one licence',
    );
  });

  it('gives no per-user Cloud PC for Frontline shared (a pool) or Reserve (a device action) (rule 2)', () => {
    for (const type of ['sharedByEntraGroup', 'reserve', 'somethingNew']) {
      assert.deepEqual(
        decideCoverage(facts({ kind: provisioningKindOf(type) })),
        { covered: false, reason: 'notPerUser' },
        type,
      );
    }
  });

  it('counts three Cloud PCs per Frontline dedicated licence and one per Frontline shared licence (rule 2)', () => {
    assert.equal(allotmentCapacity(FRONTLINE_DEDICATED, 2), 6);
    assert.equal(allotmentCapacity(provisioningKindOf('shared'), null), 3);
    assert.equal(allotmentCapacity(provisioningKindOf('sharedByEntraGroup'), 2), 2);
  });
});
