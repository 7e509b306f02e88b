// Build step: compiles schemas/cpcpolicy.schema.json with Ajv into standalone validation code, so the
// extension and CLI never compile a schema at run time (docs/architecture.md: the first diagnostic in milliseconds).
// Outputs in src/core/policy/generated/ (git-ignored):
//   policySchemaValidator.js (+ .d.ts): the Ajv standalone validator, post-processed to stay small;
//   policyCoreSchema.js (+ .d.ts): the schema without its editor-only texts, what the validator reads
//   (structure, read-only and deprecated marks, open enums); hover and completion read the full file.
// Idempotent: skips when the schema and this script are unchanged since the last run (hash stamp in
// every output).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(root, 'schemas', 'cpcpolicy.schema.json');
const outDir = path.join(root, 'src', 'core', 'policy', 'generated');
const outJs = path.join(outDir, 'policySchemaValidator.js');
const outDts = path.join(outDir, 'policySchemaValidator.d.ts');
const outCoreJs = path.join(outDir, 'policyCoreSchema.js');
const outCoreDts = path.join(outDir, 'policyCoreSchema.d.ts');

/** Editor-only annotations the schema carries; Ajv must know them in strict mode. */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'deprecationMessage',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'x-openEnum',
  'x-enumDescriptions',
];

/** Keywords that only annotate: stripped before compiling so the generated code stays small. */
const STRIP = new Set([
  ...ANNOTATION_KEYWORDS,
  'description',
  'title',
  'examples',
  'default',
  'deprecated',
  'readOnly',
]);

export function stripAnnotations(node) {
  if (Array.isArray(node)) return node.map(stripAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // Keep property *names* that look like keywords (e.g. a property called "description").
    if (STRIP.has(key) && typeof value !== 'object') continue;
    if (STRIP.has(key) && (key === 'examples' || key === 'x-enumDescriptions' || key.endsWith('escriptions'))) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripAnnotations(v)]))
        : stripAnnotations(value);
  }
  return out;
}

/** Keywords src/core/policy/schemaModel.ts and its readers (schemaCheck, annotationRules, the validator) use. */
const CORE_KEYWORDS = new Set([
  'type',
  'enum',
  'required',
  'additionalProperties',
  'readOnly',
  'deprecated',
  'x-openEnum',
]);
/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SUBSCHEMA = new Set(['items', 'if', 'then', 'else']);
const SUBSCHEMA_LIST = new Set(['allOf']);
const SUBSCHEMA_MAP = new Set(['properties', 'definitions']);

/** The schema reduced to what the validator reads: no descriptions, examples or defaults (cold start: less to load). */
export function coreSchema(node) {
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (CORE_KEYWORDS.has(key) || (key === '$ref' && typeof value === 'string')) out[key] = value;
    else if (SUBSCHEMA.has(key)) out[key] = Array.isArray(value) ? value.map(coreSchema) : coreSchema(value);
    else if (SUBSCHEMA_LIST.has(key)) out[key] = value.map(coreSchema);
    else if (SUBSCHEMA_MAP.has(key))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coreSchema(v)]));
    // An open enum's known members are its examples (schemaModel.enumMembers).
    else if (key === 'examples' && node['x-openEnum'] === true) out[key] = value;
  }
  return out;
}

/** @param {typeof import('ajv').default} Ajv */
export function createAjv(Ajv) {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    messages: false,
    code: { source: true, lines: false, optimize: true },
  });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

/** Index of the quote closing the JSON-style string that opens at `start` (Ajv writes strings with JSON.stringify). */
function closingQuote(code, start) {
  let i = start + 1;
  for (; code[i] !== '"'; i++) if (code[i] === '\\') i++;
  return i;
}

/** End (exclusive) of the bracketed code starting at `start` (`{`, `[` or `(`); Ajv writes strings with JSON.stringify. */
function literalEnd(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      i = closingQuote(code, i);
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`generateSchemaValidator: unterminated literal at ${start}`);
}

const REF = String.raw`schema\d+(?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*`;

function resolveRef(schemas, ref) {
  const name = /^schema\d+/.exec(ref)[0];
  if (!schemas.has(name)) throw new Error(`generateSchemaValidator: ${ref} names no schema constant`);
  let value = schemas.get(name);
  for (const m of ref.slice(name.length).matchAll(/\.([A-Za-z_$][\w$]*)|\["((?:[^"\\]|\\.)*)"\]/g)) {
    const key = m[1] ?? JSON.parse(`"${m[2]}"`);
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? value[key] : undefined;
    if (value === undefined) throw new Error(`generateSchemaValidator: cannot resolve ${ref}`);
  }
  return value;
}

/**
 * Shrinks Ajv's standalone code without changing what it reports (cold start: the first validation
 * compiles all of it). The schema literals it embeds (`const schema11 = {...}`) go: each reference into
 * them becomes its value (error params such as a union type's list) and a property-name check becomes a
 * Set; then the error objects move to a table and the functions are compiled eagerly (below). Throws
 * when a reference is left unresolved or the code does not have the shape these steps expect.
 */
export function shrinkStandaloneCode(code) {
  const schemas = new Map();
  let out = code;
  for (const m of code.matchAll(/const (schema\d+) = /g)) {
    const start = m.index + m[0].length;
    const end = literalEnd(code, start);
    if (code[end] !== ';') throw new Error(`generateSchemaValidator: unexpected code after ${m[1]}`);
    schemas.set(m[1], JSON.parse(code.slice(start, end)));
    out = out.replace(code.slice(m.index, end + 1), '');
  }
  // additionalProperties with many properties: Ajv tests `hasOwnProperty.call(schemaN.properties, key)`.
  const hasOwn = /const (func\d+) = Object\.prototype\.hasOwnProperty;/.exec(out);
  const sets = [];
  if (hasOwn) {
    out = out.replace(
      new RegExp(String.raw`${hasOwn[1]}\.call\((${REF})\.properties, (key\d+)\)`, 'g'),
      (_all, ref, key) => {
        const props = resolveRef(schemas, ref).properties;
        if (props === null || typeof props !== 'object' || Array.isArray(props))
          throw new Error(`generateSchemaValidator: ${ref}.properties is not an object`);
        sets.push(`const props${sets.length} = new Set(${JSON.stringify(Object.keys(props))});`);
        return `props${sets.length - 1}.has(${key})`;
      },
    );
    if (!new RegExp(String.raw`\b${hasOwn[1]}\b`).test(out.replace(hasOwn[0], ''))) out = out.replace(hasOwn[0], '');
  }
  out = out.replace(new RegExp(REF, 'g'), (ref) => {
    if (!/^schema\d+[.[]/.test(ref)) throw new Error(`generateSchemaValidator: the code uses ${ref} as a whole`);
    const value = resolveRef(schemas, ref);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      throw new Error(`generateSchemaValidator: ${ref} is an object; only values and lists are inlined`);
    return JSON.stringify(value);
  });
  const left = /\bschema\d+\b/.exec(out);
  if (left) throw new Error(`generateSchemaValidator: reference to ${left[0]} left after inlining`);
  if (!out.startsWith('"use strict";'))
    throw new Error('generateSchemaValidator: Ajv output does not start with "use strict"');
  out = `"use strict";${sets.join('')}${out.slice('"use strict";'.length)}`;
  return compileEagerly(tableErrorObjects(shortenErrorPushes(appendSubErrors(out))));
}

/**
 * `vErrors = vErrors === null ? validateN.errors : vErrors.concat(validateN.errors);` copies every error
 * so far on each failing call: a fleet of 30,000 bad policies took seconds. Appending in place is linear.
 */
function appendSubErrors(code) {
  const concat = /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g;
  const out = code.replace(
    concat,
    (_all, fn) => `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`,
  );
  if (out.includes('.concat('))
    throw new Error('generateSchemaValidator: Ajv output concatenates errors in a shape appendSubErrors does not know');
  return out;
}

/**
 * `function validateN(...) {...}` → `const validateN = (function validateN(...) {...});`, exports last.
 * V8 compiles a parenthesized function with its enclosing code instead of pre-parsing it and parsing
 * it again on the first call, and esbuild keeps the parentheses: the validator always runs right after
 * it is loaded, so this saves a pass over its largest function (cold start).
 */
function compileEagerly(code) {
  const exports = /module\.exports = (validate\d+);module\.exports\.default = \1;/.exec(code);
  if (!exports) throw new Error('generateSchemaValidator: Ajv output has no module.exports = validateN');
  const src = code.replace(exports[0], '');
  let out = '';
  let from = 0;
  for (const m of src.matchAll(/function (validate\d+)\(/g)) {
    if (m.index < from) throw new Error(`generateSchemaValidator: ${m[1]} is nested in another function`);
    const paramsEnd = literalEnd(src, m.index + m[0].length - 1);
    if (src[paramsEnd] !== '{')
      throw new Error(`generateSchemaValidator: unexpected code after the parameters of ${m[1]}`);
    const end = literalEnd(src, paramsEnd);
    out += `${src.slice(from, m.index)}const ${m[1]} = (${src.slice(m.index, end)});`;
    from = end;
  }
  if (!out) throw new Error('generateSchemaValidator: Ajv output has no validate functions');
  return `${out}${src.slice(from)}${exports[0]}`;
}

/** `const errN = {...};if(vErrors === null){vErrors = [errN];}else {vErrors.push(errN);}errors++;}` → one push (errN is unused after it). */
function shortenErrorPushes(code) {
  let out = '';
  let from = 0;
  for (const m of code.matchAll(/const (err\d+) = \{/g)) {
    if (m.index < from) continue;
    const start = m.index + m[0].length - 1;
    const end = literalEnd(code, start);
    const tail = `;if(vErrors === null){vErrors = [${m[1]}];}else {vErrors.push(${m[1]});}errors++;}`;
    if (!code.startsWith(tail, end)) continue;
    out += `${code.slice(from, m.index)}(vErrors ??= []).push(${code.slice(start, end)});errors++;}`;
    from = end + tail.length;
  }
  return out + code.slice(from);
}

/** Splits `a, b: [1,2], c` at the commas outside strings and brackets. */
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = closingQuote(text, i);
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  return [...parts, text.slice(from).trim()].filter((p) => p !== '');
}

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const ERROR_LITERAL = new RegExp(
  String.raw`^\{instancePath(?::(instancePath(?:\+${STRING}| \+ i\d+)*))?,schemaPath:(${STRING}),keyword:(${STRING}),params:\{(.*)\}\}$`,
  's',
);

/**
 * Error objects become table entries: `push({instancePath:X,schemaPath:"..",keyword:"..",params:{..}})`
 * → `push(cpcError(7, X))`, the constant parts in one JSON string parsed on the first error. The
 * validate functions keep only the checks, so the first call compiles a third of the code (cold
 * start); the objects built are the same (fresh per error, same keys in the same order). Throws when
 * an error literal does not have the expected shape, so an Ajv upgrade cannot silently change it.
 */
function tableErrorObjects(code) {
  for (const name of ['cpcError', 'cpcErrorSpecs'])
    if (code.includes(name)) throw new Error(`generateSchemaValidator: Ajv code already uses ${name}`);
  const specs = [];
  const index = new Map();
  let out = '';
  let from = 0;
  const marker = '(vErrors ??= []).push({';
  for (let at = code.indexOf(marker); at >= 0; at = code.indexOf(marker, from)) {
    const start = at + marker.length - 1;
    const end = literalEnd(code, start);
    const literal = code.slice(start, end);
    out += code.slice(from, start);
    from = end;
    // The empty objects Ajv pushes (then truncates) inside if/then/else stay as they are.
    if (literal === '{}') {
      out += literal;
      continue;
    }
    const m = ERROR_LITERAL.exec(literal);
    if (!m) throw new Error(`generateSchemaValidator: unexpected Ajv error object ${literal}`);
    const [, instancePath = 'instancePath', schemaPath, keyword, paramsText] = m;
    const params = {};
    let dynamic;
    for (const part of splitTopLevel(paramsText)) {
      const p = /^([A-Za-z_$][\w$]*): (.*)$/s.exec(part);
      if (!p) throw new Error(`generateSchemaValidator: unexpected Ajv error param ${part} in ${literal}`);
      if (/^[A-Za-z_$][\w$]*$/.test(p[2]) && !['true', 'false', 'null'].includes(p[2])) {
        if (dynamic) throw new Error(`generateSchemaValidator: two computed params in ${literal}`);
        dynamic = { key: p[1], expression: p[2] };
        params[p[1]] = null;
      } else params[p[1]] = JSON.parse(p[2]);
    }
    const spec = [JSON.parse(schemaPath), JSON.parse(keyword), params, ...(dynamic ? [dynamic.key] : [])];
    const key = JSON.stringify(spec);
    if (!index.has(key)) index.set(key, specs.push(spec) - 1);
    out += `cpcError(${index.get(key)}, ${instancePath}${dynamic ? `, ${dynamic.expression}` : ''})`;
  }
  out += code.slice(from);
  if (/schemaPath:/.test(out))
    throw new Error('generateSchemaValidator: an Ajv error object was left out of the table');
  const table = JSON.stringify(specs).replace(/[\\']/g, '\\$&');
  // cpcMade: while firstErrors runs, every error in the order made (Ajv's order: nothing in this schema
  // takes errors back), and a throw once there are more than its budget.
  const helper =
    `let cpcErrorSpecs;let cpcMade = null;let cpcBudget = -1;const cpcStop = {};` +
    `function cpcError(i, instancePath, value) {` +
    `const [schemaPath, keyword, params, key] = (cpcErrorSpecs ??= JSON.parse('${table}'))[i];` +
    `const p = { ...params };` +
    `if (key !== undefined) p[key] = value;` +
    `const e = { instancePath, schemaPath, keyword, params: p };` +
    `if (cpcBudget >= 0 && (cpcMade ??= []).push(e) > cpcBudget) throw cpcStop;` +
    `return e;` +
    `}`;
  // A function replacement: the table may hold `$` sequences that a replacement string would expand.
  return out.replace('"use strict";', () => `"use strict";${helper}`);
}

/**
 * Also exports the function that checks one policy (`#/definitions/policy`, which the fleet's items
 * reuse), as `module.exports.policy`: the validator checks a fleet one policy at a time and stops at
 * the findings cap (docs/rules.md "Bounds") instead of building every error of a hostile file.
 */
export function exportPolicyValidator(code, validate, id) {
  const name = validate.schemaEnv.refs[`${id}#/definitions/policy`]?.validateName?.str;
  if (!name || !new RegExp(String.raw`const ${name} = \(function ${name}\(`).test(code))
    throw new Error('generateSchemaValidator: no policy validate function in the Ajv output');
  return `${code}module.exports.policy = ${name};${FIRST_ERRORS}`;
}

/**
 * `module.exports.firstErrors(validate, data, context, budget)`: runs one of the validate functions and stops
 * it once it has made more than `budget` errors, returning the first `budget + 1`; undefined when it finished
 * (its own `errors` then hold them all). Generated code cannot stop inside a list, so a policy of
 * 40,000 bad assignments would otherwise build 40,000 errors for a document that shows 1,000.
 */
const FIRST_ERRORS =
  `module.exports.firstErrors = function firstErrors(validate, data, context, budget) {` +
  `cpcMade = null;cpcBudget = budget;` +
  `try { validate(data, context); return undefined; } catch (e) { if (e === cpcStop) return cpcMade; throw e; }` +
  `finally { cpcMade = null;cpcBudget = -1; }` +
  `};`;

function stampOf(schemaText) {
  return createHash('sha256')
    .update(schemaText)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
}

export async function generate({ force = false } = {}) {
  const schemaText = readFileSync(schemaFile, 'utf8');
  const header = `// GENERATED by scripts/generateSchemaValidator.mjs from schemas/cpcpolicy.schema.json (stamp ${stampOf(schemaText)}). Do not edit.\n`;
  const outputs = [outJs, outDts, outCoreJs, outCoreDts];
  if (!force && outputs.every((f) => existsSync(f) && readFileSync(f, 'utf8').startsWith(header)))
    return { changed: false, file: outJs };
  // Ajv is loaded only when something changed: the up-to-date check runs before every typecheck and test.
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const schema = JSON.parse(schemaText);
  const ajv = createAjv(Ajv);
  const validate = ajv.compile(stripAnnotations(schema));
  const code = exportPolicyValidator(shrinkStandaloneCode(standaloneCode(ajv, validate)), validate, schema.$id);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outJs, header + code + '\n');
  writeFileSync(
    outDts,
    header +
      `import type { ErrorObject } from 'ajv';\n` +
      `declare function validate(data: unknown): boolean;\n` +
      `interface Context { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown }\n` +
      `declare namespace validate {\n  let errors: ErrorObject[] | null | undefined;\n  /** One policy of a fleet, its errors' paths under \`instancePath\` (a fleet's checks can stop at the findings cap). */\n  const policy: { (data: unknown, context?: Context): boolean; errors?: ErrorObject[] | null };\n  /** Runs \`run\`, stopping it after \`budget\` + 1 errors: those, in Ajv's order; undefined when it finished. */\n  function firstErrors(validate: (data: unknown, context?: Context) => boolean, data: unknown, context: Context | undefined, budget: number): ErrorObject[] | undefined;\n}\n` +
      `export = validate;\n`,
  );
  // JSON.parse of a string literal loads faster than the same object as a JavaScript literal (V8).
  const coreJson = JSON.stringify(coreSchema(schema)).replace(/[\\']/g, '\\$&');
  writeFileSync(outCoreJs, `${header}"use strict";module.exports = JSON.parse('${coreJson}');\n`);
  writeFileSync(
    outCoreDts,
    `${header}import type { SchemaNode } from '../schemaNavigator';\ndeclare const schema: SchemaNode;\nexport = schema;\n`,
  );
  return { changed: true, file: outJs };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { changed, file } = await generate({ force: process.argv.includes('--force') });
  process.stdout.write(
    `${changed ? 'generated' : 'up to date'}: ${path.relative(root, file)} (${(performance.now() - started).toFixed(0)} ms)\n`,
  );
}
