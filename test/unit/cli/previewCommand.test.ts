import * as assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/cliIo';
import { runPreview } from '../../../src/cli/previewCommand';

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd: process.cwd(),
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

describe('cpcpolicy preview', () => {
  it('prints names for the given users and the length range (exit 0)', async () => {
    const io = capture();
    const code = await runPreview(
      ['CPC-%USERNAME:4%-%RAND:5%', '--user', 'adele.vance@contoso.com', '--user=li@contoso.com', '--seed', '7'],
      io,
    );
    assert.equal(code, 0, io.out);
    assert.match(io.out, /adele\.vance@contoso\.com\s+CPC-adel-[A-Z0-9]{5}/);
    assert.match(io.out, /li@contoso\.com\s+CPC-li-[A-Z0-9]{5}/);
    assert.match(io.out, /Length\s+11–14 characters/);
  });

  it('is repeatable with the same seed', async () => {
    const a = capture();
    const b = capture();
    await runPreview(['X-%RAND:8%', '--seed', '42'], a);
    await runPreview(['X-%RAND:8%', '--seed', '42'], b);
    assert.equal(a.out, b.out);
  });

  it('uses default sample users when none are given', async () => {
    const io = capture();
    await runPreview(['CPC-%RAND:6%'], io);
    assert.equal(io.out.split('\n').filter((l) => /@contoso\.com/.test(l)).length, 3);
  });

  it('exit 1 with reasons when the template breaks a rule', async () => {
    const io = capture();
    assert.equal(await runPreview(['CPC_%USERNAME:3%-%RAND:4%', '--type', 'sharedByEntraGroup'], io), 1);
    assert.match(io.out, /error CPC405/);
    assert.match(io.out, /error CPC408/);
    assert.match(io.out, /error CPC409/);
  });

  it('--format json prints the length range, ok, and the problems (CPC410 for a 100,000 fleet)', async () => {
    const io = capture();
    assert.equal(await runPreview(['CPC-%RAND:5%', '--format', 'json', '--fleet', '100000'], io), 0);
    const out = JSON.parse(io.out);
    assert.deepEqual(out.length, { min: 9, max: 9 });
    assert.equal(out.ok, true);
    assert.equal(out.problems[0].code, 'CPC410');
  });

  it('exit 2 for usage problems', async () => {
    for (const args of [
      [],
      ['X-%RAND:5%', '--type', 'shared'],
      ['X-%RAND:5%', '--color'],
      ['a', 'b'],
      ['X-%RAND:5%', '--fleet', 'many'],
    ]) {
      const io = capture();
      assert.equal(await runPreview(args, io), 2, args.join(' '));
      assert.match(io.err, /Usage/);
    }
  });
});
