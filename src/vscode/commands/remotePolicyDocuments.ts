// Read-only documents for deployed policies (`cpcpolicy-remote:/<id>/<name>.cpcpolicy.json`) and for the
// proposed side of a Deploy diff (`cpcpolicy-remote:/_proposed/...`).
import * as vscode from 'vscode';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import { isNotFound } from '../../core/graph/graphError';
import { errorText } from '../../core/model/errorText';
import type { ExtensionContext } from '../extensionContext';
import { policyToFileText } from '../../core/deploy/policyFileShape';
import { REMOTE_SCHEME } from '../language/remotePolicyScheme';

export class RemotePolicyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly proposed = new Map<string, string>();
  /** The policy file each proposed document was made from: Deploy on a diff's title deploys that file. */
  private readonly sources = new Map<string, vscode.Uri>();
  private proposedSeq = 0;

  constructor(
    private readonly api: () => CloudPcApi,
    private readonly sourceLabel: () => string,
  ) {}

  static uriFor(policyId: string, displayName: string): vscode.Uri {
    const safe = displayName.replace(/[^A-Za-z0-9 ._-]/g, '_').trim() || policyId;
    return vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${policyId}/${safe}.cpcpolicy.json` });
  }

  /** A fixed text shown read-only (a side of Deploy's diff), made from the policy file `source`. */
  propose(name: string, text: string, source?: vscode.Uri): vscode.Uri {
    const uri = vscode.Uri.from({
      scheme: REMOTE_SCHEME,
      path: `/_proposed/${++this.proposedSeq}/${name.replace(/[^A-Za-z0-9 ._-]/g, '_')}.cpcpolicy.json`,
    });
    this.proposed.set(uri.path, text);
    if (source) this.sources.set(uri.path, source);
    return uri;
  }

  /** The policy file a proposed document (a command's argument from the diff's title) was made from. */
  sourceOf(arg: unknown): vscode.Uri | undefined {
    return arg instanceof vscode.Uri && arg.scheme === REMOTE_SCHEME ? this.sources.get(arg.path) : undefined;
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const fixed = this.proposed.get(uri.path);
    if (fixed !== undefined) return fixed;
    const [, policyId] = uri.path.split('/');
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const policy = await this.api().getPolicy(policyId, { signal: abort.signal });
      return policyToFileText(policy, this.sourceLabel());
    } catch (err) {
      // A document can't show an error row: say it in the text, as a comment, in words.
      if (isNotFound(err))
        return `// ${vscode.l10n.t('This policy no longer exists on {0}: it was deleted.', this.sourceLabel())}\n`;
      return `// ${vscode.l10n.t('Could not load the policy from {0}: {1}', this.sourceLabel(), errorText(err))}\n`;
    } finally {
      sub.dispose();
    }
  }

  /** After Deploy: the "deployed ↔ after Deploy" diffs made from `source` are stale, so they close. */
  async closeProposed(source: vscode.Uri): Promise<void> {
    const stale = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((tab) => {
        const input = tab.input;
        return (
          input instanceof vscode.TabInputTextDiff &&
          input.modified.scheme === REMOTE_SCHEME &&
          this.sources.get(input.modified.path)?.toString() === source.toString()
        );
      });
    if (stale.length > 0) await vscode.window.tabGroups.close(stale);
  }

  /** Policies changed on the backend: open read-only documents reload. */
  refreshOpen(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === REMOTE_SCHEME && !doc.uri.path.startsWith('/_proposed/')) this.changed.fire(doc.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the documents' scheme; open deployed policies reload whenever the views loaded something new. */
export function registerRemotePolicyDocuments(
  ctx: ExtensionContext,
  onDidLoad: vscode.Event<void>,
): RemotePolicyDocuments {
  const documents = new RemotePolicyDocuments(
    () => ctx.backends.current.api,
    () => ctx.backends.current.label,
  );
  ctx.subscribe(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, documents),
    onDidLoad(() => documents.refreshOpen()),
  );
  return documents;
}
