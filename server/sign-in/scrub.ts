/**
 * Zoom's tokens out of anything that may be logged: the server-side counterpart of src/secret-scrub.ts (which the
 * server build cannot import). Known secrets and their URL-encoded forms go, and so does anything JWT-shaped, since
 * Zoom's access tokens, refresh tokens, ZAKs and OBF tokens are all JWTs.
 */
const REDACTED = '[redacted]';
const JWT_SHAPED =
  /(?<![A-Za-z0-9_-])(?:e[wy][A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/g;
const MAX_TEXT = 2000;

export function scrubText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
  }
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) out = out.split(needle).join(REDACTED);
  out = out.replace(JWT_SHAPED, REDACTED);
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

/**
 * An error safe to log: same name, message scrubbed, and no `cause` — an OAuth library's error holds the response
 * body, which is where the tokens are.
 */
export function scrubError(error: unknown, secrets: readonly (string | undefined)[] = []): Error {
  const message = error instanceof Error ? error.message : String(error);
  const copy = new Error(scrubText(message, secrets));
  copy.name = error instanceof Error ? error.name : 'Error';
  if (error instanceof Error && typeof error.stack === 'string') copy.stack = scrubText(error.stack, secrets);
  return copy;
}
