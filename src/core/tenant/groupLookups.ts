// Which groups one file may have looked up in the tenant: each lookup is two Graph reads (the group and its
// members), so a file naming 100,000 group ids must not send 200,000 requests from the editor, the command line
// or the agent. The first MAX_GROUP_LOOKUPS distinct ids are looked up; the tenant checks say which were not
// (CPC509, docs/tenant-editor.md "Never in the way of typing").

export const MAX_GROUP_LOOKUPS = 200;

const GROUP_ID = /"groupId"\s*:\s*"([^"\\]{1,100})"/g;

/** The first MAX_GROUP_LOOKUPS distinct group ids the text names, lower-cased, in the order they appear. */
export function groupIdsToLookUp(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(GROUP_ID)) {
    ids.add(m[1]!.toLowerCase());
    if (ids.size >= MAX_GROUP_LOOKUPS) break;
  }
  return [...ids];
}
