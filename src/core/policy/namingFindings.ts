// cloudPcNamingTemplate problems as findings placed inside the string, with fixes (docs/rules.md "Naming template").
import { isKnownProvisioningType } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import { replaceValueFix } from './hit';
import type { FixBuilder, Hit } from './hit';
import { asArray, asObject, effectiveProvisioningType } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { DEFAULT_FLEET_SIZE, CURRENT_NAMING_RULES } from './namingRules';
import { checkNamingTemplate, parseNamingTemplate } from './namingTemplate';
import type { TemplateProblem } from './namingTemplate';
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
  return checkNamingTemplate(template, type, fleetSize ?? expectedFleetSize(policy)).map((p) => ({
    rule: ALL_RULES.find((r) => r.code === p.code) ?? RULES.nameLength,
    severity: p.severity,
    message: p.message,
    path,
    part: 'value',
    inString: { offset: p.offset, length: p.length },
    fixes: templateFixes(template, p, path),
  }));
}

/** provisioningType for the naming rules: unknown values (and the unknownFutureValue sentinel) as unknown. */
export function namingProvisioningType(type: string | undefined): string | undefined {
  return type !== undefined && isKnownProvisioningType(type) ? type : undefined;
}

function splice(template: string, offset: number, length: number, text: string): string {
  return template.slice(0, offset) + text + template.slice(offset + length);
}

/** The token that covers `offset`, for fixes that rewrite a whole token. */
function tokenAt(template: string, offset: number): { offset: number; text: string } | undefined {
  return parseNamingTemplate(template).tokens.find((t) => (t.kind !== 'literal' || t.malformed === true) && offset >= t.offset && offset < t.offset + t.text.length);
}

function templateFixes(template: string, p: TemplateProblem, path: JsonPath): FixBuilder[] {
  const fix = (title: string, next: string): FixBuilder[] => (next !== template ? [replaceValueFix(title, path, next)] : []);
  const token = tokenAt(template, p.offset);
  const min = CURRENT_NAMING_RULES.minRandLength;
  switch (p.code) {
    case RULES.tokenCase.code:
      return fix('Write the token in upper case', splice(template, p.offset, p.length, template.slice(p.offset, p.offset + p.length).toUpperCase()));
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
    default:
      return [];
  }
}
