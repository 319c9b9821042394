// The pieces of sign-in that need no Zoom: return paths, webhook signatures, cookies, settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeReturnPath } from '../../../server/sign-in/return-path.js';
import { createSignInCookies } from '../../../server/sign-in/session-cookie.js';
import { readSignInEnv } from '../../../server/sign-in/sign-in-env.js';
import { SignInConfigError } from '../../../server/sign-in/token-seal.js';
import { checkZoomWebhook, hmacSha256Hex } from '../../../server/sign-in/webhook.js';
import { createZoomSignIn } from '../../../server/sign-in/zoom-sign-in.js';
import { scrubError } from '../../../server/sign-in/scrub.js';

describe('safeReturnPath', () => {
  it('keeps same-origin paths with query and fragment', () => {
    assert.equal(safeReturnPath('/room/1?a=b#c'), '/room/1?a=b#c');
    assert.equal(safeReturnPath('/'), '/');
  });
  it('turns everything that could leave the site into "/"', () => {
    for (const text of [
      null,
      '',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'http:evil.example',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      ' /x',
      'room',
    ]) {
      assert.equal(safeReturnPath(text), '/', JSON.stringify(text));
    }
  });
});

describe('checkZoomWebhook', () => {
  const secret = 'secret-token';
  const body = '{"event":"app_deauthorized"}';
  const now = 1_800_000_000_000;
  const ts = String(now / 1000);
  const sign = async (timestamp: string, text = body) => `v0=${await hmacSha256Hex(secret, `v0:${timestamp}:${text}`)}`;

  it('accepts Zoom\'s signature over the raw body within 5 minutes', async () => {
    assert.deepEqual(await checkZoomWebhook(secret, { signature: await sign(ts), timestamp: ts }, body, now), { ok: true });
    const late = String(now / 1000 - 299);
    assert.deepEqual(await checkZoomWebhook(secret, { signature: await sign(late), timestamp: late }, body, now), { ok: true });
  });
  it('refuses old or future timestamps, other bodies, other secrets, missing headers', async () => {
    const old = String(now / 1000 - 301);
    assert.equal((await checkZoomWebhook(secret, { signature: await sign(old), timestamp: old }, body, now)).ok, false);
    const future = String(now / 1000 + 301);
    assert.deepEqual(await checkZoomWebhook(secret, { signature: await sign(future), timestamp: future }, body, now), {
      ok: false,
      reason: 'stale-timestamp',
    });
    assert.deepEqual(await checkZoomWebhook(secret, { signature: await sign(ts, '{}'), timestamp: ts }, body, now), {
      ok: false,
      reason: 'bad-signature',
    });
    assert.deepEqual(await checkZoomWebhook('other', { signature: await sign(ts), timestamp: ts }, body, now), {
      ok: false,
      reason: 'bad-signature',
    });
    assert.deepEqual(await checkZoomWebhook(secret, { signature: null, timestamp: ts }, body, now), { ok: false, reason: 'missing-headers' });
    assert.deepEqual(await checkZoomWebhook(secret, { signature: await sign(ts), timestamp: null }, body, now), {
      ok: false,
      reason: 'missing-headers',
    });
  });
});

describe('sign-in cookies', () => {
  const names = { session: 'zoom-join-session', attempt: 'zoom-join-sign-in' };
  const make = (secret = 'x'.repeat(32), now = () => 1_000_000) =>
    createSignInCookies({ secret, names, basePath: '/zoom', sessionMaxAgeSeconds: 60, now });
  const requestWith = (url: string, setCookie: string) => new Request(url, { headers: { cookie: setCookie.split(';')[0] ?? '' } });

  it('are HttpOnly, SameSite=Lax, and Secure except on plain http to loopback', async () => {
    const cookies = make();
    const remote = await cookies.writeSession(new Request('https://app.example/'), { zoomUserId: 'u' });
    assert.match(remote, /; HttpOnly; Secure; SameSite=Lax/);
    const proxied = await cookies.writeSession(new Request('http://app.example/'), { zoomUserId: 'u' });
    assert.match(proxied, /Secure/, 'plain http to a public name is a proxy in front: still Secure');
    const local = await cookies.writeSession(new Request('http://127.0.0.1:4000/'), { zoomUserId: 'u' });
    assert.doesNotMatch(local, /Secure/);
    const attempt = await cookies.writeAttempt(new Request('https://app.example/'), 'id', 600);
    assert.match(attempt, /Path=\/zoom;/);
  });

  it('read back only what they wrote: not another purpose, not expired, not another secret', async () => {
    let now = 1_000_000;
    const cookies = make('y'.repeat(32), () => now);
    const url = 'http://127.0.0.1/';
    const session = await cookies.writeSession(new Request(url), { zoomUserId: 'user.with.dots@example.com', appUserId: 'app-7' });
    assert.deepEqual(await cookies.readSession(requestWith(url, session)), { zoomUserId: 'user.with.dots@example.com', appUserId: 'app-7' });
    // An attempt cookie's value moved into the session cookie's name: signed by the same secret, other purpose.
    const attempt = await cookies.writeAttempt(new Request(url), 'attempt-1', 600);
    const moved = attempt.replace('zoom-join-sign-in=', 'zoom-join-session=');
    assert.equal(await cookies.readSession(requestWith(url, moved)), undefined);
    assert.equal(await make('z'.repeat(32), () => now).readSession(requestWith(url, session)), undefined);
    now += 61_000;
    assert.equal(await cookies.readSession(requestWith(url, session)), undefined);
  });
});

describe('settings', () => {
  const base = {
    clientId: 'id',
    clientSecret: 'secret',
    redirectUri: 'https://app.example/zoom/callback',
    webhookSecretToken: 'w',
    sessionSecret: 's'.repeat(32),
  };
  it('refuse a short session secret, a redirect URI off the callback route, and plain http to Zoom off loopback', () => {
    assert.throws(() => createZoomSignIn({ ...base, sessionSecret: 'short' }), /at least 32 characters/);
    assert.throws(() => createZoomSignIn({ ...base, redirectUri: 'https://app.example/cb' }), /must end in \/zoom\/callback/);
    assert.throws(() => createZoomSignIn({ ...base, zoomOAuthBase: 'http://zoom.example' }), /must use https/);
    assert.doesNotThrow(() => createZoomSignIn({ ...base, zoomOAuthBase: 'http://127.0.0.1:9' }));
    assert.doesNotThrow(() => createZoomSignIn({ ...base, zoomOAuthBase: 'https://zoomgov.com', zoomApiBase: 'https://api.zoomgov.com' }));
  });
  it('from the environment: all or nothing, naming what is missing', () => {
    assert.equal(readSignInEnv({}), undefined);
    assert.throws(
      () => readSignInEnv({ ZOOM_OAUTH_CLIENT_ID: 'id' }),
      (error: unknown) =>
        error instanceof SignInConfigError && /missing: ZOOM_OAUTH_CLIENT_SECRET, ZOOM_OAUTH_REDIRECT_URI/.test(error.message),
    );
  });
});

describe('scrubError', () => {
  it('takes known tokens and anything JWT-shaped out of messages and stacks, and drops the cause', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const error = new Error(`refresh failed for opaque-refresh-token-123 and ${jwt}`, { cause: { body: jwt } });
    const safe = scrubError(error, ['opaque-refresh-token-123']);
    assert.equal(safe.message, 'refresh failed for [redacted] and [redacted]');
    assert.ok(!(safe.stack ?? '').includes(jwt));
    assert.equal(safe.cause, undefined);
  });
});
