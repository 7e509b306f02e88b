// Activation reads like a table of contents: build one context, then one register call per feature.
import * as vscode from 'vscode';
import { createExtensionContext } from './vscode/extensionContext';
import type { CpcPolicyApi } from './extensionApi';
import { registerViews } from './vscode/views/registerViews';
import { registerFleetOverview } from './vscode/fleet/registerFleet';
import { createCommandContext } from './vscode/commands/commandContext';
import { registerCommands } from './vscode/commands/commandTable';
import { registerRemotePolicyDocuments } from './vscode/commands/remotePolicyDocuments';
import { createBackendStatusBar } from './vscode/backend/backendStatusBar';
import { registerPolicyLanguage } from './vscode/language/registerPolicyLanguage';
import { previewSampleUsers } from './vscode/language/previewSampleUsers';
import { answerQuestionsWith } from './vscode/commands/questions';
import { onDidReportResult } from './vscode/commands/reportResult';
import { followTenantPolicies } from './vscode/language/tenantPolicies';
import { registerTenantLanguage, tenantAnswersAt } from './vscode/language/tenantLanguage';
import { registerDeployedStateLens } from './vscode/language/registerDeployedStateLens';
import { explainRestrictedModeInViews } from './vscode/trust/restrictedMode';
import { registerAgentTools } from './vscode/agent/registerAgentTools';
import { registerMcpServerProvider } from './vscode/agent/registerMcpServer';
import { authenticateWith } from './vscode/backend/graphSignIn';

export function activate(context: vscode.ExtensionContext): CpcPolicyApi {
  const started = performance.now();
  const ctx = createExtensionContext(context);
  const tenant = registerTenantLanguage(ctx);
  const language = registerPolicyLanguage(
    ctx,
    () => previewSampleUsers(ctx),
    (text, offset) => tenantAnswersAt(tenant, text, offset),
  );
  const statusBar = createBackendStatusBar(ctx.backends);
  ctx.subscribe(
    statusBar,
    ctx.backends.onDidChangeBackend(() => language.namePreview.refresh()),
  );
  const views = registerViews(ctx);
  followTenantPolicies(ctx, views, language.diagnostics, tenant);
  registerDeployedStateLens(ctx, views);
  ctx.subscribe(explainRestrictedModeInViews([views.sidebar.policyView, views.sidebar.cloudPcView]));
  const documents = registerRemotePolicyDocuments(ctx, views.sidebar.onDidUpdate);
  const fleet = registerFleetOverview(ctx, views);
  registerCommands(createCommandContext(ctx, { sidebar: views.intents, documents, fleet }));
  const agentTools = registerAgentTools(ctx);
  ctx.subscribe(registerMcpServerProvider(context, String(context.extension.packageJSON.version), ctx.log));
  // The question hook exists only in a test host: no command argument or other extension can answer for the admin.
  const testHooks =
    context.extensionMode === vscode.ExtensionMode.Test
      ? {
          answerQuestions: answerQuestionsWith,
          onDidReportResult,
          statusBarText: () => statusBar.text,
          authenticateWith,
          agentTools,
        }
      : undefined;
  return {
    activationTimeMs: performance.now() - started,
    views,
    fleet,
    validated: (doc) => language.diagnostics.validated(doc),
    testHooks,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
