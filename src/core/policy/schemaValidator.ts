// The schema check compiled at build time by scripts/generateSchemaValidator.mjs (Ajv standalone):
// no schema compile at run time (docs/architecture.md "The policy engine": cold start).
import type { ErrorObject } from 'ajv';

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  /** One policy; its errors' paths start with `instancePath` (scripts/generateSchemaValidator.mjs exports it). */
  policy: {
    (
      data: unknown,
      context: { instancePath: string; parentData: unknown; parentDataProperty: number; rootData: unknown },
    ): boolean;
    errors?: ErrorObject[] | null;
  };
}

let compiled: CompiledValidator | undefined;

/** Loads the generated validator once; a missing file is a build bug (run `npm run generate`). */
export function schemaValidator(): CompiledValidator {
  if (!compiled) {
    try {
      // require, not import: the generated file is git-ignored, so typecheck must not depend on it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      compiled = require('./generated/policySchemaValidator.js') as CompiledValidator;
    } catch (err) {
      throw new Error(
        `cpcpolicy: the generated schema validator is missing; run "node scripts/generateSchemaValidator.mjs" (${String(err)})`,
      );
    }
  }
  return compiled;
}

/** Validates a parsed document; returns Ajv's errors (empty when valid). */
export function runSchema(value: unknown): ErrorObject[] {
  const validate = schemaValidator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Shared by every valid policy (frozen: nothing may push to it). */
const NO_ERRORS: ErrorObject[] = Object.freeze([]) as unknown as ErrorObject[];

/**
 * Validates policy `index` of a fleet's list alone; the errors are those the whole document's check reports for it.
 * `value`: the policy to check in its place (wideObjects.narrowForSchema), the list's item by default.
 */
export function runPolicySchema(
  list: readonly unknown[],
  index: number,
  root: unknown,
  value: unknown = list[index],
): ErrorObject[] {
  const { policy } = schemaValidator();
  return policy(value, {
    instancePath: `/policies/${index}`,
    parentData: list,
    parentDataProperty: index,
    rootData: root,
  })
    ? NO_ERRORS
    : [...(policy.errors ?? [])];
}
