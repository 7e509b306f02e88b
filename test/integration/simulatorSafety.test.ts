// The embedded simulator in the real extension host: a time-scale setting outside its schema's range
// (1–100000) is held to it, so the simulated clock never leaves the range every date shares; and the
// window owns the state's lock and serves its sibling windows on 127.0.0.1 behind a secret.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CpcPolicyApi } from '../../src/extensionApi';
import type { Views } from '../../src/vscode/views/registerViews';
import { getExtension, waitFor, scaled } from './testSupport';

describe('the embedded simulator under a hostile setting', function () {
  this.timeout(scaled(60_000));
  let views: Views;
  const config = () => vscode.workspace.getConfiguration('cpcpolicy.simulator');
  let previous: number | undefined;

  before(async () => {
    const api: CpcPolicyApi = await getExtension().activate();
    views = api.views!;
    previous = config().inspect<number>('timeScale')?.globalValue;
  });

  after(async () => {
    await config().update('timeScale', previous, vscode.ConfigurationTarget.Global);
  });

  it('clamps cpcpolicy.simulator.timeScale = 10000000000000 to 100000: the clock stays before year 10000', async () => {
    await config().update('timeScale', 1e13, vscode.ConfigurationTarget.Global);
    const clock = async () => {
      const r = await views.sidebar.backend.simulator!.handler({
        method: 'GET',
        url: '/_simulator/clock',
        headers: {},
      });
      return { status: r.status, now: r.body ? (JSON.parse(r.body) as { now: string }).now : '' };
    };
    const first = await clock();
    assert.equal(first.status, 200);
    // Let real time move the scaled clock (at 1e13 it would pass year 275760 within a second).
    const later = await waitFor(
      async () => {
        const c = await clock();
        return c.now !== first.now ? c : undefined;
      },
      'the scaled clock to move',
      20_000,
    );
    assert.equal(later.status, 200);
    const year = Number(/^(\d{4})-/.exec(later.now)?.[1]);
    assert.ok(year >= 2020 && year < 2100, `simulated now ${later.now}`);
    assert.equal(
      (await vscode.commands.executeCommand('cpcpolicy.simulator.advanceTime', { minutes: 1 })) !== undefined,
      true,
    );
  });
});
