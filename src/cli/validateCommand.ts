// `cpcpolicy validate <files or globs...> [--format text|json|sarif]`: the editor's engine for CI.
// Exit codes: 0 no errors, 1 any error finding, 2 usage problems (unknown flag, unreadable file, empty glob).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/policy/finding';
import { RULES } from '../core/policy/ruleCodes';
import { validateDocument } from '../core/policy/validator';
import type { CliIo } from './cliIo';
import { expandGlob, hasGlobChars } from './expandGlobs';
import { jsonReport, sarifReport, textReport } from './validateReport';
import type { FileResult } from './validateReport';

export const VALIDATE_USAGE = 'validate <files|globs|dirs...> [--format text|json|sarif]';
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface ValidateArgs {
  format: Format;
  inputs: string[];
}

function parseArgs(args: string[]): ValidateArgs | string {
  let format: Format = 'text';
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? args[++i] : a.slice('--format='.length);
      if (!FORMATS.includes(v as Format)) return `unknown format '${v ?? ''}': use text, json or sarif`;
      format = v as Format;
    } else if (a === '--') {
      inputs.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return `unknown option '${a}'`;
    else inputs.push(a);
  }
  if (inputs.length === 0) return 'no files given';
  return { format, inputs };
}

/** Files for one argument: a file, a directory (all *.cpcpolicy.json below it), or a glob. */
function filesFor(input: string, cwd: string): string[] | string {
  if (hasGlobChars(input)) {
    const files = expandGlob(input, cwd);
    return files.length > 0 ? files : `no files match '${input}'`;
  }
  const full = path.resolve(cwd, input);
  try {
    if (statSync(full).isDirectory()) {
      const files = expandGlob(path.join(full, '**', '*.cpcpolicy.json'), cwd);
      return files.length > 0 ? files : `no *.cpcpolicy.json files in '${input}'`;
    }
  } catch {
    return `cannot read '${input}': no such file`;
  }
  return [full];
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.replace(/\\/g, '/') : file;
}

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD and one finding says where (CPC106). */
export function decodeText(bytes: Uint8Array): { text: string; encodingFinding?: Finding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = Math.max(0, text.indexOf('\uFFFD'));
    return { text, encodingFinding: { code: RULES.invalidEncoding.code, severity: 'error', message: 'The file is not valid UTF-8: save it as UTF-8.', range: { offset: at, length: 1 } } };
  }
}

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`cpcpolicy validate: ${parsed}\nUsage: cpcpolicy ${VALIDATE_USAGE}\n`);
    return 2;
  }
  let usageProblem = false;
  const files: string[] = [];
  for (const input of parsed.inputs) {
    const found = filesFor(input, io.cwd);
    if (typeof found === 'string') {
      io.stderr(`cpcpolicy validate: ${found}\n`);
      usageProblem = true;
    } else for (const f of found) if (!files.includes(f)) files.push(f);
  }
  const results: FileResult[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      io.stderr(`cpcpolicy validate: cannot read '${display(file, io.cwd)}': ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      usageProblem = true;
      continue;
    }
    const { text, encodingFinding } = decodeText(bytes);
    const findings = validateDocument(text);
    if (encodingFinding) findings.unshift(encodingFinding);
    results.push({ file: display(file, io.cwd), text, findings });
  }
  const report = parsed.format === 'json' ? jsonReport(results) : parsed.format === 'sarif' ? sarifReport(results) : textReport(results);
  io.stdout(report);
  if (usageProblem) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
