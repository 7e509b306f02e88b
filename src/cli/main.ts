// The `cpcpolicy` command line: the same engine as the editor, for CI and scripts.
import { version } from '../../package.json';

interface CliCommand {
  usage: string;
  summary: string;
}

export const COMMANDS: Record<string, CliCommand> = {};

export function helpText(): string {
  const lines = [
    `cpcpolicy ${version}: Windows 365 Cloud PC provisioning policies`,
    '',
    'Usage: cpcpolicy <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`),
    `  ${'help'.padEnd(44)} Show this help`,
    '',
    'Exit codes: 0 success, 1 findings or failures, 2 usage problems.',
  ];
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(helpText());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  process.stderr.write(`cpcpolicy: unknown command '${command}'\n\n${helpText()}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`cpcpolicy: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
