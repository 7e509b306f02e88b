// Output formats of `cpcpolicy validate`: text (path:line:col), JSON (LSP-style ranges) and SARIF 2.1.0.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import type { Finding } from '../core/policy/finding';
import { LineIndex } from '../core/policy/lineIndex';
import { ALL_RULES } from '../core/policy/ruleCodes';
import { ALL_TENANT_RULES } from '../core/tenant/tenantRules';
import { escapeControl } from './textEscape';

export interface FileResult {
  /** Path as shown to the user (relative to the working directory when inside it). */
  file: string;
  text: string;
  findings: Finding[];
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function rangeOf(index: LineIndex, f: Finding): Range {
  return { start: index.position(f.range.offset), end: index.position(f.range.offset + f.range.length) };
}

export function textReport(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const index = new LineIndex(r.text);
    for (const f of r.findings) {
      const { start } = rangeOf(index, f);
      lines.push(
        `${escapeControl(r.file)}:${start.line + 1}:${start.character + 1}: ${f.severity} ${f.code} ${escapeControl(f.message)}`,
      );
    }
  }
  const count = (s: Finding['severity']) =>
    results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  lines.push(
    `${results.length} file${results.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes.`,
  );
  return lines.join('\n') + '\n';
}

export function jsonReport(results: FileResult[]): string {
  const out = results.map((r) => {
    const index = new LineIndex(r.text);
    return {
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: rangeOf(index, f),
      })),
    };
  });
  return JSON.stringify(out, null, 2) + '\n';
}

/** SARIF `uri`s are URI references (RFC 3986): a relative path is percent-encoded per segment, an absolute one is a file: URL. */
export function sarifUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

const SARIF_LEVEL: Record<Finding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function sarifReport(results: FileResult[]): string {
  const rules = [...ALL_RULES, ...ALL_TENANT_RULES, { code: 'CPC100', title: 'Internal error in the validator' }].sort(
    (a, b) => (a.code < b.code ? -1 : 1),
  );
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const sarifResults = results.flatMap((r) => {
    const index = new LineIndex(r.text);
    return r.findings.map((f) => {
      const { start, end } = rangeOf(index, f);
      return {
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code) ?? -1,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: sarifUri(r.file) },
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
              },
            },
          },
        ],
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cpcpolicy',
            version,
            informationUri: 'https://github.com/cpcpolicy/cpcpolicy/blob/main/docs/rules.md',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: r.title },
              helpUri: `https://github.com/cpcpolicy/cpcpolicy/blob/main/docs/rules.md#${r.code.toLowerCase()}`,
            })),
          },
        },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
