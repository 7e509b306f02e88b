// `cpcpolicy export [--out DIR] [--fleet]`: a tenant's policies into policy files, written as Pull writes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportFleetFile, exportPolicyFiles } from '../core/deploy/exportFiles';
import { errorText } from '../core/model/errorText';
import { recordBindings } from './bindingsFile';
import { stringValue } from './cliArgs';
import type { CliIo } from './cliIo';
import { EXPORT_HELP, EXPORT_USAGE } from './deployCliUsage';
import { openDeployRun } from './deployCliInputs';
import { escapeControl } from './textEscape';

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const run = await openDeployRun(
    'export',
    argv,
    io,
    { out: { type: 'string' }, fleet: { type: 'boolean' } },
    EXPORT_USAGE,
    EXPORT_HELP,
    false,
  );
  if (typeof run === 'number') return run;
  try {
    const dir = path.resolve(io.cwd, stringValue(run.args, 'out') ?? '.');
    const policies = await run.backend.api.listPolicies();
    const fleet = run.args.values.fleet === true;
    const files = fleet
      ? [exportFleetFile(policies, run.backend.label)]
      : exportPolicyFiles(policies, run.backend.label);
    mkdirSync(dir, { recursive: true });
    for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
    if (run.bindings)
      recordBindings(
        run.bindings,
        run.backend.tenantKey,
        files.flatMap((f) =>
          f.policyIds.map((id, index) => ({ file: path.join(dir, f.name), index, isFleet: fleet, id })),
        ),
      );
    io.stdout(
      `Exported ${policies.length} policies from ${run.backend.label} into ${files.length} file(s) in ${path.relative(io.cwd, dir) || '.'}.\n`,
    );
    return 0;
  } catch (err) {
    io.stderr(`cpcpolicy export: ${escapeControl(errorText(err))}\n`);
    return 1;
  } finally {
    await run.backend.close();
  }
}
