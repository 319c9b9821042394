// What an app must compute from Zoom's webhooks, written out independently of the double so the tests check the
// double against Zoom's rule (https://developers.zoom.us/docs/api/webhooks/) rather than against itself. Tests
// only: the server has its own implementation and must not borrow this one.
import { createHmac } from 'node:crypto';

export function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** x-zm-signature for a body: "v0=" + hex HMAC-SHA256(secret token, "v0:{timestamp}:{body}"). */
export function expectedSignature(secretToken: string, timestamp: string, body: string): string {
  return `v0=${hmacSha256Hex(secretToken, `v0:${timestamp}:${body}`)}`;
}

/** The answer to endpoint.url_validation: {plainToken, encryptedToken = hex HMAC-SHA256(secret token, plainToken)}. */
export function expectedUrlValidationAnswer(secretToken: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: hmacSha256Hex(secretToken, plainToken) };
}
