// Everything the editor does for *.cpcpolicy.json files.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';
import { PolicyCodeActions } from './policyCodeActions';
import { createPolicyDiagnostics, LANGUAGE_ID } from './policyDiagnostics';
import type { PolicyDiagnostics } from './policyDiagnostics';
import { completionProvider, documentSymbolProvider, formattingProvider, hoverProvider } from './policyEditorFeatures';
import type { TenantAnswers } from './policyEditorFeatures';
import { NamePreviewProvider } from './namePreview';
import type { SampleUsers } from './namePreview';
import { ValidationScheduler } from './validationScheduler';

export interface PolicyLanguage {
  diagnostics: PolicyDiagnostics;
  namePreview: NamePreviewProvider;
}

export function registerPolicyLanguage(
  ctx: ExtensionContext,
  sampleUsers: SampleUsers,
  tenantAnswers: TenantAnswers = () => false,
): PolicyLanguage {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const scheduler = new ValidationScheduler(ctx.vscodeContext.asAbsolutePath('dist/validationWorker.js'));
  const diagnostics = createPolicyDiagnostics(ctx, scheduler);
  ctx.subscribe(scheduler);
  const namePreview = new NamePreviewProvider(sampleUsers);
  ctx.subscribe(
    namePreview,
    vscode.languages.registerCodeActionsProvider(
      selector,
      new PolicyCodeActions(diagnostics),
      PolicyCodeActions.metadata,
    ),
    vscode.languages.registerCompletionItemProvider(selector, completionProvider(tenantAnswers), '"', ':'),
    vscode.languages.registerHoverProvider(selector, hoverProvider),
    vscode.languages.registerHoverProvider(selector, namePreview),
    vscode.languages.registerInlayHintsProvider(selector, namePreview),
    vscode.languages.registerDocumentSymbolProvider(selector, documentSymbolProvider(scheduler), {
      label: vscode.l10n.t('Cloud PC Policy'),
    }),
    vscode.languages.registerDocumentFormattingEditProvider(selector, formattingProvider),
    vscode.languages.registerDocumentRangeFormattingEditProvider(selector, formattingProvider),
  );
  return { diagnostics, namePreview };
}
