// The policy name a Cloud PC row shows: the tenant's current name, or the carried name marked deleted.
import * as assert from 'node:assert/strict';
import { policyNameText, shownPolicyName } from '../../../src/core/model/policyNameOfCloudPc';

const tenant = new Map([['p1', 'Sales desks v2']]);
const known = (id: string): string | undefined => tenant.get(id);

describe('the policy name shown for a Cloud PC', () => {
  it("shows the policy's current name, not the one the Cloud PC was read with (a rename)", () => {
    assert.deepEqual(shownPolicyName('p1', 'Sales desks', known), { name: 'Sales desks v2', deleted: false });
  });

  it('shows the name the Cloud PC carries, marked deleted, when the tenant has no such policy', () => {
    const shown = shownPolicyName('gone', 'Old pilot', known);
    assert.deepEqual(shown, { name: 'Old pilot', deleted: true });
    assert.equal(policyNameText(shown), 'Old pilot (deleted)');
  });

  it('falls back to the id only when nothing names the deleted policy', () => {
    assert.equal(policyNameText(shownPolicyName('gone', null, known)), 'gone (deleted)');
  });

  it('calls nothing deleted before the policies were read', () => {
    assert.deepEqual(shownPolicyName('p9', 'Pilot', undefined), { name: 'Pilot', deleted: false });
  });

  it('a Cloud PC without a policy is not deleted', () => {
    assert.deepEqual(shownPolicyName(null, null, known), { name: '', deleted: false });
  });
});
