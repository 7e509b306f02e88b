// Checks on values taken from request bodies before any handler reads them: no key may name a member of
// Object.prototype (`__proto__`, `hasOwnProperty`, `valueOf`, …: no Graph resource has such a property,
// and a lookup table keyed by property name would find the prototype's function), and percent-escapes
// in references must decode. Both answer 400 in the envelope, never 500.
import { errorText } from '../../model/errorText';

/** The first key, at any depth, that names an Object.prototype member; undefined if none. Iterative: bodies nest deep. */
export function prototypeKeyIn(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length) {
    const v = pending.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      pending.push(...v);
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      if (k in Object.prototype) return k;
      pending.push(child);
    }
  }
  return undefined;
}

/** decodeURIComponent, or undefined for a malformed escape (e.g. `%E0%A4%A`). */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export type ParsedBody =
  { ok: true; value: Record<string, unknown> } | { ok: false; notJson?: string; prototypeKey?: string };

/** A request body as a JSON object: not JSON, not an object, or a prototype key each say so. */
export function parseBodyObject(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, notJson: errorText(err) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false };
  const prototypeKey = prototypeKeyIn(value);
  return prototypeKey === undefined
    ? { ok: true, value: value as Record<string, unknown> }
    : { ok: false, prototypeKey };
}
