// Sign in with Zoom end to end over real HTTP, Zoom being the OAuth double: the happy paths, then each attack with
// what the attacker sees.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_USER } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { Browser, CLIENT_ID, CLIENT_SECRET, MEETING, SDK_KEY, errorOf, startApp, type App } from './harness.js';

describe('sign in with Zoom (memory store)', () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  it('without a sign-in the signature endpoint answers 401 sign-in-required with where to sign in', async () => {
    const response = await new Browser().signature(app);
    assert.equal(response.status, 401);
    const error = await errorOf(response);
    assert.equal(error.code, 'sign-in-required');
    assert.equal(error.signInUrl, `${app.origin}/zoom/sign-in`);
    assert.match(error.message, /Sign in with Zoom/);
  });

  it('signs in (state + PKCE S256), returns to the page, and then signatures carry an OBF token for that meeting', async () => {
    const browser = new Browser();
    const { callback, authorize } = await browser.startSignIn(app, '?return=/room/42?x=1');
    assert.equal(authorize.origin, app.zoom.origin);
    assert.equal(authorize.pathname, '/oauth/authorize');
    assert.equal(authorize.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(authorize.searchParams.get('redirect_uri'), `${app.origin}/zoom/callback`);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorize.searchParams.get('state') ?? '', /^[A-Za-z0-9_-]{40,}$/);
    assert.ok(browser.cookies.has('zoom-join-sign-in'));

    const done = await browser.request(callback);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/room/42?x=1');
    assert.equal(done.headers.get('referrer-policy'), 'no-referrer');
    const setCookies = done.headers.getSetCookie();
    const session = setCookies.find((line) => line.startsWith('zoom-join-session='));
    assert.ok(session);
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.doesNotMatch(session, /Secure/, 'plain http on loopback: a Secure cookie would be dropped');
    assert.ok(!browser.cookies.has('zoom-join-sign-in'), 'the attempt cookie is cleared');
    const exchange = app.zoom.double.record.find((entry) => entry.grantType === 'authorization_code');
    assert.equal(exchange?.withCodeVerifier, true);
    assert.equal(exchange?.status, 200);

    const response = await browser.signature(app);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, string>;
    assert.deepEqual(Object.keys(body).sort(), ['obfToken', 'sdkKey', 'signature']);
    assert.equal(body.sdkKey, SDK_KEY);
    const issued = app.zoom.double.verifyIssuedToken(body.obfToken ?? '');
    assert.deepEqual(issued, { kind: 'obf', userId: DEFAULT_USER.id, meetingNumber: MEETING, expired: false });
  });

  it('OBF for another meeting: Zoom is asked for exactly the meeting in the request body', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const other = '987654321';
    const response = await browser.signature(app, other);
    assert.equal(response.status, 200);
    const { obfToken } = (await response.json()) as { obfToken: string };
    assert.equal(app.zoom.double.verifyIssuedToken(obfToken)?.meetingNumber, other);
    const asked = app.zoom.double.record.filter((entry) => entry.tokenType === 'onbehalf').at(-1);
    assert.equal(asked?.meetingId, other);
  });

  it('a popup sign-in ends on a page that tells its opener on this origin only, then closes', async () => {
    const browser = new Browser();
    const done = await browser.signIn(app, '?popup=1');
    assert.equal(done.status, 200);
    assert.match(done.headers.get('content-type') ?? '', /^text\/html/);
    const csp = done.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await done.text();
    assert.match(html, /postMessage\(\{type:'zoom-join:signed-in'\},location\.origin\)/);
    // And on the channel the element also listens on, for when Zoom's pages cut window.opener.
    assert.match(html, /new BroadcastChannel\('zoom-join:sign-in'\);c\.postMessage\(\{type:'zoom-join:signed-in'\}\)/);
    assert.match(html, /window\.close\(\)/);
    assert.ok(browser.cookies.has('zoom-join-session'));
  });

  it('sign-out revokes at Zoom, deletes the tokens and ends the session', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const out = await browser.request(`${app.origin}/zoom/sign-out`, { method: 'POST', headers: { origin: app.origin } });
    assert.equal(out.status, 200);
    assert.deepEqual(await out.json(), { signedOut: true });
    const revoke = app.zoom.double.record.filter((entry) => entry.path === '/oauth/revoke').at(-1);
    assert.equal(revoke?.status, 200);
    assert.equal(revoke?.clientAuth, 'basic');
    assert.ok(!browser.cookies.has('zoom-join-session'));
    assert.equal(await app.signIn.zoomUserOf(new Request(app.origin)), undefined);
    assert.equal((await browser.signature(app)).status, 401);
  });

  it('a declined consent: the visitor is told they are not signed in', async () => {
    const browser = new Browser();
    const start = await browser.request(`${app.origin}/zoom/sign-in`);
    app.zoom.double.controls.autoDecline();
    try {
      const consent = await browser.request(start.headers.get('location') ?? '');
      const done = await browser.request(consent.headers.get('location') ?? '');
      assert.equal(done.status, 400);
      assert.match((await errorOf(done)).message, /did not allow the app/);
    } finally {
      app.zoom.double.controls.showConsentPage();
    }
  });
});

describe('attacks on sign-in: what the attacker sees', () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  it('forged state: 400 sign-in-failed, no session, and the attempt is spent', async () => {
    const browser = new Browser();
    const { callback } = await browser.startSignIn(app);
    const attemptCookie = browser.cookies.get('zoom-join-sign-in');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'attacker-chosen-state-value-0123456789abcdef');
    const response = await browser.request(forged);
    assert.equal(response.status, 400);
    const error = await errorOf(response);
    assert.equal(error.code, 'sign-in-failed');
    assert.match(error.message, /does not belong to the sign-in this browser started/);
    assert.ok(!browser.cookies.has('zoom-join-session'));
    // Even the genuine answer no longer completes it: a forged try burns the attempt.
    browser.cookies.set('zoom-join-sign-in', attemptCookie ?? '');
    const genuine = await browser.request(callback);
    assert.equal(genuine.status, 400);
    assert.match((await errorOf(genuine)).message, /already been used or has expired/);
  });

  it('replayed callback (same URL, same cookie, after success): 400 sign-in-failed', async () => {
    const browser = new Browser();
    const { callback } = await browser.startSignIn(app);
    const attemptCookie = browser.cookies.get('zoom-join-sign-in') ?? '';
    assert.equal((await browser.request(callback)).status, 303);
    const attacker = new Browser();
    attacker.cookies.set('zoom-join-sign-in', attemptCookie);
    const replay = await attacker.request(callback);
    assert.equal(replay.status, 400);
    assert.equal((await errorOf(replay)).code, 'sign-in-failed');
    assert.ok(!attacker.cookies.has('zoom-join-session'));
  });

  it('a callback without the browser that started it (login CSRF): 400, nothing stored', async () => {
    const victim = new Browser();
    const { callback } = await victim.startSignIn(app);
    const attacker = new Browser();
    const response = await attacker.request(callback);
    assert.equal(response.status, 400);
    const error = await errorOf(response);
    assert.equal(error.code, 'sign-in-failed');
    assert.match(error.message, /not started in this browser/);
    assert.ok(!attacker.cookies.has('zoom-join-session'));
  });

  it("a stolen code redeemed in the attacker's own sign-in: Zoom refuses the wrong PKCE verifier", async () => {
    const victim = new Browser();
    const stolen = (await victim.startSignIn(app)).callback;
    const attacker = new Browser();
    const own = (await attacker.startSignIn(app)).callback;
    const injected = new URL(own);
    injected.searchParams.set('code', stolen.searchParams.get('code') ?? '');
    const response = await attacker.request(injected);
    assert.equal(response.status, 400);
    const error = await errorOf(response);
    assert.equal(error.code, 'sign-in-failed');
    assert.match(error.message, /Zoom did not accept this sign-in \(invalid_grant\)/);
    assert.ok(!attacker.cookies.has('zoom-join-session'));
    assert.equal(app.zoom.double.record.filter((entry) => entry.grantType === 'authorization_code').at(-1)?.error, 'invalid_grant');
  });

  it('a stolen code redeemed straight at Zoom without a verifier (even with the client secret): refused', async () => {
    const { callback } = await new Browser().startSignIn(app);
    const response = await fetch(`${app.zoom.origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: `${app.origin}/zoom/callback`,
      }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { reason: 'Missing code_verifier', error: 'invalid_grant' });
  });

  for (const target of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example', '///evil.example', 'http:evil.example']) {
    it(`open redirect ${JSON.stringify(target)}: the sign-in ends on "/"`, async () => {
      const browser = new Browser();
      const done = await browser.signIn(app, `?return=${encodeURIComponent(target)}`);
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/');
    });
  }

  it('a tampered session cookie, or one signed with another secret: 401 sign-in-required', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const genuine = browser.cookies.get('zoom-join-session') ?? '';
    const [payload = '', signature = ''] = decodeURIComponent(genuine).split(/\.(?=[^.]+$)/);
    const parts = payload.split('.');
    parts[1] = btoa('someone-else').replace(/=+$/, '');
    const tampered = new Browser();
    tampered.cookies.set('zoom-join-session', encodeURIComponent(`${parts.join('.')}.${signature}`));
    assert.equal((await errorOf(await tampered.signature(app))).code, 'sign-in-required');

    const other = await startApp({ sessionSecret: 'a-different-session-secret-of-32+chars' }, {}, app.zoom);
    try {
      const elsewhere = new Browser();
      await elsewhere.signIn(other);
      const forged = new Browser();
      forged.cookies.set('zoom-join-session', elsewhere.cookies.get('zoom-join-session') ?? '');
      const response = await forged.signature(app);
      assert.equal(response.status, 401);
      assert.equal((await errorOf(response)).code, 'sign-in-required');
    } finally {
      await other.close();
    }
  });

  it('sign-out posted from another origin: 403, still signed in', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const response = await browser.request(`${app.origin}/zoom/sign-out`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    assert.equal((await browser.signature(app)).status, 200);
  });
});
