// Evolvable enums: members declared after `unknownFutureValue` are sent only to callers that ask for them
// with `Prefer: include-unknown-enum-members` (docs/service-facts.md "Evolvable enums").

/** The members a caller without the Prefer header may see (up to and including `unknownFutureValue`). */
export function nonEvolvableMembers<T extends string>(members: readonly T[]): T[] {
  const sentinel = members.indexOf('unknownFutureValue' as T);
  return sentinel < 0 ? [...members] : members.slice(0, sentinel + 1);
}
