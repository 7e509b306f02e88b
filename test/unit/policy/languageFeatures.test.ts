import * as assert from 'node:assert/strict';
import { getCompletions, NEW_POLICY_SNIPPET } from '../../../src/core/policy/completion';
import { getDocumentSymbols } from '../../../src/core/policy/documentSymbols';
import { MAX_FORMAT_BYTES, formatDocument, formatRefusal } from '../../../src/core/policy/formatting';
import { getHover } from '../../../src/core/policy/hover';
import { getNamePreviews } from '../../../src/core/policy/namePreview';
import { applyEdits, codes } from './policyTestKit';

/** Text with a `|` cursor marker → [text, offset]. */
function cursor(withMarker: string): [string, number] {
  const at = withMarker.indexOf('|');
  return [withMarker.slice(0, at) + withMarker.slice(at + 1), at];
}

describe('completion', () => {
  it('inserts the comma the document needs when a property follows, and none before the closing brace', () => {
    const middle = '{\n  "displayName": "x",\n  \n  "description": "y"\n}';
    const inMiddle = getCompletions(middle, middle.indexOf('\n  \n') + 3).find((e) => e.label === 'enableSingleSignOn');
    assert.equal(inMiddle?.insertText, '"enableSingleSignOn": ${1|false,true|},');
    const last = '{\n  "displayName": "x",\n  \n}';
    const atEnd = getCompletions(last, last.indexOf('\n  \n') + 3).find((e) => e.label === 'enableSingleSignOn');
    assert.equal(atEnd?.insertText, '"enableSingleSignOn": ${1|false,true|}');
  });

  it('offers a whole new policy in an empty file, and the snippet (placeholders filled) validates', () => {
    const items = getCompletions('', 0);
    assert.equal(items[0]!.kind, 'snippet');
    const filled = NEW_POLICY_SNIPPET.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '');
    assert.deepEqual(
      codes(filled).filter((c) => c !== 'CPC324'),
      [],
    );
  });

  it('offers policy properties not yet present, with docs, deprecated ones marked', () => {
    const [text, at] = cursor('{\n  "displayName": "x",\n  |\n}');
    const items = getCompletions(text, at);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('provisioningType'));
    assert.ok(!labels.includes('displayName'), 'already present');
    const dj = items.find((i) => i.label === 'domainJoinConfigurations')!;
    assert.match(dj.documentation!, /first healthy connection wins/);
    assert.equal(items.find((i) => i.label === 'windowsSettings')!.deprecated, true);
    assert.match(items.find((i) => i.label === 'provisioningType')!.insertText, /\$\{1\|dedicated,shared,sharedByUser/);
  });

  it('offers nested properties inside domainJoinConfigurations items', () => {
    const [text, at] = cursor(
      '{ "displayName": "x", "domainJoinConfigurations": [ { "domainJoinType": "azureADJoin", "| } ] }',
    );
    const labels = getCompletions(text, at).map((i) => i.label);
    assert.ok(
      labels.includes('regionName') && labels.includes('onPremisesConnectionId') && labels.includes('regionGroup'),
    );
  });

  it('offers enum values with member docs, replacing the typed string', () => {
    const [text, at] = cursor('{ "displayName": "x", "provisioningType": "sha|" }');
    const items = getCompletions(text, at);
    const byEntra = items.find((i) => i.label === '"sharedByEntraGroup"')!;
    assert.match(byEntra.documentation!, /Frontline/);
    assert.deepEqual(byEntra.range, { offset: text.indexOf('"sha'), length: 5 });
    assert.equal(items.find((i) => i.label === '"shared"')!.deprecated, true);
  });

  it('never offers unknownFutureValue, a sentinel no caller may send (CPC209)', () => {
    const [text, at] = cursor('{ "displayName": "x", "provisioningType": | }');
    const labels = getCompletions(text, at).map((i) => i.label);
    assert.ok(labels.includes('"dedicated"'));
    assert.ok(!labels.includes('"unknownFutureValue"'), labels.join(', '));
  });

  it('offers open-enum members (regionGroup) and examples (imageId)', () => {
    const [t1, a1] = cursor('{ "domainJoinConfigurations": [{ "regionGroup": | }] }');
    assert.ok(getCompletions(t1, a1).some((i) => i.label === '"poland"'));
    const [t2, a2] = cursor('{ "imageId": | }');
    assert.ok(getCompletions(t2, a2).some((i) => i.label.includes('win11-25h2-ent-cpc-m365')));
  });
});

describe('hover', () => {
  const text = '{ "displayName": "x", "provisioningType": "sharedByUser", "domainJoinConfigurations": [] }';
  it('on a property name, shows its description and covers the quoted key', () => {
    const h = getHover(text, text.indexOf('domainJoinConfigurations') + 3)!;
    assert.match(h.markdown, /priority order: the first healthy connection wins/);
    assert.deepEqual(h.range, {
      offset: text.indexOf('"domainJoinConfigurations"'),
      length: '"domainJoinConfigurations"'.length,
    });
  });
  it('on an enum value, describes that member (sharedByUser is Frontline dedicated)', () => {
    const h = getHover(text, text.indexOf('sharedByUser') + 2)!;
    // sharedByUser is Frontline dedicated: a Cloud PC per user (Graph: cloudPcProvisioningType).
    assert.match(h.markdown, /Frontline dedicated: a Cloud PC per user/);
  });
  it('says when a property is deprecated or read-only', () => {
    const t = '{ "windowsSettings": {}, "id": "x" }';
    assert.match(getHover(t, 4)!.markdown, /deprecated/i);
    assert.match(getHover(t, t.indexOf('"id"') + 1)!.markdown, /read-only/);
  });
  it('returns nothing for an empty document', () => assert.equal(getHover('', 0), undefined));
});

describe('document symbols', () => {
  it('a fleet lists each policy by displayName with its properties', () => {
    const text =
      '{ "policies": [ { "displayName": "HR", "provisioningType": "dedicated", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin" }] }, { "description": "no name" } ] }';
    const [policies] = getDocumentSymbols(text);
    assert.equal(policies!.children.length, 2);
    const hr = policies!.children[0]!;
    assert.deepEqual([hr.name, hr.kind, hr.detail], ['HR', 'policy', 'dedicated']);
    assert.deepEqual(hr.selectionRange, { offset: text.indexOf('"HR"'), length: 4 });
    assert.equal(hr.children.find((c) => c.name === 'domainJoinConfigurations')!.children[0]!.name, '1. azureADJoin');
    assert.equal(policies!.children[1]!.name, 'Policy 2');
  });
  it('a single policy is one symbol', () => assert.equal(getDocumentSymbols('{ "displayName": "A" }')[0]!.name, 'A'));
});

describe('formatting', () => {
  it('formats with spaces and keeps comments', () => {
    const text = '{"displayName":"x", // name\n"assignments":[ ]}';
    const out = applyEdits(text, formatDocument(text, { tabSize: 2, insertSpaces: true }));
    assert.equal(out, '{\n  "displayName": "x", // name\n  "assignments": []\n}\n');
  });
  it('indents with tabs when insertSpaces is false', () => {
    const text = '{"a":1}';
    assert.equal(applyEdits(text, formatDocument(text, { tabSize: 4, insertSpaces: false })), '{\n\t"a": 1\n}\n');
  });
});

describe("formatting within the validator's bounds", () => {
  const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
  it("formats nesting up to the validator's limit (64)", () => {
    assert.equal(formatRefusal(nested(64)), undefined);
    assert.ok(formatDocument(nested(64), { tabSize: 2, insertSpaces: true }).length > 0);
  });
  it('makes no edits past the nesting limit, and says why (5,000 deep in 10 KB)', () => {
    const text = nested(5000);
    assert.deepEqual(formatDocument(text, { tabSize: 2, insertSpaces: true }), []);
    assert.match(formatRefusal(text)!, /nests deeper than 64 levels/);
  });
  it('makes no edits past the size limit, and says why', () => {
    const text = `{"displayName":"${'x'.repeat(MAX_FORMAT_BYTES)}"}`;
    assert.deepEqual(formatDocument(text, { tabSize: 2, insertSpaces: true }), []);
    assert.match(formatRefusal(text)!, /larger than 4 MB/);
  });
});

describe('name previews', () => {
  it('bounds a 1 MB template as the naming checks do: a short label, no 1 MB sample names', () => {
    const template = 'CPC-%RAND:5%'.repeat(90_000);
    const previews = getNamePreviews(JSON.stringify({ cloudPcNamingTemplate: template }), [], 365);
    assert.equal(previews.length, 1);
    const [p] = previews;
    assert.ok(p!.label.length <= 120, p!.label.slice(0, 200));
    assert.match(p!.label, /too long to preview/);
    for (const s of p!.samples) assert.ok(s.name.length <= 120);
    assert.ok(p!.problems.length <= 20);
    assert.ok(p!.template.length <= 120, 'the preview does not carry the template whole');
  });

  it('one preview per template with a label, samples and the template value range', () => {
    const text =
      '{ "policies": [ { "cloudPcNamingTemplate": "CPC-%USERNAME:4%-%RAND:5%" }, { "provisioningType": "sharedByEntraGroup", "cloudPcNamingTemplate": "S-%USERNAME:3%-%RAND:8%" } ] }';
    const previews = getNamePreviews(text, ['adele.vance@contoso.com', 'li@contoso.com'], 365);
    assert.equal(previews.length, 2);
    const [a, b] = previews;
    assert.deepEqual(a!.valueRange, { offset: text.indexOf('"CPC-%'), length: '"CPC-%USERNAME:4%-%RAND:5%"'.length });
    assert.match(a!.label, /^→ CPC-adel-[A-Z0-9]{5} · 11–14 chars$/);
    assert.equal(a!.samples[1]!.name.slice(0, 7), 'CPC-li-');
    assert.deepEqual(a!.problems, []);
    assert.ok(b!.problems.some((p) => p.code === 'CPC409'));
    assert.match(b!.label, /breaks naming rules/);
  });
  it('is stable for a seed', () => {
    const text = '{ "cloudPcNamingTemplate": "X-%RAND:8%" }';
    assert.deepEqual(getNamePreviews(text, [], 1), getNamePreviews(text, [], 1));
  });
});
