// What `cpcpolicy validate` does with paths that are not plain policy files, and names that are not plain
// names: pipes, devices, huge or looping files are refused with exit 2 (never a hang or a crash); a name
// with a newline cannot forge a line of output; SARIF uris are percent-encoded.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { main } from '../../../src/cli/main';
import { runValidate } from '../../../src/cli/validateCommand';

const root = path.resolve(__dirname, '../../..');
const BAD =
  '{\n  "displayName": "a<b",\n  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]\n}\n';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

/** The CLI in its own process with a deadline: a read that blocks or never ends must not hang the suite. */
function cli(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), path.join(root, 'src/cli/main.ts'), ...args],
    { cwd, encoding: 'utf8', timeout: 15_000, maxBuffer: 1 << 20 },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined || r.signal !== null };
}

describe('cpcpolicy validate: files that are not plain policy files', function () {
  this.timeout(40_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-files-'));

  it('refuses a named pipe at once with exit 2 (it would wait for a writer forever)', function () {
    const fifo = path.join(dir, 'pipe.cpcpolicy.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    const r = cli(['validate', fifo], dir);
    assert.equal(r.timedOut, false, 'validate hung on a FIFO');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /pipe\.cpcpolicy\.json': not a regular file \(a named pipe\)/);
  });

  it('refuses /dev/zero with exit 2 (it never ends)', function () {
    if (!existsSync('/dev/zero')) this.skip();
    const r = cli(['validate', '/dev/zero'], dir);
    assert.equal(r.timedOut, false, 'validate kept reading /dev/zero');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /not a regular file \(a character device\)/);
  });

  it('refuses a file over 16 MB with exit 2 and says the limit', async () => {
    const big = path.join(dir, 'big.cpcpolicy.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 16 * 1024 * 1024 + 1);
    closeSync(fd);
    const io = capture(dir);
    assert.equal(await runValidate(['big.cpcpolicy.json'], io), 2);
    assert.match(io.err, /big\.cpcpolicy\.json': 16,777,217 bytes is over the 16 MB limit for a policy file/);
  });

  it('reads a file of exactly 16 MB', async () => {
    const edge = path.join(dir, 'edge.cpcpolicy.json');
    writeFileSync(edge, BAD.padEnd(16 * 1024 * 1024, ' '));
    const io = capture(dir);
    assert.equal(await runValidate(['edge.cpcpolicy.json'], io), 1, io.err);
    assert.match(io.out, /edge\.cpcpolicy\.json:2:18: error CPC/);
  });

  it('names a symbolic link loop as a loop (exit 2)', async () => {
    symlinkSync('loop-b.cpcpolicy.json', path.join(dir, 'loop-a.cpcpolicy.json'));
    symlinkSync('loop-a.cpcpolicy.json', path.join(dir, 'loop-b.cpcpolicy.json'));
    const io = capture(dir);
    assert.equal(await runValidate(['loop-a.cpcpolicy.json'], io), 2);
    assert.match(io.err, /loop-a\.cpcpolicy\.json': a symbolic link loop \(ELOOP\)/);
  });
});

describe('cpcpolicy validate: names and messages in the output', () => {
  it('a newline in a file name cannot forge a second line or a CI annotation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-names-'));
    const name = 'x\n::error file=forged.json,line=1::forged\n.cpcpolicy.json';
    writeFileSync(path.join(dir, name), BAD);
    const io = capture(dir);
    assert.equal(await runValidate(['*.cpcpolicy.json'], io), 1, io.err);
    const lines = io.out.trimEnd().split('\n');
    assert.equal(lines.length, 2, io.out);
    assert.ok(!lines.some((l) => l.startsWith('::')), io.out);
    assert.ok(
      lines[0]!.startsWith('x\\n::error file=forged.json,line=1::forged\\n.cpcpolicy.json:2:18: error CPC'),
      lines[0],
    );
  });

  it("a newline inside a finding's message (an escaped key) stays on its line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-names-'));
    writeFileSync(
      path.join(dir, 'k.cpcpolicy.json'),
      '{ "displayName": "x", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }], "a\\n::error::forged": 1 }',
    );
    const io = capture(dir);
    await runValidate(['k.cpcpolicy.json'], io);
    assert.ok(!io.out.split('\n').some((l) => l.startsWith('::')), io.out);
    assert.match(io.out, /a\\n::error::forged/);
  });

  it('SARIF uris are percent-encoded (space, #, %)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-names-'));
    writeFileSync(path.join(dir, 'a b#c%d.cpcpolicy.json'), BAD);
    const io = capture(dir);
    assert.equal(await runValidate(['a b#c%d.cpcpolicy.json', '--format', 'sarif'], io), 1);
    const sarif = JSON.parse(io.out) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uri = sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'a%20b%23c%25d.cpcpolicy.json');
    assert.equal(decodeURIComponent(uri), 'a b#c%d.cpcpolicy.json');
  });

  it('an absolute path outside the working directory becomes a file: URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-names-'));
    const file = path.join(dir, 'x y.cpcpolicy.json');
    writeFileSync(file, BAD);
    const io = capture(root);
    await runValidate([file, '--format', 'sarif'], io);
    const uri = (
      JSON.parse(io.out) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    assert.ok(uri.startsWith('file:///') && uri.endsWith('/x%20y.cpcpolicy.json'), uri);
  });
});

describe('cpcpolicy: one argument parser for every subcommand', () => {
  it('unknown flags exit 2 with the usage; --help exits 0', async () => {
    for (const [command, args] of [
      ['validate', ['--strict', 'a']],
      ['preview', ['X-%RAND:5%', '--colour']],
      ['simulator', ['serve', '--bogus']],
    ] as const) {
      const io = capture(root);
      assert.equal(await main([command, ...args], io), 2, `${command}: ${io.err}`);
      assert.match(io.err, /unknown option '--(strict|colour|bogus)'/i);
      assert.match(io.err, /Usage/);
      const help = capture(root);
      assert.equal(
        await main([command, ...(command === 'simulator' ? ['serve'] : []), '--help'], help),
        0,
        `${command} --help: ${help.err}`,
      );
      assert.match(help.out, /Usage/);
    }
  });

  it('a value for a flag that takes none, or a flag without its value, is a usage problem', async () => {
    for (const args of [
      ['validate', '--format'],
      ['preview', 'X-%RAND:5%', '--user'],
      ['simulator', 'serve', '--port'],
      ['validate', '--help=yes', 'a'],
    ]) {
      const io = capture(root);
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.match(io.err, /Usage/);
    }
  });
});
