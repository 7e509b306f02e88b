// Helpers shared by the integration tests: the extension under test, folders, waiting with a deadline.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Question } from '../../src/vscode/commands/questions';
import type { CpcPolicyApi } from '../../src/vscode/extensionApi';

export const EXTENSION_ID = 'cpcpolicy.cpcpolicy';

export function getExtension(): vscode.Extension<CpcPolicyApi> {
  const ext = vscode.extensions.getExtension<CpcPolicyApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

export function repoRoot(): string {
  return getExtension().extensionPath;
}

export function samplesDir(): string {
  return path.join(repoRoot(), 'samples');
}

export function resultsDir(): string {
  return path.join(repoRoot(), 'test-results');
}

/** Polls `probe` until it returns a truthy value or the deadline passes; never a fixed sleep. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
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
export async function answerQuestions(answer: (q: Question) => string | undefined | Promise<string | undefined> = (q) => q.proceed): Promise<{ asked: AskedQuestion[]; dispose(): void }> {
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
