// Policies as documents: open a deployed policy read-only, and Pull a file from the backend (Deploy is in
// deployPolicyFile.ts, the read-only documents in remotePolicyDocuments.ts).
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { reportError } from './actionProgress';
import { pickPolicyId, policyIdOf } from './commandArgs';
import { policyBindings } from '../../core/policy/policyBinding';
import { documentOf } from './policyFileLookup';
import { findDeployed } from '../../core/deploy/findDeployed';
import { parsePolicyFile, parsePolicyFiles, policyToFileText } from '../../core/deploy/policyFileShape';
import { RemotePolicyDocuments } from './remotePolicyDocuments';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/** Replaces a one-policy file's content with the deployed policy it is bound to (its id), else the one of its name. */
export async function pullPolicy(ctx: CommandContext, arg: unknown): Promise<boolean> {
  const doc = await documentOf(arg);
  if (!doc) return false;
  if (parsePolicyFiles(doc.getText()).isFleet) {
    void vscode.window.showInformationMessage(
      t(
        'Pull replaces a one-policy file; this file lists several policies. Open each deployed policy from the sidebar instead.',
      ),
    );
    return false;
  }
  const file = parsePolicyFile(doc.getText());
  const boundId = policyBindings(doc.getText())[0]?.id;
  try {
    const { policy: deployed, missingId } = await findDeployed(ctx.api, file, boundId, ctx.signal);
    if (!deployed) {
      void vscode.window.showWarningMessage(
        missingId
          ? t('The policy this file was deployed as (id {0}) no longer exists on {1}.', missingId, ctx.backend.label)
          : t('No deployed policy is named "{0}" on {1}.', file.fields.displayName ?? '', ctx.backend.label),
      );
      return false;
    }
    const text = policyToFileText(deployed, ctx.backend.label);
    if (doc.isUntitled) return await pullIntoNamedUntitled(deployed.displayName, text);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    if (doc.uri.scheme === 'file') await doc.save();
    return true;
  } catch (err) {
    reportError(ctx, t('Pull failed'), err);
    return false;
  }
}

/**
 * An untitled document is named after its first line, here a comment: Pull opens the policy in an untitled
 * document named after the policy instead ("Contoso Standard.cpcpolicy.json", saved where Save puts it).
 */
async function pullIntoNamedUntitled(policyName: string, text: string): Promise<boolean> {
  const file = `${policyName.replace(/[^A-Za-z0-9 ._()-]/g, '_').trim() || 'policy'}.cpcpolicy.json`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path ?? '';
  const target = await vscode.workspace.openTextDocument(
    vscode.Uri.from({ scheme: 'untitled', path: `${folder}/${file}` }),
  );
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target.uri, new vscode.Range(target.positionAt(0), target.positionAt(target.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // The first document keeps the admin's own text; the pulled policy opens beside it.
  await vscode.window.showTextDocument(target);
  return true;
}

export async function openPolicy(ctx: CommandContext, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(ctx.sidebar, t('Open which policy?')));
  if (!policyId) return undefined;
  const name = (await ctx.sidebar.policies()).find((p) => p.id === policyId)?.displayName ?? policyId;
  const doc = await vscode.workspace.openTextDocument(RemotePolicyDocuments.uriFor(policyId, name));
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}
