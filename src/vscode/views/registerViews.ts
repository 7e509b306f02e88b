// The sidebar: "Provisioning Policies" and "Cloud PCs".
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';

class EmptyTreeProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }
  getChildren(): never[] {
    return [];
  }
}

export function registerViews(ctx: ExtensionContext): void {
  for (const id of ['cpcpolicy.policies', 'cpcpolicy.cloudPcs']) {
    ctx.subscribe(vscode.window.createTreeView(id, { treeDataProvider: new EmptyTreeProvider(), showCollapseAll: true }));
  }
}
