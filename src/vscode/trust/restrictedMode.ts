// Restricted Mode (a folder the user has not trusted): the policy language works, but nothing reaches a
// tenant or changes the simulator, since files in the folder could drive those actions. Menus hide the
// actions (`isWorkspaceTrusted` in package.json); this guard refuses them wherever they come from.
// See docs/architecture.md (Workspace trust) and VS Code's Workspace Trust extension guide.
import * as vscode from 'vscode';
import type { RestHandler, RestResponse } from '../../core/model/rest';

/** The Graph-style error code the simulator answers with in Restricted Mode. */
export const RESTRICTED_MODE_CODE = 'restrictedMode';
const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';
/** Ours: offered where a changing action would be (menus, the CodeLens); says why and opens Manage Workspace Trust. */
export const TRUST_FOLDER_COMMAND = 'cpcpolicy.trustFolder';

export function isRestricted(): boolean {
  return !vscode.workspace.isTrusted;
}

export function restrictedModeMessage(): string {
  return vscode.l10n.t(
    'This folder is in Restricted Mode, so Cloud PC actions that reach a tenant or change the simulator are off (files in an untrusted folder could drive them). Trust the folder to use them: Workspaces: Manage Workspace Trust.',
  );
}

export class RestrictedModeError extends Error {
  readonly code = RESTRICTED_MODE_CODE;
  constructor() {
    super(restrictedModeMessage());
    this.name = 'RestrictedModeError';
  }
}

/** Reads pass; in Restricted Mode every other request gets a 403 in the Graph error envelope. */
export function refuseWritesWhenRestricted(handler: RestHandler): RestHandler {
  return async (request) =>
    isRestricted() && !['GET', 'HEAD'].includes(request.method.toUpperCase()) ? restrictedReply() : handler(request);
}

function restrictedReply(): RestResponse {
  return {
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: { code: RESTRICTED_MODE_CODE, message: restrictedModeMessage() } }),
  };
}

/** True for the guard's refusals, whether thrown here or answered by the simulator as a Graph error. */
export function isRestrictedModeError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === RESTRICTED_MODE_CODE;
}

/** Says why the action is off and offers the way to turn it on. */
export function showRestrictedMode(): void {
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(restrictedModeMessage(), manage).then((choice) => {
    if (choice === manage) void manageTrust();
  });
}

/** Opens Workspaces: Manage Workspace Trust, where the person trusts the folder. */
export function manageTrust(): Thenable<unknown> {
  return vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
}

/** A line above both views while the folder is untrusted; it goes when the user trusts the folder. */
export function explainRestrictedModeInViews(views: readonly vscode.TreeView<unknown>[]): vscode.Disposable {
  const update = (): void => {
    const message = isRestricted()
      ? vscode.l10n.t(
          'Restricted Mode: actions that reach a tenant or change the simulator are off. Trust this folder to use them (Workspaces: Manage Workspace Trust).',
        )
      : undefined;
    for (const view of views) view.message = message;
  };
  update();
  return vscode.workspace.onDidGrantWorkspaceTrust(update);
}
