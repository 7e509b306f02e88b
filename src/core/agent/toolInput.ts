// Checks a tool's input against its JSON schema before the handler sees it: a model's malformed call gets a
// clear tool error naming the field, never an exception (Ajv compiles each small schema once, on first use).
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { AgentTool } from './agentTool';

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<AgentTool, ValidateFunction>();

/** undefined when the input fits the schema, else one sentence naming the field and what it should be. */
export function inputProblem(tool: AgentTool, input: unknown): string | undefined {
  let validate = compiled.get(tool);
  if (!validate) compiled.set(tool, (validate = ajv.compile(tool.inputSchema)));
  if (validate(input ?? {})) return undefined;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'the input does not match the schema';
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'input';
  if (error.keyword === 'additionalProperties')
    return `unknown input property '${String(error.params['additionalProperty'])}'`;
  if (error.keyword === 'required') return `missing input property '${String(error.params['missingProperty'])}'`;
  if (error.keyword === 'enum')
    return `${where} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}
