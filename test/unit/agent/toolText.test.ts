// How list answers read: a header, the rows (one or several lines each) between the intro and outro lines,
// cut at the budget with a line saying how many were left out.
import * as assert from 'node:assert/strict';
import { listText } from '../../../src/core/agent/toolText';

describe('agent list answers (listText)', () => {
  it('puts the header, intro, each item’s lines and the outro in order', () => {
    const text = listText('2 things.', ['a', 'b'], (x) => [`- ${x}`, `  more on ${x}`], {
      intro: ['Things:'],
      outro: ['Next page: skip 2.'],
    });
    assert.equal(text, '2 things.\nThings:\n- a\n  more on a\n- b\n  more on b\nNext page: skip 2.');
  });

  it('cuts at the budget and says how many lines were left out and what to do', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const text = listText('100 rows.', items, (i) => `- row ${i} ${'x'.repeat(40)}`, {
      budget: 1000,
      more: 'use pageSize and skip',
    });
    const lines = text.split('\n');
    assert.ok(text.length <= 1000, `${text.length}`);
    assert.equal(lines[0], '100 rows.');
    assert.match(
      lines.at(-1)!,
      new RegExp(`^… ${101 - (lines.length - 1)} more line\\(s\\) not shown \\(use pageSize and skip\\)\\.$`),
    );
  });
});
