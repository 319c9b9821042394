/**
 * Event details as JSON for the log, with anything secret-looking replaced. The element's own details never hold
 * secrets (ZoomJoinError.toJSON() has none); this guards details of events added later and our own entries.
 */

import { redactJwts } from '../../src/safe-text.js';

const SECRET_KEYS = /^(signature|zak|tk|obfToken|sdkSecret|secret|token|accessToken|password)$/i;

export function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value ?? null, (key, field: unknown) => {
      // A secret is a string; a number under the same name (zoom-timing's `signature` phase, in ms) is not one.
      if (key !== '' && SECRET_KEYS.test(key) && typeof field === 'string' && field !== '') return '[redacted]';
      return typeof field === 'string' ? redactJwts(field) : field;
    });
    return text ?? 'undefined';
  } catch {
    return '"[unserialisable detail]"';
  }
}
