/**
 * A short, safe quote of what a signature endpoint answered, for error messages: enough to recognise a login
 * page or a stack trace, never a token. Answers are untrusted and may be huge, so only a window of the body is
 * looked at and every pattern here runs in linear time (a backtracking one can block the page for seconds on a 40 KB
 * body).
 */

import { redactJwts, redactSecretValues } from '../safe-text.js';

export const MAX_EXCERPT_LENGTH = 200;

/** How much of the body is read for the excerpt: plain text needs little beyond it, HTML needs room for markup. */
const TEXT_WINDOW = 4 * 1024;
const HTML_WINDOW = 32 * 1024;

// Each ends at its close or at the end of the text (a page cut short): a match never fails after a long scan,
// so no start is retried over the same characters.
const SCRIPT_OR_STYLE = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// `[^<>]` stops at the next "<", so each attempt scans only up to the next tag.
const TAG = /<\/?[A-Za-z!][^<>]*(?:>|$)/g;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export interface ExcerptOptions {
  /** Strip tags and decode entities; by default when the text starts like an HTML page. */
  html?: boolean;
  /** The text is the head of a longer body (the reader stopped early). */
  truncated?: boolean;
  max?: number;
}

/**
 * Whitespace collapsed, tokens and the values of secret-like keys (`ZOOM_MEETING_SDK_SECRET=…`, `"sdkSecret": "…"`)
 * redacted, at most `max` characters; for HTML also tags, scripts and comments
 * stripped and entities decoded. Other bodies keep their angle brackets: `{"error":"expected <meetingNumber>"}`
 * means what it says.
 */
export function excerptBody(text: string, options: ExcerptOptions = {}): string {
  const { max = MAX_EXCERPT_LENGTH } = options;
  const html = options.html ?? looksLikeHtml('', text.slice(0, 1024));
  const window = html ? HTML_WINDOW : TEXT_WINDOW;
  const cut = options.truncated === true || text.length > window;
  let excerpt = text.length > window ? text.slice(0, window) : text;
  // A token cut at the window's end may no longer look like one: drop it rather than quote a piece of it.
  if (cut) excerpt = withoutTrailingToken(excerpt);
  excerpt = redactSecretValues(redactJwts(excerpt));
  if (html) {
    excerpt = excerpt
      .replace(SCRIPT_OR_STYLE, ' ')
      .replace(COMMENT, ' ')
      .replace(TAG, ' ')
      .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? ' ');
    // Again after stripping: tags may have split a token that now reads as one.
    excerpt = redactSecretValues(redactJwts(excerpt));
  }
  excerpt = excerpt.replace(/\s+/g, ' ').trim();
  return excerpt.length > max || (cut && excerpt.length > 0) ? `${excerpt.slice(0, max - 1)}…` : excerpt;
}

/** True when the answer is an HTML page (by Content-Type or by its first characters). */
export function looksLikeHtml(contentType: string, text: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body|script|div|meta)\b/i.test(text);
}

/** `text` without the run of token characters (JWT alphabet and dots) it ends with; a loop, not a `$` pattern. */
export function withoutTrailingToken(text: string): string {
  let end = text.length;
  while (end > 0 && isTokenChar(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 46 || // .
    code === 95 // _
  );
}
