// `cpcpolicy validate <files or globs...> [--format text|json|sarif]`: the editor's engine for CI.
// Exit codes: 0 no errors, 1 any error finding, 2 usage problems (unknown flag, unreadable or non-regular file, over the size limit, empty glob).
import type { Finding } from '../core/policy/finding';
import { validateDocument } from '../core/policy/validator';
import { tenantDocumentOptions, validateAgainstTenant } from '../core/tenant/tenantChecks';
import type { TenantIndex } from '../core/tenant/tenantCatalog';
import { parseCliArgs, stringValue } from './cliArgs';
import type { CliArgs } from './cliArgs';
import { BACKEND_HELP, BACKEND_OPTIONS, openCliBackend } from './cliBackend';
import type { CliIo } from './cliIo';
import { decodeText, display, filesFor } from './policyInputs';
import { MAX_POLICY_FILE_BYTES, readPolicyFile } from './readPolicyFile';
import { escapeControl } from './textEscape';
import { readBackendTenant } from './tenantBackend';
import { jsonReport, sarifReport, textReport } from './validateReport';
import type { FileResult } from './validateReport';

export const VALIDATE_USAGE =
  'validate <files|globs|dirs...> [--format text|json|sarif] [--backend simulator|URL|graph]';
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const VALIDATE_HELP = `Usage: cpcpolicy ${VALIDATE_USAGE}

Checks policy files with the editor's rules. Arguments are files, directories (every *.cpcpolicy.json
below them) or globs. Only regular files up to ${MAX_POLICY_FILE_BYTES / (1024 * 1024)} MB are read; anything else is a usage problem.

Options:
  --format text|json|sarif   text: path:line:col: severity code message (default); json: LSP-style
                             0-based ranges; sarif: SARIF 2.1.0 for code-scanning pages
  With --backend, the files are also checked against that tenant: unknown connections, images, regions,
  service plans and groups, failing connections, expired images (CPC5xx). Without it, offline.
${BACKEND_HELP}  -h, --help                 show this help

Exit codes: 0 no errors, 1 any error finding, 2 usage problems (unknown option, unreadable or
non-regular file, a file over the limit, a glob matching nothing).
`;

interface ValidateArgs {
  format: Format;
  /** The parsed arguments when --backend was given (the tenant checks run), for openCliBackend. */
  backend?: CliArgs;
  inputs: string[];
  help: boolean;
}

function readArgs(args: string[]): ValidateArgs | string {
  const parsed = parseCliArgs(args, { format: { type: 'string' }, ...BACKEND_OPTIONS });
  if (typeof parsed === 'string') return parsed;
  if (parsed.values['help'] === true) return { format: 'text', inputs: [], help: true };
  const format = stringValue(parsed, 'format') ?? 'text';
  if (!FORMATS.includes(format as Format)) return `unknown format '${format}': use text, json or sarif`;
  if (parsed.positionals.length === 0) return 'no files given';
  // Offline unless --backend names a tenant: the default simulator is for commands that need a backend.
  const withBackend = stringValue(parsed, 'backend') !== undefined;
  if (!withBackend && (stringValue(parsed, 'state') !== undefined || stringValue(parsed, 'seed') !== undefined))
    return '--state and --seed go with --backend simulator';
  return {
    format: format as Format,
    inputs: parsed.positionals,
    help: false,
    ...(withBackend ? { backend: parsed } : {}),
  };
}

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`cpcpolicy validate: ${escapeControl(parsed)}\nUsage: cpcpolicy ${VALIDATE_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(VALIDATE_HELP);
    return 0;
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
  const texts: { file: string; text: string; encodingFinding?: Finding }[] = [];
  for (const file of files) {
    const read = readPolicyFile(file);
    if ('problem' in read) {
      io.stderr(`cpcpolicy validate: cannot read '${escapeControl(display(file, io.cwd))}': ${read.problem}\n`);
      usageProblem = true;
      continue;
    }
    texts.push({ file: display(file, io.cwd), ...decodeText(read.bytes) });
  }
  const tenant = parsed.backend ? await readTenant(parsed.backend, texts, io) : undefined;
  if (typeof tenant === 'number') return tenant;
  for (const { file, text, encodingFinding } of texts) {
    // One set of tenant checks with the editor: the catalog's and the tenant's own policies (overlaps, CPC325).
    const findings = validateDocument(text, tenant ? tenantDocumentOptions(tenant) : {});
    if (tenant) findings.push(...validateAgainstTenant(text, tenant));
    findings.sort((a, b) => a.range.offset - b.range.offset);
    if (encodingFinding) findings.unshift(encodingFinding);
    results.push({ file, text, findings });
  }
  const report =
    parsed.format === 'json'
      ? jsonReport(results)
      : parsed.format === 'sarif'
        ? sarifReport(results)
        : textReport(results);
  io.stdout(report);
  if (usageProblem) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * The tenant the files are checked against, or the exit code after one line on stderr: a backend that cannot be
 * opened or read is a usage problem (2), except Graph, where a sign-in or permission problem is a failure (1).
 */
async function readTenant(args: CliArgs, texts: readonly { text: string }[], io: CliIo): Promise<TenantIndex | number> {
  const backend = await openCliBackend(args, io);
  if ('message' in backend) {
    io.stderr(`cpcpolicy validate: ${escapeControl(backend.message)}\n`);
    return backend.exitCode;
  }
  try {
    const tenant = await readBackendTenant(
      backend,
      texts.map((t) => t.text),
    );
    if (typeof tenant !== 'string') return tenant;
    io.stderr(`cpcpolicy validate: ${escapeControl(tenant)}\n`);
    return backend.kind === 'graph' ? 1 : 2;
  } finally {
    await backend.close();
  }
}
