// Helpers for policy tests: build documents, apply fixes, read codes.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, TextEdit } from '../../../src/core/policy/finding';
import { validateDocument } from '../../../src/core/policy/validator';

export const NET = '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]';
export const GUID_A = '9e3a4b5c-6d7e-4f80-a123-c4d5e6f7a8b9';
export const GUID_B = '057efbfe-a95d-4263-acb0-12b4a31fed8d';

/** A policy document from member texts, with a network so CPC324 stays quiet unless asked. */
export function policy(...members: string[]): string {
  return `{\n  "displayName": "Test policy",\n  ${[NET, ...members].join(',\n  ')}\n}\n`;
}

export function codes(text: string, options?: { partial?: boolean }): string[] {
  return validateDocument(text, options).map((f) => f.code);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

export function findingOf(text: string, code: string): Finding {
  const f = validateDocument(text).find((x) => x.code === code);
  if (!f) throw new Error(`no ${code} in ${JSON.stringify(validateDocument(text))}`);
  return f;
}

export function rangeText(text: string, f: Finding): string {
  return text.slice(f.range.offset, f.range.offset + f.range.length);
}

/** "Default severity" of each code in docs/rules.md's table; "hint / information" allows either. */
export function documentedSeverities(): Map<string, string[]> {
  const rows = fs
    .readFileSync(path.resolve(__dirname, '../../../docs/rules.md'), 'utf8')
    .split('\n')
    .filter((l) => /^\| (<a id="cpc\d{3}"><\/a>)?CPC\d{3} \|/.test(l));
  return new Map(
    rows.map((l) => {
      const cells = l.split(/(?<!\\)\|/).map((c) => c.trim());
      return [cells[1]!.replace(/^<a id="cpc\d{3}"><\/a>/, ''), cells[3]!.split(' / ')];
    }),
  );
}
