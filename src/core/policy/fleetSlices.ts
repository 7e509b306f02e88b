// A fleet file ({ "policies": [...] }) can hold hundreds of policies (an export is ~1 MB). Hover,
// completion and the name preview look at one place, so they read only the policy around it: one
// text scan (milliseconds) instead of a full tree of the file (tens of milliseconds, more than a frame).
import type { TextSpan } from './finding';
import { scannerLocator } from './locator';
import { scanJsonc, skipString } from './textScan';

export interface PolicySlice extends TextSpan {
  /** Index in the policies array. */
  index: number;
  /** The policy's own text (an object, comments included), offsets relative to `offset`. */
  text: string;
}

/** Below this a whole-document parse is already well under a frame; slicing would only add a scan. */
export const SLICE_FROM_BYTES = 32 * 1024;

let lastText: string | undefined;
let lastSlices: PolicySlice[] | undefined;

/**
 * The policies of a large fleet document as slices in text order, or undefined when the text is small,
 * not a fleet, or its brackets do not pair up (half-typed text): callers then read the whole document.
 */
export function fleetPolicySlices(text: string): PolicySlice[] | undefined {
  if (text.length < SLICE_FROM_BYTES) return undefined;
  // Hover, inlay hints and completion ask about the same text in a row: keep the last answer.
  if (text === lastText) return lastSlices;
  lastText = text;
  lastSlices = computeSlices(text);
  return lastSlices;
}

function computeSlices(text: string): PolicySlice[] | undefined {
  const scan = scanJsonc(text);
  if (!scan.balanced || scan.opens.length === 0 || !stringsEndOnTheirLine(scan.strict)) return undefined;
  const loc = scannerLocator(scan.strict, scan);
  const root = loc.container([]);
  if (root?.kind !== 'object') return undefined;
  const list = loc.container(['policies']);
  if (list?.kind !== 'array') return undefined;
  const slices: PolicySlice[] = [];
  list.entries.forEach((e, index) => {
    const { offset, length } = e.value;
    if (text.charCodeAt(offset) === 123)
      slices.push({ index, offset, length, text: text.slice(offset, offset + length) });
  });
  return slices;
}

/**
 * A JSON string never holds a raw line break. While a closing quote is missing (half-typed text), the
 * quotes after it pair up wrongly; a `//` inside a real string (a URL) can then be taken for a comment and
 * bring them back in step with brackets that still pair, so slices would merge policies. Such text always
 * has a "string" running over a line end: read it whole instead. Comments are already blanked in `strict`.
 * A pass of its own, not a flag of scanJsonc: the validator's scan runs on every keystroke and needs none.
 */
function stringsEndOnTheirLine(strict: string): boolean {
  // The next LF and CR at or after the current string, each found once per line (linear overall).
  let lf = -1;
  let cr = strict.indexOf('\r') >= 0 ? -1 : Infinity;
  for (let open = strict.indexOf('"'); open >= 0;) {
    const end = skipString(strict, open);
    if (lf !== Infinity && lf < open) lf = orInfinity(strict.indexOf('\n', open));
    if (cr !== Infinity && cr < open) cr = orInfinity(strict.indexOf('\r', open));
    if (lf < end || cr < end) return false;
    open = strict.indexOf('"', end);
  }
  return true;
}

function orInfinity(index: number): number {
  return index < 0 ? Infinity : index;
}

/** The policy whose braces enclose `offset` (strictly inside: on a brace the fleet's own context applies). */
export function sliceAt(slices: readonly PolicySlice[], offset: number): PolicySlice | undefined {
  let lo = 0;
  let hi = slices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = slices[mid]!;
    if (offset <= s.offset) hi = mid - 1;
    else if (offset >= s.offset + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The slices that overlap `range` (inlay hints are asked for the visible lines only). */
export function slicesIn(slices: readonly PolicySlice[], range: TextSpan): PolicySlice[] {
  return slices.filter((s) => s.offset < range.offset + range.length && s.offset + s.length > range.offset);
}

/** A span found in a slice, moved to document offsets. */
export function shifted<T extends TextSpan>(span: T, slice: PolicySlice): T {
  return { ...span, offset: span.offset + slice.offset };
}

/** The policy slice around `offset` in a large fleet document, if any. */
export function policySliceAt(text: string, offset: number): PolicySlice | undefined {
  const slices = fleetPolicySlices(text);
  return slices ? sliceAt(slices, offset) : undefined;
}
