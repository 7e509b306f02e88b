// The agent tools as VS Code language-model tools (contributes.languageModelTools + vscode.lm.registerTool), on
// the current backend. A changing tool is registered only in a trusted folder, and always asks first: its
// prepareInvocation returns the confirmation VS Code shows before invoke (the tenant, the objects, the
// consequence), and a call made outside a chat request (no invocation token, so nobody saw that confirmation)
// asks the same question through the commands' questions (questions.ts) before anything changes.
import * as vscode from 'vscode';
import type { AgentTool, ToolResult } from '../../core/agent/agentTool';
import { AGENT_TOOLS, describeAgentChange, runAgentTool } from '../../core/agent/tools/agentTools';
import type { ExtensionContext } from '../extensionContext';
import { confirm } from '../commands/questions';
import { isRestricted } from '../trust/restrictedMode';
import { agentEnvFor } from './agentEnv';

type Input = Record<string, unknown>;

/** What the test API can ask: the confirmation a changing tool's prepareInvocation returns. */
export interface AgentToolsHandle {
  /** Names registered now (the changing ones only in a trusted folder). */
  registered(): string[];
  prepare(name: string, input: Input): Promise<{ title: string; message: string } | undefined>;
}

function resultOf(result: ToolResult): vscode.LanguageModelToolResult {
  // A tool error is text the model reads (what was wrong, what to call instead), not an exception in the host.
  return new vscode.LanguageModelToolResult([
    new vscode.LanguageModelTextPart(result.isError ? `Error: ${result.text}` : result.text),
  ]);
}

function languageModelTool(ctx: ExtensionContext, tool: AgentTool): vscode.LanguageModelTool<Input> {
  return {
    async prepareInvocation(options, token) {
      if (!tool.changes) return { invocationMessage: vscode.l10n.t('{0}…', tool.title) };
      const summary = await describeAgentChange(tool, options.input, agentEnvFor(ctx, token));
      return {
        invocationMessage: vscode.l10n.t('{0}…', tool.title),
        // Plain text, not Markdown: tenant names in it can carry no link or formatting into the question.
        confirmationMessages: { title: summary.title, message: summary.message },
      };
    },
    async invoke(options, token) {
      const env = agentEnvFor(ctx, token);
      if (tool.changes && isRestricted())
        return resultOf({ text: 'This folder is in Restricted Mode: nothing was changed.', isError: true });
      if (tool.changes && options.toolInvocationToken === undefined) {
        const summary = await describeAgentChange(tool, options.input, env);
        const go = await confirm(ctx.backends.kind, {
          message: summary.title,
          detail: summary.message,
          proceed: tool.title,
          keep: vscode.l10n.t('Cancel'),
        });
        if (!go) return resultOf({ text: 'The person declined: nothing was changed.', isError: true });
      }
      const result = await runAgentTool(tool, options.input, env);
      if (tool.changes && !result.isError) ctx.requestRefresh();
      return resultOf(result);
    },
  };
}

export function registerAgentTools(ctx: ExtensionContext): AgentToolsHandle {
  const registered = new Map<string, vscode.LanguageModelTool<Input>>();
  const register = (tools: readonly AgentTool[]): void => {
    for (const tool of tools) {
      if (registered.has(tool.name)) continue;
      const lmTool = languageModelTool(ctx, tool);
      registered.set(tool.name, lmTool);
      ctx.subscribe(vscode.lm.registerTool(tool.name, lmTool));
    }
  };
  register(AGENT_TOOLS.filter((t) => !t.changes || !isRestricted()));
  // Trusting the folder turns the changing tools on, as it turns on the commands.
  ctx.subscribe(vscode.workspace.onDidGrantWorkspaceTrust(() => register(AGENT_TOOLS)));
  return {
    registered: () => [...registered.keys()],
    async prepare(name, input) {
      const prepared = await registered
        .get(name)
        ?.prepareInvocation?.({ input }, new vscode.CancellationTokenSource().token);
      const confirmation = prepared?.confirmationMessages;
      if (!confirmation) return undefined;
      const message = typeof confirmation.message === 'string' ? confirmation.message : confirmation.message.value;
      return { title: confirmation.title, message };
    },
  };
}
