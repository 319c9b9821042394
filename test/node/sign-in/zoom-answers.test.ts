// What the signature endpoint does with Zoom's answers to the token API: ZAK or OBF, 401 → one refresh and a retry,
// 429, a grant Zoom no longer honours; the host app's own user; and no token in any log line or other answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_USER, startZoomOAuthDouble, type RunningZoomOAuthDouble } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { createMemoryTokenStore } from '../../../server/sign-in/token-store.js';
import { Browser, CLIENT_ID, CLIENT_SECRET, MEETING, WEBHOOK_SECRET, errorOf, startApp, type App } from './harness.js';

const JWT_SHAPED = /e[wy][A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;

describe("Zoom's answers to the token API", () => {
  let zoom: RunningZoomOAuthDouble;
  let zoomClockOffset = 0;
  const store = createMemoryTokenStore();
  let app: App;
  before(async () => {
    zoom = await startZoomOAuthDouble({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      webhookSecretToken: WEBHOOK_SECRET,
      now: () => Date.now() + zoomClockOffset,
    });
    app = await startApp({ store }, {}, zoom);
  });
  after(async () => {
    await app.close();
    await zoom.close();
  });

  it('attach "zak": the success body carries the signed-in user\'s ZAK', async () => {
    const zakApp = await startApp({}, { attach: 'zak' }, zoom);
    try {
      const browser = new Browser();
      await browser.signIn(zakApp);
      const response = await browser.signature(zakApp);
      assert.equal(response.status, 200);
      const body = (await response.json()) as Record<string, string>;
      assert.deepEqual(Object.keys(body).sort(), ['sdkKey', 'signature', 'zak']);
      assert.equal(zoom.double.verifyIssuedToken(body.zak ?? '')?.kind, 'zak');
    } finally {
      await zakApp.close();
    }
  });

  it('Zoom answers 401 to a token that looked fresh: refreshed once, asked again, joined', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const from = zoom.double.record.length;
    // Zoom's clock runs two hours ahead: the access token has expired there, not by our reckoning.
    zoomClockOffset = 2 * 3600_000;
    try {
      const response = await browser.signature(app);
      assert.equal(response.status, 200);
      const calls = zoom.double.record.slice(from).map((entry) => `${entry.path} ${entry.grantType ?? ''} ${entry.status}`.replace('  ', ' '));
      assert.deepEqual(calls, ['/v2/users/me/token 401', '/oauth/token refresh_token 200', '/v2/users/me/token 200']);
    } finally {
      zoomClockOffset = 0;
    }
  });

  it('Zoom answers 429: rate-limited with its Retry-After', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    zoom.double.controls.rateLimitNext(7);
    const response = await browser.signature(app);
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '7');
    const error = await errorOf(response);
    assert.equal(error.code, 'rate-limited');
    assert.match(error.message, /retry in 7 s/);
  });

  it('the grant ended at Zoom (refresh refused with invalid_grant): tokens deleted, "sign in again"', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    zoom.double.controls.revokeUser(DEFAULT_USER.id);
    const outcome = await app.signIn.tokenFor(new Request(app.origin, { headers: { cookie: browser.cookieHeader() } }), {
      meetingNumber: MEETING,
      kind: 'obf',
    });
    assert.deepEqual(outcome, { ok: false, reason: 'sign-in-required', signInUrl: `${app.origin}/zoom/sign-in` });
    assert.equal(zoom.double.record.filter((entry) => entry.grantType === 'refresh_token').at(-1)?.error, 'invalid_grant');
    assert.equal(await store.get(DEFAULT_USER.id), undefined);
    const response = await browser.signature(app);
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'sign-in-required');
  });

  it("the OAuth app lacks the user:read:token scope: 502 zoom-refused with Zoom's reason, no token", async () => {
    const unscoped = await startZoomOAuthDouble({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      webhookSecretToken: WEBHOOK_SECRET,
      scopes: ['user:read:user'],
    });
    const scopeless = await startApp({}, {}, unscoped);
    try {
      const browser = new Browser();
      await browser.signIn(scopeless);
      const response = await browser.signature(scopeless);
      assert.equal(response.status, 502);
      const error = await errorOf(response);
      assert.equal(error.code, 'zoom-refused');
      assert.match(error.message, /does not contain scopes:\[user:read:token\]/);
    } finally {
      await scopeless.close();
      await unscoped.close();
    }
  });

  it('no token reaches a log line, an error answer or a sign-in answer', async () => {
    for (const error of app.errors) {
      assert.doesNotMatch(`${error.message}\n${error.stack ?? ''}`, JWT_SHAPED);
      assert.equal(error.cause, undefined);
    }
    const browser = new Browser();
    const done = await browser.signIn(app);
    assert.doesNotMatch(`${[...done.headers].join('\n')}\n${await done.text()}`, JWT_SHAPED);
    const out = await browser.request(`${app.origin}/zoom/sign-out`, { method: 'POST' });
    assert.doesNotMatch(await out.text(), JWT_SHAPED);
  });
});

describe('the host app names the visitor (userId)', () => {
  let app: App;
  before(async () => {
    app = await startApp({ userId: (request) => request.headers.get('x-app-user') ?? undefined });
  });
  after(() => app.close());

  it('a Zoom sign-in counts only for the app user who made it', async () => {
    const browser = new Browser();
    browser.headers.set('x-app-user', 'alice');
    await browser.signIn(app);
    assert.equal((await browser.signature(app)).status, 200);
    browser.headers.set('x-app-user', 'mallory');
    assert.equal((await errorOf(await browser.signature(app))).code, 'sign-in-required');
    browser.headers.delete('x-app-user');
    assert.equal((await browser.signature(app)).status, 401);
  });

  it('starting a sign-in needs an app user; finishing it as another one fails', async () => {
    const anonymous = await new Browser().request(`${app.origin}/zoom/sign-in`);
    assert.equal(anonymous.status, 401);
    assert.match((await errorOf(anonymous)).message, /Sign in to this site first/);

    const browser = new Browser();
    browser.headers.set('x-app-user', 'alice');
    const { callback } = await browser.startSignIn(app);
    browser.headers.set('x-app-user', 'mallory');
    const done = await browser.request(callback);
    assert.equal(done.status, 400);
    assert.match((await errorOf(done)).message, /signed in to this site as someone else/);
  });
});
