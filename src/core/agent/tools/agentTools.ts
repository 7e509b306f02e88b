// Every agent tool, and the one way a shell runs one: the input checked against the tool's schema, the handler's
// failures turned into a tool error the model can read (never an exception into the extension host or server).
import { errorText } from '../../model/errorText';
import type { AgentEnv, AgentTool, ChangeSummary, ToolResult } from '../agentTool';
import { toolError } from '../agentTool';
import { inputProblem } from '../toolInput';
import { findCloudPcsTool, explainFailureTool } from './cloudPcTools';
import { CHANGE_TOOLS } from './changeTools';
import { deployPolicyFileTool, planPolicyFileTool } from './deployTools';
import { previewNamesTool, validatePolicyTool } from './policyFileTools';
import { getPolicyTool, listPoliciesTool } from './policyTools';
import { TENANT_TOOLS } from './tenantTools';
import { whatIfAssignmentTool } from './whatIfTool';

export const READ_TOOLS: readonly AgentTool[] = [
  validatePolicyTool,
  previewNamesTool,
  listPoliciesTool,
  getPolicyTool,
  findCloudPcsTool,
  explainFailureTool,
  whatIfAssignmentTool,
  planPolicyFileTool,
  ...TENANT_TOOLS,
];

export const CHANGING_TOOLS: readonly AgentTool[] = [...CHANGE_TOOLS, deployPolicyFileTool];

export const AGENT_TOOLS: readonly AgentTool[] = [...READ_TOOLS, ...CHANGING_TOOLS];

export function findAgentTool(name: string): AgentTool | undefined {
  return AGENT_TOOLS.find((t) => t.name === name);
}

/** Runs a tool on raw input: a schema mismatch or a failing read comes back as a tool error. */
export async function runAgentTool(tool: AgentTool, input: unknown, env: AgentEnv): Promise<ToolResult> {
  const problem = inputProblem(tool, input);
  if (problem) return toolError(`Invalid input for ${tool.name}: ${problem}.`);
  try {
    return await tool.run((input ?? {}) as Record<string, unknown>, env);
  } catch (err) {
    return toolError(`${tool.name} failed: ${errorText(err)}`);
  }
}

/** What a changing tool's confirmation says; a sentence of refusal when the input is wrong or the tenant can't be read. */
export async function describeAgentChange(tool: AgentTool, input: unknown, env: AgentEnv): Promise<ChangeSummary> {
  const problem = inputProblem(tool, input);
  if (problem) return { title: tool.title, message: `Invalid input: ${problem}. Nothing will change.` };
  if (!tool.describeChange) return { title: tool.title, message: `${tool.title} on ${env.tenant}.` };
  try {
    return await tool.describeChange((input ?? {}) as Record<string, unknown>, env);
  } catch (err) {
    return {
      title: `${tool.title} on ${env.tenant}?`,
      message: `The change could not be previewed (${errorText(err)}).`,
    };
  }
}
