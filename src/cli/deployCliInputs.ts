// What plan and apply share: their arguments, the files they name, the bindings file and the backend, and
// the planning itself (the engine, with each tenant's bindings).
import type { DeployFile, DeployPlan } from '../core/deploy/deployPlan';
import { planDeploy } from '../core/deploy/planDeploy';
import type { Bindings } from './bindingsFile';
import { boundIdsFor, openBindings, recordBindings } from './bindingsFile';
import { parseCliArgs, stringValue } from './cliArgs';
import type { CliArgs, CliOptions } from './cliArgs';
import { BACKEND_OPTIONS, openCliBackend } from './cliBackend';
import type { CliBackend } from './cliBackend';
import type { CliIo } from './cliIo';
import { readInputs } from './policyInputs';
import type { InputFile } from './policyInputs';
import { escapeControl } from './textEscape';
import type { DeployOutcome } from '../core/deploy/deployPlan';

export interface DeployRun {
  args: CliArgs;
  files: InputFile[];
  bindings: Bindings | undefined;
  backend: CliBackend;
}

/** Parsed, read and opened; or the exit code after saying why not (help printed: 0). */
export async function openDeployRun(
  command: string,
  argv: string[],
  io: CliIo,
  options: CliOptions,
  usage: string,
  help: string,
  needsFiles = true,
  usageExit = 2,
): Promise<DeployRun | number> {
  const fail = (code: number, message: string): number => {
    io.stderr(`cpcpolicy ${command}: ${escapeControl(message)}\n${code === 2 ? `Usage: cpcpolicy ${usage}\n` : ''}`);
    return code === 2 ? usageExit : code;
  };
  const args = parseCliArgs(argv, { ...BACKEND_OPTIONS, bindings: { type: 'string' }, ...options });
  if (typeof args === 'string') return fail(2, args);
  if (args.values.help === true) {
    io.stdout(help);
    return 0;
  }
  if (needsFiles && args.positionals.length === 0) return fail(2, 'no files given');
  if (!needsFiles && args.positionals.length > 0) return fail(2, `unexpected argument '${args.positionals[0]}'`);
  const { files, problems, skipped } = readInputs(args.positionals, io.cwd);
  if (problems.length > 0) return fail(2, problems.join('\n'));
  for (const line of skipped) io.stderr(`cpcpolicy ${command}: ${line}\n`);
  const bindings = openBindings(stringValue(args, 'bindings'), io.cwd);
  if (typeof bindings === 'string') return fail(2, bindings);
  const backend = await openCliBackend(args, io);
  if ('exitCode' in backend) return fail(backend.exitCode, backend.message);
  return { args, files, bindings, backend };
}

/** The engine's plan, with each file policy bound by this tenant's section of the bindings file when it has one. */
export function planRun(run: DeployRun, prune: boolean): Promise<DeployPlan> {
  const byPath = new Map(run.files.map((f) => [f.display, f.file]));
  const files: DeployFile[] = run.files.map((f) => ({ path: f.display, text: f.text }));
  return planDeploy(files, run.backend.api, {
    prune,
    boundIds: (file, shape) =>
      boundIdsFor(run.bindings, run.backend.tenantKey, byPath.get(file.path)!, shape.policies, shape.isFleet),
  });
}

/** After apply: the bindings file (when one is in use) names this tenant's id for every policy now deployed. */
export function recordOutcome(run: DeployRun, plan: DeployPlan, outcome: DeployOutcome): void {
  if (!run.bindings) return;
  const byPath = new Map(run.files.map((f) => [f.display, f.file]));
  const fleet = new Map(plan.files.map((f) => [f.path, f.isFleet]));
  recordBindings(
    run.bindings,
    run.backend.tenantKey,
    outcome.policies
      .filter((o) => o.file && o.status !== 'refused')
      .map((o) => ({ file: byPath.get(o.file)!, index: o.index, isFleet: fleet.get(o.file) ?? false, id: o.policyId })),
  );
}
