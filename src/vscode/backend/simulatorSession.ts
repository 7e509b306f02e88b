// The embedded simulator as the extension holds it: its REST handler (reached through the Graph
// client like any tenant), its change events for live views, and its state in global storage.
import type { RestHandler } from '../../core/model/rest';
import type { SimulatorChange } from '../../core/simulator/changeEvents';

export interface SimulatorSession {
  /** Graph's REST contract, in process. Simulator controls live under `/_simulator/...`. */
  readonly handler: RestHandler;
  /** Every state change (Cloud PC status, policy edits, clock ticks); views refresh only what changed. */
  onDidChange(listener: (change: SimulatorChange) => void): { dispose(): void };
  /** The first `count` user principal names in the simulated tenant (the name preview samples a few). */
  sampleUserPrincipalNames(count: number): string[];
  /** Simulated time now (ms since the epoch; undefined in a window that shares another's simulator), and how fast it runs. */
  now(): number | undefined;
  readonly timeScale: number;
  /** Stops the scaled-real-time clock and flushes state to disk. */
  dispose(): void;
}
