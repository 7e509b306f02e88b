// The questions asked before an action changes or destroys something. One place decides when they are
// asked (every backend; only the simulator's may be switched off, by a user-level setting) and how: the
// safe answer has the focus, so Enter never destroys (docs/architecture.md "questions") and what cannot be
// undone is typed, as the Intune portal asks for End grace period. No command argument
// reaches this module: tests answer through the hook the extension's test API exposes (the Azure
// extensions' TestUserInput pattern), so a script or a link can never switch a question off.
import * as vscode from 'vscode';
import { userSetting } from '../trust/userSettings';
import type { BackendKind } from '../backend/backendManager';

export interface Question {
  /** confirm: a modal with a safe first button; typed: an input box that wants `proceed` typed. */
  kind: 'confirm' | 'typed' | 'choice';
  message: string;
  detail: string;
  /** The button that goes ahead, or the text to type. */
  proceed: string;
  /** confirm: the modal's buttons as VS Code is given them (the safe one first: it has the focus). */
  buttons?: readonly vscode.MessageItem[];
}

/** Returns the answer: the `proceed` text to go ahead, anything else (or undefined) to stop. */
export type QuestionAnswerer = (question: Question) => string | undefined | Promise<string | undefined>;

/** The newest answerer answers; disposing one brings back the one it covered (a test inside a suite's). */
const testAnswerers: QuestionAnswerer[] = [];
let testAnswerer: QuestionAnswerer | undefined;

/** Test-only (the test API of an extension host in test mode): answers every question until disposed. */
export function answerQuestionsWith(answerer: QuestionAnswerer): vscode.Disposable {
  testAnswerers.push(answerer);
  testAnswerer = answerer;
  return new vscode.Disposable(() => {
    const i = testAnswerers.lastIndexOf(answerer);
    if (i >= 0) testAnswerers.splice(i, 1);
    testAnswerer = testAnswerers.at(-1);
  });
}

/** The simulator's questions may be switched off (user setting; never on a real tenant). */
export function questionsAreOn(backend: BackendKind): boolean {
  if (backend !== 'simulator') return true;
  // Only the user's own settings count: a workspace's .vscode/settings.json cannot switch questions off.
  return userSetting<boolean>('cpcpolicy.simulator', 'askBeforeChanges', true);
}

/**
 * A modal whose first button, the one VS Code focuses (Enter), keeps things as they are; true when `proceed` is
 * chosen. ⚠ Keep is not the close affordance: VS Code's modal focuses the first button that is not, so Enter
 * would go ahead; VS Code's own Cancel beside it is the price (docs/architecture.md "questions").
 */
export async function confirm(
  backend: BackendKind,
  question: { message: string; detail: string; proceed: string; keep: string },
): Promise<boolean> {
  if (!questionsAreOn(backend)) return true;
  const keep: vscode.MessageItem = { title: question.keep };
  const proceed: vscode.MessageItem = { title: question.proceed };
  const buttons = [keep, proceed];
  const q: Question = {
    kind: 'confirm',
    message: question.message,
    detail: question.detail,
    proceed: question.proceed,
    buttons,
  };
  if (testAnswerer) return (await testAnswerer(q)) === q.proceed;
  return (
    (await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...buttons)) ===
    proceed
  );
}

/** An input box that goes ahead only when `expected` is typed exactly (Enter on an empty box does nothing). */
export async function confirmByTyping(
  backend: BackendKind,
  question: { message: string; detail: string; expected: string },
): Promise<boolean> {
  if (!questionsAreOn(backend)) return true;
  const q: Question = { kind: 'typed', message: question.message, detail: question.detail, proceed: question.expected };
  if (testAnswerer) return (await testAnswerer(q)) === q.proceed;
  const typed = await vscode.window.showInputBox({
    title: question.message,
    prompt: vscode.l10n.t('{0} Type "{1}" to confirm.', question.detail, question.expected),
    placeHolder: question.expected,
    ignoreFocusOut: true,
    // A wrong text keeps the box open (an Error blocks Enter); an empty one may close it, destroying nothing.
    validateInput: (v) =>
      v === question.expected
        ? undefined
        : {
            message: vscode.l10n.t('Type "{0}" to confirm, or press Escape.', question.expected),
            severity: v === '' ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Error,
          },
  });
  return typed === question.expected;
}

/**
 * A question whose answer is a choice between going ahead and not (Deploy, Apply after a what-if): asked
 * on every backend whatever the arguments. `show` presents what the question is about (a diff) first, for
 * the admin and for a test alike; `ask` shows the real question and returns whether to go ahead.
 */
export async function decide(
  backend: BackendKind,
  question: Omit<Question, 'kind'>,
  ask: () => Promise<boolean>,
  show?: () => Promise<void>,
): Promise<boolean> {
  if (!questionsAreOn(backend)) return true;
  await show?.();
  if (testAnswerer) return (await testAnswerer({ kind: 'choice', ...question })) === question.proceed;
  return ask();
}
