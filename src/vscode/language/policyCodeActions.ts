// Quick fixes: the engine attaches the edits to each finding; this only offers them.
import * as vscode from 'vscode';
import { rangeOf, toWorkspaceEdit, diagnosticCode } from './findingsConvert';
import type { Finding } from '../../core/policy/finding';

/** Findings with their fixes and the diagnostics they were published as (the offline and the tenant checks). */
export interface FindingSource {
  readonly collection: vscode.DiagnosticCollection;
  findingsFor(doc: vscode.TextDocument): readonly Finding[];
}

export class PolicyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: FindingSource) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.diagnostics.findingsFor(doc)) {
      if (!finding.fixes?.length) continue;
      const findingRange = rangeOf(doc, finding.range.offset, finding.range.length);
      if (!findingRange.intersection(range) && !findingRange.contains(range)) continue;
      const diagnostic = this.diagnostics.collection
        .get(doc.uri)
        ?.find((d) => diagnosticCode(d) === finding.code && d.range.isEqual(findingRange));
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(doc, fix.edits);
        action.isPreferred = fix.isPreferred;
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}
