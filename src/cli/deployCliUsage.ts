// Usage and --help of export, plan and apply (docs/deploy.md has the design behind them).
import { BACKEND_HELP } from './cliBackend';
import { DEFAULT_BINDINGS_FILE } from './bindingsFile';

export const EXPORT_USAGE = 'export [--out DIR] [--fleet] [--backend ...]';
export const PLAN_USAGE = 'plan <files|globs|dirs...> [--format text|json|markdown] [--out FILE]';
export const APPLY_USAGE = 'apply <files|globs|dirs...> [--yes] [--prune] [--allow-grace]';

const BINDINGS_HELP = `  --bindings <file>          the bindings file: each tenant's policy id for each file policy (default:
                             ${DEFAULT_BINDINGS_FILE} here, when it exists; without one the
                             \`policy id\` comments bind, as in the editor)`;

export const EXPORT_HELP = `Usage: cpcpolicy ${EXPORT_USAGE}

Writes the tenant's provisioning policies (with their assignments) as policy files, the way Pull writes
them: settings without read-only properties, assignments last, a \`policy id\` comment that binds each.
Plan on an unchanged tenant then says "no changes".

Options:
  --out <dir>                where to write (default: the current directory; created if missing)
  --fleet                    one { "policies": [...] } file (policies.cpcpolicy.json) instead of one per policy
${BINDINGS_HELP}
${BACKEND_HELP}  -h, --help                 show this help

Exit codes: 0 written, 1 the tenant could not be read or a file not written, 2 usage problems.
`;

export const PLAN_HELP = `Usage: cpcpolicy ${PLAN_USAGE} [--prune] [--backend ...]

Compares policy files with a tenant and says what apply would do, per policy: create, update (the
properties, a rename, assignments added and removed, who gets a Cloud PC and whose enters the 7-day
grace period), delete (with --prune), unchanged, or refused with the reason. A policy edited outside the
files (drift) shows as a change back to the file. Reads only.

Options:
  --format text|json|markdown
                             text (default); markdown for a pull-request comment; json for machines
  --out <file>               write the plan there instead of to stdout
  --prune                    also plan the deletion of tenant policies no file names
${BINDINGS_HELP}
${BACKEND_HELP}  -h, --help                 show this help

Exit codes (as terraform plan -detailed-exitcode): 0 no changes, 2 changes, 1 problems in the files,
refusals, errors or a usage problem (unknown option, a glob matching nothing; said on stderr): 2 always means changes.
`;

export const APPLY_HELP = `Usage: cpcpolicy ${APPLY_USAGE} [--backend ...]

Plans, prints the plan, asks, then makes the tenant match the files: updates first, then creates, then
changes that remove assignments, then deletions. Stops at the first failure and says exactly which
policies changed and which did not; run it again to finish. A second apply changes nothing.

Options:
  --yes                      apply without asking (needed when no one is at a terminal, as in CI)
  --prune                    delete tenant policies no file names (their assignments are removed first)
  --allow-grace              allow changes that send Cloud PCs into the 7-day grace period
${BINDINGS_HELP}
${BACKEND_HELP}  -h, --help                 show this help

Exit codes: 0 applied (or nothing to do), 1 refused, declined or failed part-way, 2 usage problems.
`;
