// A hostile object of 100,000 unknown keys: Ajv would build one error per key (generated code cannot stop
// inside one object), yet a document reports at most 1000 findings (docs/rules.md "Bounds"). Such an object
// is checked with its known keys and only as many unknown ones as the cap can show.
import type { JsonObject } from './jsonValue';
import { resolve } from './schemaModel';
import type { SchemaNode } from './schemaNavigator';

/** Objects with more keys than this are trimmed: far above the 40-odd properties a policy has. */
export const WIDE_OBJECT = 2000;

/** Keys of the wide objects the parser already listed: listing 100,000 keys costs as much as parsing them. */
const listed = new WeakMap<object, string[]>();

/** Remembers the keys of a wide object listed while parsing, so the schema check does not list them again. */
export function rememberKeys(o: object, keys: string[]): void {
  if (keys.length > WIDE_OBJECT) listed.set(o, keys);
}

export interface Narrowed {
  value: JsonObject;
  /** Unknown keys left out: each would have been one more error (CPC202). */
  dropped: number;
}

/**
 * The object with its known keys and its first `keep` unknown ones, in their order, when the schema admits
 * no other keys and the object is wide; the object itself otherwise. The schema errors of the result are
 * those of the object minus the unknown-key errors of the keys left out, in the same order.
 */
export function narrowForSchema(obj: JsonObject, schema: SchemaNode, keep: number): Narrowed {
  const remembered = listed.get(obj);
  // Counted, not listed: every policy of a fleet passes here, and listing its keys was one array each.
  if (!remembered && !wider(obj, WIDE_OBJECT)) return { value: obj, dropped: 0 };
  const keys = remembered ?? Object.keys(obj);
  if (keys.length <= WIDE_OBJECT) return { value: obj, dropped: 0 };
  const s = resolve(schema);
  const known = s?.properties;
  if (!known || s.additionalProperties !== false) return { value: obj, dropped: 0 };
  const out: JsonObject = {};
  let unknown = 0;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(known, key) && unknown++ >= keep) continue;
    // A "__proto__" key is data, as JSON.parse made it, not the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: obj[key], enumerable: true, writable: true, configurable: true });
    else out[key] = obj[key];
  }
  return { value: out, dropped: Math.max(0, unknown - keep) };
}

/** More than `limit` own keys, found without listing them. */
function wider(obj: JsonObject, limit: number): boolean {
  let n = 0;
  for (const key in obj) if (Object.prototype.hasOwnProperty.call(obj, key) && ++n > limit) return true;
  return false;
}
