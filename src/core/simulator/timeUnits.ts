// Milliseconds per unit of simulated time.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The simulated clock stays before year 10000: ISO-8601 dates (and Graph's DateTimeOffset) have four-digit years. */
export const MAX_SIMULATED_TIME = Date.UTC(9999, 11, 31, 23, 59, 59);
