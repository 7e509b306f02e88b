// Header names are case-insensitive (RFC 9110 §5.1): RestRequest and RestResponse carry them in lower case.

/** Any header shape a caller holds: a fetch Headers, name/value pairs, or a plain (Node-style) record. */
export type HeaderSource =
  | Headers
  | readonly (readonly [string, string])[]
  | string[][]
  | Readonly<Record<string, string | number | readonly string[] | undefined>>
  | undefined;

/** The headers with lower-case names; a repeated header's values are joined with ", " (RFC 9110 §5.3). */
export function lowerCaseHeaders(headers: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers)
    headers.forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
  else if (Array.isArray(headers))
    for (const [name, value] of headers as readonly (readonly string[])[]) {
      if (name !== undefined && value !== undefined) out[name.toLowerCase()] = value;
    }
  else {
    for (const [name, value] of Object.entries(
      headers as Readonly<Record<string, string | number | readonly string[] | undefined>>,
    )) {
      if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return out;
}
