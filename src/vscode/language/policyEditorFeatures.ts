// Completion, hover, outline and formatting: thin adapters over the engine's plain results.
import * as vscode from 'vscode';
import { getCompletions } from '../../core/policy/completion';
import type { CompletionEntry } from '../../core/policy/completion';
import type { PolicySymbol } from '../../core/policy/documentSymbols';
import { formatDocument, formatRefusal } from '../../core/policy/formatting';
import { getHover } from '../../core/policy/hover';
import { rangeOf } from './findingsConvert';
import type { ValidationScheduler } from './validationScheduler';

const COMPLETION_KIND: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  snippet: vscode.CompletionItemKind.Snippet,
};

/** True where the tenant's own choices answer (a tenant id slot while the tenant is read): see tenantLanguage.ts. */
export type TenantAnswers = (text: string, offset: number) => boolean;

/**
 * Where the tenant answers (imageId, regionName, …), its named entries replace the schema's raw examples:
 * both lists showed side by side, with `automatic` twice and truncated image ids beside the friendly names.
 */
export const completionProvider = (tenantAnswers: TenantAnswers): vscode.CompletionItemProvider => ({
  provideCompletionItems(doc, position) {
    const text = doc.getText();
    const offset = doc.offsetAt(position);
    const tenantValues = tenantAnswers(text, offset);
    const entries = getCompletions(text, offset).filter((e) => !(tenantValues && e.kind === 'value'));
    return entries.map((entry) => {
      const item = new vscode.CompletionItem(entry.label, COMPLETION_KIND[entry.kind]);
      item.insertText = new vscode.SnippetString(entry.insertText);
      if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
      if (entry.detail) item.detail = entry.detail;
      if (entry.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
      if (entry.range) item.range = rangeOf(doc, entry.range.offset, entry.range.length);
      if (entry.additionalEdits)
        item.additionalTextEdits = entry.additionalEdits.map(
          (e) => new vscode.TextEdit(rangeOf(doc, e.offset, e.length), e.text),
        );
      if (entry.filterText) item.filterText = entry.filterText;
      if (entry.sortText) item.sortText = entry.sortText;
      return item;
    });
  },
});

export const hoverProvider: vscode.HoverProvider = {
  provideHover(doc, position) {
    const hover = getHover(doc.getText(), doc.offsetAt(position));
    if (!hover) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(hover.markdown),
      rangeOf(doc, hover.range.offset, hover.range.length),
    );
  },
};

const SYMBOL_KIND: Record<PolicySymbol['kind'], vscode.SymbolKind> = {
  object: vscode.SymbolKind.Object,
  array: vscode.SymbolKind.Array,
  string: vscode.SymbolKind.String,
  number: vscode.SymbolKind.Number,
  boolean: vscode.SymbolKind.Boolean,
  null: vscode.SymbolKind.Null,
  policy: vscode.SymbolKind.Class,
  property: vscode.SymbolKind.Property,
};

function toDocumentSymbol(doc: vscode.TextDocument, s: PolicySymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    s.name || ' ',
    s.detail ?? '',
    SYMBOL_KIND[s.kind] ?? vscode.SymbolKind.Property,
    rangeOf(doc, s.range.offset, s.range.length),
    rangeOf(doc, s.selectionRange.offset, s.selectionRange.length),
  );
  symbol.children = (s.children ?? []).map((c) => toDocumentSymbol(doc, c));
  return symbol;
}

/** The outline; large documents are outlined in the worker (see ValidationScheduler). */
export function documentSymbolProvider(scheduler: ValidationScheduler): vscode.DocumentSymbolProvider {
  return {
    async provideDocumentSymbols(doc) {
      const version = doc.version;
      const symbols = await scheduler.documentSymbols(doc.getText());
      // An edit while the worker ran: VS Code asks again for the new version.
      return doc.version === version ? symbols.map((s) => toDocumentSymbol(doc, s)) : undefined;
    },
  };
}

export const formattingProvider: vscode.DocumentFormattingEditProvider & vscode.DocumentRangeFormattingEditProvider = {
  provideDocumentFormattingEdits(doc, options) {
    if (refusedToFormat(doc)) return [];
    return formatDocument(doc.getText(), { tabSize: options.tabSize, insertSpaces: options.insertSpaces }).map(
      (e) => new vscode.TextEdit(rangeOf(doc, e.offset, e.length), e.newText),
    );
  },
  provideDocumentRangeFormattingEdits(doc, range, options) {
    const start = doc.offsetAt(range.start);
    const length = doc.offsetAt(range.end) - start;
    if (refusedToFormat(doc)) return [];
    return formatDocument(
      doc.getText(),
      { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
      { offset: start, length },
    ).map((e) => new vscode.TextEdit(rangeOf(doc, e.offset, e.length), e.newText));
  },
};

/** Past the validator's bounds: no edits, and the user is told why (format-on-save would otherwise be silent). */
function refusedToFormat(doc: vscode.TextDocument): boolean {
  const why = formatRefusal(doc.getText());
  if (why) void vscode.window.showWarningMessage(why);
  return why !== undefined;
}
