// Entry point VS Code loads as --extensionTestsPath: runs every *.test.js beside it with mocha,
// inside the real extension host, and records the counts for the aggregate `N passed, N failed` line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { scaled } from './testSupport';

export async function run(): Promise<void> {
  // The log and the counts name the VS Code the tests really ran in, as the extension host reports it.
  console.log(`[integration] extension host: VS Code ${vscode.version}, Node ${process.versions.node}`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: scaled(60_000), reporter: 'spec' });
  const grep = process.env.CPCPOLICY_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const counts = { passed: 0, failed: 0, failures: [] as string[], vscodeVersion: vscode.version };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => counts.passed++);
    runner.on('fail', (test, err: Error) => {
      counts.failed++;
      counts.failures.push(`${test.fullTitle()}: ${err.message}`);
    });
  });
  const resultsFile = process.env.CPCPOLICY_TEST_RESULTS;
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}
