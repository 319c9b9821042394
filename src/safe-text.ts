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

/**
 * A key that names a secret: `secret`, `password`/`passwd`, `token`, `apikey`/`api_key`/`api-key`, `authorization`,
 * anywhere in the key (ZOOM_MEETING_SDK_SECRET, client_secret, sdkSecret, access_token, x-api-key). Tested on the
 * key alone, which is at most 64 characters.
 */
const SECRET_KEY = /secret|passw(?:or)?d|token|api[-_]?key|authori[sz]ation/i;
// A key starts where a run of key characters starts (never inside one, so each run is tried once) and is at most
// 64 characters long; then an optional quote and ":" or "=". Bounded repetition and fixed separators: linear.
const KEY_AND_SEPARATOR = /(?<![\w.-])["']?([A-Za-z_][\w.-]{0,63})["']?[ \t]*[:=][ \t]*/g;
/** "api key: …", "API Key = …": the key word split by a space. */
const API_SPACE_KEY = /api $/i;
/** The scheme word before a credential: `Authorization: Bearer <token>`. */
const AUTH_SCHEME = /^(?:bearer|basic|token|digest)[ \t]+/i;
/** Where an unquoted value ends. */
const VALUE_END = /[\s,;&"'<>(){}[\]]/;

/**
 * `text` with the value of every secret-like key replaced by `[redacted]`: `KEY=value`, `KEY: value`,
 * `"key": "value"` (case-insensitive; quoted values to their closing quote, escapes included, or to the end of the
 * text when it was cut). One pass over the text: the scan never goes back.
 */
export function redactSecretValues(text: string): string {
  let out = '';
  let copied = 0;
  KEY_AND_SEPARATOR.lastIndex = 0;
  for (let match = KEY_AND_SEPARATOR.exec(text); match !== null; match = KEY_AND_SEPARATOR.exec(text)) {
    const key = match[1] ?? '';
    const start = match.index + match[0].length;
    const named = SECRET_KEY.test(key) || (/^key$/i.test(key) && API_SPACE_KEY.test(text.slice(Math.max(0, match.index - 4), match.index)));
    if (!named || start >= text.length) continue;
    const end = valueEnd(text, start);
    if (end === start) continue;
    const quote = text[start];
    const quoted = quote === '"' || quote === "'";
    out += text.slice(copied, start) + (quoted ? `${quote}${REDACTED}${text[end - 1] === quote && end - start > 1 ? quote : ''}` : REDACTED);
    copied = end;
    KEY_AND_SEPARATOR.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Where the value starting at `start` ends: after its closing quote, or at the first delimiter (after a scheme word). */
function valueEnd(text: string, start: number): number {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    for (let i = start + 1; i < text.length; i++) {
      const char = text[i];
      if (char === '\\') i++;
      else if (char === quote) return i + 1;
    }
    return text.length;
  }
  let i = start;
  const scheme = AUTH_SCHEME.exec(text.slice(start, start + 16));
  if (scheme) i += scheme[0].length;
  while (i < text.length && !VALUE_END.test(text[i] ?? ' ')) i++;
  return i;
}
