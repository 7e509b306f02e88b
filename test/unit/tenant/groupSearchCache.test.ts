// Group completion asks the backend only when no earlier answer holds every match.
import * as assert from 'node:assert/strict';
import { GROUP_SEARCH_PAGE, GroupSearchCache, groupNameMatches } from '../../../src/core/tenant/groupSearchCache';

const group = (displayName: string, i = 0) => ({ id: `id-${displayName}-${i}`, displayName });

describe('group search cache', () => {
  it('matches words of the name by prefix, case-insensitively, as $search on displayName does', () => {
    assert.ok(groupNameMatches('Finance Cloud PC users', 'cloud'));
    assert.ok(groupNameMatches('sg-finance', 'FIN'));
    assert.ok(!groupNameMatches('Finance', 'ance'));
  });

  it('matches every word of the query anywhere in the name, in any order', () => {
    assert.ok(groupNameMatches('W365 Help Desk', 'help desk'));
    assert.ok(groupNameMatches('W365 Help Desk', 'desk HELP'));
    assert.ok(groupNameMatches('W365 Sales Team', 'Sales team'));
    assert.ok(groupNameMatches('W365 Sales Team', 'team'));
    assert.ok(!groupNameMatches('W365 Sales', 'sales team'), 'every word, not any');
  });

  it('answers a longer prefix from a shorter one whose answer was complete', () => {
    const cache = new GroupSearchCache();
    cache.remember('f', [group('Finance'), group('Facilities'), group('Frontline stores')]);
    assert.deepEqual(
      cache.lookup('fi')?.map((g) => g.displayName),
      ['Finance'],
    );
    assert.deepEqual(
      cache.lookup('Fr')?.map((g) => g.displayName),
      ['Frontline stores'],
    );
  });

  it('asks again when the shorter answer was a full page (it may not hold every match), and never for an unknown text', () => {
    const cache = new GroupSearchCache();
    cache.remember(
      's',
      Array.from({ length: GROUP_SEARCH_PAGE }, (_, i) => group(`Sales ${i}`, i)),
    );
    assert.equal(cache.lookup('sa'), undefined);
    assert.equal(new GroupSearchCache().lookup('x'), undefined);
  });
});
