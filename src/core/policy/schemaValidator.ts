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
  /** Runs `run`, stopping it after `budget` + 1 errors: those, in Ajv's order; undefined when it finished. */
  firstErrors(run: () => unknown, budget: number): ErrorObject[] | undefined;
}

/** Schema errors; `cut`: only the first ones, the check stopped at its budget (more may follow). */
export type SchemaErrors = ErrorObject[] & { cut?: true };

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

/** Shared by every valid policy (frozen: nothing may push to it). */
const NO_ERRORS: ErrorObject[] = Object.freeze([]) as unknown as ErrorObject[];

/** Validates a parsed document; returns Ajv's errors (empty when valid), only the first `budget` + 1 when there are more. */
export function runSchema(value: unknown, budget = Infinity): SchemaErrors {
  const validate = schemaValidator();
  return withBudget(budget, () => validate(value), validate);
}

/** A budget stops a hostile list's errors near the findings cap (docs/rules.md "Bounds"); the errors made are a prefix of the whole list. */
function withBudget(budget: number, run: () => boolean, holder: { errors?: ErrorObject[] | null }): SchemaErrors {
  if (budget === Infinity) return run() ? NO_ERRORS : [...(holder.errors ?? [])];
  const first = schemaValidator().firstErrors(run, budget);
  if (!first) return holder.errors ? [...holder.errors] : NO_ERRORS;
  const cut: SchemaErrors = first;
  cut.cut = true;
  return cut;
}

/**
 * Validates policy `index` of a fleet's list alone; the errors are those the whole document's check reports for it.
 * `value`: the policy to check in its place (wideObjects.narrowForSchema), the list's item by default.
 */
export function runPolicySchema(
  list: readonly unknown[],
  index: number,
  root: unknown,
  value: unknown = list[index],
  budget = Infinity,
): SchemaErrors {
  const { policy } = schemaValidator();
  const context = { instancePath: `/policies/${index}`, parentData: list, parentDataProperty: index, rootData: root };
  return withBudget(budget, () => policy(value, context), policy);
}
