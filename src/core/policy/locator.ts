// Finds the text span of a JSON path, built lazily and only when there is a finding to place
// (docs/architecture.md "The policy engine": no tree when nothing to report). Two sources: a scanner over text that is known to be
// strict JSON once comments are blanked (fast path), or a jsonc-parser tree (text with syntax errors).
import type { Node } from 'jsonc-parser';
import type { JsonPath, TextSpan } from './finding';
import { skipString } from './textScan';

export interface Entry {
  /** Key span including quotes; absent for array elements. */
  key?: TextSpan;
  keyText?: string;
  value: TextSpan;
}

export interface Container {
  kind: 'object' | 'array';
  span: TextSpan;
  entries: Entry[];
  /** Key → index of its last entry, built on the first lookup in a big object (hostile files have 100,000 keys). */
  keyIndex?: Map<string, number>;
  /** Entry `i` without reading the ones after it (a scanned container reads lazily). */
  entryAt?(i: number): Entry | undefined;
  /** Index of `key`, reading only as far as it (keys known to be unique, so the first is the last), or -1. */
  findKey?(key: string): number;
  /** Each member's key and where its value starts, without building entries. */
  eachMember?(visit: (keyText: string | undefined, valueOffset: number) => void): void;
}

type ContainerAt = (offset: number) => Container | undefined;

export class DocLocator {
  private readonly memo = new Map<number, Container | undefined>();

  constructor(
    readonly text: string,
    private readonly rootOffset: number,
    private readonly build: ContainerAt,
    /** The root's extent when the source already knows it (a tree); the scanner measures it. */
    private readonly knownRootSpan?: TextSpan,
  ) {}

  /** The object or array that starts at `offset` (read once, then remembered). */
  containerAtOffset(offset: number): Container | undefined {
    if (!this.memo.has(offset)) this.memo.set(offset, this.build(offset));
    return this.memo.get(offset);
  }

  /** The entry (key + value) at `path`; the last segment names the member or element. */
  entry(path: JsonPath): Entry | undefined {
    if (path.length === 0) return undefined;
    const parent = this.container(path.slice(0, -1));
    return parent ? entryOf(parent, indexIn(parent, path[path.length - 1]!)) : undefined;
  }

  /** Span of the value at `path`; the root value for []. */
  value(path: JsonPath): TextSpan | undefined {
    if (path.length === 0) return this.rootOffset < 0 ? undefined : this.rootSpan();
    return this.entry(path)?.value;
  }

  /** Span of the key at `path`, or of the value for array elements. */
  key(path: JsonPath): TextSpan | undefined {
    const e = this.entry(path);
    return e ? (e.key ?? e.value) : undefined;
  }

  /** Key start to value end. */
  member(path: JsonPath): TextSpan | undefined {
    const e = this.entry(path);
    if (!e) return undefined;
    const start = e.key?.offset ?? e.value.offset;
    return { offset: start, length: e.value.offset + e.value.length - start };
  }

  /** The container (object or array) whose value is at `path`. */
  container(path: JsonPath): Container | undefined {
    if (this.rootOffset < 0) return undefined;
    let c = this.containerAtOffset(this.rootOffset);
    for (const seg of path) {
      if (!c) return undefined;
      const e = entryOf(c, indexIn(c, seg));
      c = e ? this.containerAtOffset(e.value.offset) : undefined;
    }
    return c;
  }

  /** What to delete to remove the member or element at `path`, with its separating comma. */
  removal(path: JsonPath): TextSpan | undefined {
    if (path.length === 0) return undefined;
    const parent = this.container(path.slice(0, -1));
    if (!parent) return undefined;
    const i = indexIn(parent, path[path.length - 1]!);
    const e = entryOf(parent, i);
    if (!e) return undefined;
    const start = e.key?.offset ?? e.value.offset;
    const end = e.value.offset + e.value.length;
    const next = entryOf(parent, i + 1);
    if (next) return { offset: start, length: (next.key?.offset ?? next.value.offset) - start };
    const prev = entryOf(parent, i - 1);
    if (prev) {
      const prevEnd = prev.value.offset + prev.value.length;
      return { offset: prevEnd, length: end - prevEnd };
    }
    return { offset: start, length: end - start };
  }

  private rootSpan(): TextSpan {
    const c = this.containerAtOffset(this.rootOffset);
    if (c) return c.span;
    // A tree reads raw text, where a comment may touch a scalar ("1/* x */"): trust its extent.
    if (this.knownRootSpan) return this.knownRootSpan;
    // Containers were answered above; what is left is a string, number or literal at the root.
    const end =
      this.text.charCodeAt(this.rootOffset) === 34
        ? skipString(this.text, this.rootOffset)
        : skipScalar(this.text, this.rootOffset);
    return { offset: this.rootOffset, length: end - this.rootOffset };
  }
}

export function entryOf(c: Container, i: number): Entry | undefined {
  if (i < 0) return undefined;
  return c.entryAt ? c.entryAt(i) : c.entries[i];
}

/** Objects up to this many entries are searched; bigger ones get a key index (one pass, then O(1) per finding). */
const SEARCHED_OBJECT = 32;

/** Index of the entry `seg` names in `c`, or -1. */
function indexIn(c: Container, seg: string | number): number {
  if (c.kind === 'array') {
    const i = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : -1;
    return i >= 0 && entryOf(c, i) ? i : -1;
  }
  const key = String(seg);
  if (c.findKey) return c.findKey(key);
  // Last one wins, as JSON.parse and jsonc-parser's getNodeValue do.
  if (c.entries.length <= SEARCHED_OBJECT) {
    for (let i = c.entries.length - 1; i >= 0; i--) if (c.entries[i]!.keyText === key) return i;
    return -1;
  }
  if (!c.keyIndex) {
    c.keyIndex = new Map();
    c.entries.forEach((e, i) => c.keyIndex!.set(e.keyText!, i));
  }
  return c.keyIndex.get(key) ?? -1;
}

// ---- scanner over strict JSON (comments already blanked) ----

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset of the bracket closing the one at `open`, or -1, from the scan's bracket index. */
type CloseOf = (open: number) => number;
type MemberVisit = (
  keyText: string | undefined,
  valueStart: number,
  valueEnd: number,
  keyStart: number,
  keyEnd: number,
) => void;

/** Offset just past the JSON value starting at `i`; a container ends at its close from the index. */
function skipValue(text: string, i: number, closeOf: CloseOf): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 123 || c === 91) {
    const close = closeOf(i);
    return close < 0 ? text.length : close + 1;
  }
  return skipScalar(text, i);
}

/** Offset just past a number or literal (true, false, null) starting at `i`. */
function skipScalar(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
    j++;
  }
  return j;
}

function scanContainer(text: string, start: number, closeOf: CloseOf, uniqueKeys: boolean): Container | undefined {
  const open = text.charCodeAt(start);
  if (open !== 123 && open !== 91) return undefined;
  const c = new ScannedContainer(text, start, closeOf);
  return uniqueKeys && c.kind === 'object' ? new UniqueKeyContainer(c) : c;
}

/**
 * A container of strict JSON whose entries are read only as far as asked: placing a finding in policy 5
 * of a fleet of 300,000 reads 6 entries, not 300,000. Its extent comes from the bracket index.
 */
class ScannedContainer implements Container {
  readonly kind: 'object' | 'array';
  readonly span: TextSpan;
  keyIndex?: Map<string, number>;
  private readonly read: Entry[] = [];
  /** Where the next entry starts; -1 once the closing bracket is reached. */
  private next: number;
  private readonly close: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly closeOf: CloseOf,
  ) {
    this.kind = text.charCodeAt(start) === 123 ? 'object' : 'array';
    this.close = this.kind === 'object' ? 125 : 93;
    const end = skipValue(text, start, closeOf);
    this.span = { offset: start, length: end - start };
    this.next = skipSpace(text, start + 1);
  }

  get entries(): Entry[] {
    while (this.next >= 0) this.readOne();
    return this.read;
  }

  entryAt(i: number): Entry | undefined {
    while (this.read.length <= i && this.next >= 0) this.readOne();
    return this.read[i];
  }

  /** Each member's key and where its value starts, read from the text without keeping entries (a duplicate-key walk reads 50,000 keys once). */
  eachMember(visit: (keyText: string | undefined, valueOffset: number) => void): void {
    if (this.next < 0) for (const e of this.read) visit(e.keyText, e.value.offset);
    else for (let i = skipSpace(this.text, this.span.offset + 1); i >= 0;) i = this.member(i, visit);
  }

  private readOne(): void {
    this.next = this.member(this.next, (keyText, valueStart, valueEnd, keyStart, keyEnd) => {
      const key = keyStart < 0 ? undefined : { offset: keyStart, length: keyEnd - keyStart };
      this.read.push({ key, keyText, value: { offset: valueStart, length: valueEnd - valueStart } });
    });
  }

  /** Reads the member at `i` and hands it to `visit`; where the next one starts, -1 at the end or on text that is not a member. */
  private member(i: number, visit: MemberVisit): number {
    const text = this.text;
    if (i < 0 || i >= text.length || text.charCodeAt(i) === this.close) return -1;
    let keyText: string | undefined;
    let keyStart = -1;
    let keyEnd = -1;
    if (this.kind === 'object') {
      if (text.charCodeAt(i) !== 34) return -1;
      keyStart = i;
      keyEnd = skipString(text, i);
      keyText = decodeKey(text.slice(i, keyEnd));
      i = skipSpace(text, keyEnd);
      if (text.charCodeAt(i) !== 58) return -1;
      i = skipSpace(text, i + 1);
    }
    const end = skipValue(text, i, this.closeOf);
    if (end === i) return -1;
    visit(keyText, i, end, keyStart, keyEnd);
    i = skipSpace(text, end);
    return text.charCodeAt(i) === 44 ? skipSpace(text, i + 1) : i;
  }
}

/**
 * An object whose keys are known to be unique (the text parsed to as many keys as it has colons): a key is
 * found by reading up to it, so placing the first unknown keys of a 100,000-key object reads only those.
 */
class UniqueKeyContainer implements Container {
  readonly kind = 'object';
  readonly span: TextSpan;
  /** Key → index of the entries read so far. */
  private readonly index = new Map<string, number>();

  constructor(private readonly scanned: ScannedContainer) {
    this.span = scanned.span;
  }

  get entries(): Entry[] {
    return this.scanned.entries;
  }

  entryAt(i: number): Entry | undefined {
    return this.scanned.entryAt(i);
  }

  findKey(key: string): number {
    const known = this.index.get(key);
    if (known !== undefined) return known;
    for (let i = this.index.size; ; i++) {
      const e = this.scanned.entryAt(i);
      if (!e) return -1;
      this.index.set(e.keyText!, i);
      if (e.keyText === key) return i;
    }
  }
}

function decodeKey(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Brackets paired by the scan that produced the strict text (textScan.scanJsonc). */
export interface BracketIndex {
  opens: ArrayLike<number>;
  closes: ArrayLike<number>;
}

/**
 * Locator over strict JSON text (offsets identical to the original when comments were blanked). With
 * the scan's bracket index, skipping a sibling is a lookup instead of a scan: placing a finding in
 * policy 500 of a fleet never reads the 499 before it. `uniqueKeys`: no object repeats a key (the validator's
 * fast path counted them), so a key lookup stops at the first match.
 */
export function scannerLocator(strictText: string, brackets: BracketIndex, uniqueKeys = false): DocLocator {
  const root = skipSpace(strictText, 0);
  const closeOf = (open: number): number => closeIn(brackets, open);
  return new DocLocator(strictText, root < strictText.length ? root : -1, (offset) =>
    scanContainer(strictText, offset, closeOf, uniqueKeys),
  );
}

function closeIn({ opens, closes }: BracketIndex, open: number): number {
  let lo = 0;
  let hi = opens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = opens[mid]!;
    if (at === open) return closes[mid]!;
    if (at < open) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// ---- jsonc-parser tree ----

/** Locator over a jsonc-parser tree (used when the text has syntax errors). */
export function treeLocator(text: string, root: Node | undefined): DocLocator {
  const nodes = new Map<number, Node>();
  if (root) nodes.set(root.offset, root);
  const build = (offset: number): Container | undefined => {
    const node = nodes.get(offset);
    if (!node || (node.type !== 'object' && node.type !== 'array')) return undefined;
    const entries: Entry[] = [];
    for (const child of node.children ?? []) {
      if (node.type === 'object') {
        const [k, v] = child.children ?? [];
        if (!k || !v) continue;
        nodes.set(v.offset, v);
        entries.push({
          key: { offset: k.offset, length: k.length },
          keyText: String(k.value),
          value: { offset: v.offset, length: v.length },
        });
      } else {
        nodes.set(child.offset, child);
        entries.push({ value: { offset: child.offset, length: child.length } });
      }
    }
    return { kind: node.type, span: { offset: node.offset, length: node.length }, entries };
  };
  return new DocLocator(
    text,
    root ? root.offset : -1,
    build,
    root ? { offset: root.offset, length: root.length } : undefined,
  );
}
