// Diff, from a policy's CodeLens: the deployed policy beside what Deploy would send for it, without asking
// anything (Deploy itself shows the same diff before its question; Deploy Policy File on its title deploys the file).
import * as vscode from 'vscode';
import { planDeploy } from '../../core/deploy/planDeploy';
import type { CommandContext } from './commandContext';
import { openDeployDiff } from './deployDiff';

export async function diffPolicyFile(ctx: CommandContext, uri: unknown, index: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri) || typeof index !== 'number') return;
  const doc = await vscode.workspace.openTextDocument(uri);
  const plan = await planDeploy([{ path: uri.toString(), text: doc.getText() }], ctx.api, {
    signal: ctx.signal,
    createMissing: true,
    whatIf: false,
  });
  const step = plan.policies.find((p) => p.index === index);
  if (step?.source) await openDeployDiff(ctx.documents, step, doc.uri);
}
