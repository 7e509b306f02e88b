// The live Cloud PC name preview: an inlay hint after each naming template and sample names on hover.
import * as vscode from 'vscode';
import { getNamePreviews } from '../../core/policy/namePreview';
import { rangeOf } from './findingsConvert';

/** Seeded so the preview does not flicker between keystrokes. */
const PREVIEW_SEED = 365;

export type SampleUsers = () => string[];

export class NamePreviewProvider implements vscode.InlayHintsProvider, vscode.HoverProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly sampleUsers: SampleUsers) {}

  /** The sample users changed (backend switch, simulator users added): redraw the hints. */
  refresh(): void {
    this.changed.fire();
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const start = doc.offsetAt(range.start);
    // Only the visible lines: in a 1 MB fleet file that is a few policies, not 750.
    return getNamePreviews(doc.getText(), this.sampleUsers(), PREVIEW_SEED, {
      offset: start,
      length: doc.offsetAt(range.end) - start,
    })
      .map((preview) => {
        const end = doc.positionAt(preview.valueRange.offset + preview.valueRange.length);
        const hint = new vscode.InlayHint(end, preview.label, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = new vscode.MarkdownString(sampleTable(preview.samples));
        return hint;
      })
      .filter((hint) => range.contains(hint.position));
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = doc.offsetAt(position);
    const preview = getNamePreviews(doc.getText(), this.sampleUsers(), PREVIEW_SEED, { offset, length: 0 }).find(
      (p) => offset >= p.valueRange.offset && offset <= p.valueRange.offset + p.valueRange.length,
    );
    if (!preview) return undefined;
    const md = new vscode.MarkdownString(
      `**${vscode.l10n.t('Cloud PC names from this template')}** ${preview.label}\n\n${sampleTable(preview.samples)}`,
    );
    return new vscode.Hover(md, rangeOf(doc, preview.valueRange.offset, preview.valueRange.length));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sampleTable(samples: { user: string; name: string }[]): string {
  if (samples.length === 0) return '';
  return [
    `| ${vscode.l10n.t('User')} | ${vscode.l10n.t('Cloud PC name')} |`,
    '|---|---|',
    ...samples.map((s) => `| ${s.user} | \`${s.name}\` |`),
  ].join('\n');
}
