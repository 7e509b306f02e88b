// The assign what-if counts Frontline dedicated capacity as the simulator and the service do (docs/simulator.md rule 2).
import * as assert from 'node:assert/strict';
import { computeWhatIf } from '../../../src/vscode/commands/assignWhatIf';
import { plainLocalize } from '../../../src/vscode/views/treeNodes';

function workers(n: number) {
  return Array.from({ length: n }, (_, i) => ({ '@odata.type': '#microsoft.graph.user', id: `u${i}`, displayName: `Worker ${i}`, userPrincipalName: `worker${i}@contoso.com` }));
}

describe('assign what-if: Frontline capacity', () => {
  for (const provisioningType of ['sharedByUser', 'shared'] as const) {
    it(`gives three users per ${provisioningType} licence a Cloud PC and skips the rest`, () => {
      const r = computeWhatIf({
        policy: { id: 'p', displayName: 'Shift', provisioningType, cloudPcNamingTemplate: 'FLW-%RAND:6%' },
        groups: [{ id: 'g', displayName: 'Shift', members: workers(7), allotment: 2 }],
        licenses: new Map(), coveredElsewhere: new Map(), existing: [],
      }, plainLocalize);
      assert.deepEqual(r.gets.map((u) => u.userId), ['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
      assert.deepEqual(r.skipped.map((u) => [u.name, u.reason]), [['Worker 6', 'beyond the allotment of 2 (6 Cloud PCs)']]);
    });
  }

  it('keeps Frontline shared at one pooled Cloud PC per licence', () => {
    const r = computeWhatIf({
      policy: { id: 'p', displayName: 'Pool', provisioningType: 'sharedByEntraGroup', cloudPcNamingTemplate: 'SHR-%RAND:6%' },
      groups: [{ id: 'g', displayName: 'Pool', members: workers(7), allotment: 2 }],
      licenses: new Map(), coveredElsewhere: new Map(), existing: [],
    }, plainLocalize);
    assert.deepEqual(r.pools, [{ group: 'Pool', count: 2 }]);
  });
});
