// Commands that choose where policies and Cloud PCs come from, and sign in to Microsoft Graph.
import * as vscode from 'vscode';
import { GraphScope } from '../../core/graph/graphScopes';
import type { BackendKind } from '../backend/backendManager';
import { readGraphSignInSettings } from '../backend/graphSignIn';
import type { ExtensionContext } from '../extensionContext';
import { errorText } from '../../core/model/errorText';

export async function setBackend(backend: BackendKind): Promise<void> {
  await vscode.workspace.getConfiguration('cpcpolicy').update('backend', backend, vscode.ConfigurationTarget.Global);
}

/**
 * Signs in with the read scopes (least privilege); write consent is asked for by the first action that needs it.
 * Returns what went wrong, when something did (the message shown, for the test API).
 */
export async function signIn(ctx: ExtensionContext): Promise<string | undefined> {
  try {
    await ctx.signIn.getToken([GraphScope.cloudPcRead, GraphScope.groupRead], true);
    if (ctx.backends.kind !== 'graph') await setBackend('graph');
    else ctx.requestRefresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed in to Microsoft Graph as {0}.', ctx.signIn.accountLabel ?? '?'),
    );
    return undefined;
  } catch (err) {
    const message = errorText(err);
    ctx.log.warn(`Sign-in did not complete: ${message}`);
    // On Graph, the views drop what they held and read again as signed out (the welcome content with Sign In).
    if (ctx.backends.kind === 'graph') ctx.signIn.signOut();
    return signInFailed(ctx, message);
  }
}

/** The failure with its next step: VS Code's own app may lack consent for the Cloud PC scopes (README). */
function signInFailed(ctx: ExtensionContext, reason: string): string {
  const setClientId = vscode.l10n.t('Set the Client ID');
  const steps = vscode.l10n.t('App Registration Steps');
  const message = vscode.l10n.t(
    'Sign-in to Microsoft Graph did not complete: {0}. If your tenant has not consented to VS Code for the Cloud PC scopes, register an app (README: Using a real tenant) and set its client id in cpcpolicy.graph.clientId.',
    reason.replace(/\.$/, ''),
  );
  void vscode.window.showErrorMessage(message, setClientId, steps).then((choice) => {
    if (choice === setClientId)
      void vscode.commands.executeCommand('workbench.action.openSettings', 'cpcpolicy.graph.clientId');
    else if (choice === steps)
      void vscode.commands.executeCommand(
        'markdown.showPreview',
        vscode.Uri.joinPath(ctx.vscodeContext.extensionUri, 'README.md'),
      );
  });
  return message;
}

export async function switchTenant(ctx: ExtensionContext): Promise<void> {
  const current = readGraphSignInSettings().tenant;
  const tenant = await vscode.window.showInputBox({
    title: vscode.l10n.t('Switch Tenant'),
    prompt: vscode.l10n.t('Tenant id or domain (e.g. contoso.onmicrosoft.com); empty for any work or school account'),
    value: current,
    validateInput: (v) =>
      /^[A-Za-z0-9.-]*$/.test(v.trim()) ? undefined : vscode.l10n.t('A tenant id (GUID) or a domain name'),
  });
  if (tenant === undefined) return;
  await vscode.workspace
    .getConfiguration('cpcpolicy.graph')
    .update('tenant', tenant.trim(), vscode.ConfigurationTarget.Global);
  ctx.signIn.updateSettings(readGraphSignInSettings());
  await signIn(ctx);
}

export async function signOut(ctx: ExtensionContext): Promise<void> {
  ctx.signIn.signOut();
  await setBackend('simulator');
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Signed out of Cloud PC Policies; switched to the simulator. To remove the account from VS Code, use the Accounts menu.',
    ),
  );
}

export async function selectBackend(ctx: ExtensionContext): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: `$(beaker) ${vscode.l10n.t('Simulator')}`,
        description: vscode.l10n.t('Offline, built in, no tenant needed'),
        backend: 'simulator' as const,
      },
      {
        label: `$(cloud) ${vscode.l10n.t('Microsoft Graph')}`,
        description: vscode.l10n.t('A real tenant; sign in with a work account'),
        backend: 'graph' as const,
      },
    ],
    { title: vscode.l10n.t('Where should policies and Cloud PCs come from?') },
  );
  if (!picked) return;
  if (picked.backend === 'graph') await signIn(ctx);
  else await setBackend('simulator');
}
