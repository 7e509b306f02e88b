// Small readers over parsed JSON values (unknown in, typed or undefined out).

export type JsonObject = Record<string, unknown>;

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function asObject(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asArray(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function has(o: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Present and not null. */
export function isSet(o: JsonObject | undefined, key: string): boolean {
  return o !== undefined && has(o, key) && o[key] !== null && o[key] !== undefined;
}

/**
 * provisioningType as the rules should see it: the default `dedicated` when absent (docs/rules.md
 * "Provisioning types"), unknown (undefined) in a PATCH body where it is absent because it cannot change.
 */
export function effectiveProvisioningType(policy: JsonObject, partial: boolean): string | undefined {
  const t = policy['provisioningType'];
  if (typeof t === 'string') return t;
  if (t === undefined && partial) return undefined;
  return t === null || t === undefined ? 'dedicated' : undefined;
}
