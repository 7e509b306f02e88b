// Maps Ajv's errors to findings at the exact key or value, with messages for admins and quick fixes.
import type { ErrorObject } from 'ajv';
import { closestMatch } from './closestMatch';
import type { JsonPath } from './finding';
import { json, removeFix, renameKeyFix, replaceValueFix, insertMemberFix } from './hit';
import type { Hit } from './hit';
import { RULES } from './ruleCodes';
import { enumMembers, resolve, schemaAtPath } from './schemaModel';
import type { SchemaErrors } from './schemaValidator';

export function pointerToPath(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let v: unknown = root;
  for (const seg of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg as string] : undefined;
  return v;
}

function name(path: JsonPath): string {
  const last = path[path.length - 1];
  return last === undefined
    ? 'The document'
    : typeof last === 'number' || /^\d+$/.test(String(last))
      ? `Item ${String(last)}`
      : `'${String(last)}'`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  object: 'an object { }',
  array: 'a list [ ]',
  null: 'null',
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return typeof v === 'boolean' ? 'a boolean' : typeof v;
}

/** What a valid policy adds (frozen: nothing may push to it). */
const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[];

/** Errors read per hit the cap can show before a check is stopped: room for duplicates and errors a PATCH drops. */
const ERRORS_PER_HIT = 4;

/**
 * schemaHits of the errors `run(budget)` makes, stopping the schema check itself near the cap: a policy of
 * 40,000 bad assignments builds a few thousand errors, not 40,000 (docs/rules.md "Bounds"). When the
 * errors read fall short of the cap, the check runs again in full, so what is shown never depends on the budget.
 */
export function schemaHitsWithin(
  root: unknown,
  run: (budget: number) => SchemaErrors,
  partial: boolean,
  limit: number,
): Hit[] & { stopped?: number } {
  const first = run(ERRORS_PER_HIT * (limit + 1));
  if (first.length === 0) return NO_HITS;
  const hits = schemaHits(root, first, partial, limit);
  if (!first.cut || hits.stopped !== undefined) return hits;
  return schemaHits(root, run(Infinity), partial, limit);
}

/**
 * Ajv errors to hits; at most one per value, preferring the type error. `partial` drops required-property
 * errors. Ajv reports in document order, so mapping stops once `limit` hits and an error are in: a capped
 * document shows only the first (docs/rules.md "Bounds"); `stopped` says how many errors were not read.
 */
export function schemaHits(
  root: unknown,
  errors: readonly ErrorObject[],
  partial: boolean,
  limit = Infinity,
): Hit[] & { stopped?: number } {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const hits: Hit[] & { stopped?: number } = [];
  let error = false;
  for (const [i, e] of errors.entries()) {
    if (hits.length > limit && error) {
      hits.stopped = errors.length - i;
      break;
    }
    if (e.keyword === 'if') continue;
    if (
      e.keyword !== 'type' &&
      e.keyword !== 'additionalProperties' &&
      e.keyword !== 'required' &&
      typed.has(e.instancePath)
    )
      continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hit = mapError(root, e, partial);
    if (hit) hits.push(hit);
    if (hit?.severity === 'error') error = true;
  }
  return hits;
}

function mapError(root: unknown, e: ErrorObject, partial: boolean): Hit | undefined {
  const path = pointerToPath(e.instancePath);
  const value = valueAt(root, path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return typeHit(path, value, String(p['type']));
    case 'additionalProperties':
      return unknownPropertyHit(root, path, String(p['additionalProperty']));
    case 'required':
      return partial ? undefined : requiredHit(path, String(p['missingProperty']));
    case 'enum':
      return enumHit(root, path, value);
    case 'pattern':
      return {
        rule: RULES.badFormat,
        severity: 'error',
        message: patternMessage(name(path), String(p['pattern']), value),
        path,
        part: 'value',
      };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
      return rangeHit(path, value, e.keyword, Number(p['limit']));
    default:
      return {
        rule: RULES.schemaOther,
        severity: 'error',
        message: `${name(path)} breaks the schema rule '${e.keyword}'.`,
        path,
        part: 'value',
      };
  }
}

function typeHit(path: JsonPath, value: unknown, expected: string): Hit {
  const wanted = expected
    .split(',')
    .filter((t) => t !== 'null')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
  const hit: Hit = {
    rule: RULES.wrongType,
    severity: 'error',
    message: `${name(path)} must be ${wanted}, not ${kindOf(value)}.`,
    path,
    part: 'value',
  };
  const coerced = coerce(value, expected);
  if (coerced !== undefined) hit.fixes = [replaceValueFix(`Change to ${json(coerced)}`, path, coerced)];
  return hit;
}

/** A value written in the wrong JSON type but with an obvious meaning ("true" → true, "30" → 30). */
function coerce(value: unknown, expected: string): unknown {
  const types = expected.split(',');
  if (typeof value === 'string') {
    if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
    if ((types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(value.trim()))
      return Number(value.trim());
  }
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (types.includes('array') && value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
  return undefined;
}

function unknownPropertyHit(root: unknown, objectPath: JsonPath, prop: string): Hit {
  const path = [...objectPath, prop];
  const known = Object.keys(resolve(schemaAtPath(root, objectPath))?.properties ?? {});
  const guess = closestMatch(prop, known);
  const where = objectName(objectPath);
  return {
    rule: RULES.unknownProperty,
    severity: 'error',
    message: `Unknown property '${prop}' in ${where}${guess ? `: did you mean '${guess}'?` : ': Graph does not accept it; remove it.'}`,
    path,
    part: 'key',
    fixes: [
      ...(guess ? [renameKeyFix(`Rename to '${guess}'`, path, guess)] : []),
      removeFix(`Remove '${prop}'`, path, !guess),
    ],
  };
}

/** Names the object an unknown property sits in: a policy of a fleet by its index, never as '50'. */
function objectName(objectPath: JsonPath): string {
  if (objectPath.length === 0) return 'a Cloud PC provisioning policy';
  const last = String(objectPath[objectPath.length - 1]);
  if (!/^\d+$/.test(last)) return `'${last}'`;
  if (objectPath.length === 2 && objectPath[0] === 'policies') return `policy ${last} (a Cloud PC provisioning policy)`;
  return `item ${last} of '${String(objectPath[objectPath.length - 2])}'`;
}

function requiredHit(objectPath: JsonPath, prop: string): Hit {
  const rule = prop === 'displayName' ? RULES.displayNameMissing : RULES.missingProperty;
  const hint = prop === 'displayName' ? ' (required on create; the name admins see in Intune)' : '';
  const placeholder =
    prop === 'displayName'
      ? '"New Cloud PC policy"'
      : prop === 'groupId'
        ? '"00000000-0000-0000-0000-000000000000"'
        : '""';
  return {
    rule,
    severity: 'error',
    message: `Add '${prop}'${hint}.`,
    path: objectPath,
    part:
      objectPath.length === 0 ||
      typeof objectPath[objectPath.length - 1] === 'number' ||
      /^\d+$/.test(String(objectPath[objectPath.length - 1]))
        ? 'start'
        : 'key',
    fixes: [insertMemberFix(`Add '${prop}'`, objectPath, prop, placeholder)],
  };
}

function enumHit(root: unknown, path: JsonPath, value: unknown): Hit {
  const members = enumMembers(schemaAtPath(root, path)).filter((m) => m !== 'unknownFutureValue');
  const guess = typeof value === 'string' ? closestMatch(value, members) : undefined;
  return {
    rule: RULES.notEnumMember,
    severity: 'error',
    message: `${json(value)} is not a valid ${name(path)}${guess ? `: did you mean '${guess}'?` : ''} Use one of: ${members.join(', ')}.`,
    path,
    part: 'value',
    fixes: guess ? [replaceValueFix(`Change to '${guess}'`, path, guess)] : [],
  };
}

function rangeHit(path: JsonPath, value: unknown, keyword: string, limit: number): Hit {
  const messages: Record<string, string> = {
    minLength:
      limit === 1 ? `${name(path)} must not be empty.` : `${name(path)} must have at least ${limit} characters.`,
    maxLength: `${name(path)} must have at most ${limit} characters (it has ${typeof value === 'string' ? value.length : '?'}).`,
    minimum: `${name(path)} must be at least ${limit}.`,
    maximum: `${name(path)} must be at most ${limit}.`,
  };
  const isEmptyName = keyword === 'minLength' && path[path.length - 1] === 'displayName';
  return {
    rule: isEmptyName ? RULES.displayNameMissing : RULES.outOfRange,
    severity: 'error',
    message: messages[keyword]!,
    path,
    part: 'value',
  };
}

/** The schema's patterns: GUIDs, and the language tag of windowsSetting.locale (docs/rules.md "windowsSetting"). */
function patternMessage(property: string, pattern: string, value: unknown): string {
  if (pattern.startsWith('^[A-Za-z]{2,3}'))
    return `${property} must be a language tag such as en-US, not ${json(value)}.`;
  return `${property} must be a GUID like 00000000-0000-0000-0000-000000000000, not ${json(value)}.`;
}
