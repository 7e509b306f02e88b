// The sidebar's tree elements as plain data with stable identities, and what each looks like, without
// vscode types: the providers map a NodePresentation to a TreeItem (vscode-pull-request-github's split).
import type { IconSpec, StatusBucket } from './cloudPcStatusBuckets';

export type TreeNode =
  | { readonly kind: 'policy'; readonly id: string; readonly policyId: string }
  | { readonly kind: 'assignments'; readonly id: string; readonly policyId: string }
  | { readonly kind: 'assignment'; readonly id: string; readonly policyId: string; readonly groupId: string }
  | { readonly kind: 'statusGroup'; readonly id: string; readonly bucket: StatusBucket; readonly policyId?: string }
  | { readonly kind: 'cloudPc'; readonly id: string; readonly cloudPcId: string }
  /** Paged results: `parentId` is the group it extends, or undefined for the root (server pages). */
  | { readonly kind: 'loadMore'; readonly id: string; readonly parentId?: string }
  | {
      readonly kind: 'message';
      readonly id: string;
      readonly tone: 'error' | 'info' | 'loading';
      readonly text: string;
      readonly detail?: string;
      readonly action?: string;
    };

export interface NodePresentation {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  contextValue: string;
  icon?: IconSpec;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Run on click / Enter (e.g. "Load more…", retry on an error item). */
  command?: { command: string; title: string; withNode: boolean };
}

/** `vscode.l10n.t` in the extension, a plain formatter in the bench. */
export type Localize = (message: string, ...args: (string | number)[]) => string;

export const plainLocalize: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

/** One object per id for the life of a load: `onDidChangeTreeData.fire(node)` needs the same reference. */
export class NodeCache {
  private readonly nodes = new Map<string, TreeNode>();

  get<T extends TreeNode>(node: T): T {
    const existing = this.nodes.get(node.id);
    if (
      existing &&
      existing.kind === node.kind &&
      (existing.kind !== 'message' || (existing as { text: string }).text === (node as { text?: string }).text)
    )
      return existing as T;
    this.nodes.set(node.id, node);
    return node;
  }

  /** The cached node, if it was ever handed to the tree (nothing to refresh otherwise). */
  peek(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  delete(id: string): void {
    this.nodes.delete(id);
  }

  clear(): void {
    this.nodes.clear();
  }
}
