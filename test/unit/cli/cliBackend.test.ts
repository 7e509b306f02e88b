// The backend every CLI command opens: the in-process simulator (demo seed, or a state file kept by one
// writer at a time), a loopback server, or Graph; bad combinations are usage problems (exit 2).
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCliArgs } from '../../../src/cli/cliArgs';
import type { CliArgs } from '../../../src/cli/cliArgs';
import { BACKEND_OPTIONS, openCliBackend } from '../../../src/cli/cliBackend';
import type { CliBackend, BackendProblem } from '../../../src/cli/cliBackend';
import type { CliIo } from '../../../src/cli/cliIo';

function args(...argv: string[]): CliArgs {
  const parsed = parseCliArgs(argv, BACKEND_OPTIONS);
  assert.equal(typeof parsed, 'object', String(parsed));
  return parsed as CliArgs;
}

const io = (cwd: string): CliIo => ({ cwd, stdout: () => undefined, stderr: () => undefined });

function opened(b: CliBackend | BackendProblem): CliBackend {
  assert.ok('api' in b, 'message' in b ? b.message : 'no backend');
  return b;
}

describe('cpcpolicy: the backend a command opens', () => {
  it('is the demo tenant in memory by default', async () => {
    const b = opened(await openCliBackend(args(), io(tmpdir())));
    try {
      assert.equal(b.kind, 'simulator');
      assert.ok((await b.api.listPolicies()).length > 0, 'the demo tenant has policies');
    } finally {
      await b.close();
    }
  });

  it('keeps a change in --state for the next command, and lets one command at a time hold the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpc-backend-'));
    const first = opened(await openCliBackend(args('--state', 'w365.json', '--seed', 'empty'), io(dir)));
    const second = await openCliBackend(args('--state', 'w365.json'), io(dir));
    assert.ok('message' in second && second.exitCode === 2, 'a second writer is refused');
    await first.api.createPolicy({
      displayName: 'Kept',
      provisioningType: 'dedicated',
      imageType: 'gallery',
      imageId: 'microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
    });
    const names = (await first.api.listPolicies()).map((p) => p.displayName);
    assert.ok(names.includes('Kept'));
    await first.close();
    const again = opened(await openCliBackend(args('--state', 'w365.json'), io(dir)));
    try {
      assert.deepEqual(
        (await again.api.listPolicies()).map((p) => p.displayName),
        names,
      );
    } finally {
      await again.close();
    }
  });

  it('refuses a server that is not on this machine, and --state without the simulator', async () => {
    const far = await openCliBackend(args('--backend', 'http://example.com:8080'), io(tmpdir()));
    assert.ok('message' in far && far.exitCode === 2 && /this machine/.test(far.message));
    const mixed = await openCliBackend(args('--backend', 'http://127.0.0.1:1', '--state', 'x.json'), io(tmpdir()));
    assert.ok('message' in mixed && mixed.exitCode === 2);
    const seed = await openCliBackend(args('--seed', 'big'), io(tmpdir()));
    assert.ok('message' in seed && seed.exitCode === 2 && /demo or empty/.test(seed.message));
  });
});
