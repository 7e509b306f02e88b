// `cpcpolicy plan <files...>`: what apply would change on a tenant, for a reader (text), a pull request
// (markdown) or a machine (json). Exit codes as terraform's -detailed-exitcode (docs/deploy.md, "Exit codes").
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planHasChanges, planIsBlocked } from '../core/deploy/deployPlan';
import { planJson, planMarkdown, planText } from '../core/deploy/planReport';
import { errorText } from '../core/model/errorText';
import { stringValue } from './cliArgs';
import type { CliIo } from './cliIo';
import { PLAN_HELP, PLAN_USAGE } from './deployCliUsage';
import { openDeployRun, planRun } from './deployCliInputs';
import { escapeControl } from './textEscape';

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function runPlan(argv: string[], io: CliIo): Promise<number> {
  const run = await openDeployRun(
    'plan',
    argv,
    io,
    { format: { type: 'string' }, out: { type: 'string' }, prune: { type: 'boolean' } },
    PLAN_USAGE,
    PLAN_HELP,
    true,
    // Exit 2 means "changes" here (terraform's -detailed-exitcode): a usage problem is an error, 1.
    1,
  );
  if (typeof run === 'number') return run;
  try {
    const format = stringValue(run.args, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) {
      io.stderr(`cpcpolicy plan: unknown format '${escapeControl(format)}': use text, json or markdown\n`);
      return 1;
    }
    const plan = await planRun(run, run.args.values.prune === true);
    const label = run.backend.label;
    const report =
      format === 'json'
        ? planJson(plan, label)
        : format === 'markdown'
          ? planMarkdown(plan, label)
          : planText(plan, label);
    const out = stringValue(run.args, 'out');
    if (out) writeFileSync(path.resolve(io.cwd, out), report);
    else io.stdout(report);
    if (planIsBlocked(plan)) return 1;
    return planHasChanges(plan) ? 2 : 0;
  } catch (err) {
    io.stderr(`cpcpolicy plan: ${escapeControl(errorText(err))}\n`);
    return 1;
  } finally {
    await run.backend.close();
  }
}
