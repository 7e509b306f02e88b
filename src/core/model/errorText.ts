// What to show or log for a caught value: an Error's message (or stack), anything else as text.

/** The message of an Error, or the thrown value as text (a throw need not be an Error). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** For a log: the stack when there is one, so a bug can be traced; otherwise as errorText. */
export function errorStack(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
