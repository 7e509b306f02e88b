// Process entry for `cpcpolicy simulator ...` without a build step: `node --import tsx src/cli/simulatorServeEntry.ts serve --port 0`.
import { runSimulator } from './simulatorCommand';
import { errorStack } from '../core/model/errorText';

runSimulator(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`cpcpolicy simulator: ${errorStack(err)}\n`);
    process.exit(1);
  },
);
