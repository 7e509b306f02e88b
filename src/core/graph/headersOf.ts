// Normalises the SDK's fetch headers (object, Headers or pairs) into lower-case names, as RestRequest wants.
import type { FetchOptions } from '@microsoft/microsoft-graph-client';

export function lowerCaseHeaders(headers: FetchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((value, name) => { out[name.toLowerCase()] = value; });
  else if (Array.isArray(headers)) for (const [name, value] of headers) out[name.toLowerCase()] = value;
  else for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = String(value);
  return out;
}
