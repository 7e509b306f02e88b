// Duplicate property names (CPC104, docs/rules.md: JSON keeps the last one). Strict JSON text is walked
// through the locator's containers, so the fast path needs no jsonc-parser tree (docs/architecture.md "The policy engine").
import type { Finding, TextSpan } from './finding';
import { entryOf } from './locator';
import type { Container, DocLocator } from './locator';
import { RULES } from './ruleCodes';

/** Findings up to a limit; `more` counts those past it (never built: docs/rules.md "Bounds"). */
export type CappedFindings = Finding[] & { more?: number };

/** The warning on a key that appears again later in its object; `removal` deletes it with its separating comma. */
export function duplicateKeyFinding(key: string, span: TextSpan, removal: TextSpan): Finding {
  return {
    code: RULES.duplicateKey.code,
    severity: 'warning',
    message: `'${key}' appears again later in this object and only the last one counts: remove this one.`,
    range: { offset: span.offset, length: span.length },
    tags: ['unnecessary'],
    fixes: [{ title: `Remove this '${key}'`, edits: [{ ...removal, newText: '' }], isPreferred: true }],
  };
}

/**
 * Duplicate keys of every object, visited in the order jsonc-parser's tree gives (so the first `limit`
 * are the same either way); each container's keys are read once from the text, and entries are built only
 * for the duplicates described, so the walk is linear in the text and a key repeated 50,000 times builds 1,000.
 */
export function scannedDuplicateKeyFindings(loc: DocLocator, limit = Infinity): CappedFindings {
  const findings: CappedFindings = [];
  let more = 0;
  const text = loc.text;
  const root = loc.value([]);
  const stack: number[] = root ? [root.offset] : [];
  while (stack.length > 0) {
    const c = loc.containerAtOffset(stack.pop()!);
    if (!c) continue;
    const keys: string[] = [];
    const visit = (key: string | undefined, valueOffset: number): void => {
      if (key !== undefined) keys.push(key);
      const open = text.charCodeAt(valueOffset);
      if (open === 123 || open === 91) stack.push(valueOffset);
    };
    if (c.eachMember) c.eachMember(visit);
    else for (const e of c.entries) visit(e.keyText, e.value.offset);
    if (c.kind !== 'object') continue;
    const last = new Map<string, number>();
    keys.forEach((k, i) => last.set(k, i));
    if (last.size === keys.length) continue;
    keys.forEach((k, i) => {
      if (last.get(k) === i) return;
      if (findings.length >= limit) more++;
      else findings.push(duplicateKeyFinding(k, entryOf(c, i)!.key!, removalOf(c, i)));
    });
  }
  if (more > 0) findings.more = more;
  return findings;
}

/** The entry with the separator after it (or, for the last one, before it), as jsonc-parser's property spans give. */
function removalOf(c: Container, i: number): TextSpan {
  const e = entryOf(c, i)!;
  const start = e.key?.offset ?? e.value.offset;
  const end = e.value.offset + e.value.length;
  const next = entryOf(c, i + 1);
  if (next) return { offset: start, length: (next.key?.offset ?? next.value.offset) - start };
  const prev = entryOf(c, i - 1);
  if (prev)
    return { offset: prev.value.offset + prev.value.length, length: end - (prev.value.offset + prev.value.length) };
  return { offset: start, length: end - start };
}
