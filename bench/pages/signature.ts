/** A well-formed Meeting SDK JWT with a made-up HMAC: enough for the SDK to try (and, offline, fail) a join. */
export function benchSignature(meetingNumber = '1234567890'): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const now = Math.floor(Date.now() / 1000);
  const claims = { appKey: 'bench-key', sdkKey: 'bench-key', mn: meetingNumber, role: 0, iat: now - 30, exp: now + 7200, tokenExp: now + 7200 };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.YmVuY2gtb25seS1ub3QtYS1yZWFsLW1hYw`;
}
