// A handler created without credentials (e.g. while `next build` imports a route handler with no secrets set) must
// not throw at creation; its requests then fail with a 500 that names what to set, logged once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSignatureHandler, type SignatureHandlerOptions } from '../../../server/index.js';

const KEY = 'lazyCredentialsClientId';
const SECRET = 'lazy-credentials-SECRET-0a1b2c3d4e5f';

function request(origin?: string): Request {
  return new Request('https://signature.example/api/signature', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ meetingNumber: '12345678901', role: 0 }),
  });
}

describe('createSignatureHandler without credentials', () => {
  for (const [name, credentials] of [
    ['unset environment variables', { sdkKey: process.env.ZOOM_JOIN_TEST_UNSET_KEY, sdkSecret: process.env.ZOOM_JOIN_TEST_UNSET_SECRET }],
    ['no sdkSecret', { sdkKey: KEY, sdkSecret: '' }],
  ] as const) {
    it(`is created with ${name}, and each request answers 500 naming the variables, logged once`, async () => {
      const logged: unknown[] = [];
      const handler = createSignatureHandler({
        ...(credentials as Pick<SignatureHandlerOptions, 'sdkKey' | 'sdkSecret'>),
        allowedOrigins: ['https://app.example'],
        rateLimit: false,
        onError: (error) => logged.push(error),
      });
      for (let i = 0; i < 3; i++) {
        const response = await handler(request('https://app.example'));
        assert.equal(response.status, 500);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        // The page that asked can read the answer: the element shows why.
        assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example');
        const body = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'internal');
        assert.match(body.error.message, /ZOOM_MEETING_SDK_KEY/);
        assert.match(body.error.message, /ZOOM_MEETING_SDK_SECRET/);
        assert.ok(!body.error.message.includes(SECRET));
      }
      assert.equal(logged.length, 1, 'logged once, not once per request');
      assert.match(String(logged[0]), /ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET/);
      assert.match(String(logged[0]), /Meeting SDK app's Client ID and Client Secret/);
    });
  }

  it('still refuses a request from an origin it does not allow, before saying anything about credentials', async () => {
    const handler = createSignatureHandler({ sdkKey: '', sdkSecret: '', allowedOrigins: ['https://app.example'], rateLimit: false, onError: () => {} });
    const response = await handler(request('https://evil.example'));
    assert.equal(response.status, 403);
  });

  it('still throws at creation for a wrong option, so a misconfigured server fails at start', () => {
    assert.throws(() => createSignatureHandler({ sdkKey: '', sdkSecret: '', rateLimit: false, maxBodyBytes: 0 }), /maxBodyBytes/);
  });
});
