// One writer per state file, as SQLite does with its OS locks: the lock is a listening local socket whose
// name is derived from the state file's real path (Linux: abstract socket; Windows: named pipe). The
// kernel releases it the moment its owner exits, even on SIGKILL, so a crashed owner is never "stale".
// On other systems the socket is a file in the temp folder: one nobody answers on is a dead owner's,
// removed and taken over. Beside the state, `<state>.lock` says who holds it (pid, host, start time)
// and, for the extension, where it serves the tenant and with which secret (mode 0600).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { StateRefusedError } from './stateFileCheck';

export const LOCK_FORMAT = 'cpcpolicy-simulator-lock';

export interface LockOwner {
  format: typeof LOCK_FORMAT;
  pid: number;
  hostname: string;
  startedAt: string;
  /** Where the owner serves the tenant to its sibling windows (extension only). */
  url?: string;
  /** The secret those windows present as a bearer token. */
  token?: string;
}

export interface StateLock {
  /** `<state>.lock`: who holds the lock. */
  readonly ownerPath: string;
  /** Records where the owner serves (written atomically, readable by this user only). */
  publish(endpoint: { url: string; token: string }): void;
  /** Removes the owner file and releases the lock. */
  release(): Promise<void>;
}

export type LockAttempt = { ok: true; lock: StateLock } | { ok: false; owner: LockOwner | undefined; message: string };

export function ownerFileOf(statePath: string): string {
  return `${statePath}.lock`;
}

/** Reads `<state>.lock`; undefined when absent or not ours. Never writes. */
export function readLockOwner(statePath: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(ownerFileOf(statePath), 'utf8')) as Partial<LockOwner>;
    return parsed.format === LOCK_FORMAT && typeof parsed.pid === 'number' ? (parsed as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for `statePath`, or says who holds it. Writes nothing unless the lock is ours. */
export async function acquireStateLock(statePath: string): Promise<LockAttempt> {
  const name = lockSocketName(statePath);
  let server = await listenOn(name);
  if (
    server === 'busy' &&
    process.platform !== 'linux' &&
    process.platform !== 'win32' &&
    (await nobodyAnswers(name))
  ) {
    // A socket file left by an owner that died: nobody listens on it any more.
    fs.rmSync(name, { force: true });
    server = await listenOn(name);
  }
  if (server === 'busy') {
    const owner = readLockOwner(statePath);
    return { ok: false, owner, message: describeBusy(statePath, owner) };
  }
  const lockServer = server;
  const ownerPath = ownerFileOf(statePath);
  const base: LockOwner = {
    format: LOCK_FORMAT,
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  let released = false;
  const lock: StateLock = {
    ownerPath,
    publish: (endpoint) => writeOwnerFile(ownerPath, { ...base, ...endpoint }),
    release: async () => {
      if (released) return;
      released = true;
      // Only remove an owner file that is still ours (a successor may have written its own).
      if (readLockOwner(statePath)?.pid === process.pid) fs.rmSync(ownerPath, { force: true });
      await new Promise<void>((done) => lockServer.close(() => done()));
    },
  };
  try {
    fs.mkdirSync(path.dirname(ownerPath), { recursive: true });
    writeOwnerFile(ownerPath, base);
  } catch (err) {
    await new Promise<void>((done) => lockServer.close(() => done()));
    throw new StateRefusedError(`cannot write ${ownerPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { ok: true, lock };
}

function describeBusy(statePath: string, owner: LockOwner | undefined): string {
  const who = owner ? `process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}` : 'another process';
  return `${statePath} is in use by ${who}: one simulator writes a state file at a time. Stop it, or use another --state file.`;
}

/** The lock's name: one per real state path (case-folded where the file system ignores case). */
export function lockSocketName(statePath: string): string {
  let real = path.resolve(statePath);
  try {
    real = path.join(fs.realpathSync(path.dirname(real)), path.basename(real));
  } catch {
    // The folder does not exist yet: its resolved path is what a second process resolves too.
  }
  if (process.platform === 'win32' || process.platform === 'darwin') real = real.toLowerCase();
  const hash = crypto.createHash('sha256').update(real).digest('hex').slice(0, 32);
  if (process.platform === 'win32') return `\\\\.\\pipe\\cpcpolicy-state-${hash}`;
  if (process.platform === 'linux') return `\0cpcpolicy-state-${hash}`;
  return path.join(os.tmpdir(), `cpcpolicy-state-${hash}.sock`);
}

function listenOn(name: string): Promise<net.Server | 'busy'> {
  return new Promise((resolve, reject) => {
    // Whoever connects learns nothing: the socket is a lock, not a channel.
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve('busy') : reject(err)));
    server.listen(name, () => {
      server.unref();
      resolve(server);
    });
  });
}

function nobodyAnswers(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(name);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED' || err.code === 'ENOENT'));
  });
}

function writeOwnerFile(file: string, owner: LockOwner): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    // `<state>.lock` is a directory (or otherwise not replaceable): the refusal leaves nothing of ours behind.
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
