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
    return {
      node: n,
      item,
      label: String(typeof item.label === 'object' ? item.label.label : item.label),
      description: String(item.description ?? ''),
    };
  });
}

/**
 * Listens to what the provider tells the workbench to redraw (`onDidChangeTreeData`, as the workbench hears
 * it); `stop()` ends listening and returns each node named, undefined for the whole tree.
 */
export function recordRedraws(provider: ModelTreeProvider): { stop(): (TreeNode | undefined)[] } {
  const fired: (TreeNode | undefined)[] = [];
  const sub = provider.onDidChangeTreeData((e) => fired.push(...(Array.isArray(e) ? e : [e ?? undefined])));
  return {
    stop: () => {
      sub.dispose();
      return fired;
    },
  };
}
