// Text to a parsed value with its syntax findings: the strict-JSON fast path after one scan, else jsonc-parser
// (docs/architecture.md "The policy engine").
import type { Finding } from './finding';
import { asObject } from './jsonValue';
import { scannedDuplicateKeyFindings } from './duplicateKeys';
import { scannerLocator, treeLocator } from './locator';
import type { DocLocator } from './locator';
import { MAX_FINDINGS } from './findingCap';
import { RULES } from './ruleCodes';
import type * as SyntaxCheckModule from './syntaxCheck';
import { findControlCharacter, findExcessNesting, scanJsonc } from './textScan';
import { rememberKeys } from './wideObjects';

type SyntaxCheck = typeof SyntaxCheckModule;
let syntaxModule: SyntaxCheck | undefined;

/** jsonc-parser is needed only for text with syntax errors or duplicate keys: load it on first need (cold start: docs/architecture.md "The policy engine"). */
function syntax(): SyntaxCheck {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (syntaxModule ??= require('./syntaxCheck') as SyntaxCheck);
}

export interface Parsed {
  value: unknown;
  findings: Finding[];
  /** Duplicate-key warnings past the cap, counted but never built. */
  moreWarnings?: number;
  locator: () => DocLocator;
}

/** Strict JSON after one scan (comments and trailing commas blanked); undefined when the text has syntax errors. */
export function parseFast(text: string): Parsed | undefined {
  const scan = scanJsonc(text);
  // jsonc-parser reports an unclosed /* (CPC101); Deploy reads files with it, so the editor must say so too.
  if (scan.unclosedComment) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(scan.strict);
  } catch {
    return undefined;
  }
  if (scan.colons !== keysInValue(value)) {
    // Rare: a duplicate key (JSON.parse kept the last). Found by walking the strict text; the value stays JSON.parse's.
    const loc = scannerLocator(scan.strict, scan);
    const duplicates = scannedDuplicateKeyFindings(loc, MAX_FINDINGS);
    return { value, findings: duplicates, moreWarnings: duplicates.more, locator: () => loc };
  }
  return { value, findings: [], locator: () => scannerLocator(scan.strict, scan, true) };
}

/**
 * Keys in the parsed value, without recursion (values may be 10,000 deep): each has one ':' in strict text.
 * The root's keys are listed (a hostile root of 100,000 keys is listed once, for the schema check too:
 * wideObjects.ts); the rest are counted with for…in, which allocates nothing, and objects in a list are
 * counted where they are found (a fleet of 333,000 empty policies pushes none of them).
 */
function keysInValue(value: unknown): number {
  const stack: unknown[] = [];
  let count = 0;
  const root = asObject(value);
  if (root) {
    const keys = Object.keys(root);
    rememberKeys(root, keys);
    count += keys.length;
    for (let i = 0; i < keys.length; i++) {
      const v = root[keys[i]!];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  } else stack.push(value);
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object') continue;
    if (!Array.isArray(o)) {
      count += countKeys(o as Record<string, unknown>, stack);
      continue;
    }
    for (let i = 0; i < o.length; i++) {
      const item: unknown = o[i];
      if (item === null || typeof item !== 'object') continue;
      // An empty list holds no keys (a hostile file nests 300,000 of them).
      if (Array.isArray(item)) {
        if (item.length > 0) stack.push(item);
      } else count += countKeys(item as Record<string, unknown>, stack);
    }
  }
  return count;
}

/** The keys of one object; its values that are objects or lists go on the stack. */
function countKeys(o: Record<string, unknown>, stack: unknown[]): number {
  let n = 0;
  for (const k in o) {
    n++;
    const v = o[k];
    if (v !== null && typeof v === 'object') stack.push(v);
  }
  return n;
}

export function parseSlow(text: string): Parsed | undefined {
  if (findExcessNesting(text) >= 0) return undefined;
  const { root, findings } = syntax().parseWithErrors(text);
  const control = findControlCharacter(text);
  if (control >= 0) {
    findings.unshift({
      code: RULES.controlCharacters.code,
      severity: 'error',
      message: 'The file contains binary or control characters: is it really a .cpcpolicy.json text file?',
      range: { offset: control, length: 1 },
    });
  }
  const duplicates = syntax().duplicateKeyFindings(root, MAX_FINDINGS);
  for (const f of duplicates) findings.push(f);
  return {
    value: root ? syntax().nodeValue(root) : undefined,
    findings,
    moreWarnings: duplicates.more,
    locator: () => treeLocator(text, root),
  };
}
