// The `cpcpolicy` command line: the same engine as the editor, for CI and scripts.
import { version } from '../../package.json';
import type { CliIo } from './cliIo';
import { MCP_USAGE, runMcp } from './mcpCommand';
import { runPreview } from './previewCommand';
import { MAX_POLICY_FILE_BYTES } from './readPolicyFile';
import { runSimulator } from './simulatorCommand';
import { runValidate } from './validateCommand';
import { errorText } from '../core/model/errorText';
import { askOnTerminal } from './terminalQuestion';
import { runApply } from './applyCommand';
import { runExport } from './exportCommand';
import { runPlan } from './planCommand';
import { APPLY_USAGE, EXPORT_USAGE, PLAN_USAGE } from './deployCliUsage';

interface CliCommand {
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = {
  validate: {
    usage: 'validate <files|globs...> [--format text|json|sarif]',
    summary: "Check policy files with the editor's rules (exit 1 on any error)",
    run: runValidate,
  },
  preview: {
    usage: 'preview "<template>" [--user upn ...] [--type t] [--seed n]',
    summary: 'Show the Cloud PC names a naming template produces',
    run: runPreview,
  },
  export: {
    usage: EXPORT_USAGE,
    summary: "Write a tenant's policies into policy files (one per policy, or one fleet file)",
    run: runExport,
  },
  plan: {
    usage: PLAN_USAGE,
    summary: 'Show what apply would change on a tenant (exit 0 none, 2 changes, 1 problems)',
    run: runPlan,
  },
  apply: {
    usage: APPLY_USAGE,
    summary: 'Make a tenant match the policy files (asks first; --yes in CI)',
    run: runApply,
  },
  mcp: {
    usage: MCP_USAGE,
    summary: 'Serve the agent tools to an MCP client over stdio (read-only unless --allow-changes)',
    run: runMcp,
  },
  simulator: {
    usage: 'simulator serve [--port 0] [--state file] [--seed demo|empty]',
    summary: 'Run the Windows 365 simulator as a Graph-compatible server on 127.0.0.1',
    run: (args, io) => runSimulator(args, io),
  },
};

export function helpText(): string {
  const lines = [
    `cpcpolicy ${version}: Windows 365 Cloud PC provisioning policies`,
    '',
    'Usage: cpcpolicy <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(62)} ${c.summary}`),
    `  ${'help'.padEnd(62)} Show this help`,
    '',
    "Run `cpcpolicy <command> --help` for a command's options.",
    `validate reads regular files of at most ${MAX_POLICY_FILE_BYTES / (1024 * 1024)} MB; a pipe, a device or a larger file is a usage problem.`,
    'Exit codes: 0 success, 1 findings or failures, 2 usage problems.',
  ];
  return lines.join('\n') + '\n';
}

const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  ask: askOnTerminal,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(helpText());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const found = COMMANDS[command];
  if (!found) {
    io.stderr(`cpcpolicy: unknown command '${command}'\n\n${helpText()}`);
    return 2;
  }
  return found.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`cpcpolicy: ${errorText(err)}\n`);
      process.exitCode = 2;
    },
  );
}
