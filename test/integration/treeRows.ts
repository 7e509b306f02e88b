// Reads a view the way the workbench does: the provider's children, each with its TreeItem.
import type * as vscode from 'vscode';
import type { ModelTreeProvider } from '../../src/vscode/views/modelTreeProvider';
import type { TreeNode } from '../../src/vscode/views/treeNodes';

export interface Row {
  node: TreeNode;
  item: vscode.TreeItem;
  label: string;
  description: string;
}

export async function rows(provider: ModelTreeProvider, node?: TreeNode): Promise<Row[]> {
  return (await provider.getChildren(node)).map((n) => {
    const item = provider.getTreeItem(n);
    return { node: n, item, label: String(typeof item.label === 'object' ? item.label.label : item.label), description: String(item.description ?? '') };
  });
}
