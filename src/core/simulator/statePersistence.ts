// Durable simulator state: a snapshot (written atomically: temp file, fsync, rename) plus an append-only
// journal, written ahead: a change's record is fsynced before the change is applied, so a change whose
// record is not on disk is not in memory either (as SQLite's write-ahead log). The model is deterministic
// (virtual time, seeded ids), so a record is the request and the simulated time it was applied at; loading
// replays them on the snapshot. Files of ours that do not load are moved aside and reported, never replaced.
import * as fs from 'node:fs';
import type { SimulatorStateData } from './simulatorState';
import { replaceFileDurably, writeAll } from './durableWrite';
import type { StateIo } from './durableWrite';
import { SNAPSHOT_FORMAT, copyAside, inspectStateFile, moveAside } from './stateFileCheck';
import { MAX_SIMULATED_TIME } from './timeUnits';
import { snapshotShapeProblem } from './stateShape';
import { errorText } from '../model/errorText';

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

/** The file system calls the journal and the snapshot make (tests inject failing ones). */
export type JournalIo = StateIo;
export type { StateIo } from './durableWrite';

/** A journal record could not be made durable; the change it describes was not applied. */
export class StateWriteError extends Error {}

export class StateStore {
  readonly journalPath: string;
  private fd: number | undefined;
  /** Journal length after the last complete record: a failed append is cut back to it. */
  private goodLength = 0;
  private broken = false;
  /** Bytes of complete, readable records found by load(): anything after them is cut before appending. */
  private loadedGoodBytes: number | undefined;
  seq = 0;
  private sinceSnapshot = 0;

  constructor(
    readonly statePath: string,
    readonly snapshotEvery = 200,
    private readonly io: JournalIo = fs,
  ) {
    this.journalPath = `${statePath}.journal`;
  }

  /** Reads snapshot + journal. Throws StateRefusedError (nothing touched) for paths that are not ours. */
  load(): LoadedState {
    const problems: string[] = [];
    let data: SimulatorStateData | undefined;
    let journalSeq = 0;
    if (inspectStateFile(this.statePath, this.journalPath) === 'ours') {
      try {
        const parsed = JSON.parse(fs.readFileSync(this.statePath, 'utf8')) as SnapshotFile;
        const problem = snapshotShapeProblem(parsed);
        if (problem) throw new Error(problem);
        data = parsed.data;
        journalSeq = parsed.journalSeq;
      } catch (err) {
        problems.push(this.setAside(`is corrupt (${errorText(err)})`, 'corrupt'));
      }
    }
    const entries = fs.existsSync(this.journalPath) ? this.readJournal(journalSeq, problems) : [];
    this.seq = Math.max(journalSeq, ...entries.map((e) => e.seq));
    this.sinceSnapshot = entries.length;
    return { data, journalSeq, entries, problems };
  }

  /** Moves the snapshot (and its journal, which belongs to it) aside; returns the report line. */
  setAside(reason: string, why: 'corrupt' | 'unloadable'): string {
    const aside = fs.existsSync(this.statePath) ? moveAside(this.statePath, why) : undefined;
    const journal = fs.existsSync(this.journalPath) ? moveAside(this.journalPath, why) : undefined;
    const moved = [aside && `the state to ${aside}`, journal && `the journal to ${journal}`]
      .filter(Boolean)
      .join(' and ');
    return `state file ${this.statePath} ${reason}; moved ${moved || 'nothing'} and started from the seed`;
  }

  private readJournal(journalSeq: number, problems: string[]): JournalEntry[] {
    const entries: JournalEntry[] = [];
    const text = fs.readFileSync(this.journalPath, 'utf8');
    const lines = text.split('\n');
    // Every record is written with its newline and acknowledged only after: an unterminated tail, even one
    // that parses, is a write cut short and never acknowledged. It is not replayed, and the next append
    // starts where it began (appending after it would glue two records into one corrupt line).
    const complete = lines.slice(0, -1);
    if (lines[lines.length - 1] !== '')
      problems.push(
        `ignored an incomplete last journal record in ${this.journalPath} (a write interrupted before it was acknowledged)`,
      );
    let good = 0;
    for (let i = 0; i < complete.length; i++) {
      const line = complete[i];
      if (!line.trim()) {
        good += Buffer.byteLength(line, 'utf8') + 1;
        continue;
      }
      let entry: JournalEntry | undefined;
      try {
        entry = JSON.parse(line) as JournalEntry;
        if (
          !Number.isSafeInteger(entry.seq) ||
          typeof entry.t !== 'number' ||
          !(entry.t >= 0 && entry.t <= MAX_SIMULATED_TIME)
        )
          throw new Error('bad record');
      } catch {
        const aside = copyAside(this.journalPath);
        problems.push(
          `journal ${this.journalPath} has a corrupt record at line ${i + 1}; kept the ${entries.length} records before it, copied the file to ${aside}`,
        );
        break;
      }
      if (entry.seq > journalSeq) entries.push(entry);
      good += Buffer.byteLength(line, 'utf8') + 1;
    }
    this.loadedGoodBytes = Math.min(good, Buffer.byteLength(text, 'utf8'));
    return entries;
  }

  /** At start: opens the journal for appending, so a read-only place fails now, not on the first change. */
  checkWritable(): void {
    this.openJournal();
  }

  /** Appends one record and fsyncs it: when this returns, the change survives a kill. Throws StateWriteError. */
  append(entry: Omit<JournalEntry, 'seq'>): void {
    const record: JournalEntry = { seq: this.seq + 1, ...entry };
    try {
      const fd = this.openJournal();
      // A record cut short by a full disk throws here: it is cut back and the change is not acknowledged.
      writeAll(this.io, fd, Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'));
      this.io.fsyncSync(fd);
      this.goodLength = this.io.fstatSync(fd).size;
    } catch (err) {
      this.cutBack();
      throw new StateWriteError(
        `cannot append to ${this.journalPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    this.seq = record.seq;
    this.sinceSnapshot++;
  }

  private openJournal(): number {
    if (this.fd === undefined) {
      this.fd = this.io.openSync(this.journalPath, 'a');
      this.goodLength = this.io.fstatSync(this.fd).size;
      // A torn or corrupt tail found at load (reported then) must not sit before the next record.
      if (this.loadedGoodBytes !== undefined && this.loadedGoodBytes < this.goodLength) {
        this.goodLength = this.loadedGoodBytes;
        this.broken = true;
      }
    }
    if (this.broken) {
      // The last append failed midway: cut its partial record off before writing the next one.
      this.io.ftruncateSync(this.fd, this.goodLength);
      this.broken = false;
    }
    return this.fd;
  }

  /** A partial record must not sit before the next good one (it would read as corruption mid-journal). */
  private cutBack(): void {
    this.broken = true;
    if (this.fd === undefined) return;
    try {
      this.io.ftruncateSync(this.fd, this.goodLength);
      this.broken = false;
    } catch {
      // Retried before the next append; until then nothing more is written.
    }
  }

  get snapshotDue(): boolean {
    return this.sinceSnapshot >= this.snapshotEvery;
  }

  /**
   * Writes the snapshot (whole, fsynced, renamed into place), then empties the journal: records up to `seq`
   * are in the snapshot. A snapshot that fails leaves the old one and the journal as they were, and throws.
   */
  writeSnapshot(data: SimulatorStateData): void {
    const file: SnapshotFile = {
      format: SNAPSHOT_FORMAT,
      journalSeq: this.seq,
      savedAt: new Date().toISOString(),
      data,
    };
    replaceFileDurably(this.io, this.statePath, JSON.stringify(file));
    // Crash here: the journal's records all have seq ≤ journalSeq and are skipped on load.
    const fd = this.openJournal();
    this.io.ftruncateSync(fd, 0);
    this.io.fsyncSync(fd);
    this.goodLength = 0;
    this.sinceSnapshot = 0;
  }

  close(): void {
    if (this.fd !== undefined) this.io.closeSync(this.fd);
    this.fd = undefined;
    this.broken = false;
  }
}
