// Whose names the naming-template preview shows: the simulator's own users when it is the backend
// (so the preview matches what provisioning will produce), else the configured sample users.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';

const SAMPLE_COUNT = 3;

export function previewSampleUsers(ctx: ExtensionContext): string[] {
  if (ctx.backends.kind === 'simulator') {
    const users = ctx.backends.current.simulator?.sampleUserPrincipalNames(SAMPLE_COUNT) ?? [];
    if (users.length > 0) return users;
  }
  return vscode.workspace.getConfiguration('cpcpolicy.preview').get<string[]>('sampleUsers', []).slice(0, SAMPLE_COUNT);
}
