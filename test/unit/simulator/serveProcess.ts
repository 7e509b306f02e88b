// `cpcpolicy simulator serve` as a real child process (node --import tsx), for tests that need two
// processes, SIGKILL, or the exit code and stderr of a refused start.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

const root = path.resolve(__dirname, '../../..');

export interface Served {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stderr: () => string;
}

/** How a start ended: serving, or exited with a code before printing `listening on`. */
export type StartOutcome = { served: Served } | { exitCode: number | null; stderr: string };

export function tempState(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpcsim-')), 'state.json');
}

export function serve(args: string[]): Promise<StartOutcome> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/simulatorServeEntry.ts'), 'serve', '--port', '0', ...args],
    { cwd: root },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server neither started nor exited: ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ served: { child, url: m[1], stderr: () => err } });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stderr: err });
    });
  });
}

/** Starts a server that must come up (throws with its stderr otherwise). */
export async function mustServe(args: string[]): Promise<Served> {
  const outcome = await serve(args);
  if ('served' in outcome) return outcome.served;
  throw new Error(`server exited ${outcome.exitCode}: ${outcome.stderr}`);
}

export async function stop(s: Served, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  await exited;
}

/** Every file in the folder with its bytes: "touched nothing" compares two of these. */
export function folderSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const st = fs.statSync(full);
    out[name] = st.isFile() ? `${st.mtimeMs}:${fs.readFileSync(full, 'base64')}` : 'dir';
  }
  return out;
}
