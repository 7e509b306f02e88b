// The CPC404 fix (docs/rules.md "Naming template"): the nearest template whose names all fit the length
// bounds, changing token lengths before fixed text, since the prefix is what admins choose names by.
import type { NamingRules } from './namingRules';
import type { TemplateToken } from './namingTemplate';

/** A piece of the template and the length it will have in the fixed template. */
interface Piece {
  token: TemplateToken;
  length: number;
}

/**
 * The template with token lengths (then, if need be, the end of the fixed text) changed so that names have
 * min..max characters within the rules' bounds; undefined when no such change exists (no %RAND% to lengthen).
 */
export function fitNameLength(tokens: readonly TemplateToken[], rules: NamingRules): string | undefined {
  if (tokens.some((t) => t.malformed)) return undefined;
  const pieces: Piece[] = tokens.map((token) => ({ token, length: token.length }));
  const range = (): { min: number; max: number } => lengthRange(pieces);
  if (range().min < rules.minLength) {
    // Too short: a longer random part adds characters to every name (and makes collisions rarer).
    const rand = pieces.find((p) => p.token.kind === 'rand');
    if (!rand) return undefined;
    rand.length = Math.max(rand.length, rules.minRandLength);
    rand.length += Math.max(0, rules.minLength - range().min);
  }
  // Too long: shorter user-name parts first (they only cap names), then random parts down to the minimum.
  shrink(pieces, 'username', 1, () => range().max - rules.maxLength);
  shrink(pieces, 'rand', rules.minRandLength, () =>
    Math.min(range().max - rules.maxLength, range().min - rules.minLength),
  );
  shrinkFixedText(pieces, () => Math.min(range().max - rules.maxLength, range().min - rules.minLength));
  const { min, max } = range();
  if (min < rules.minLength || max > rules.maxLength) return undefined;
  return pieces.map(written).join('');
}

function lengthRange(pieces: readonly Piece[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const p of pieces) {
    max += p.length;
    min += p.token.kind === 'username' ? Math.min(1, p.length) : p.length;
  }
  return { min, max };
}

/** Shortens the tokens of `kind`, rightmost first, down to `floor` each, while `excess()` is above 0. */
function shrink(pieces: Piece[], kind: 'username' | 'rand', floor: number, excess: () => number): void {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    if (p.token.kind !== kind || p.length <= floor) continue;
    p.length -= Math.max(0, Math.min(excess(), p.length - floor));
  }
}

/** Drops characters from the end of the fixed text, rightmost run first, while `excess()` is above 0. */
function shrinkFixedText(pieces: Piece[], excess: () => number): void {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    if (p.token.kind !== 'literal') continue;
    p.length -= Math.max(0, Math.min(excess(), p.length));
  }
}

/** A piece as text: unchanged pieces as written, a changed token in the documented upper case. */
function written(p: Piece): string {
  const { token } = p;
  if (token.kind === 'literal') return token.text.slice(0, p.length);
  if (p.length === token.length) return token.text;
  return token.kind === 'rand' ? `%RAND:${p.length}%` : `%USERNAME:${p.length}%`;
}
