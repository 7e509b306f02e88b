// Opens the embedded simulator for the extension: state in global storage (it survives a reload), time in
// scaled real time (setting cpcpolicy.simulator.timeScale, held to its schema's range), the demo tenant on
// first use. Every window opens the same state: the first owns it, the others share it (sharedSimulator.ts).
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { DEFAULT_TIME_SCALE, MAX_TIME_SCALE, MIN_TIME_SCALE } from '../../core/simulator/hosting/simulatorService';
import { SharedSimulator } from '../../core/simulator/hosting/sharedSimulator';
import { userSetting } from '../trust/userSettings';
import type { SimulatorSession } from './simulatorSession';
import { errorText } from '../../core/model/errorText';

export const SIMULATOR_STATE_FILE = 'simulator-state.json';

/** The user's setting (a folder's value does not count), clamped to 1–100000 (VS Code does not enforce a schema's range on values written by hand). */
export function readTimeScale(log?: vscode.LogOutputChannel): number {
  const value = userSetting<unknown>('cpcpolicy.simulator', 'timeScale', DEFAULT_TIME_SCALE);
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_TIME_SCALE;
  const clamped = Math.min(MAX_TIME_SCALE, Math.max(MIN_TIME_SCALE, value));
  if (clamped !== value)
    log?.warn(
      `cpcpolicy.simulator.timeScale ${value} is outside ${MIN_TIME_SCALE}–${MAX_TIME_SCALE}; using ${clamped}.`,
    );
  return clamped;
}

export function openSimulatorSession(storageDir: string, log: vscode.LogOutputChannel): SimulatorSession {
  const timeScale = readTimeScale(log);
  const shared = new SharedSimulator({
    statePath: path.join(storageDir, SIMULATOR_STATE_FILE),
    timeScale,
    seed: 'demo',
    // A state file set aside, a window sharing another's simulator: say so where an admin will look.
    log: (level, message) => (level === 'warn' ? log.warn(message) : log.info(message)),
  });
  return {
    handler: shared.handler,
    onDidChange: (listener) => shared.onDidChange(listener),
    // Called per preview and tooltip: take a few users, never copy a 100,000-user tenant.
    sampleUserPrincipalNames: (count) => shared.sampleUserPrincipalNames(count),
    now: () => shared.now(),
    timeScale,
    dispose: () =>
      void shared.dispose().catch((err: unknown) => log.warn(`Simulator: could not close cleanly: ${errorText(err)}`)),
  };
}
