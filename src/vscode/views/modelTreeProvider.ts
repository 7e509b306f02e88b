// One TreeDataProvider for both views: it maps plain model nodes to TreeItems and fires only the nodes
// a change touched. Loading is delegated to a hook so getChildren never throws (errors become rows).
import * as vscode from 'vscode';
import type { TreeRefresh } from './cloudPcTreeModel';
import type { NodePresentation, TreeNode } from './treeNodes';
import { errorText, errorStack } from '../../core/model/errorText';

export interface TreeModel {
  children(node?: TreeNode): TreeNode[];
  present(node: TreeNode): NodePresentation;
  /** A tooltip built only when the row is hovered. */
  tooltip(node: TreeNode): string | undefined;
  /** The row's parent (reveal needs it); undefined at the root. */
  parent?(node: TreeNode): TreeNode | undefined;
}

export class ModelTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    readonly model: TreeModel,
    /** Loads what `node`'s children need (first page, group details); must not throw. */
    private readonly prepare: (node: TreeNode | undefined) => Promise<void>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const p = this.model.present(node);
    const item = new vscode.TreeItem(p.label, collapsibleState(p.collapsible));
    item.id = node.id;
    item.description = p.description;
    if (p.tooltip) {
      const md = new vscode.MarkdownString(p.tooltip, true);
      item.tooltip = md;
    }
    item.contextValue = p.contextValue;
    if (p.icon)
      item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
    if (p.command)
      item.command = {
        command: p.command.command,
        title: p.command.title,
        arguments: p.command.withNode ? [node] : [],
      };
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.model.parent?.(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (!item.tooltip) {
      const tooltip = this.model.tooltip(node);
      if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip, true);
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      await this.prepare(node);
      return this.model.children(node);
    } catch (err) {
      // prepare() records errors as rows; this is the last guard so the tree never shows a lost exception.
      this.log.error(`Tree children failed: ${errorStack(err)}`);
      return [{ kind: 'message', id: `${node?.id ?? 'root'}:error`, tone: 'error', text: errorText(err) }];
    }
  }

  /** Redraws what a refresh names; the whole tree only when the root's children changed. */
  apply(refresh: TreeRefresh): void {
    if (refresh.root) return this.fireAll();
    if (refresh.nodes.length === 0) return;
    this.changed.fire(refresh.nodes.length === 1 ? refresh.nodes[0] : refresh.nodes);
  }

  fireAll(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function collapsibleState(c: NodePresentation['collapsible']): vscode.TreeItemCollapsibleState {
  return c === 'expanded'
    ? vscode.TreeItemCollapsibleState.Expanded
    : c === 'collapsed'
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
}
