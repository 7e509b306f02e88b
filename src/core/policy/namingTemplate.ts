// Cloud PC naming templates (`cloudPcNamingTemplate`, docs/service-facts.md "Naming template"): parse the %USERNAME:x% and
// %RAND:y% tokens, check them against a versioned rule table, expand names, estimate collisions.
import { CURRENT_NAMING_RULES, DEFAULT_FLEET_SIZE } from './namingRules';
import type { NamingRules } from './namingRules';
import { collisionOdds, templateProblems } from './namingTemplateChecks';
import { ProblemList, scanNamingTemplate } from './namingTemplateScan';
import type { TemplateProblem } from './namingTemplateScan';

export interface TemplateToken {
  kind: 'literal' | 'username' | 'rand';
  /** Literal: the text itself; tokens: the raw token as written, e.g. `%RAND:5%`. */
  text: string;
  /** Characters this token contributes to a name (literal length, x or y). */
  length: number;
  /** Offset of the token in the template. */
  offset: number;
  /** Set on a piece of text that tried to be a token and failed; it has a problem of its own. */
  malformed?: true;
}

export type { TemplateProblem } from './namingTemplateScan';

export interface ParsedTemplate {
  tokens: TemplateToken[];
  problems: TemplateProblem[];
}

/** A template reports at most this many problems; the last one says how many more there are (linear work on any input). */
export const MAX_TEMPLATE_PROBLEMS = 20;

/** Tokenizes a template. Token names are matched case-insensitively (the docs write them upper case; CPC411 warns). */
export function parseNamingTemplate(
  template: string,
  maxProblems = Infinity,
): ParsedTemplate & { moreProblems: number } {
  const tokens: TemplateToken[] = [];
  const problems = new ProblemList(maxProblems);
  scanNamingTemplate(template, problems, {
    literal: (start, end) =>
      tokens.push({ kind: 'literal', text: template.slice(start, end), length: end - start, offset: start }),
    token: (kind, start, end, length) => tokens.push({ kind, text: template.slice(start, end), length, offset: start }),
    malformed: (start, end) =>
      tokens.push({
        kind: 'literal',
        text: template.slice(start, end),
        length: end - start,
        offset: start,
        malformed: true,
      }),
  });
  return { tokens, problems: problems.kept, moreProblems: problems.more };
}

/** Shortest and longest generated name; a %USERNAME:x% gives 1..x characters (shorter user names give shorter names). */
export function nameLengthRange(template: string): { min: number; max: number } {
  return rangeOfTokens(parseNamingTemplate(template).tokens);
}

function rangeOfTokens(tokens: readonly TemplateToken[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const t of tokens) {
    max += t.length;
    min += t.kind === 'username' ? Math.min(1, t.length) : t.length;
  }
  return { min, max };
}

/**
 * Probability that at least two of `fleetSize` Cloud PCs draw the same random part (birthday bound
 * 1 − e^(−N(N−1)/2K), K = alphabet^Σy). Conservative: ignores that different user names also separate names.
 */
export function collisionProbability(
  template: string,
  fleetSize: number,
  rules: NamingRules = CURRENT_NAMING_RULES,
): number {
  const randChars = parseNamingTemplate(template).tokens.reduce(
    (sum, t) => sum + (t.kind === 'rand' ? t.length : 0),
    0,
  );
  return collisionOdds(randChars, fleetSize, rules.randomAlphabet.length);
}

/**
 * Checks a template against a rule set (current rules by default). `provisioningType` enables the
 * %USERNAME% rule; `fleetSize` (default 1000) sizes the collision warning.
 */
export function checkNamingTemplate(
  template: string,
  provisioningType?: string,
  fleetSize?: number,
  rules: NamingRules = CURRENT_NAMING_RULES,
): TemplateProblem[] {
  // Fleet files repeat a handful of templates: memoize (results are copied out, so callers may mutate them).
  const key = `${rules.version}\u0000${provisioningType ?? ''}\u0000${fleetSize ?? ''}\u0000${template}`;
  let cached = checkCache.get(key);
  if (!cached) {
    cached = templateProblems(
      template,
      provisioningType,
      fleetSize ?? DEFAULT_FLEET_SIZE,
      rules,
      MAX_TEMPLATE_PROBLEMS,
    );
    if (checkCache.size >= CHECK_CACHE_SIZE) checkCache.clear();
    checkCache.set(key, cached);
  }
  return cached.length === 0 ? [] : cached.map((p) => ({ ...p }));
}

const CHECK_CACHE_SIZE = 512;
const checkCache = new Map<string, TemplateProblem[]>();

/**
 * The user part of a name: the UPN's local part with characters outside [A-Za-z0-9-] removed, then
 * its first x characters (⚠ Graph says "first x characters of the user name"; the removal order is our choice: docs/service-facts.md "Naming template").
 */
export function userNamePart(userPrincipalName: string, length: number): string {
  const at = userPrincipalName.indexOf('@');
  const local = at < 0 ? userPrincipalName : userPrincipalName.slice(0, at);
  return local.replace(/[^A-Za-z0-9-]/g, '').slice(0, length);
}

/** A template parsed once, ready to expand for many users (same output as expandNamingTemplate). */
export type CompiledNamingTemplate = (userPrincipalName: string, random: () => number) => string;

/**
 * Parses `template` once and returns an expander: literals are merged, and `random` is called once per
 * %RAND% character, in order, exactly as expandNamingTemplate does (seeded names stay reproducible).
 */
export function compileNamingTemplate(
  template: string,
  rules: NamingRules = CURRENT_NAMING_RULES,
): CompiledNamingTemplate {
  const alphabet = rules.randomAlphabet;
  const last = alphabet.length - 1;
  // Pieces: a string is fixed text; a positive number is a %USERNAME:x% length; a negative one a %RAND:y% count.
  const pieces: (string | number)[] = [];
  for (const t of parseNamingTemplate(template).tokens) {
    if (t.kind === 'literal') {
      const prev = pieces.length - 1;
      if (prev >= 0 && typeof pieces[prev] === 'string') pieces[prev] += t.text;
      else pieces.push(t.text);
    } else if (t.kind === 'username') pieces.push(t.length);
    else if (t.length > 0) pieces.push(-t.length);
  }
  return (userPrincipalName, random) => {
    // Collected then joined: one flat string, not a cons-string chain (the simulator keeps 100k of them).
    const parts: string[] = [];
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (typeof piece === 'string') parts.push(piece);
      else if (piece >= 0) parts.push(userNamePart(userPrincipalName, piece));
      else
        for (let i = piece; i < 0; i++) parts.push(alphabet[Math.min(last, Math.floor(random() * alphabet.length))]!);
    }
    return parts.join('');
  };
}

/** Expands a template for one user; malformed tokens stay as written so the preview shows them. */
export function expandNamingTemplate(
  template: string,
  userPrincipalName: string,
  random: () => number,
  rules: NamingRules = CURRENT_NAMING_RULES,
): string {
  return compileNamingTemplate(template, rules)(userPrincipalName, random);
}
