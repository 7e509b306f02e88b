// `cpcpolicy apply <files...>`: plan, print the plan, ask (or --yes), apply, print the outcome. Refuses with
// no terminal and no --yes; deletes only with --prune; grace only with --allow-grace (docs/deploy.md, "Apply").
import { applyPlan } from '../core/deploy/applyPlan';
import { graceUnknown, planCounts, planHasChanges, planIsBlocked } from '../core/deploy/deployPlan';
import { outcomeText } from '../core/deploy/outcomeReport';
import { planText } from '../core/deploy/planReport';
import { errorText } from '../core/model/errorText';
import type { CliIo } from './cliIo';
import { APPLY_HELP, APPLY_USAGE } from './deployCliUsage';
import { openDeployRun, planRun, recordOutcome } from './deployCliInputs';
import { escapeControl } from './textEscape';

export async function runApply(argv: string[], io: CliIo): Promise<number> {
  const run = await openDeployRun(
    'apply',
    argv,
    io,
    { yes: { type: 'boolean' }, prune: { type: 'boolean' }, 'allow-grace': { type: 'boolean' } },
    APPLY_USAGE,
    APPLY_HELP,
  );
  if (typeof run === 'number') return run;
  const allowGrace = run.args.values['allow-grace'] === true;
  try {
    const plan = await planRun(run, run.args.values.prune === true);
    const label = run.backend.label;
    io.stdout(planText(plan, label));
    if (planIsBlocked(plan)) {
      io.stderr('cpcpolicy apply: nothing was applied: fix the problems and refusals above first.\n');
      return 1;
    }
    if (!planHasChanges(plan)) {
      recordOutcome(run, plan, await applyPlan(plan, run.backend.api));
      return 0;
    }
    const counts = planCounts(plan);
    if (counts.grace > 0 && !allowGrace) {
      io.stderr(
        `cpcpolicy apply: nothing was applied: ${counts.grace} Cloud PC(s) would enter the 7-day grace period; pass --allow-grace to allow it.\n`,
      );
      return 1;
    }
    const unread = graceUnknown(plan);
    if (unread.length > 0 && !allowGrace) {
      io.stderr(
        `cpcpolicy apply: nothing was applied: who would enter the 7-day grace period could not be read for ${unread.length} polic${unread.length === 1 ? 'y' : 'ies'}; pass --allow-grace to allow it.\n`,
      );
      return 1;
    }
    if (!(await confirmed(io, run.args.values.yes === true, label, counts))) return 1;
    const outcome = await applyPlan(plan, run.backend.api, { allowGrace });
    recordOutcome(run, plan, outcome);
    io.stdout(outcomeText(outcome, label));
    return outcome.complete ? 0 : 1;
  } catch (err) {
    io.stderr(`cpcpolicy apply: ${escapeControl(errorText(err))}\n`);
    return 1;
  } finally {
    await run.backend.close();
  }
}

/** --yes, or "yes" typed at a terminal; with neither, nothing is applied (a pipeline must say --yes). */
async function confirmed(
  io: CliIo,
  yes: boolean,
  label: string,
  counts: ReturnType<typeof planCounts>,
): Promise<boolean> {
  if (yes) return true;
  if (!io.interactive || !io.ask) {
    io.stderr('cpcpolicy apply: nothing was applied: no one is at a terminal to answer; pass --yes to apply.\n');
    return false;
  }
  const deletes = counts.delete > 0 ? `, DELETE ${counts.delete}` : '';
  const answer = await io.ask(
    `Apply to ${label}: create ${counts.create}, update ${counts.update}${deletes}? Type yes to apply: `,
  );
  if (answer?.trim().toLowerCase() === 'yes') return true;
  io.stderr('cpcpolicy apply: nothing was applied.\n');
  return false;
}
