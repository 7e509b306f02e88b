// Pure retry arithmetic: which answers are retried, how long to wait (Retry-After first, else jittered backoff).

export interface RetryOptions {
  /** Retries after the first attempt for 429/503/504. */
  maxRetries: number;
  /** Longest wait we accept; a longer Retry-After is surfaced to the caller instead of waited out early. */
  maxDelayMs: number;
  /** First backoff step when the service gives no Retry-After. */
  baseDelayMs: number;
  /** Retries for network errors and timeouts, GET only. */
  maxNetworkRetries: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 5,
  maxDelayMs: 60_000,
  baseDelayMs: 1_000,
  maxNetworkRetries: 2,
};

/** 429 and 503 mean "not processed, come back later" (any method); 504 may have been processed, so only idempotent methods. */
export function isRetryableStatus(status: number, method: string): boolean {
  if (status === 429 || status === 503) return true;
  return status === 504 && isIdempotentMethod(method);
}

export function isIdempotentMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'PUT' || m === 'DELETE';
}

/** Retry-After as delta-seconds or HTTP-date (RFC 9110 §10.2.3), in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  // HTTP-dates start with a day name (IMF-fixdate, RFC 850, asctime); Date.parse alone accepts '-5' as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits spread but never collapse to 0. */
export function backoffDelayMs(retryNumber: number, options: RetryOptions, random: () => number): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
