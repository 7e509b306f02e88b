// Helpers shared by the integration tests: the extension under test, folders, waiting with a deadline.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Question } from '../../src/vscode/commands/questions';
import type { CpcPolicyApi } from '../../src/extensionApi';

export const EXTENSION_ID = 'cpcpolicy.cpcpolicy';

export function getExtension(): vscode.Extension<CpcPolicyApi> {
  const ext = vscode.extensions.getExtension<CpcPolicyApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

export function repoRoot(): string {
  return getExtension().extensionPath;
}

/** The workspace folder: a copy of samples/ (runIntegration.mjs), so no test can change the repo's files. */
export function samplesDir(): string {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.join(repoRoot(), 'samples');
}

export function resultsDir(): string {
  return path.join(repoRoot(), 'test-results');
}

/** A diagnostic's rule code ("CPC101"): the extension gives it with a link to its rule. */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/**
 * The factor every deadline here is stretched by, as the harness resolved it (test/harness/timeoutScale.mjs:
 * CPCPOLICY_TIMEOUT_SCALE, 2 on CI): a slower machine gets longer deadlines, never other waits.
 */
export const TIMEOUT_SCALE =
  Number(process.env.CPCPOLICY_TIMEOUT_SCALE) > 0 ? Number(process.env.CPCPOLICY_TIMEOUT_SCALE) : 1;

/** A deadline measured on our machine with both cores busy (`ms`), stretched by the factor. */
export function scaled(ms: number): number {
  return Math.round(ms * TIMEOUT_SCALE);
}

/** Polls `probe` until it returns a truthy value or the deadline (`timeoutMs`, scaled) passes; never a fixed sleep. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  timeoutMs = scaled(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/** A question the extension asked, with the answer the test gave. */
export interface AskedQuestion extends Question {
  answer: string | undefined;
}

/**
 * Answers the extension's confirmation questions through its test API (no command argument can): `answer`
 * returns the text to give, default "go ahead". Returns the log of questions and a dispose.
 */
export async function answerQuestions(
  answer: (q: Question) => string | undefined | Promise<string | undefined> = (q) => q.proceed,
): Promise<{ asked: AskedQuestion[]; dispose(): void }> {
  const api = await getExtension().activate();
  if (!api.testHooks) throw new Error('the extension exposes no test hooks: is the extension host in test mode?');
  const asked: AskedQuestion[] = [];
  const sub = api.testHooks.answerQuestions(async (q) => {
    const given = await answer(q);
    asked.push({ ...q, answer: given });
    return given;
  });
  return { asked, dispose: () => sub.dispose() };
}

/** Resets the simulated tenant, answering its question (it always asks: no argument skips it). */
export async function resetSimulatedTenant(seed: 'demo' | 'empty'): Promise<void> {
  const q = await answerQuestions((question) => question.proceed);
  try {
    await vscode.commands.executeCommand('cpcpolicy.simulator.resetTenant', seed);
  } finally {
    q.dispose();
  }
}

let opened = 0;

/**
 * A policy document with the given text, in a file of its own under the temp folder. Not
 * `openTextDocument({ content })`: that names it "Untitled-N" and reuses a freed N, and VS Code may then
 * restore the closed document's backup into it, so a test read the previous test's text (the name
 * preview once showed the previous test's template). A file is also quicker than typing 1 MB in.
 */
export async function openPolicyText(content: string): Promise<vscode.TextDocument> {
  // A folder of its own: each test file is bundled with its own copy of this module, so a counter alone repeats.
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-integration-')),
    `policy-${++opened}.cpcpolicy.json`,
  );
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.getText(), content, 'the document holds exactly the text of this test');
  assert.equal(doc.languageId, 'cpcpolicy');
  return doc;
}
