// The schema check compiled at build time by scripts/generateSchemaValidator.mjs (Ajv standalone):
// no schema compile at run time (docs/architecture.md "The policy engine": cold start).
import type { ErrorObject } from 'ajv';

/** What the validate functions take besides the data (Ajv's data context; the root check needs none). */
interface DataContext {
  instancePath: string;
  parentData: unknown;
  parentDataProperty: number;
  rootData: unknown;
}

type ValidateFunction = {
  (data: unknown, context?: DataContext): boolean;
  errors?: ErrorObject[] | null;
};

export interface CompiledValidator extends ValidateFunction {
  /** One policy; its errors' paths start with `instancePath` (scripts/generateSchemaValidator.mjs exports it). */
  policy: ValidateFunction;
  /** Runs `validate`, stopping it after `budget` + 1 errors: those, in Ajv's order; undefined when it finished. */
  firstErrors(
    validate: ValidateFunction,
    data: unknown,
    context: DataContext | undefined,
    budget: number,
  ): ErrorObject[] | undefined;
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
  return withBudget(schemaValidator(), value, undefined, budget);
}

/** A budget stops a hostile list's errors near the findings cap (docs/rules.md "Bounds"); the errors made are a prefix of the whole list. */
function withBudget(
  validate: ValidateFunction,
  data: unknown,
  context: DataContext | undefined,
  budget: number,
): SchemaErrors {
  if (budget === Infinity) return validate(data, context) ? NO_ERRORS : [...(validate.errors ?? [])];
  const first = schemaValidator().firstErrors(validate, data, context, budget);
  if (!first) return validate.errors ? [...validate.errors] : NO_ERRORS;
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
  const context = { instancePath: `/policies/${index}`, parentData: list, parentDataProperty: index, rootData: root };
  return withBudget(schemaValidator().policy, value, context, budget);
}
