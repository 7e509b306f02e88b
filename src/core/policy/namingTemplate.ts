// Cloud PC naming templates (`cloudPcNamingTemplate`, docs/service-facts.md "Naming template"): parse the %USERNAME:x% and
// %RAND:y% tokens, check them against a versioned rule table, expand names, estimate collisions.
import { COLLISION_WARNING_THRESHOLD, CURRENT_NAMING_RULES, DEFAULT_FLEET_SIZE } from './namingRules';
import type { NamingRules } from './namingRules';
import { RULES } from './ruleCodes';

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

export interface TemplateProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
  severity: 'error' | 'warning';
}

export interface ParsedTemplate {
  tokens: TemplateToken[];
  problems: TemplateProblem[];
}

const TOKEN_KINDS: Record<string, 'username' | 'rand'> = { USERNAME: 'username', RAND: 'rand' };

/** What may sit between two % and still be read as a token attempt; anything else is a stray %. */
const TOKEN_SHAPE = /^([A-Za-z]*)(?::(.*))?$/;

function problem(code: string, message: string, offset: number, length: number, severity: 'error' | 'warning' = 'error'): TemplateProblem {
  return { code, message, offset, length, severity };
}

/** A template reports at most this many problems; the last one says how many more there are (linear work on any input). */
export const MAX_TEMPLATE_PROBLEMS = 20;

/** Problems of one kind, left to right: the first `limit` kept, the rest only counted. */
class ProblemList {
  readonly kept: TemplateProblem[] = [];
  more = 0;
  constructor(private readonly limit: number) {}
  get full(): boolean {
    return this.kept.length >= this.limit;
  }
  /** `make` runs only while there is room, so a 1 MB template of errors builds 20 messages, not 300,000. */
  add(make: () => TemplateProblem): void {
    if (this.full) this.more++;
    else this.kept.push(make());
  }
}

/** Tokenizes a template. Token names are matched case-insensitively (the docs write them upper case; CPC411 warns). */
export function parseNamingTemplate(template: string, maxProblems = Infinity): ParsedTemplate & { moreProblems: number } {
  const tokens: TemplateToken[] = [];
  const problems = new ProblemList(maxProblems);
  let literalStart = 0;
  const flushLiteral = (end: number): void => {
    if (end > literalStart) tokens.push({ kind: 'literal', text: template.slice(literalStart, end), length: end - literalStart, offset: literalStart });
  };
  let i = 0;
  while (i < template.length) {
    if (template.charCodeAt(i) !== 37 /* % */) {
      i++;
      continue;
    }
    const close = template.indexOf('%', i + 1);
    if (close < 0) {
      flushLiteral(i);
      const at = i;
      problems.add(() => problem(RULES.unclosedToken.code, `The token starting here is not closed: end it with %, e.g. %RAND:5%.`, at, template.length - at));
      tokens.push({ kind: 'literal', text: template.slice(i), length: template.length - i, offset: i, malformed: true });
      literalStart = i = template.length;
      break;
    }
    const shape = TOKEN_SHAPE.exec(template.slice(i + 1, close));
    if (!shape || (shape[1] === '' && shape[2] === undefined && close > i + 1)) {
      // A stray % in fixed text (e.g. "50%-%RAND:5%"): leave it to the literal check (CPC405).
      i++;
      continue;
    }
    flushLiteral(i);
    tokens.push(readToken(template, i, close, shape, problems));
    literalStart = i = close + 1;
  }
  flushLiteral(template.length);
  return { tokens, problems: problems.kept, moreProblems: problems.more };
}

function readToken(template: string, start: number, close: number, shape: RegExpExecArray, problems: ProblemList): TemplateToken {
  const raw = template.slice(start, close + 1);
  const malformed: TemplateToken = { kind: 'literal', text: raw, length: raw.length, offset: start, malformed: true };
  const name = shape[1] ?? '';
  const kind = TOKEN_KINDS[name.toUpperCase()];
  if (!kind) {
    problems.add(() => {
      const hint = closestTokenName(name);
      const message = name === '' ? `Empty token ${raw}: use %USERNAME:x% or %RAND:y%.` : `Unknown token %${name}%: use ${hint ? `%${hint}:n%` : '%USERNAME:x% or %RAND:y%'}.`;
      return problem(RULES.unknownToken.code, message, start, raw.length);
    });
    return malformed;
  }
  const upper = name.toUpperCase();
  if (name !== upper) {
    problems.add(() => problem(RULES.tokenCase.code, `Write the token in upper case as the service documents it: %${upper}%.`, start + 1, name.length, 'warning'));
  }
  const arg = shape[2];
  const example = kind === 'rand' ? '%RAND:5%' : '%USERNAME:4%';
  if (arg === undefined || arg === '') {
    problems.add(() => problem(RULES.badTokenLength.code, `%${upper}% needs a length: write ${example}.`, start, raw.length));
    return malformed;
  }
  const n = /^\d{1,3}$/.test(arg) ? Number(arg) : NaN;
  if (!(n >= 1)) {
    problems.add(() => problem(RULES.badTokenLength.code, `The length of %${upper}:${arg}% must be a whole number from 1 to 15, e.g. ${example}.`, start + 2 + name.length, arg.length));
    return malformed;
  }
  return { kind, text: raw, length: n, offset: start };
}

function closestTokenName(name: string): string | undefined {
  const u = name.toUpperCase();
  if (u.length === 0) return undefined;
  if ('USERNAME'.startsWith(u) || u.startsWith('USER') || u === 'UPN' || u === 'NAME') return 'USERNAME';
  if ('RANDOM'.startsWith(u) || u.startsWith('RAN') || u === 'RND') return 'RAND';
  return undefined;
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
export function collisionProbability(template: string, fleetSize: number, rules: NamingRules = CURRENT_NAMING_RULES): number {
  const randChars = parseNamingTemplate(template).tokens.reduce((sum, t) => sum + (t.kind === 'rand' ? t.length : 0), 0);
  return collisionOdds(randChars, fleetSize, rules.randomAlphabet.length);
}

function collisionOdds(randChars: number, fleetSize: number, alphabetSize: number): number {
  if (fleetSize < 2) return 0;
  const space = Math.pow(alphabetSize, randChars);
  return -Math.expm1((-fleetSize * (fleetSize - 1)) / (2 * space));
}

/**
 * Checks a template against a rule set (current rules by default). `provisioningType` enables the
 * %USERNAME% rule; `fleetSize` (default 1000) sizes the collision warning.
 */
export function checkNamingTemplate(template: string, provisioningType?: string, fleetSize?: number, rules: NamingRules = CURRENT_NAMING_RULES): TemplateProblem[] {
  // Fleet files repeat a handful of templates: memoize (results are copied out, so callers may mutate them).
  const key = `${rules.version}\u0000${provisioningType ?? ''}\u0000${fleetSize ?? ''}\u0000${template}`;
  let cached = checkCache.get(key);
  if (!cached) {
    cached = computeProblems(template, provisioningType, fleetSize, rules);
    if (checkCache.size >= CHECK_CACHE_SIZE) checkCache.clear();
    checkCache.set(key, cached);
  }
  return cached.length === 0 ? [] : cached.map((p) => ({ ...p }));
}

const CHECK_CACHE_SIZE = 512;
const checkCache = new Map<string, TemplateProblem[]>();

function computeProblems(template: string, provisioningType: string | undefined, fleetSize: number | undefined, rules: NamingRules): TemplateProblem[] {
  const limit = MAX_TEMPLATE_PROBLEMS;
  const parsed = parseNamingTemplate(template, limit);
  const tokens = parsed.tokens;
  const lists = [literalProblems(tokens, rules, limit), tokenRuleProblems(tokens, provisioningType, rules, limit)];
  let more = parsed.moreProblems + lists.reduce((n, l) => n + l.more, 0);
  const problems = [...parsed.problems, ...lists.flatMap((l) => l.kept)];
  const parsedCleanly = !parsed.problems.some((p) => p.severity === 'error') && parsed.moreProblems === 0;
  if (parsedCleanly) problems.push(...lengthProblems(template, tokens, rules));
  if (parsedCleanly && !problems.some((p) => p.severity === 'error')) problems.push(...collisionProblems(tokens, fleetSize ?? DEFAULT_FLEET_SIZE, rules));
  // Each list kept its leftmost problems, so the leftmost `limit` of their union are the template's first `limit`.
  problems.sort((a, b) => a.offset - b.offset);
  more += Math.max(0, problems.length - limit);
  const shown = problems.slice(0, limit);
  const last = shown[shown.length - 1];
  if (more > 0 && last) last.message += ` (… and ${more} more in this template)`;
  return shown;
}

function literalProblems(tokens: readonly TemplateToken[], rules: NamingRules, limit: number): ProblemList {
  const out = new ProblemList(limit);
  let fixed = 0;
  let reportedFixed = false;
  for (const t of tokens) {
    if (t.kind !== 'literal' || t.malformed) continue;
    const before = fixed;
    fixed += t.length;
    // CPC406 sits where the limit is passed: added in text order with the bad runs, so the cap keeps the leftmost (docs/rules.md).
    let tooLongFrom = -1;
    if (!reportedFixed && fixed > rules.maxFixedChars) {
      reportedFixed = true;
      tooLongFrom = Math.max(0, rules.maxFixedChars - before);
    }
    const addTooLong = (from: number): void =>
      out.add(() => problem(RULES.fixedTextTooLong.code, `At most ${rules.maxFixedChars} fixed characters are allowed (rules ${rules.version}); this template has ${totalFixed(tokens)}: shorten the fixed text.`, t.offset + from, t.length - from));
    const runs = rules.literalPattern.test(t.text) ? [] : badRuns(t.text, rules.literalPattern);
    for (const run of runs) {
      if (tooLongFrom >= 0 && tooLongFrom <= run.start) {
        addTooLong(tooLongFrom);
        tooLongFrom = -1;
      }
      out.add(() => {
        const bad = t.text.slice(run.start, run.end);
        return problem(RULES.literalChars.code, `${describeChars(bad)} cannot be part of a Cloud PC name: use only ${rules.literalWording}.`, t.offset + run.start, run.end - run.start);
      });
    }
    if (tooLongFrom >= 0) addTooLong(tooLongFrom);
  }
  return out;
}

function totalFixed(tokens: readonly TemplateToken[]): number {
  return tokens.reduce((sum, t) => sum + (t.kind === 'literal' && !t.malformed ? t.length : 0), 0);
}

/** Maximal runs of characters that fail a single-character test of `pattern`. */
function badRuns(text: string, pattern: RegExp): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ok = i === text.length || pattern.test(text[i]!);
    if (!ok && start < 0) start = i;
    if (ok && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

function describeChars(bad: string): string {
  if (/^ +$/.test(bad)) return bad.length === 1 ? 'A space' : 'Spaces';
  if (/^_+$/.test(bad)) return 'An underscore';
  return `'${bad}'`;
}

function tokenRuleProblems(tokens: readonly TemplateToken[], provisioningType: string | undefined, rules: NamingRules, limit: number): ProblemList {
  const out = new ProblemList(limit);
  const rands = tokens.filter((t) => t.kind === 'rand');
  if (rules.randRequired && rands.length === 0 && !tokens.some((t) => t.malformed)) {
    out.add(() => problem(RULES.randMissing.code, `Add a %RAND:y% token with y ≥ ${rules.minRandLength}: names must carry a random part (rules ${rules.version}).`, 0, tokensEnd(tokens)));
  }
  const usernameRefused = provisioningType !== undefined && rules.usernameAllowedFor !== undefined && !rules.usernameAllowedFor.includes(provisioningType);
  // One pass in text order, so the kept problems are the leftmost ones.
  for (const t of tokens) {
    if (t.kind === 'rand' && t.length < rules.minRandLength) {
      out.add(() => problem(RULES.randTooShort.code, `%RAND:${t.length}% is too short: use at least %RAND:${rules.minRandLength}% (rules ${rules.version}).`, t.offset, t.text.length));
    }
    if (t.kind === 'username' && usernameRefused) {
      out.add(() => problem(RULES.usernameNotAllowed.code, `%USERNAME:x% is only allowed for Enterprise and Frontline dedicated policies (dedicated, sharedByUser), not '${provisioningType}': remove it or use %RAND:y%.`, t.offset, t.text.length));
    }
  }
  return out;
}

function tokensEnd(tokens: readonly TemplateToken[]): number {
  const last = tokens[tokens.length - 1];
  return last ? last.offset + last.text.length : 0;
}

function lengthProblems(template: string, tokens: readonly TemplateToken[], rules: NamingRules): TemplateProblem[] {
  const { min, max } = rangeOfTokens(tokens);
  const span = template.length;
  const bounds = rules.minLength === rules.maxLength ? `exactly ${rules.maxLength}` : `${rules.minLength}–${rules.maxLength}`;
  if (max > rules.maxLength) {
    return [problem(RULES.nameLength.code, `Names can reach ${max} characters; they must be ${bounds} (rules ${rules.version}): shorten the fixed text or a token length.`, 0, span)];
  }
  if (min < rules.minLength) {
    const what = min === max ? `Names have ${min} characters` : `Names can be as short as ${min} characters`;
    return [problem(RULES.nameLength.code, `${what}; they must be ${bounds} (rules ${rules.version}): lengthen the fixed text or %RAND:y%.`, 0, span)];
  }
  return [];
}

function collisionProblems(tokens: readonly TemplateToken[], fleetSize: number, rules: NamingRules): TemplateProblem[] {
  const rands = tokens.filter((t) => t.kind === 'rand');
  if (rands.length === 0) return [];
  const randChars = rands.reduce((s, t) => s + t.length, 0);
  const odds = collisionOdds(randChars, fleetSize, rules.randomAlphabet.length);
  if (odds <= COLLISION_WARNING_THRESHOLD) return [];
  const first = rands[0]!;
  const pct = odds >= 0.995 ? '≈100' : (odds * 100).toFixed(odds < 0.1 ? 1 : 0);
  return [
    problem(
      RULES.collisionOdds.code,
      `With ${fleetSize} Cloud PCs there is a ${pct}% chance two draw the same ${randChars}-character random part (${rules.randomAlphabet.length}-character alphabet): lengthen %RAND:y%.`,
      first.offset,
      first.text.length,
      'warning',
    ),
  ];
}

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
export function compileNamingTemplate(template: string, rules: NamingRules = CURRENT_NAMING_RULES): CompiledNamingTemplate {
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
      else for (let i = piece; i < 0; i++) parts.push(alphabet[Math.min(last, Math.floor(random() * alphabet.length))]!);
    }
    return parts.join('');
  };
}

/** Expands a template for one user; malformed tokens stay as written so the preview shows them. */
export function expandNamingTemplate(template: string, userPrincipalName: string, random: () => number, rules: NamingRules = CURRENT_NAMING_RULES): string {
  return compileNamingTemplate(template, rules)(userPrincipalName, random);
}
