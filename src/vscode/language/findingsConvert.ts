// Maps the engine's plain findings (offsets) to VS Code diagnostics and edits (positions).
import * as vscode from 'vscode';
import type { Finding } from '../../core/policy/finding';
import { ruleDocUrl } from '../../core/policy/ruleLinks';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function rangeOf(doc: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + length));
}

export function toDiagnostic(doc: vscode.TextDocument, finding: Finding, source = 'cpcpolicy'): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    rangeOf(doc, finding.range.offset, finding.range.length),
    finding.message,
    SEVERITY[finding.severity],
  );
  // The code links to the rule's row in docs/rules.md (the Problems view and the hover show it as a link).
  diagnostic.code = { value: finding.code, target: vscode.Uri.parse(ruleDocUrl(finding.code)) };
  diagnostic.source = source;
  const tags = (finding.tags ?? []).map((t) =>
    t === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary,
  );
  if (tags.length > 0) diagnostic.tags = tags;
  return diagnostic;
}

/** A diagnostic's rule code ("CPC101"), whether VS Code holds it as a string or with its link. */
export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export function toWorkspaceEdit(
  doc: vscode.TextDocument,
  edits: { offset: number; length: number; newText: string }[],
): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, rangeOf(doc, e.offset, e.length), e.newText);
  return edit;
}
