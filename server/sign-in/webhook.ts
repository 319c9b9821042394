/**
 * Zoom's webhook signature (x-zm-signature): `v0=` + hex HMAC-SHA256 of `v0:{x-zm-request-timestamp}:{raw body}`
 * under the app's Secret Token. WebCrypto only.
 */

/** A request older (or further ahead) than this is refused: a captured webhook cannot be replayed later. */
export const WEBHOOK_MAX_AGE_SECONDS = 300;

export type WebhookCheck =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'bad-signature' | 'stale-timestamp' };

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether a webhook request is Zoom's: its signature over the exact raw body, and a recent timestamp. */
export async function checkZoomWebhook(
  secretToken: string,
  headers: { signature: string | null; timestamp: string | null },
  rawBody: string,
  nowMs: number = Date.now(),
): Promise<WebhookCheck> {
  const { signature, timestamp } = headers;
  if (signature === null || timestamp === null || signature === '' || timestamp === '') {
    return { ok: false, reason: 'missing-headers' };
  }
  const expected = `v0=${await hmacSha256Hex(secretToken, `v0:${timestamp}:${rawBody}`)}`;
  if (!constantTimeEqual(signature, expected)) return { ok: false, reason: 'bad-signature' };
  if (!/^[0-9]{1,16}$/.test(timestamp)) return { ok: false, reason: 'stale-timestamp' };
  // Zoom sends seconds; a value in milliseconds is read as such rather than as a date far in the future.
  const value = Number(timestamp);
  const sentMs = value > 1e11 ? value : value * 1000;
  if (Math.abs(nowMs - sentMs) > WEBHOOK_MAX_AGE_SECONDS * 1000) return { ok: false, reason: 'stale-timestamp' };
  return { ok: true };
}

/** Compares every character whatever differs first, so timing tells nothing about how much of a guess is right. */
export function constantTimeEqual(a: string, b: string): boolean {
  // The length is no secret: every valid value has the same one.
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
