// Word search as Graph's `$search` on a directory object's displayName does it: the name is split into words
// (spaces and symbols), and each word of the query matches the start of some word of the name, case-insensitive.
// docs/tenant-editor.md "Groups" names the Learn page ("Use the $search query parameter").

/** The words of a name or a query, lower-cased. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\-_.@,;:/\\()[\]"'|]+/)
    .filter(Boolean);
}

/** True when every word of `query` starts a word of `value` (an empty query matches everything). */
export function matchesEveryWord(value: string, query: string): boolean {
  const words = searchWords(value);
  return searchWords(query).every((q) => words.some((w) => w.startsWith(q)));
}
