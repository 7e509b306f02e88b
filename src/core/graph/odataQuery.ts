// Query strings built by us, encoded once: the SDK splits on '&' and '=' and would mangle raw values.

export type QueryValue = string | number | boolean | undefined;

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    // Keep '$' readable in keys ($filter, $top) as Graph documents them; encode every value fully.
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** An OData string literal: single quotes doubled (match names exactly with eq: docs/service-facts.md "Endpoints and paging"). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A $search clause `"property:term"`; quotes and backslashes in the term are escaped. */
export function searchClause(property: string, term: string): string {
  return `"${property}:${term.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Every word anywhere in `property`: one clause per word, joined by AND ("help desk" finds "W365 Help Desk"
 * and "Desk help"); Graph's directory `$search` matches each clause against the start of a word of the value.
 */
export function everyWordClause(property: string, text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => searchClause(property, word))
    .join(' AND ');
}

/** A path segment with an id the caller gave us: encoded so `/`, `?` or `#` can't change the route. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
