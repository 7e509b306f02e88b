import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { runValidate } from '../../../src/cli/validateCommand';

const root = path.resolve(__dirname, '../../..');

function capture(cwd = root): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const GOOD =
  '{ "displayName": "ok", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }] }\n';
const BAD =
  '{\n  "displayName": "a<b",\n  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]\n}\n';

describe('cpcpolicy validate', () => {
  it('passes every sample in samples/ (exit 0)', async () => {
    const io = capture();
    const code = await runValidate(['samples/*.cpcpolicy.json'], io);
    assert.equal(code, 0, io.out + io.err);
    assert.match(io.out, /0 errors, 0 warnings/);
  });

  it('reports the expected codes for every sample in samples/invalid/ (exit 1)', async () => {
    const io = capture();
    const code = await runValidate(['samples/invalid/*.cpcpolicy.json', '--format', 'json'], io);
    assert.equal(code, 1);
    const results = JSON.parse(io.out) as { file: string; diagnostics: { code: string }[] }[];
    const dir = path.join(root, 'samples', 'invalid');
    assert.equal(results.length, readdirSync(dir).filter((f) => f.endsWith('.cpcpolicy.json')).length);
    for (const r of results) {
      const expected =
        /\/\/ expect: (.*)/
          .exec(readFileSync(path.join(root, r.file), 'utf8'))?.[1]
          ?.trim()
          .split(/\s+/) ?? [];
      assert.ok(expected.length > 0, `${r.file} has an // expect: line`);
      const got = [...new Set(r.diagnostics.map((d) => d.code))].sort();
      assert.deepEqual(got, [...expected].sort(), r.file);
    }
  });

  it('text format: path:line:col: severity code message, 1-based', async () => {
    const dir = tempDir({ 'bad.cpcpolicy.json': BAD });
    const io = capture(dir);
    assert.equal(await runValidate(['bad.cpcpolicy.json'], io), 1);
    assert.match(io.out, /^bad\.cpcpolicy\.json:2:18: error CPC307 displayName cannot contain </m);
  });

  it('json format: 0-based LSP ranges', async () => {
    const dir = tempDir({ 'bad.cpcpolicy.json': BAD });
    const io = capture(dir);
    await runValidate(['--format=json', 'bad.cpcpolicy.json'], io);
    const [file] = JSON.parse(io.out) as {
      file: string;
      diagnostics: { code: string; severity: string; range: unknown }[];
    }[];
    assert.equal(file!.file, 'bad.cpcpolicy.json');
    assert.deepEqual(file!.diagnostics[0], {
      code: 'CPC307',
      severity: 'error',
      message: 'displayName cannot contain <: remove it.',
      range: { start: { line: 1, character: 17 }, end: { line: 1, character: 22 } },
    });
  });

  it('sarif format: SARIF 2.1.0 with rules, results and 1-based regions', async () => {
    const dir = tempDir({ 'bad.cpcpolicy.json': BAD });
    const io = capture(dir);
    await runValidate(['bad.cpcpolicy.json', '--format', 'sarif'], io);
    const log = JSON.parse(io.out);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'cpcpolicy');
    const result = run.results[0];
    assert.equal(result.ruleId, 'CPC307');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'CPC307');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: 2,
      startColumn: 18,
      endLine: 2,
      endColumn: 23,
    });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'bad.cpcpolicy.json');
  });

  it('exit 0 for warnings only', async () => {
    const dir = tempDir({
      'w.cpcpolicy.json': GOOD.replace('"ok"', '"ok", "provisioningType": "shared"').replace(
        '"automatic"',
        '"eastus2"',
      ),
    });
    const io = capture(dir);
    assert.equal(await runValidate(['w.cpcpolicy.json'], io), 0, io.out);
    assert.match(io.out, /warning CPC314/);
  });

  it('walks directories and ** globs', async () => {
    const io = capture();
    assert.equal(await runValidate(['samples/**/fleet.cpcpolicy.json', 'samples/invalid'], io), 1);
    assert.match(io.out, /samples\/invalid\/syntax-errors\.cpcpolicy\.json:\d+:\d+: error CPC101/);
  });

  it('says which paths a walk skipped: a FIFO, a link to nothing, a link loop, a file reached twice', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir({ 'a.cpcpolicy.json': GOOD });
    mkdirSync(path.join(dir, 'sub'));
    execFileSync('mkfifo', [path.join(dir, 'sub', 'pipe.cpcpolicy.json')]);
    symlinkSync('missing.cpcpolicy.json', path.join(dir, 'dangling.cpcpolicy.json'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('self.cpcpolicy.json', path.join(dir, 'self.cpcpolicy.json'));
    symlinkSync('a.cpcpolicy.json', path.join(dir, 'alias.cpcpolicy.json'));
    for (const args of [['.'], ['**/*.cpcpolicy.json']]) {
      const io = capture(dir);
      assert.equal(await runValidate(args, io), 0, `${args[0]}: a skipped path is a note, not an error\n${io.err}`);
      assert.match(io.out, /^1 file checked/m, `${args[0]}: a.cpcpolicy.json once\n${io.out}`);
      assert.match(io.err, /skipped 'sub\/pipe\.cpcpolicy\.json': not a regular file \(a FIFO\)/, args[0]);
      assert.match(io.err, /skipped 'dangling\.cpcpolicy\.json': a symbolic link to nothing/, args[0]);
      assert.match(io.err, /skipped 'self\.cpcpolicy\.json': a symbolic link loop/, args[0]);
      assert.match(io.err, /skipped 'alias\.cpcpolicy\.json': the same file as 'a\.cpcpolicy\.json', checked once/);
      if (args[0] === '.') assert.match(io.err, /skipped 'sub\/up': a link back to a folder already walked/);
    }
  });

  it('exit 2: unknown flag, missing file, glob matching nothing, no arguments', async () => {
    for (const args of [
      ['--strict', 'x.json'],
      ['nope.cpcpolicy.json'],
      ['samples/*.nothing'],
      [],
      ['--format', 'xml', 'a'],
    ]) {
      const io = capture();
      assert.equal(await runValidate(args, io), 2, args.join(' '));
      assert.ok(io.err.length > 0);
    }
  });

  it('reads bytes: invalid UTF-8 gives CPC106, a BOM is fine', async () => {
    const bytes = Buffer.concat([Buffer.from('{ "displayName": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('" }')]);
    const dir = tempDir({ 'latin.cpcpolicy.json': bytes, 'bom.cpcpolicy.json': '\uFEFF' + GOOD });
    const io = capture(dir);
    assert.equal(await runValidate(['latin.cpcpolicy.json'], io), 1);
    assert.match(io.out, /latin\.cpcpolicy\.json:1:22: error CPC106/);
    const io2 = capture(dir);
    assert.equal(await runValidate(['bom.cpcpolicy.json'], io2), 0, io2.out);
  });
});
