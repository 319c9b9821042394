import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createSignatureHandler, type SignatureHandlerOptions } from '../../../server/index.js';
import { createNodeSignatureListener } from '../../../server/node-server.js';
import { TRANSPORTS } from './transports.js';

const KEY = 'handlerTestClientId';
const SECRET = 'handler-suite-SECRET-0a1b2c3d4e5f6789';
const secretBytes = new TextEncoder().encode(SECRET);
const ALLOWED = 'https://app.example';

/** Every response any test saw, so one last test can check none of them carried the secret. */
const seen: string[] = [];
const servers: Array<() => Promise<void>> = [];
after(() => Promise.all(servers.map((close) => close())));


interface Result {
  response: Response;
  body: Record<string, unknown>;
}

async function call(url: string, init: RequestInit = {}): Promise<Result> {
  const response = await fetch(url, init);
  const text = await response.text();
  seen.push(JSON.stringify([...response.headers]) + text);
  return { response, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Result> {
  return call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function errorCode(result: Result): unknown {
  return (result.body.error as { code?: unknown } | undefined)?.code;
}

async function signatureFrom(result: Result): Promise<Record<string, unknown>> {
  assert.equal(result.response.status, 200, JSON.stringify(result.body));
  assert.equal(result.body.sdkKey, KEY);
  const token = result.body.signature;
  assert.equal(typeof token, 'string');
  assert.deepEqual(decodeProtectedHeader(token as string), { alg: 'HS256', typ: 'JWT' });
  const { payload } = await jwtVerify(token as string, secretBytes, { algorithms: ['HS256'] });
  return payload;
}

for (const transport of TRANSPORTS) {
  /** The endpoint with `options`, on this transport; every suite below runs once per transport. */
  const serveWith = async (options: SignatureHandlerOptions): Promise<string> => {
    const { url, close } = await transport.listen(options);
    servers.push(close);
    return url;
  };
  const start = (options: Partial<SignatureHandlerOptions> = {}): Promise<string> =>
    serveWith({ sdkKey: KEY, sdkSecret: SECRET, rateLimit: false, ...options });

  describe(transport.name, () => {
    describe('signatures over HTTP', () => {
      it('answers a Zoom-sample request with a verifiable signature and the right claims', async () => {
        const url = await start();
        const result = await post(url, { meetingNumber: '123 4567 8901', role: 0 });
        assert.equal(result.response.headers.get('cache-control'), 'no-store');
        assert.match(result.response.headers.get('content-type') ?? '', /^application\/json/);
        assert.deepEqual(Object.keys(result.body).sort(), ['sdkKey', 'signature']);
        const claims = await signatureFrom(result);
        const nowSeconds = Math.floor(Date.now() / 1000);
        assert.equal(claims.appKey, KEY);
        assert.equal('sdkKey' in claims, false, 'no sdkKey claim (the SDK warns about it on every join)');
        assert.equal(claims.mn, '12345678901');
        assert.equal(claims.role, 0);
        assert.ok(Math.abs(Number(claims.iat) - (nowSeconds - 30)) <= 2, `iat ${claims.iat}`);
        assert.equal(Number(claims.exp) - Number(claims.iat), 7200);
        assert.equal(claims.tokenExp, claims.exp);
        assert.equal('video_webrtc_mode' in claims, false);
      });

      it('honours expirationSeconds and videoWebRtcMode', async () => {
        const url = await start();
        for (const videoWebRtcMode of [0, 1]) {
          const claims = await signatureFrom(
            await post(url, { meetingNumber: 987654321, role: 0, expirationSeconds: 172800, videoWebRtcMode }),
          );
          assert.equal(Number(claims.exp) - Number(claims.iat), 172800);
          assert.equal(claims.video_webrtc_mode, videoWebRtcMode);
          assert.equal(claims.mn, '987654321');
        }
      });

      it('uses defaultExpirationSeconds when the request has none', async () => {
        const url = await start({ defaultExpirationSeconds: 1800 });
        const claims = await signatureFrom(await post(url, { meetingNumber: '123456789', role: 0 }));
        assert.equal(Number(claims.exp) - Number(claims.iat), 1800);
      });

      const accepted: Array<[string, string, string]> = [
        ['dashes', '{"meetingNumber":"123-4567-8901","role":0}', '12345678901'],
        ['surrounding spaces', '{"meetingNumber":" 123456789 ","role":0}', '123456789'],
        ['an 11-digit number', '{"meetingNumber":12345678901,"role":0}', '12345678901'],
        ['role "0"', '{"meetingNumber":"123456789","role":"0"}', '123456789'],
        ['unknown fields', '{"meetingNumber":"123456789","role":0,"userName":"Ada","passWord":"x"}', '123456789'],
        ['a duplicated key whose last value is good', '{"meetingNumber":"1","meetingNumber":"123456789","role":0}', '123456789'],
        ['a nested exponent under the same key', '{"extra":{"meetingNumber":1e10},"meetingNumber":123456789,"role":0}', '123456789'],
        ['whitespace and newlines', '\n{ "meetingNumber" : 123456789 ,\r\n "role" : 0 }\n', '123456789'],
      ];
      for (const [name, body, mn] of accepted) {
        it(`accepts ${name}`, async () => {
          const url = await start();
          const claims = await signatureFrom(await post(url, body));
          assert.equal(claims.mn, mn);
          assert.equal(claims.role, 0);
        });
      }

      for (const contentType of ['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset="UTF-8"']) {
        it(`accepts Content-Type ${contentType}`, async () => {
          const url = await start();
          await signatureFrom(await post(url, { meetingNumber: '123456789', role: 0 }, { 'content-type': contentType }));
        });
      }

      it('refuses a lifetime above maxExpirationSeconds, naming the limit, and signs up to it', async () => {
        const url = await start({ maxExpirationSeconds: 3600 });
        const longer = await post(url, { meetingNumber: '123456789', role: 0, expirationSeconds: 3601 });
        assert.equal(longer.response.status, 400);
        assert.equal(errorCode(longer), 'invalid-field');
        assert.equal((longer.body.error as { field?: unknown }).field, 'expirationSeconds');
        assert.match(String((longer.body.error as { message?: unknown }).message), /1800 to 3600 \(this server's limit\)/);
        const payload = await signatureFrom(await post(url, { meetingNumber: '123456789', role: 0, expirationSeconds: 3600 }));
        assert.equal(Number(payload.exp) - Number(payload.iat), 3600);
        // The default lifetime (2 h) is above this limit, so a request without one gets the limit.
        const fallback = await signatureFrom(await post(url, { meetingNumber: '123456789', role: 0 }));
        assert.equal(Number(fallback.exp) - Number(fallback.iat), 3600);
      });

      it('takes a custom maxBodyBytes', async () => {
        const url = await start({ maxBodyBytes: 48 });
        await signatureFrom(await post(url, '{"meetingNumber":"123456789","role":0}'));
        const tooLarge = await post(url, '{"meetingNumber":"123456789","role":0,"pad":"xxxxxx"}');
        assert.equal(tooLarge.response.status, 413);
        assert.equal(errorCode(tooLarge), 'body-too-large');
      });
    });

    describe('host role', () => {
      it('gives role 1 only when authorize returns true, with the normalized request', async () => {
        const calls: unknown[] = [];
        const url = await start({
          authorize: async (request, params) => {
            calls.push(params);
            return request.headers.get('authorization') === 'Bearer host';
          },
        });
        const refused = await post(url, { meetingNumber: '123-456-789', role: 1 });
        assert.equal(refused.response.status, 403);
        assert.equal(errorCode(refused), 'role-not-authorized');
        const claims = await signatureFrom(await post(url, { meetingNumber: '123-456-789', role: '1' }, { authorization: 'Bearer host' }));
        assert.equal(claims.role, 1);
        assert.deepEqual(calls[0], { meetingNumber: '123456789', role: 1 });
      });

      it('accepts role 1.0 (the same JSON number as 1)', async () => {
        const url = await start({ authorize: () => true });
        assert.equal((await signatureFrom(await post(url, '{"meetingNumber":"123456789","role":1.0}'))).role, 1);
      });

      it('does not ask authorize about attendees', async () => {
        let asked = false;
        const url = await start({ authorize: () => ((asked = true), false) });
        await signatureFrom(await post(url, { meetingNumber: '123456789', role: 0 }));
        assert.equal(asked, false);
      });

      it('treats a truthy non-true answer as a refusal', async () => {
        const url = await start({ authorize: () => 'yes' as unknown as boolean });
        assert.equal((await post(url, { meetingNumber: '123456789', role: 1 })).response.status, 403);
      });

      it('turns an authorize exception into a bare 500 that reveals nothing', async () => {
        const reported: unknown[] = [];
        const url = await start({
          authorize: () => {
            throw new Error(`database password is ${SECRET}`);
          },
          onError: (error) => reported.push(error),
        });
        const result = await post(url, { meetingNumber: '123456789', role: 1 });
        assert.equal(result.response.status, 500);
        assert.equal(errorCode(result), 'internal');
        assert.equal(result.response.headers.get('cache-control'), 'no-store');
        assert.deepEqual(Object.keys(result.body.error as object).sort(), ['code', 'message']);
        assert.equal(reported.length, 1);
      });
    });

    describe('CORS', () => {
      it('sends Date and lets allowed pages read it and Retry-After (the element judges token times by it)', async () => {
        const url = await start({ allowedOrigins: [ALLOWED] });
        const before = Date.now();
        const ok = await post(url, { meetingNumber: '123456789', role: 0 }, { origin: ALLOWED });
        const date = Date.parse(ok.response.headers.get('date') ?? '');
        assert.ok(Math.abs(date - before) < 5000, `Date ${ok.response.headers.get('date')}`);
        assert.match(ok.response.headers.get('access-control-expose-headers') ?? '', /\bDate\b/);
        assert.match(ok.response.headers.get('access-control-expose-headers') ?? '', /\bRetry-After\b/);
      });

      it('echoes an allowed origin on success and on errors, with Vary: Origin', async () => {
        const url = await start({ allowedOrigins: [ALLOWED, 'http://localhost:5173/'] });
        for (const origin of [ALLOWED, 'http://localhost:5173']) {
          const ok = await post(url, { meetingNumber: '123456789', role: 0 }, { origin });
          assert.equal(ok.response.status, 200);
          assert.equal(ok.response.headers.get('access-control-allow-origin'), origin);
          assert.match(ok.response.headers.get('vary') ?? '', /Origin/);
        }
        const invalid = await post(url, { meetingNumber: 'x', role: 0 }, { origin: ALLOWED });
        assert.equal(invalid.response.status, 400);
        assert.equal(invalid.response.headers.get('access-control-allow-origin'), ALLOWED);
      });

      it('answers a preflight from an allowed origin', async () => {
        const url = await start({ allowedOrigins: [ALLOWED] });
        const { response } = await call(url, {
          method: 'OPTIONS',
          headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
        assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
        assert.equal(response.headers.get('access-control-allow-credentials'), null);
        assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
      });

      it('adds allowHeaders and allowCredentials to the preflight when asked', async () => {
        const url = await start({ allowedOrigins: [ALLOWED], allowHeaders: ['Authorization'], allowCredentials: true });
        const { response } = await call(url, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
        assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
        assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
      });

      it('refuses other origins with 403 and no CORS headers, for POST and preflight', async () => {
        const url = await start({ allowedOrigins: [ALLOWED] });
        const refused = await post(url, { meetingNumber: '123456789', role: 0 }, { origin: 'https://evil.example' });
        assert.equal(refused.response.status, 403);
        assert.equal(errorCode(refused), 'origin-not-allowed');
        assert.equal(refused.response.headers.get('access-control-allow-origin'), null);
        const preflight = await call(url, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        });
        assert.equal(preflight.response.status, 403);
        assert.equal(preflight.response.headers.get('access-control-allow-origin'), null);
      });

      it('with no list, refuses cross-origin pages but serves same-origin pages and non-browser clients', async () => {
        const url = await start();
        assert.equal((await post(url, { meetingNumber: '123456789', role: 0 }, { origin: ALLOWED })).response.status, 403);
        const sameOrigin = await post(url, { meetingNumber: '123456789', role: 0 }, { origin: new URL(url).origin });
        assert.equal(sameOrigin.response.status, 200);
        assert.equal((await post(url, { meetingNumber: '123456789', role: 0 })).response.status, 200);
      });

      it('answers a plain OPTIONS (no Origin) with Allow', async () => {
        const url = await start();
        const { response } = await call(url, { method: 'OPTIONS' });
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
        assert.equal(response.headers.get('cache-control'), 'no-store');
      });

      it('admits any origin only when "*" is listed, and never the opaque "null"', async () => {
        const url = await start({ allowedOrigins: ['*'] });
        const ok = await post(url, { meetingNumber: '123456789', role: 0 }, { origin: 'https://anyone.example' });
        assert.equal(ok.response.headers.get('access-control-allow-origin'), 'https://anyone.example');
        assert.equal((await post(url, { meetingNumber: '123456789', role: 0 }, { origin: 'null' })).response.status, 403);
      });
    });

    describe('rate limit', () => {
      const body = { meetingNumber: '123456789', role: 0 };

      it('by default lets 30 requests a minute through and answers the 31st with 429 and Retry-After', async () => {
        const url = await serveWith({ sdkKey: KEY, sdkSecret: SECRET, clientKey: () => 'everyone' });
        for (let i = 1; i <= 30; i++) assert.equal((await post(url, body)).response.status, 200, `request ${i}`);
        const limited = await post(url, body);
        assert.equal(limited.response.status, 429);
        assert.equal(errorCode(limited), 'rate-limited');
        const retryAfter = Number(limited.response.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.equal(limited.response.headers.get('cache-control'), 'no-store');
      });

      it('takes any rate-limiter-flexible limiter', async () => {
        const url = await start({ rateLimit: new RateLimiterMemory({ points: 3, duration: 60 }), clientKey: () => 'everyone' });
        for (let i = 0; i < 3; i++) assert.equal((await post(url, body)).response.status, 200);
        assert.equal((await post(url, body)).response.status, 429);
      });

      it('lets an allowed cross-origin page read Retry-After', async () => {
        const url = await start({
          rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }),
          clientKey: () => 'everyone',
          allowedOrigins: [ALLOWED],
        });
        await post(url, body, { origin: ALLOWED });
        const limited = await post(url, body, { origin: ALLOWED });
        assert.equal(limited.response.status, 429);
        assert.equal(limited.response.headers.get('access-control-allow-origin'), ALLOWED);
        assert.match(limited.response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      });

      it('counts every POST, valid or not, before reading the body', async () => {
        const url = await start({ rateLimit: new RateLimiterMemory({ points: 2, duration: 60 }), clientKey: () => 'everyone' });
        assert.equal((await post(url, '{bad')).response.status, 400);
        assert.equal((await post(url, '{bad')).response.status, 400);
        assert.equal((await post(url, body)).response.status, 429);
      });

      it('keeps separate budgets per clientKey', async () => {
        const url = await start({
          rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }),
          clientKey: (request) => request.headers.get('x-user') ?? 'nobody',
        });
        assert.equal((await post(url, body, { 'x-user': 'a' })).response.status, 200);
        assert.equal((await post(url, body, { 'x-user': 'b' })).response.status, 200);
        assert.equal((await post(url, body, { 'x-user': 'a' })).response.status, 429);
      });

      it('with trustProxy, keys by the address the proxy appended, not one the client made up', async () => {
        const url = await start({ rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }), trustProxy: true });
        assert.equal((await post(url, body, { 'x-forwarded-for': '1.1.1.1, 203.0.113.7' })).response.status, 200);
        assert.equal((await post(url, body, { 'x-forwarded-for': '2.2.2.2, 203.0.113.7' })).response.status, 429);
        assert.equal((await post(url, body, { 'x-forwarded-for': '203.0.113.8' })).response.status, 200);
      });

      it('turns a failing limiter store into a 500, not a free pass', async () => {
        class BrokenStore extends RateLimiterMemory {
          override consume(): Promise<never> {
            return Promise.reject(new Error('redis://user:hunter2@cache unreachable'));
          }
        }
        const url = await start({
          rateLimit: new BrokenStore({ points: 1, duration: 60 }),
          clientKey: () => 'everyone',
          onError: () => {},
        });
        const result = await post(url, body);
        assert.equal(result.response.status, 500);
        assert.equal(errorCode(result), 'internal');
        assert.ok(!JSON.stringify(result.body).includes('hunter2'));
      });

      it('is off with rateLimit: false', async () => {
        const url = await start({ rateLimit: false });
        for (let i = 0; i < 40; i++) assert.equal((await post(url, body)).response.status, 200);
      });
    });
  });
}

describe('createSignatureHandler options', () => {
  for (const [name, options] of [
    ['no sdkKey', { sdkSecret: SECRET }],
    ['no sdkSecret', { sdkKey: KEY }],
    ['an empty sdkKey', { sdkKey: '', sdkSecret: SECRET }],
    ['an empty sdkSecret', { sdkKey: KEY, sdkSecret: '' }],
  ] as const) {
    // The Fetch handler waits for the first request (missing-credentials.test.ts); the Node server starts only with them.
    it(`Node server: throws at creation with ${name}, explaining Meeting SDK vs OAuth credentials`, () => {
      assert.throws(
        () => createNodeSignatureListener(options as SignatureHandlerOptions),
        (error: unknown) =>
          error instanceof TypeError &&
          /Meeting SDK app's Client ID and Client Secret/.test(error.message) &&
          /not an OAuth/.test(error.message) &&
          !error.message.includes(SECRET),
      );
    });
  }

  for (const [name, options] of [
    ['an allowedOrigins entry without a scheme', { allowedOrigins: ['app.example'] }],
    ['an allowedOrigins entry with a path', { allowedOrigins: ['https://app.example/page'] }],
    ['maxBodyBytes 0', { maxBodyBytes: 0 }],
    ['defaultExpirationSeconds out of range', { defaultExpirationSeconds: 60 }],
    ['maxExpirationSeconds above Zoom\'s limit', { maxExpirationSeconds: 172801 }],
    ['defaultExpirationSeconds above maxExpirationSeconds', { defaultExpirationSeconds: 7200, maxExpirationSeconds: 3600 }],
    ['allowedHosts with a port', { allowedHosts: ['auth.example.com:443'] }],
    ['a negative trustProxy', { trustProxy: -1 }],
  ] as const) {
    it(`throws at creation for ${name}, naming the option`, () => {
      const option = Object.keys(options)[0] ?? '';
      assert.throws(
        () => createSignatureHandler({ sdkKey: KEY, sdkSecret: SECRET, ...options }),
        (error: unknown) => error instanceof Error && error.message.includes(option),
      );
    });
  }
});

describe('secrecy', () => {
  it('no response any test received carried the secret', () => {
    assert.ok(seen.length > 50, `only ${seen.length} responses recorded`);
    for (const text of seen) assert.ok(!text.includes(SECRET), text);
  });
});
