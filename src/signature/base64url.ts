/**
 * Base64url → text without Node's Buffer, so the signature check runs unchanged in the page and in Node.
 */

// Strict JWTs use the URL-safe alphabet without padding; signers that emit `+ /` or `=` padding still produce
// tokens Zoom may accept, so those decode too instead of being reported as malformed.
const BASE64_ANY = /^[A-Za-z0-9\-_+/]*={0,2}$/;

/** Decodes one base64url segment as UTF-8; `undefined` when it is not base64 or not valid UTF-8. */
export function decodeBase64UrlText(segment: string): string | undefined {
  if (!BASE64_ANY.test(segment)) return undefined;
  const base64 = segment.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  // A single leftover character can never encode a whole byte.
  if (base64.length % 4 === 1) return undefined;
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Parses a segment as a JSON object; arrays, primitives and undecodable text give `null`. */
export function decodeJsonObjectSegment(segment: string): Record<string, unknown> | null {
  const text = decodeBase64UrlText(segment);
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isPlainObject(value) ? value : null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
