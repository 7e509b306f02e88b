// Diff, from a policy's CodeLens: the deployed policy beside what Deploy would send for it, without asking
// anything (Deploy itself shows the same diff before its question; Deploy Policy File on its title deploys the file).
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { openDeployDiff } from './deployDiff';
import { policyBindings } from '../../core/policy/policyBinding';
import { findDeployed } from './policyFileLookup';
import { changedProperties, parsePolicyFiles } from './policyFileShape';

export async function diffPolicyFile(ctx: CommandContext, uri: unknown, index: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri) || typeof index !== 'number') return;
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  const file = parsePolicyFiles(text).policies[index];
  if (!file) return;
  const boundId = policyBindings(text)[index]?.id;
  const match = await findDeployed(ctx.api, file, boundId, ctx.signal);
  await openDeployDiff(
    ctx.documents,
    {
      index,
      file,
      boundId,
      existing: match.policy,
      missingId: match.missingId,
      changes: match.policy ? changedProperties(file, match.policy) : [],
    },
    doc.uri,
  );
}
