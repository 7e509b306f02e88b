// Duplicate property names (CPC104, docs/rules.md: JSON keeps the last one). Strict JSON text is walked
// through the locator's containers, so the fast path needs no jsonc-parser tree (docs/architecture.md "The policy engine").
import type { Finding, TextSpan } from './finding';
import type { DocLocator, Entry } from './locator';
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
 * are the same either way); each container's entries are read once, so the walk is linear in the text.
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
    const entries = c.entries;
    if (c.kind === 'object') {
      const last = new Map<string, number>();
      entries.forEach((e, i) => last.set(e.keyText!, i));
      if (last.size < entries.length) {
        entries.forEach((e, i) => {
          if (last.get(e.keyText!) === i) return;
          if (findings.length >= limit) more++;
          else findings.push(duplicateKeyFinding(e.keyText!, e.key!, removalOf(entries, i)));
        });
      }
    }
    for (const e of entries) {
      const open = text.charCodeAt(e.value.offset);
      if (open === 123 || open === 91) stack.push(e.value.offset);
    }
  }
  if (more > 0) findings.more = more;
  return findings;
}

/** The entry with the separator after it (or, for the last one, before it), as jsonc-parser's property spans give. */
function removalOf(entries: Entry[], i: number): TextSpan {
  const e = entries[i]!;
  const start = e.key?.offset ?? e.value.offset;
  const end = e.value.offset + e.value.length;
  const next = entries[i + 1];
  if (next) return { offset: start, length: (next.key?.offset ?? next.value.offset) - start };
  const prev = entries[i - 1];
  if (prev)
    return { offset: prev.value.offset + prev.value.length, length: end - (prev.value.offset + prev.value.length) };
  return { offset: start, length: end - start };
}
