// What a command was invoked on: a tree node (inline action, context menu, with the multi-selection), an id
// (tests, other extensions), or nothing (the command palette, which then asks).
import * as vscode from 'vscode';
import type { CloudPc } from '../../core/model/cloudPc';
import { canReprovision } from '../../core/model/reprovisionRule';
import { cloudPcLabel } from '../views/cloudPcPresentation';
import type { SidebarIntents } from '../views/sidebarIntents';
import type { TreeNode } from '../views/treeNodes';

export function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'id' in value;
}

/** The policy a node belongs to, or a policy id passed as a string or `{ policyId }`. */
export function policyIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (isTreeNode(arg)) return 'policyId' in arg ? arg.policyId : undefined;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { policyId?: unknown }).policyId === 'string')
    return (arg as { policyId: string }).policyId;
  return undefined;
}

/** Cloud PC ids from a node plus the tree's multi-selection, an id, ids, or `{ cloudPcId }`. */
export function cloudPcIdsOf(arg: unknown, selection?: unknown): string[] {
  if (Array.isArray(selection) && selection.length > 0 && (!isTreeNode(arg) || selection.includes(arg))) {
    const ids = selection.filter(isTreeNode).flatMap((n) => (n.kind === 'cloudPc' ? [n.cloudPcId] : []));
    if (ids.length > 0) return ids;
  }
  if (typeof arg === 'string') return [arg];
  if (Array.isArray(arg)) return arg.filter((a): a is string => typeof a === 'string');
  if (isTreeNode(arg)) return arg.kind === 'cloudPc' ? [arg.cloudPcId] : [];
  if (typeof arg === 'object' && arg !== null && typeof (arg as { cloudPcId?: unknown }).cloudPcId === 'string')
    return [(arg as { cloudPcId: string }).cloudPcId];
  return [];
}

/** Palette use: pick a policy from the loaded list. */
export async function pickPolicyId(sidebar: SidebarIntents, title: string): Promise<string | undefined> {
  const items = (await sidebar.policies()).map((p) => ({
    label: p.displayName,
    description: p.provisioningType ?? 'dedicated',
    detail: p.description ?? undefined,
    id: p.id,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no provisioning policies yet.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.id;
}

/** Palette use: pick Cloud PCs (optionally only those an action applies to). */
export async function pickCloudPcIds(
  sidebar: SidebarIntents,
  title: string,
  filter: (pc: CloudPc) => boolean = () => true,
  canPickMany = true,
): Promise<string[]> {
  const items = (await sidebar.cloudPcs()).filter(filter).map((pc) => ({
    label: cloudPcLabel(pc),
    description: [pc.userPrincipalName, pc.status].filter(Boolean).join(' · '),
    detail: sidebar.policyNameOf(pc) || undefined,
    id: pc.id,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Cloud PC qualifies for this action.'));
    return [];
  }
  if (canPickMany)
    return (
      (await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: true })) ?? []
    ).map((i) => i.id);
  const one = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  return one ? [one.id] : [];
}

export const reprovisionable = (pc: CloudPc): boolean => canReprovision(pc.status);
