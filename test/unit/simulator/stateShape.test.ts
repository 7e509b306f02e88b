// What a state file may hold (docs/simulator.md, "What --state may point at, and recovery"): the whole shape
// is checked on load, so a file that loads also works; one that does not fit is set aside with a message
// (never a 500 on the next write); a journal that is a symlink is refused like --state itself, untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { StateRefusedError } from '../../../src/core/simulator/stateFileCheck';
import { acquireStateLock } from '../../../src/core/simulator/stateLock';
import { TenantClient, handlerTransport } from './tenantClient';
import { tempState } from './serveProcess';

/** A saved state of a tenant with one user, edited by `edit`, then opened again; returns what happened. */
async function reopenEdited(edit: (saved: Saved) => void): Promise<{ log: string[]; s: SimulatorService }> {
  const file = tempState();
  const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
  await new TenantClient(handlerTransport(a.handler)).user('Saved');
  a.close();
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(saved);
  fs.writeFileSync(file, JSON.stringify(saved));
  const log: string[] = [];
  const s = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
  return { log, s };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a saved file edited by hand, any shape
type Saved = Record<string, any>;

describe('simulator state file shape', () => {
  for (const [what, edit, says] of [
    ['a string clock', (d: Saved) => (d.data.now = '2026'), /data\/now/],
    ['a non-numeric idCounter', (d: Saved) => (d.data.idCounter = 'seven'), /data\/idCounter/],
    ['a journalSeq past 2^53', (d: Saved) => (d.journalSeq = 2 ** 53), /journalSeq/],
    ['a user without an id', (d: Saved) => delete d.data.users[0].id, /data\/users\/0/],
    ['groups that are not a list', (d: Saved) => (d.data.groups = {}), /data\/groups/],
  ] as const)
    it(`sets aside a state with ${what}, says which value, and every write then works`, async () => {
      const { log, s } = await reopenEdited(edit);
      try {
        assert.match(log.join('\n'), /corrupt/);
        assert.match(log.join('\n'), says);
        const t = new TenantClient(handlerTransport(s.handler));
        const a = await t.group('One');
        const b = await t.group('Two');
        assert.notEqual(a, b);
      } finally {
        s.close();
      }
    });

  it('loads a state it wrote itself after a fractional clock advance (simulated time need not be whole)', async () => {
    const file = tempState();
    const a = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 });
    const t = new TenantClient(handlerTransport(a.handler));
    await t.user('Saved');
    await t.advance({ minutes: 0.00001 });
    const now = a.simulator.now();
    a.close();
    const log: string[] = [];
    const b = SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0, log: (m) => log.push(m) });
    try {
      assert.deepEqual(log, []);
      assert.equal(b.simulator.now(), now);
      assert.equal(b.simulator.users.size, 1);
    } finally {
      b.close();
    }
  });

  it('refuses a journal that is a symlink to another file, and leaves that file untouched', () => {
    const file = tempState();
    const dir = path.dirname(file);
    const foreign = path.join(dir, 'notes.txt');
    fs.writeFileSync(foreign, 'my notes\n');
    fs.symlinkSync(foreign, `${file}.journal`);
    assert.throws(() => SimulatorService.open({ seed: 'empty', statePath: file, timeScale: 0 }), StateRefusedError);
    assert.equal(fs.readFileSync(foreign, 'utf8'), 'my notes\n');
    assert.equal(fs.existsSync(file), false);
  });
});

describe('the state lock beside a state file', () => {
  it('leaves no temporary file behind when `<state>.lock` is a directory, and refuses with exit-2 error', async () => {
    const file = tempState();
    fs.mkdirSync(`${file}.lock`);
    await assert.rejects(acquireStateLock(file), StateRefusedError);
    assert.deepEqual(
      fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.tmp-')),
      [],
    );
  });
});
