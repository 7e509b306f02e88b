// Reads a Cloud PC naming template once, left to right (docs/service-facts.md "Naming template"): the %USERNAME:x%
// and %RAND:y% tokens, the fixed text between them, and the attempts that fail. Nothing is built per token, so
// a 1 MB template of 300,000 bad tokens costs one pass (docs/rules.md "Bounds").
import { RULES } from './ruleCodes';

export interface TemplateProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
  severity: 'error' | 'warning';
}

export function problem(
  code: string,
  message: string,
  offset: number,
  length: number,
  severity: 'error' | 'warning' = 'error',
): TemplateProblem {
  return { code, message, offset, length, severity };
}

/** Problems of one kind, left to right: the first `limit` kept, the rest only counted. */
export class ProblemList {
  readonly kept: TemplateProblem[] = [];
  more = 0;
  constructor(readonly limit: number) {}
  get full(): boolean {
    return this.kept.length >= this.limit;
  }
  /** True while a problem would be kept; when full, counts it instead, so callers build no message past the cap. */
  room(): boolean {
    if (this.kept.length < this.limit) return true;
    this.more++;
    return false;
  }
  /** `make` runs only while there is room, so a 1 MB template of errors builds 20 messages, not 300,000. */
  add(make: () => TemplateProblem): void {
    if (this.room()) this.kept.push(make());
  }
}

/** What a scan reports, in text order; offsets are into the template, `end` is exclusive. */
export interface TemplateVisitor {
  /** Fixed text (stray % included: the literal check reports it). */
  literal(start: number, end: number): void;
  /** A token of a known kind with a valid length. */
  token(kind: 'username' | 'rand', start: number, end: number, length: number): void;
  /** Text that tried to be a token and failed; the scan reported its problem. */
  malformed(start: number, end: number): void;
}

/** Reads `template` once, telling `visit` each piece and `problems` what is wrong with each token attempt. */
export function scanNamingTemplate(template: string, problems: ProblemList, visit: TemplateVisitor): void {
  let literalStart = 0;
  let i = template.indexOf('%');
  while (i >= 0) {
    const close = template.indexOf('%', i + 1);
    if (close < 0) {
      if (i > literalStart) visit.literal(literalStart, i);
      const at = i;
      problems.add(() =>
        problem(
          RULES.unclosedToken.code,
          `The token starting here is not closed: end it with %, e.g. %RAND:5%.`,
          at,
          template.length - at,
        ),
      );
      visit.malformed(i, template.length);
      return;
    }
    const nameEnd = tokenNameEnd(template, i, close);
    if (nameEnd < 0) {
      // A stray % in fixed text (e.g. "50%-%RAND:5%"): leave it to the literal check (CPC405).
      i = template.indexOf('%', i + 1);
      continue;
    }
    if (i > literalStart) visit.literal(literalStart, i);
    readToken(template, i, nameEnd, close, problems, visit);
    literalStart = close + 1;
    i = template.indexOf('%', literalStart);
  }
  if (template.length > literalStart) visit.literal(literalStart, template.length);
}

/**
 * Where the letters after the % at `open` end, when what follows them up to `close` reads as a token attempt
 * (letters, then nothing or ':' and an argument on one line); -1 for a stray %.
 */
function tokenNameEnd(template: string, open: number, close: number): number {
  let j = open + 1;
  while (j < close && isAsciiLetter(template.charCodeAt(j))) j++;
  if (j === close) return j;
  if (template.charCodeAt(j) !== 58 /* : */) return -1;
  for (let k = j + 1; k < close; k++) if (isLineBreak(template.charCodeAt(k))) return -1;
  return j;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** One token attempt from the % at `start` to the % at `close`: its problems, then what it is. */
function readToken(
  template: string,
  start: number,
  nameEnd: number,
  close: number,
  problems: ProblemList,
  visit: TemplateVisitor,
): void {
  const end = close + 1;
  const kind = tokenKind(template, start + 1, nameEnd);
  if (!kind) {
    if (problems.room()) problems.kept.push(unknownTokenProblem(template, start, nameEnd, end));
    visit.malformed(start, end);
    return;
  }
  const upper = kind === 'rand' ? 'RAND' : 'USERNAME';
  if (!isUpperCase(template, start + 1, nameEnd)) {
    problems.add(() =>
      problem(
        RULES.tokenCase.code,
        `Write the token in upper case as the service documents it: %${upper}%.`,
        start + 1,
        nameEnd - start - 1,
        'warning',
      ),
    );
  }
  const example = kind === 'rand' ? '%RAND:5%' : '%USERNAME:4%';
  if (nameEnd === close || nameEnd + 1 === close) {
    problems.add(() =>
      problem(RULES.badTokenLength.code, `%${upper}% needs a length: write ${example}.`, start, end - start),
    );
    visit.malformed(start, end);
    return;
  }
  const n = tokenLength(template, nameEnd + 1, close);
  if (!(n >= 1)) {
    problems.add(() => {
      const arg = template.slice(nameEnd + 1, close);
      return problem(
        RULES.badTokenLength.code,
        `The length of %${upper}:${shortened(arg)}% must be a whole number from 1 to 15, e.g. ${example}.`,
        nameEnd + 1,
        arg.length,
      );
    });
    visit.malformed(start, end);
    return;
  }
  visit.token(kind, start, end, n);
}

/** Token names are matched case-insensitively (the docs write them upper case; CPC411 warns). */
function tokenKind(template: string, from: number, to: number): 'username' | 'rand' | undefined {
  if (sameLetters(template, from, to, 'RAND')) return 'rand';
  if (sameLetters(template, from, to, 'USERNAME')) return 'username';
  return undefined;
}

/** Whether template[from, to) is `upper` in any letter case (ASCII letters only reach here). */
function sameLetters(template: string, from: number, to: number, upper: string): boolean {
  if (to - from !== upper.length) return false;
  for (let k = 0; k < upper.length; k++)
    if ((template.charCodeAt(from + k) & ~32) !== upper.charCodeAt(k)) return false;
  return true;
}

function isUpperCase(template: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (template.charCodeAt(k) > 90) return false;
  return true;
}

/** A length of one to three digits; NaN otherwise. */
function tokenLength(template: string, from: number, to: number): number {
  if (to - from > 3) return NaN;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = template.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Text quoted in a message, cut to a readable length: a 1 MB argument must not make a 1 MB diagnostic. */
export function shortened(text: string): string {
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}…`;
}

const MAX_QUOTED = 40;

function unknownTokenProblem(template: string, start: number, nameEnd: number, end: number): TemplateProblem {
  const name = template.slice(start + 1, nameEnd);
  const raw = template.slice(start, end);
  const hint = closestTokenName(name);
  const message =
    name === ''
      ? `Empty token ${shortened(raw)}: use %USERNAME:x% or %RAND:y%.`
      : `Unknown token %${shortened(name)}%: use ${hint ? `%${hint}:n%` : '%USERNAME:x% or %RAND:y%'}.`;
  return problem(RULES.unknownToken.code, message, start, raw.length);
}

function closestTokenName(name: string): string | undefined {
  const u = name.toUpperCase();
  if (u.length === 0) return undefined;
  if ('USERNAME'.startsWith(u) || u.startsWith('USER') || u === 'UPN' || u === 'NAME') return 'USERNAME';
  if ('RANDOM'.startsWith(u) || u.startsWith('RAN') || u === 'RND') return 'RAND';
  return undefined;
}
