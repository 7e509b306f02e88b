// A rule's raw result, placed by JSON path: the text position (and the fix edits) are resolved only
// when a hit exists, so a clean document never needs a tree (docs/architecture.md "The policy engine": performance levers).
import type { Fix, JsonPath, Severity, TextEdit, TextSpan } from './finding';
import type { DocLocator } from './locator';
import type { RuleInfo } from './ruleCodes';

export interface Hit {
  rule: RuleInfo;
  severity: Severity;
  message: string;
  path: JsonPath;
  /** Which part of the member at `path` the range covers ('start': the first character of the value). */
  part: 'key' | 'value' | 'member' | 'start';
  /** A span inside a string value's content (naming template offsets), mapped when the string has no escapes. */
  inString?: TextSpan;
  tags?: ('deprecated' | 'unnecessary')[];
  fixes?: FixBuilder[];
}

/** Builds a fix once the hit has a place in the text; undefined when the text does not allow it. */
export type FixBuilder = (loc: DocLocator) => Fix | undefined;

export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Removes the member or element at `path`. */
export function removeFix(title: string, path: JsonPath, isPreferred = true): FixBuilder {
  return (loc) => {
    const span = loc.removal(path);
    return span ? { title, edits: [{ ...span, newText: '' }], isPreferred } : undefined;
  };
}

/** Replaces the value at `path` with `newValue` (JSON-encoded). */
export function replaceValueFix(title: string, path: JsonPath, newValue: unknown, isPreferred = true): FixBuilder {
  return (loc) => {
    const span = loc.value(path);
    return span ? { title, edits: [{ ...span, newText: json(newValue) }], isPreferred } : undefined;
  };
}

/** Renames the key at `path`. */
export function renameKeyFix(title: string, path: JsonPath, newKey: string, isPreferred = true): FixBuilder {
  return (loc) => {
    const span = loc.entry(path)?.key;
    return span ? { title, edits: [{ ...span, newText: json(newKey) }], isPreferred } : undefined;
  };
}

/** Replaces the whole member at `path` (key and value) with `newMember` text, e.g. `"a": 1`. */
export function replaceMemberFix(
  title: string,
  path: JsonPath,
  newMember: (loc: DocLocator) => string | undefined,
  isPreferred = true,
): FixBuilder {
  return (loc) => {
    const span = loc.member(path);
    const text = span && newMember(loc);
    return span && text !== undefined ? { title, edits: [{ ...span, newText: text }], isPreferred } : undefined;
  };
}

/** Edit that adds `"key": valueText` as the last member of the object at `objectPath`. */
export function insertMemberEdit(
  loc: DocLocator,
  objectPath: JsonPath,
  key: string,
  valueText: string,
): TextEdit | undefined {
  const c = loc.container(objectPath);
  if (!c || c.kind !== 'object') return undefined;
  const last = c.entries[c.entries.length - 1];
  if (last)
    return { offset: last.value.offset + last.value.length, length: 0, newText: `, ${json(key)}: ${valueText}` };
  return { offset: c.span.offset + 1, length: 0, newText: ` ${json(key)}: ${valueText} ` };
}

/** Edit that appends `elementText` to the array at `arrayPath`. */
export function appendElementEdit(loc: DocLocator, arrayPath: JsonPath, elementText: string): TextEdit | undefined {
  const c = loc.container(arrayPath);
  if (!c || c.kind !== 'array') return undefined;
  const last = c.entries[c.entries.length - 1];
  if (last) return { offset: last.value.offset + last.value.length, length: 0, newText: `, ${elementText}` };
  return { offset: c.span.offset + 1, length: 0, newText: elementText };
}

export function insertMemberFix(
  title: string,
  objectPath: JsonPath,
  key: string,
  valueText: string,
  isPreferred = true,
): FixBuilder {
  return (loc) => {
    const edit = insertMemberEdit(loc, objectPath, key, valueText);
    return edit ? { title, edits: [edit], isPreferred } : undefined;
  };
}

/** Original text of the value at `path`. */
export function valueText(loc: DocLocator, path: JsonPath): string | undefined {
  const span = loc.value(path);
  return span ? loc.text.slice(span.offset, span.offset + span.length) : undefined;
}
