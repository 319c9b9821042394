/**
 * How long to wait before the next signature attempt: the server's Retry-After when it gives one, otherwise
 * exponential backoff with jitter so many pages recovering from one outage do not retry in lockstep.
 */

/**
 * Delay before retry number `retryIndex` (0 for the first retry): half of `base·2^n` fixed plus up to half random
 * ("equal jitter"), so a retry never fires instantly yet clients still spread out. Capped at `maxMs`.
 */
export function backoffDelay(retryIndex: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retryIndex);
  return Math.max(0, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

// All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) start with a weekday; requiring it keeps Date.parse
// from reading odd values such as "1.5" as calendar dates.
const HTTP_DATE = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i;

/** Retry-After (delta seconds or HTTP date) in milliseconds from `nowMs`; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait before the next attempt: Retry-After wins when present, both are capped at `maxMs`. */
export function retryDelay(
  retryIndex: number,
  retryAfterMs: number | undefined,
  baseMs: number,
  maxMs: number,
  random?: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxMs);
  return backoffDelay(retryIndex, baseMs, maxMs, random);
}
