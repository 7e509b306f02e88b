// What is wrong with a Cloud PC naming template under one rule set (docs/rules.md "Naming template", CPC403–CPC411),
// found in the one pass of the scan: a 1 MB template builds at most the problems it shows (docs/rules.md "Bounds").
import { COLLISION_WARNING_THRESHOLD } from './namingRules';
import type { NamingRules } from './namingRules';
import { RULES } from './ruleCodes';
import { problem, ProblemList, scanNamingTemplate, shortened } from './namingTemplateScan';
import type { TemplateProblem, TemplateVisitor } from './namingTemplateScan';

/** The template's first `limit` problems by offset; the last one says how many more there are. */
export function templateProblems(
  template: string,
  provisioningType: string | undefined,
  fleetSize: number,
  rules: NamingRules,
  limit: number,
): TemplateProblem[] {
  const parsed = new ProblemList(limit);
  const checks = new TemplateChecks(template, provisioningType, rules, limit);
  scanNamingTemplate(template, parsed, checks);
  checks.finish();
  let more = parsed.more + checks.literals.more + checks.tokenRules.more;
  const problems = [...parsed.kept, ...checks.literals.kept, ...checks.tokenRules.kept];
  const parsedCleanly = !parsed.kept.some((p) => p.severity === 'error') && parsed.more === 0;
  if (parsedCleanly) problems.push(...lengthProblems(template, checks, rules));
  if (parsedCleanly && !problems.some((p) => p.severity === 'error'))
    problems.push(...collisionProblems(checks, fleetSize, rules));
  // Each list kept its leftmost problems, so the leftmost `limit` of their union are the template's first `limit`.
  problems.sort((a, b) => a.offset - b.offset);
  more += Math.max(0, problems.length - limit);
  const shown = problems.slice(0, limit);
  const last = shown[shown.length - 1];
  if (more > 0 && last) last.message += ` (… and ${more} more in this template)`;
  return shown;
}

/** Birthday bound 1 − e^(−N(N−1)/2K) with K = alphabet^randChars: the odds two of `fleetSize` draws collide. */
export function collisionOdds(randChars: number, fleetSize: number, alphabetSize: number): number {
  if (fleetSize < 2) return 0;
  const space = Math.pow(alphabetSize, randChars);
  return -Math.expm1((-fleetSize * (fleetSize - 1)) / (2 * space));
}

/** The scan's listener: the fixed-text and token rules as each piece passes, and the sums the length rules need. */
class TemplateChecks implements TemplateVisitor {
  /** CPC405 bad characters and CPC406 too much fixed text, in text order. */
  readonly literals: ProblemList;
  /** CPC404 missing or CPC407 short %RAND%, CPC409 %USERNAME% where it is not allowed. */
  readonly tokenRules: ProblemList;
  /** Shortest and longest name (a %USERNAME:x% gives 1..x characters). */
  min = 0;
  max = 0;
  randChars = 0;
  firstRand: { offset: number; length: number } | undefined;
  private fixed = 0;
  private tooLong: TemplateProblem | undefined;
  private reportedTooLong = false;
  private anyMalformed = false;
  private end = 0;
  private readonly usernameRefused: boolean;
  private readonly allowed: Uint8Array;

  constructor(
    private readonly template: string,
    private readonly provisioningType: string | undefined,
    private readonly rules: NamingRules,
    limit: number,
  ) {
    this.literals = new ProblemList(limit);
    this.tokenRules = new ProblemList(limit);
    this.usernameRefused =
      provisioningType !== undefined &&
      rules.usernameAllowedFor !== undefined &&
      !rules.usernameAllowedFor.includes(provisioningType);
    this.allowed = asciiAllowed(rules.literalPattern);
  }

  literal(start: number, end: number): void {
    const before = this.fixed;
    this.fixed += end - start;
    this.min += end - start;
    this.max += end - start;
    this.end = end;
    // CPC406 sits where the limit is passed: added in text order with the bad runs, so the cap keeps the leftmost (docs/rules.md).
    let tooLongAt = -1;
    if (!this.reportedTooLong && this.fixed > this.rules.maxFixedChars) {
      this.reportedTooLong = true;
      tooLongAt = start + Math.max(0, this.rules.maxFixedChars - before);
    }
    let runStart = -1;
    for (let i = start; i <= end; i++) {
      const ok = i === end || this.isAllowed(i);
      if (!ok && runStart < 0) runStart = i;
      if (ok && runStart >= 0) {
        if (tooLongAt >= 0 && tooLongAt <= runStart) {
          this.addTooLong(tooLongAt, end);
          tooLongAt = -1;
        }
        this.addBadRun(runStart, i);
        runStart = -1;
      }
    }
    if (tooLongAt >= 0) this.addTooLong(tooLongAt, end);
  }

  token(kind: 'username' | 'rand', start: number, end: number, length: number): void {
    this.end = end;
    this.max += length;
    this.min += kind === 'username' ? Math.min(1, length) : length;
    if (kind === 'rand') {
      this.randChars += length;
      this.firstRand ??= { offset: start, length: end - start };
      if (length < this.rules.minRandLength) {
        this.tokenRules.add(() =>
          problem(
            RULES.randTooShort.code,
            `%RAND:${length}% is too short: use at least %RAND:${this.rules.minRandLength}% (${this.rules.label}).`,
            start,
            end - start,
          ),
        );
      }
    } else if (this.usernameRefused) {
      this.tokenRules.add(() =>
        problem(
          RULES.usernameNotAllowed.code,
          `%USERNAME:x% is only allowed for Enterprise and Frontline dedicated policies (dedicated, sharedByUser), not '${this.provisioningType}': remove it or use %RAND:y%.`,
          start,
          end - start,
        ),
      );
    }
  }

  malformed(start: number, end: number): void {
    this.anyMalformed = true;
    this.min += end - start;
    this.max += end - start;
    this.end = end;
  }

  /** After the scan: the problems that need the whole template (the total of fixed text, whether any %RAND% came). */
  finish(): void {
    if (this.tooLong)
      this.tooLong.message = `At most ${this.rules.maxFixedChars} fixed characters are allowed (${this.rules.label}); this template has ${this.fixed}: shorten the fixed text.`;
    if (this.rules.randRequired && this.firstRand === undefined && !this.anyMalformed) {
      // First in its list, as if found before the tokens; past the cap, templateProblems drops the rightmost.
      this.tokenRules.kept.unshift(
        problem(
          RULES.randMissing.code,
          `Add a %RAND:y% token with y ≥ ${this.rules.minRandLength}: names must carry a random part (${this.rules.label}).`,
          0,
          this.end,
        ),
      );
    }
  }

  private isAllowed(i: number): boolean {
    const c = this.template.charCodeAt(i);
    return c < 128 ? this.allowed[c] === 1 : this.rules.literalPattern.test(this.template[i]!);
  }

  private addTooLong(from: number, end: number): void {
    if (!this.literals.room()) return;
    // The message names the template's total fixed text, known once the scan ends (finish).
    this.tooLong = problem(RULES.fixedTextTooLong.code, '', from, end - from);
    this.literals.kept.push(this.tooLong);
  }

  private addBadRun(start: number, end: number): void {
    if (!this.literals.room()) return;
    const bad = this.template.slice(start, end);
    this.literals.kept.push(
      problem(
        RULES.literalChars.code,
        `${describeChars(bad)} cannot be part of a Cloud PC name: use only ${this.rules.literalWording}.`,
        start,
        end - start,
      ),
    );
  }
}

/** Which ASCII characters `pattern` (a whole-text character class) allows, tested once per rule set. */
function asciiAllowed(pattern: RegExp): Uint8Array {
  let table = allowedTables.get(pattern);
  if (!table) {
    table = new Uint8Array(128);
    for (let c = 0; c < 128; c++) table[c] = pattern.test(String.fromCharCode(c)) ? 1 : 0;
    allowedTables.set(pattern, table);
  }
  return table;
}

const allowedTables = new WeakMap<RegExp, Uint8Array>();

function describeChars(bad: string): string {
  if (/^ +$/.test(bad)) return bad.length === 1 ? 'A space' : 'Spaces';
  if (/^_+$/.test(bad)) return 'An underscore';
  return `'${shortened(bad)}'`;
}

function lengthProblems(template: string, range: { min: number; max: number }, rules: NamingRules): TemplateProblem[] {
  const { min, max } = range;
  const span = template.length;
  const bounds =
    rules.minLength === rules.maxLength ? `exactly ${rules.maxLength}` : `${rules.minLength}–${rules.maxLength}`;
  if (max > rules.maxLength) {
    return [
      problem(
        RULES.nameLength.code,
        `Names can reach ${max} characters; they must be ${bounds} (${rules.label}): shorten the fixed text or a token length.`,
        0,
        span,
      ),
    ];
  }
  if (min < rules.minLength) {
    const what = min === max ? `Names have ${min} characters` : `Names can be as short as ${min} characters`;
    return [
      problem(
        RULES.nameLength.code,
        `${what}; they must be ${bounds} (${rules.label}): lengthen the fixed text or %RAND:y%.`,
        0,
        span,
      ),
    ];
  }
  return [];
}

function collisionProblems(checks: TemplateChecks, fleetSize: number, rules: NamingRules): TemplateProblem[] {
  const first = checks.firstRand;
  if (!first) return [];
  const odds = collisionOdds(checks.randChars, fleetSize, rules.randomAlphabet.length);
  if (odds <= COLLISION_WARNING_THRESHOLD) return [];
  const pct = odds >= 0.995 ? '≈100' : (odds * 100).toFixed(odds < 0.1 ? 1 : 0);
  return [
    problem(
      RULES.collisionOdds.code,
      `With ${fleetSize} Cloud PCs there is a ${pct}% chance two draw the same ${checks.randChars}-character random part (${rules.randomAlphabet.length}-character alphabet): lengthen %RAND:y%.`,
      first.offset,
      first.length,
      'warning',
    ),
  ];
}
