import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { helpText } from '../../../src/cli/main';

const root = path.resolve(__dirname, '../../..');

describe('cpcpolicy CLI entry point', () => {
  it('--help lists every command', () => {
    const text = helpText();
    for (const command of ['validate', 'preview', 'simulator serve', 'help'])
      assert.match(text, new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('the bundled bin prints help and exits 0, and exits 2 on an unknown command', () => {
    const bin = path.join(root, 'dist', 'cli.js');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: cpcpolicy <command>/);
    const unknown = spawnSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});
