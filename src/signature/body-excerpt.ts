/**
 * A short, safe quote of what a signature endpoint answered, for error messages: enough to recognise a login
 * page or a stack trace, never a token.
 */

export const MAX_EXCERPT_LENGTH = 200;

// Anything shaped like a JWT (header of 10+ characters, payload, optional signature). Over-redacting a dotted
// host name in an error message is harmless; leaking a signature is not.
const JWT_LIKE = /[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

export function redactTokens(text: string): string {
  return text.replace(JWT_LIKE, '[redacted]');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Tags and scripts stripped, entities decoded, whitespace collapsed, tokens redacted, at most `max` characters. */
export function excerptBody(text: string, max: number = MAX_EXCERPT_LENGTH): string {
  let excerpt = redactTokens(text)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z!][^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Again after stripping: tags may have split a token that now reads as one.
  excerpt = redactTokens(excerpt);
  return excerpt.length > max ? `${excerpt.slice(0, max - 1)}…` : excerpt;
}

/** True when the answer is an HTML page (by Content-Type or by its first characters). */
export function looksLikeHtml(contentType: string, text: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body|script|div|meta)\b/i.test(text);
}
