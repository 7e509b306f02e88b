// One definition per agent tool, independent of the shell that offers it (VS Code's language-model tools, the
// MCP server): a name, a model-facing description, an input JSON schema, and a handler over CloudPcApi that
// returns compact text. The shells only translate; docs/agent.md says how the two surfaces use these.
import type { CloudPcApi } from '../graph/cloudPcApi';

/** A JSON schema of a tool's input: an object of named properties (the subset both surfaces accept). */
export interface ToolInputSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties: false;
}

/** A policy file the tool reads: a workspace path the shell resolves, or the text itself. */
export type PolicyFileText = { name: string; text: string } | { error: string };

export interface AgentEnv {
  readonly api: CloudPcApi;
  /** Names the tenant in every confirmation: "Simulator", a signed-in tenant, a URL. */
  readonly tenant: string;
  /** Reads a policy file the caller named (the shell decides which paths are allowed). */
  readPolicyFile(path: string): Promise<PolicyFileText>;
  /** The backend's clock (ms): image end dates and grace periods are compared with it. */
  now(): number;
  readonly signal?: AbortSignal;
}

export interface ToolResult {
  text: string;
  /** The tool could not do what was asked: bad input, an object that is not there, a refused change. */
  isError?: boolean;
}

/** What a changing tool will do, in the words the confirmation shows before anything happens. */
export interface ChangeSummary {
  title: string;
  /** Names the tenant, the objects and the consequence (how many Cloud PCs, grace period, data loss). */
  message: string;
}

export interface AgentTool<I = Record<string, unknown>> {
  name: string;
  /** Short, for people (the tool picker, the confirmation's title). */
  title: string;
  /** For the model: what it answers, when to call it, what the ids in the answer are for. */
  description: string;
  inputSchema: ToolInputSchema;
  /** True for a tool that changes the tenant: it is offered only where a person confirms each call. */
  changes: boolean;
  /** MCP's tool annotations (readOnlyHint is !changes). */
  destructive?: boolean;
  idempotent?: boolean;
  run(input: I, env: AgentEnv): Promise<ToolResult>;
  /** Changing tools: what the confirmation says, read from the tenant before anything changes. */
  describeChange?(input: I, env: AgentEnv): Promise<ChangeSummary>;
}

/** A tool's result when it refuses: the model reads why and what to call instead. */
export function toolError(text: string): ToolResult {
  return { text, isError: true };
}

/** Erases the input type so tools of different inputs sit in one list (each checks its input first). */
export function defineTool<I>(tool: AgentTool<I>): AgentTool {
  return tool as unknown as AgentTool;
}
