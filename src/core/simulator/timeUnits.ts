// Milliseconds per unit of simulated time.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The last moment any date may carry: ISO-8601 dates (and Graph's DateTimeOffset) have four-digit years. */
export const LAST_DATE = Date.UTC(9999, 11, 31, 23, 59, 59);
/** The farthest ahead the model dates anything: a 7-day grace period's end, a 10,000-minute stage (docs/simulator.md "Limits"). */
export const LONGEST_DELAY = 30 * DAY;
/** The clock stops where every date it sets ahead still falls in year 9999 (9999-12-01T23:59:59Z). */
export const MAX_SIMULATED_TIME = LAST_DATE - LONGEST_DELAY;
