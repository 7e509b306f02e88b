// cloudPcNamingTemplate problems as findings placed inside the string, with fixes (docs/rules.md "Naming template").
import { isKnownProvisioningType } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import { replaceValueFix } from './hit';
import type { FixBuilder, Hit } from './hit';
import { asArray, asObject, effectiveProvisioningType } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { DEFAULT_FLEET_SIZE, CURRENT_NAMING_RULES } from './namingRules';
import { fitNameLength } from './namingLengthFix';
import { checkNamingTemplate, nameLengthRange, parseNamingTemplate } from './namingTemplate';
import type { TemplateProblem, TemplateToken } from './namingTemplate';
import { ALL_RULES, RULES } from './ruleCodes';

/** Expected fleet size: the Frontline allotments when given, else the default (collision odds, CPC410). */
export function expectedFleetSize(policy: JsonObject): number {
  let total = 0;
  for (const a of asArray(policy['assignments']) ?? []) {
    const n = asObject(asObject(a)?.['target'])?.['allotmentLicensesCount'];
    if (typeof n === 'number' && n > 0) total += n;
  }
  return total > 0 ? total : DEFAULT_FLEET_SIZE;
}

export function namingHits(policy: JsonObject, base: JsonPath, partial: boolean, fleetSize?: number): Hit[] {
  const template = policy['cloudPcNamingTemplate'];
  if (typeof template !== 'string') return [];
  const path = [...base, 'cloudPcNamingTemplate'];
  // An unknown provisioningType is CPC203's business; the %USERNAME% rule only judges known types.
  const type = namingProvisioningType(effectiveProvisioningType(policy, partial));
  const tokens = lazyTokens(template);
  return checkNamingTemplate(template, type, fleetSize ?? expectedFleetSize(policy)).map((p) => ({
    rule: ALL_RULES.find((r) => r.code === p.code) ?? RULES.nameLength,
    severity: p.severity,
    message: p.message,
    path,
    part: 'value',
    inString: { offset: p.offset, length: p.length },
    fixes: template.length <= MAX_FIXABLE_TEMPLATE ? templateFixes(template, p, path, tokens) : [],
  }));
}

/**
 * Each fix rewrites the whole template: past this length (a name has at most 15 characters) the fixes
 * would copy a huge string per finding, so such a template gets findings without fixes.
 */
export const MAX_FIXABLE_TEMPLATE = 1000;

/** The template's tokens, parsed once for all of its fixes and only if a fix needs them. */
function lazyTokens(template: string): () => readonly TemplateToken[] {
  let tokens: readonly TemplateToken[] | undefined;
  return () => (tokens ??= parseNamingTemplate(template).tokens);
}

/** provisioningType for the naming rules: unknown values (and the unknownFutureValue sentinel) as unknown. */
export function namingProvisioningType(type: string | undefined): string | undefined {
  return type !== undefined && isKnownProvisioningType(type) ? type : undefined;
}

function splice(template: string, offset: number, length: number, text: string): string {
  return template.slice(0, offset) + text + template.slice(offset + length);
}

/** The token that covers `offset`, for fixes that rewrite a whole token (tokens are in text order: binary search). */
function tokenAt(tokens: readonly TemplateToken[], offset: number): TemplateToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.offset) hi = mid - 1;
    else if (offset >= t.offset + t.text.length) lo = mid + 1;
    else return t.kind !== 'literal' || t.malformed === true ? t : undefined;
  }
  return undefined;
}

/** CPC404: the nearest template whose names fit, its text in the title so the admin sees what they get. */
function nameLengthFix(
  template: string,
  tokens: readonly TemplateToken[],
  fix: (title: string, next: string) => FixBuilder[],
): FixBuilder[] {
  const rules = CURRENT_NAMING_RULES;
  const next = fitNameLength(tokens, rules);
  if (next === undefined) return [];
  return nameLengthRange(template).max > rules.maxLength
    ? fix(`Shorten names to ${rules.maxLength} characters at most: ${next}`, next)
    : fix(`Lengthen names to ${rules.minLength} characters at least: ${next}`, next);
}

function templateFixes(
  template: string,
  p: TemplateProblem,
  path: JsonPath,
  tokens: () => readonly TemplateToken[],
): FixBuilder[] {
  const fix = (title: string, next: string): FixBuilder[] =>
    next !== template ? [replaceValueFix(title, path, next)] : [];
  const token = tokenAt(tokens(), p.offset);
  const min = CURRENT_NAMING_RULES.minRandLength;
  switch (p.code) {
    case RULES.tokenCase.code:
      return fix(
        'Write the token in upper case',
        splice(template, p.offset, p.length, template.slice(p.offset, p.offset + p.length).toUpperCase()),
      );
    case RULES.badTokenLength.code:
    case RULES.randTooShort.code: {
      if (!token) return [];
      const isUser = /^%username/i.test(token.text);
      const replacement = isUser ? '%USERNAME:4%' : `%RAND:${min}%`;
      return fix(`Use ${replacement}`, splice(template, token.offset, token.text.length, replacement));
    }
    case RULES.unknownToken.code: {
      const guess = /%(USERNAME|RAND):n%/.exec(p.message)?.[1];
      if (!token || !guess) return [];
      const replacement = guess === 'RAND' ? `%RAND:${min}%` : '%USERNAME:4%';
      return fix(`Use ${replacement}`, splice(template, token.offset, token.text.length, replacement));
    }
    case RULES.literalChars.code:
      return fix('Remove the characters', splice(template, p.offset, p.length, ''));
    case RULES.usernameNotAllowed.code:
      return token ? fix('Remove %USERNAME%', splice(template, token.offset, token.text.length, '')) : [];
    case RULES.randMissing.code:
      return fix(`Add -%RAND:${min}%`, `${template}-%RAND:${min}%`);
    case RULES.unclosedToken.code:
      return fix('Close the token with %', `${template}%`);
    case RULES.nameLength.code:
      return nameLengthFix(template, tokens(), fix);
    default:
      return [];
  }
}
