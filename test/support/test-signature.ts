/**
 * Well-formed Meeting SDK signatures for tests: the claims Zoom expects, signed with a made-up secret (the SDK only
 * decodes the payload in the page; Zoom's servers are never reached in tests).
 */
function base64url(value: string): string {
  return btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface TestClaims {
  meetingNumber?: string;
  role?: number | string;
  /** null leaves out both appKey and sdkKey (a token from the wrong kind of app). */
  sdkKey?: string | null;
  iat?: number;
  exp?: number;
  [claim: string]: unknown;
}

export function testSignature(claims: TestClaims = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const { meetingNumber = '1234567890', role = 0, sdkKey = 'test-sdk-key', iat = now - 30, exp = now + 7200, ...rest } =
    claims;
  const header = { alg: 'HS256', typ: 'JWT' };
  const keys = sdkKey === null ? {} : { appKey: sdkKey, sdkKey };
  const payload = { ...keys, mn: meetingNumber, role, iat, exp, tokenExp: exp, ...rest };
  const signaturePart = base64url('not-a-real-hmac-for-tests-only-000');
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signaturePart}`;
}
