// The owner's change events for sibling windows: a numbered ring of recent changes, read with
// `GET /_simulator/changes?after=N`. A reader that fell behind the ring, or that talks to a new owner
// (another epoch), is told to reload everything. Clock ticks and audit events are left out: no view shows them.
import { randomUUID } from 'node:crypto';
import type { Disposable, SimulatorChange } from './changeEvents';

export const CHANGES_PATH = '/_simulator/changes';
const KEEP = 5000;

export interface ChangePage {
  epoch: string;
  seq: number;
  /** True when the reader missed changes: reload everything. */
  reset: boolean;
  changes: SimulatorChange[];
}

export class ChangeFeed implements Disposable {
  readonly epoch = randomUUID();
  private seq = 0;
  private readonly ring: SimulatorChange[] = [];
  private readonly subscription: Disposable;

  constructor(source: { onDidChange(listener: (change: SimulatorChange) => void): Disposable }) {
    this.subscription = source.onDidChange((change) => {
      if (change.kind === 'clock' || change.kind === 'auditEvent') return;
      this.seq++;
      this.ring.push(change);
      if (this.ring.length > KEEP) this.ring.shift();
    });
  }

  /** Changes after `after` (a sequence number this epoch handed out), or a reset. */
  read(epoch: string | undefined, after: number): ChangePage {
    const oldest = this.seq - this.ring.length;
    if (epoch !== this.epoch || !(after >= oldest && after <= this.seq))
      return { epoch: this.epoch, seq: this.seq, reset: true, changes: [] };
    return { epoch: this.epoch, seq: this.seq, reset: false, changes: this.ring.slice(after - oldest) };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
