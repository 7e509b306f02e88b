// A tool's entry in package.json `contributes.languageModelTools`: VS Code lists the tools from the manifest
// before the extension activates, so the manifest must say exactly what core/agent defines (a unit test checks it).
import type { AgentTool } from './agentTool';

export interface ToolContribution {
  name: string;
  displayName: string;
  toolReferenceName: string;
  canBeReferencedInPrompt: boolean;
  userDescription: string;
  modelDescription: string;
  tags: string[];
  inputSchema: AgentTool['inputSchema'];
}

/** `cpcpolicy_explain_failure` → `cpcExplainFailure` (what a person types after `#` in chat). */
export function toolReferenceName(name: string): string {
  return name.replace(/^cpcpolicy_/, 'cpc_').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function toolContribution(tool: AgentTool): ToolContribution {
  return {
    name: tool.name,
    displayName: tool.title,
    toolReferenceName: toolReferenceName(tool.name),
    canBeReferencedInPrompt: true,
    userDescription: tool.title,
    modelDescription: tool.description,
    tags: ['cpcpolicy', 'windows365', ...(tool.changes ? ['changes-tenant'] : [])],
    inputSchema: tool.inputSchema,
  };
}
