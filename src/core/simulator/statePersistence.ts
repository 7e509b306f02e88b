// Durable simulator state: a snapshot (written atomically: temp file, fsync, rename) plus an append-only
// journal of the changes since, each fsynced before its response is sent. The model is deterministic
// (virtual time, seeded ids), so a journal record is the request and the simulated time it was applied at;
// loading replays them on the snapshot. A corrupt file is moved aside and reported, never silently replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SimulatorStateData } from './simulatorState';

export const SNAPSHOT_FORMAT = 'cpcpolicy-simulator-state';

export interface JournalRequest {
  method: string;
  url: string;
  body?: string;
  headers: Record<string, string>;
}

/** One applied change: a request at simulated time `t`, or a `tick` (time passed and events ran). */
export interface JournalEntry {
  seq: number;
  t: number;
  req?: JournalRequest;
}

interface SnapshotFile {
  format: typeof SNAPSHOT_FORMAT;
  journalSeq: number;
  savedAt: string;
  data: SimulatorStateData;
}

export interface LoadedState {
  data?: SimulatorStateData;
  journalSeq: number;
  entries: JournalEntry[];
  /** Human-readable reports (moved-aside files, ignored torn records) for stderr. */
  problems: string[];
}

export class StateStore {
  readonly journalPath: string;
  private fd: number | undefined;
  seq = 0;
  private sinceSnapshot = 0;

  constructor(readonly statePath: string, readonly snapshotEvery = 200) {
    this.journalPath = `${statePath}.journal`;
  }

  /** Reads snapshot + journal. Corrupt files are renamed `<file>.corrupt-<time>` and reported. */
  load(): LoadedState {
    const problems: string[] = [];
    let data: SimulatorStateData | undefined;
    let journalSeq = 0;
    fs.mkdirSync(path.dirname(path.resolve(this.statePath)), { recursive: true });
    if (fs.existsSync(this.statePath)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(this.statePath, 'utf8')) as Partial<SnapshotFile>;
        if (parsed.format !== SNAPSHOT_FORMAT || !parsed.data || parsed.data.version !== 1 || typeof parsed.journalSeq !== 'number') throw new Error('not a cpcpolicy simulator state file');
        data = parsed.data;
        journalSeq = parsed.journalSeq;
      } catch (err) {
        const aside = moveAside(this.statePath);
        problems.push(`state file ${this.statePath} is corrupt (${err instanceof Error ? err.message : String(err)}); moved it to ${aside} and started from the seed`);
        // The journal belongs to the snapshot we could not read: set it aside too rather than replay it on a seed.
        if (fs.existsSync(this.journalPath)) problems.push(`journal moved to ${moveAside(this.journalPath)}`);
      }
    }
    const entries: JournalEntry[] = [];
    if (fs.existsSync(this.journalPath)) {
      const text = fs.readFileSync(this.journalPath, 'utf8');
      const lines = text.split('\n');
      const complete = text.endsWith('\n') ? lines.slice(0, -1) : lines;
      for (let i = 0; i < complete.length; i++) {
        const line = complete[i];
        if (!line.trim()) continue;
        let entry: JournalEntry | undefined;
        try {
          entry = JSON.parse(line) as JournalEntry;
          if (typeof entry.seq !== 'number' || typeof entry.t !== 'number') throw new Error('bad record');
        } catch {
          const isLast = i === complete.length - 1;
          if (isLast && !text.endsWith('\n')) {
            // A torn final record: the write never completed, so it was never acknowledged.
            problems.push(`ignored an incomplete last journal record in ${this.journalPath} (a write interrupted before it was acknowledged)`);
            break;
          }
          const aside = copyAside(this.journalPath);
          problems.push(`journal ${this.journalPath} has a corrupt record at line ${i + 1}; kept the ${entries.length} records before it, copied the file to ${aside}`);
          break;
        }
        if (entry.seq > journalSeq) entries.push(entry);
      }
    }
    this.seq = Math.max(journalSeq, ...entries.map((e) => e.seq));
    this.sinceSnapshot = entries.length;
    return { data, journalSeq, entries, problems };
  }

  /** Appends one record and fsyncs it: when this returns, the change survives a kill. */
  append(entry: Omit<JournalEntry, 'seq'>): void {
    if (this.fd === undefined) this.fd = fs.openSync(this.journalPath, 'a');
    const record: JournalEntry = { seq: ++this.seq, ...entry };
    fs.writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fs.fsyncSync(this.fd);
    this.sinceSnapshot++;
  }

  get snapshotDue(): boolean {
    return this.sinceSnapshot >= this.snapshotEvery;
  }

  /** Writes the snapshot atomically, then empties the journal (records up to `seq` are in the snapshot). */
  writeSnapshot(data: SimulatorStateData): void {
    const file: SnapshotFile = { format: SNAPSHOT_FORMAT, journalSeq: this.seq, savedAt: new Date().toISOString(), data };
    const tmp = `${this.statePath}.tmp-${process.pid}`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(file));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.statePath);
    fsyncDir(path.dirname(path.resolve(this.statePath)));
    // Crash here: the journal's records all have seq ≤ journalSeq and are skipped on load.
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    const jfd = fs.openSync(this.journalPath, 'w');
    fs.fsyncSync(jfd);
    fs.closeSync(jfd);
    this.sinceSnapshot = 0;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function moveAside(file: string): string {
  const aside = `${file}.corrupt-${stamp()}`;
  fs.renameSync(file, aside);
  return aside;
}

function copyAside(file: string): string {
  const aside = `${file}.corrupt-${stamp()}`;
  fs.copyFileSync(file, aside);
  return aside;
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms can't fsync a directory; the rename is still atomic.
  }
}
