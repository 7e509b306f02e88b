// Opens the embedded simulator for the extension: state in global storage (it survives a reload),
// time in scaled real time (setting cpcpolicy.simulator.timeScale), the demo tenant on first use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_TIME_SCALE, SimulatorService } from '../../core/simulator/simulatorService';
import type { SimulatorSession } from './simulatorSession';

export const SIMULATOR_STATE_FILE = 'simulator-state.json';

export function readTimeScale(): number {
  const value = vscode.workspace.getConfiguration('cpcpolicy.simulator').get<number>('timeScale', DEFAULT_TIME_SCALE);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIME_SCALE;
}

export function openSimulatorSession(storageDir: string, log: vscode.LogOutputChannel): SimulatorSession {
  fs.mkdirSync(storageDir, { recursive: true });
  const statePath = path.join(storageDir, SIMULATOR_STATE_FILE);
  const service = SimulatorService.open({
    seed: 'demo',
    statePath,
    timeScale: readTimeScale(),
    // A corrupt state file is moved aside by the store; say so where an admin will look.
    log: (message) => log.warn(`Simulator state: ${message}`),
  });
  log.info(`Simulator state: ${statePath}`);
  return {
    handler: service.handler,
    onDidChange: (listener) => service.onDidChange(listener),
    // Called per preview and tooltip: take a few users, never copy a 100,000-user tenant.
    sampleUserPrincipalNames: (count) => {
      const names: string[] = [];
      for (const user of service.simulator.users.values()) {
        if (names.length >= count) break;
        names.push(user.userPrincipalName);
      }
      return names;
    },
    dispose: () => service.close(),
  };
}
