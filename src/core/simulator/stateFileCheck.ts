// What `--state` may point at, decided before anything is written: nothing, an empty file, or a file that
// carries our marker. A directory, a device or someone else's file is refused and left untouched; only a
// file of ours that no longer loads is moved aside (renamed, never deleted) and the message says where.
import * as fs from 'node:fs';

export const SNAPSHOT_FORMAT = 'cpcpolicy-simulator-state';
/** Our snapshots start with the marker (JSON.stringify writes `format` first), so a torn file still shows it. */
const MARKER = /^\s*\{\s*"format"\s*:\s*"cpcpolicy-simulator-state"/;

/** The path cannot hold simulator state; nothing was touched. Callers exit 2. */
export class StateRefusedError extends Error {}

export type StateFileKind = 'absent' | 'empty' | 'ours';

/** Read-only: classifies the state file and its journal, or throws StateRefusedError. */
export function inspectStateFile(statePath: string, journalPath: string): StateFileKind {
  // lstat: a symlinked journal would be emptied through the link (the file it points at is not ours).
  const journal = statOf(journalPath, fs.lstatSync);
  if (journal && !journal.isFile())
    throw new StateRefusedError(
      `${journalPath} is not a regular file (a directory, a device or a symlink); the simulator keeps its journal there. Left it untouched: choose another --state file.`,
    );
  const stat = statOf(statePath);
  if (!stat) return 'absent';
  if (!stat.isFile())
    throw new StateRefusedError(
      `${statePath} is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}, not a simulator state file. Left it untouched: give --state a file name.`,
    );
  if (stat.size === 0) return 'empty';
  if (!carriesMarker(statePath))
    throw new StateRefusedError(
      `${statePath} is not a cpcpolicy simulator state file (it does not start with our "format" marker). Left it untouched: choose another --state file.`,
    );
  return 'ours';
}

export function carriesMarker(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(256);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return MARKER.test(head.subarray(0, n).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

function statOf(file: string, stat: (f: string) => fs.Stats = fs.statSync): fs.Stats | undefined {
  try {
    return stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateRefusedError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Renames a file of ours that no longer loads to `<file>.<why>-<time>`; returns the new name. */
export function moveAside(file: string, why: 'corrupt' | 'unloadable' = 'corrupt'): string {
  const aside = `${file}.${why}-${stamp()}`;
  fs.renameSync(file, aside);
  return aside;
}

/** Copies a file aside (the journal: its good records are kept in place). */
export function copyAside(file: string, why: 'corrupt' | 'unloadable' = 'corrupt'): string {
  const aside = `${file}.${why}-${stamp()}`;
  fs.copyFileSync(file, aside);
  return aside;
}
