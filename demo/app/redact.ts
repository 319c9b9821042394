/**
 * Event details as JSON for the log, with anything secret-looking replaced. The element's own details never hold
 * secrets (ZoomJoinError.toJSON() has none); this guards details of events added later and our own entries.
 */
const SECRET_KEYS = /^(signature|zak|tk|obfToken|sdkSecret|secret|token|accessToken|password)$/i;
/** JWT-shaped: a JSON header always base64url-encodes to "ey…" or "ew…". */
const JWT_SHAPED = /\be[wy][A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value ?? null, (key, field: unknown) => {
      if (key !== '' && SECRET_KEYS.test(key) && field !== undefined && field !== '') return '[redacted]';
      return typeof field === 'string' ? field.replace(JWT_SHAPED, '[redacted]') : field;
    });
    return text ?? 'undefined';
  } catch {
    return '"[unserialisable detail]"';
  }
}
