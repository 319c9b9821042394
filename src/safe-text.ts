/**
 * Text from outside (a thrown message, an SDK value, a URL) made fit for an error message: credentials out of
 * URLs, and secrets scrubbed from a bounded head of the text, so a huge value costs no long task.
 */

/** What every redacted secret reads as. */
export const REDACTED = '[redacted]';

/**
 * JWT-shaped strings: a JSON header always base64url-encodes to "ey…" or "ew…", so that prefix plus two dots catches
 * any JWT; the second form catches long three-part base64url tokens with another header. Both are strict enough to
 * leave file names (js_media.min.js) and host names alone. A match starts only where a run of token characters
 * starts, so a long run is scanned once, not once per character.
 */
const JWT_SHAPED =
  /(?<![A-Za-z0-9_-])(?:e[wy][A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/g;

/** `text` with every JWT-shaped string replaced by `[redacted]`. */
export function redactJwts(text: string): string {
  return text.replace(JWT_SHAPED, REDACTED);
}

// "//user:password@" in any URL: from "//" to the last "@" before the host ends. The class stops at the first
// "/", "?", "#" or whitespace after it, so each "//" scans its own authority once: linear.
const USERINFO = /(?<=^|[:\s"'(<=\[])\/\/[^\s/?#]*@/g;

/** `text` with the user name and password of every URL in it removed (`https://u:p@host/` → `https://host/`). */
export function withoutUserinfo(text: string): string {
  return text.replace(USERINFO, '//');
}

/**
 * `scrub` applied to just enough of `text` that the first `keep` characters of the result are safe. Scrubbing all
 * of a huge text would block the page; clipping before scrubbing could cut a secret so that neither half is
 * recognised. So the window is `keep + guard` characters, and grows until, once scrubbed, at least `guard`
 * characters still follow the kept part: a secret cut at the window's end lies in them, and is clipped away.
 * `guard` must be at least the length of the longest secret. The result may be longer than `keep`; clip it.
 */
export function scrubHead(text: string, scrub: (text: string) => string, keep: number, guard: number): string {
  for (let size = keep + guard; ; size *= 2) {
    if (text.length <= size) return scrub(text);
    const scrubbed = scrub(text.slice(0, size));
    if (scrubbed.length >= keep + guard) return scrubbed;
  }
}

/** At most `max` characters, with "…" when cut. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
