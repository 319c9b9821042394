/**
 * Small formatters so problem messages show claim values and times the way a person reads them, without ever
 * echoing a whole token.
 */

const MAX_SHOWN = 60;

/** A claim value as JSON, cut short: enough to recognise a mistake, never a wall of text. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** "45 s", "30 min", "2 h 5 min", "3 d 4 h": coarse on purpose, the exact seconds are in the claim. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(Math.abs(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** ISO time of a seconds-since-epoch claim, or a plain number when it is outside the Date range. */
export function isoTime(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return Number.isNaN(date.getTime()) ? `${epochSeconds}` : date.toISOString();
}
