// Policies as documents: open a deployed policy read-only, Deploy the open file (create or update, after
// a diff; refused while the file has errors), Pull a file from the backend.
import * as vscode from 'vscode';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { validateDocument } from '../../core/policy/validator';
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import { reportError, withActionProgress } from './actionProgress';
import { pickPolicyId, policyIdOf } from './commandArgs';
import { IMMUTABLE_FIELDS, parsePolicyFile, policyDiffText, policyToFileText, sameAssignments } from './policyFileShape';
import type { PolicyFile } from './policyFileShape';
import { RemotePolicyDocuments, REMOTE_SCHEME } from './remotePolicyDocuments';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

async function documentOf(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && (doc.languageId === 'cpcpolicy' || doc.fileName.endsWith('.cpcpolicy.json'))) return doc;
  void vscode.window.showInformationMessage(t('Open a .cpcpolicy.json file first.'));
  return undefined;
}

async function findDeployed(views: Views, file: PolicyFile, signal: AbortSignal): Promise<CloudPcProvisioningPolicy | undefined> {
  const name = file.fields.displayName;
  if (!name) return undefined;
  // Exact `eq` match (PSCloudPC#50: prefix matches hit the wrong policy).
  const [found] = await views.sidebar.api.findPoliciesByName(name, { signal });
  return found ? views.sidebar.api.getPolicy(found.id, { signal }) : undefined;
}

export interface DeployOptions {
  /** false: no diff and no question (tests, scripts). */
  confirm?: boolean;
}

/** Creates or updates the policy a file describes; returns its id. Matched by exact displayName. */
async function deploy(ctx: ExtensionContext, views: Views, documents: RemotePolicyDocuments, arg: unknown, options: DeployOptions = {}): Promise<string | undefined> {
  const doc = await documentOf(arg);
  if (!doc) return undefined;
  const text = doc.getText();
  const errors = validateDocument(text).filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    void vscode.window.showErrorMessage(t('Not deployed: the file has {0} error(s). First: {1} ({2}, line {3})', errors.length, first.message, first.code, doc.positionAt(first.range.offset).line + 1));
    return undefined;
  }
  const file = parsePolicyFile(text);
  if (file.errors.length > 0) {
    void vscode.window.showErrorMessage(t('Not deployed: {0}', file.errors.join(' ')));
    return undefined;
  }
  const { sidebar } = views;
  try {
    const existing = await findDeployed(views, file, sidebar.signal);
    const proposed: Partial<CloudPcProvisioningPolicy> = {
      ...(existing ?? {}),
      ...file.fields,
      assignments: file.assignments ? file.assignments.map((target) => ({ id: '', target })) : existing?.assignments ?? [],
    };
    if (options.confirm !== false) {
      const before = existing ? RemotePolicyDocuments.uriFor(existing.id, existing.displayName, 'diff') : documents.propose(`${file.fields.displayName} (not deployed)`, '');
      const after = documents.propose(`${file.fields.displayName} (after deploy)`, policyDiffText(proposed));
      await vscode.commands.executeCommand('vscode.diff', before, after, t('{0}: deployed ↔ after Deploy', file.fields.displayName ?? ''), { preview: true });
      const button = existing ? t('Update') : t('Create');
      const answer = await vscode.window.showInformationMessage(
        existing ? t('Update the deployed policy "{0}" as shown in the diff?', existing.displayName) : t('Create the policy "{0}" on {1}?', file.fields.displayName ?? '', sidebar.backend.label),
        { modal: true, detail: existing ? t('Existing Cloud PCs keep their settings; only new and reprovisioned Cloud PCs use the changes (region and single sign-on can be applied).') : undefined },
        button,
      );
      if (answer !== button) return undefined;
    }
    const id = await withActionProgress(ctx, t('Deploying "{0}"', file.fields.displayName ?? ''), async (signal) => {
      let policyId: string;
      if (existing) {
        const patch: Record<string, unknown> = { ...file.fields };
        for (const key of IMMUTABLE_FIELDS) if (patch[key] === undefined || patch[key] === existing[key]) delete patch[key];
        await sidebar.api.updatePolicy(existing.id, patch as Partial<CloudPcProvisioningPolicy>, { signal });
        policyId = existing.id;
      } else {
        policyId = (await sidebar.api.createPolicy(file.fields, { signal })).id;
      }
      const current = existing?.assignments?.map((a) => a.target) ?? [];
      if (file.assignments && !sameAssignments(current, file.assignments)) {
        try {
          await sidebar.api.assignPolicy(policyId, file.assignments.map((target) => ({ target })), { signal });
        } catch (err) {
          reportError(ctx, t('The policy was deployed but its assignments were not'), err);
        }
      }
      return policyId;
    });
    void vscode.window.showInformationMessage(existing ? t('Updated "{0}".', file.fields.displayName ?? '') : t('Created "{0}".', file.fields.displayName ?? ''));
    return id;
  } catch (err) {
    reportError(ctx, t('Deploy failed'), err);
    return undefined;
  } finally {
    await sidebar.reloadPolicies();
    documents.refreshOpen();
  }
}

/** Replaces a file's content with the deployed policy of the same displayName. */
async function pull(ctx: ExtensionContext, views: Views, arg: unknown): Promise<boolean> {
  const doc = await documentOf(arg);
  if (!doc) return false;
  const file = parsePolicyFile(doc.getText());
  try {
    const deployed = await findDeployed(views, file, views.sidebar.signal);
    if (!deployed) {
      void vscode.window.showWarningMessage(t('No deployed policy is named "{0}" on {1}.', file.fields.displayName ?? '', views.sidebar.backend.label));
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), policyToFileText(deployed, views.sidebar.backend.label));
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    if (doc.uri.scheme === 'file') await doc.save();
    return true;
  } catch (err) {
    reportError(ctx, t('Pull failed'), err);
    return false;
  }
}

async function open(views: Views, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const policyId = policyIdOf(arg) ?? (await pickPolicyId(views.sidebar, t('Open which policy?')));
  if (!policyId) return undefined;
  await views.sidebar.ensurePolicies();
  const name = views.sidebar.policyModel.policy(policyId)?.displayName ?? policyId;
  const doc = await vscode.workspace.openTextDocument(RemotePolicyDocuments.uriFor(policyId, name));
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}

export function registerPolicyDocumentCommands(ctx: ExtensionContext, views: Views): void {
  const documents = new RemotePolicyDocuments(() => views.sidebar.api, () => views.sidebar.backend.label);
  ctx.subscribe(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, documents),
    views.sidebar.onDidUpdate(() => documents.refreshOpen()),
    vscode.commands.registerCommand('cpcpolicy.openPolicy', (arg?: unknown) => open(views, arg)),
    vscode.commands.registerCommand('cpcpolicy.deployPolicy', (arg?: unknown, options?: unknown) =>
      deploy(ctx, views, documents, arg, typeof options === 'object' && options !== null ? (options as DeployOptions) : {})),
    vscode.commands.registerCommand('cpcpolicy.pullPolicy', (arg?: unknown) => pull(ctx, views, arg)),
  );
}
