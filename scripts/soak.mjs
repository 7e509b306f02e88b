// `npm run soak`: the slow fault tests in full (two servers racing over many rounds, many SIGKILL cycles,
// editor windows taking over from a killed owner, a disk filling during bursts, clients holding unfinished
// bodies). `npm test` runs the same tests in a bounded form.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMochaFiles } from '../test/harness/runMocha.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.CPCPOLICY_SOAK = '1';
const files = ['durability', 'oneWriter', 'sharedSimulator', 'faultRounds'].map((name) =>
  path.join(root, 'test/unit/simulator', `${name}.test.ts`),
);
const counts = await runMochaFiles(files, { timeout: 1_800_000 });
for (const failure of counts.failures) process.stderr.write(`[soak] FAILED ${failure}\n`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
