// The Zoom OAuth double behaves as Zoom's documents say (sources in demo/zoom-oauth-double/zoom-oauth-double.ts),
// seen from a real OAuth client (oauth4webapi) over real HTTP and from plain fetch.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import * as oauth from 'oauth4webapi';
import {
  createZoomOAuthDouble,
  startZoomOAuthDouble,
  type RunningZoomOAuthDouble,
  type ZoomDoubleUser,
  type ZoomOAuthDoubleOptions,
} from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { expectedSignature, expectedUrlValidationAnswer, hmacSha256Hex } from './webhook-expectations.js';

const CLIENT_ID = 'double-client-id';
const CLIENT_SECRET = 'double-client-secret-value';
const WEBHOOK_SECRET = 'double-webhook-secret-token';
const REDIRECT_URI = 'https://app.example.com/zoom/callback';
const ADA: ZoomDoubleUser = { id: 'user-ada', email: 'ada@example.com', displayName: 'Ada Lovelace', accountId: 'acct-1' };
const GRACE: ZoomDoubleUser = { id: 'user-grace', email: 'grace@example.com', displayName: 'Grace Hopper' };

/** A clock tests move by hand. */
function clock(start = Date.UTC(2026, 11, 7, 12)): { now: () => number; advance(seconds: number): void } {
  let time = start;
  return { now: () => time, advance: (seconds) => void (time += seconds * 1000) };
}

interface Setup {
  running: RunningZoomOAuthDouble;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  auth: oauth.ClientAuth;
  time: ReturnType<typeof clock>;
}

async function setup(extra: Partial<ZoomOAuthDoubleOptions> = {}): Promise<Setup> {
  const time = clock();
  const running = await startZoomOAuthDouble({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    webhookSecretToken: WEBHOOK_SECRET,
    users: [ADA, GRACE],
    now: time.now,
    ...extra,
  });
  const as: oauth.AuthorizationServer = {
    issuer: running.origin,
    authorization_endpoint: `${running.origin}/oauth/authorize`,
    token_endpoint: `${running.origin}/oauth/token`,
    revocation_endpoint: `${running.origin}/oauth/revoke`,
  };
  return { running, as, client: { client_id: CLIENT_ID }, auth: oauth.ClientSecretBasic(CLIENT_SECRET), time };
}

// oauth4webapi refuses http: unless told otherwise; only tests say so.
const insecure = { [oauth.allowInsecureRequests]: true } as const;

function authorizeUrl(origin: string, params: Record<string, string>): URL {
  const url = new URL('/oauth/authorize', origin);
  for (const [name, value] of Object.entries({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, ...params })) {
    url.searchParams.set(name, value);
  }
  return url;
}

async function location(response: Response): Promise<URL> {
  assert.equal(response.status, 302, `expected a redirect, got ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location') ?? '');
}

/** Authorization with PKCE through the auto-approving consent: the callback URL and the verifier. */
async function authorizeWithPkce(s: Setup, userId = ADA.id): Promise<{ callback: URL; verifier: string; state: string }> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  s.running.double.controls.autoApprove(userId);
  const url = authorizeUrl(s.running.origin, {
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const callback = await location(await fetch(url, { redirect: 'manual' }));
  return { callback, verifier, state };
}

async function signIn(s: Setup, userId = ADA.id): Promise<oauth.TokenEndpointResponse> {
  const { callback, verifier, state } = await authorizeWithPkce(s, userId);
  const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, verifier, insecure);
  return oauth.processAuthorizationCodeResponse(s.as, s.client, response);
}

async function rejection(promise: Promise<unknown>): Promise<oauth.ResponseBodyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof oauth.ResponseBodyError, `expected a ResponseBodyError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the token endpoint to refuse');
}

function userToken(origin: string, accessToken: string | null, query: string): Promise<Response> {
  const headers: Record<string, string> = accessToken === null ? {} : { authorization: `Bearer ${accessToken}` };
  return fetch(`${origin}/v2/users/me/token?${query}`, { headers });
}

describe('Zoom OAuth double: consent page (/oauth/authorize)', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.running.close());

  it('shows Allow and Decline, and Allow sends the code and the state back to redirect_uri', async () => {
    const page = await fetch(authorizeUrl(s.running.origin, { state: 'st-1', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    assert.match(html, /<button[^>]*value="deny"[^>]*>Decline<\/button>/);
    assert.match(html, /Grace Hopper/);
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(request);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    assert.equal(action, '/oauth/authorize/decision');
    const allowed = await fetch(new URL(action, s.running.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, user: GRACE.id, decision: 'allow' }),
    });
    const back = await location(allowed);
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URI);
    assert.equal(back.searchParams.get('state'), 'st-1');
    assert.ok((back.searchParams.get('code') ?? '').length >= 20);
  });

  it('Decline on the page redirects with error=access_denied and the state', async () => {
    const html = await (await fetch(authorizeUrl(s.running.origin, { state: 'st-2' }))).text();
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const declined = await fetch(new URL('/oauth/authorize/decision', s.running.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, decision: 'deny' }),
    });
    const back = await location(declined);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'st-2');
    assert.equal(back.searchParams.get('code'), null);
    // The page's request is spent: posting it again is refused.
    const again = await fetch(new URL('/oauth/authorize/decision', s.running.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, decision: 'allow' }),
    });
    assert.equal(again.status, 400);
  });

  it('autoDecline answers the authorization request with access_denied, and oauth4webapi reports it', async () => {
    s.running.double.controls.autoDecline();
    const back = await location(await fetch(authorizeUrl(s.running.origin, { state: 'st-3' }), { redirect: 'manual' }));
    assert.throws(() => oauth.validateAuthResponse(s.as, s.client, back, 'st-3'), (error: unknown) => {
      return error instanceof oauth.AuthorizationResponseError && error.error === 'access_denied';
    });
  });

  it('a user picked in the query is approved at once', async () => {
    const back = await location(await fetch(authorizeUrl(s.running.origin, { user: GRACE.id }), { redirect: 'manual' }));
    assert.ok(back.searchParams.get('code'));
    assert.equal(back.searchParams.has('state'), false);
  });

  for (const [name, params, title] of [
    ['an unknown client_id', { client_id: 'someone-else' }, 'Invalid client_id'],
    ['no redirect_uri', { redirect_uri: '' }, 'Invalid redirect'],
    ['a relative redirect_uri', { redirect_uri: '/callback' }, 'Invalid redirect'],
    ['response_type=token', { response_type: 'token' }, 'Invalid request'],
    ['code_challenge_method=S512', { code_challenge: 'abc', code_challenge_method: 'S512' }, 'Invalid request'],
  ] as const) {
    it(`answers ${name} with an error page (400), not a redirect`, async () => {
      s.running.double.controls.autoApprove(ADA.id);
      const url = authorizeUrl(s.running.origin, params);
      if ('redirect_uri' in params && params.redirect_uri === '') url.searchParams.delete('redirect_uri');
      const response = await fetch(url, { redirect: 'manual' });
      assert.equal(response.status, 400);
      assert.match(await response.text(), new RegExp(title));
    });
  }

  it('refuses a redirect_uri that is not on the app allow list', async () => {
    await s.running.close();
    s = await setup({ redirectUris: ['https://app.example.com/other'] });
    const response = await fetch(authorizeUrl(s.running.origin, {}), { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /allow list/);
  });
});

describe('Zoom OAuth double: authorization code with PKCE (oauth4webapi as the client)', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.running.close());

  it('a full round trip gives bearer tokens with the scope, an hour of life and api_url; the API answers a ZAK', async () => {
    const tokens = await signIn(s);
    assert.equal(tokens.token_type, 'bearer');
    assert.equal(tokens.expires_in, 3600);
    assert.equal(tokens.scope, 'user:read:token');
    assert.equal(tokens['api_url'], s.running.origin);
    assert.ok(tokens.refresh_token);
    assert.equal(s.running.double.controls.userOfAccessToken(tokens.access_token), ADA.id);
    const zak = await userToken(s.running.origin, tokens.access_token, 'type=zak');
    assert.equal(zak.status, 200);
    const { token } = (await zak.json()) as { token: string };
    assert.deepEqual(s.running.double.verifyIssuedToken(token), { kind: 'zak', userId: ADA.id, expired: false });
  });

  it('signs in the user who approved', async () => {
    const tokens = await signIn(s, GRACE.id);
    assert.equal(s.running.double.controls.userOfAccessToken(tokens.access_token), GRACE.id);
  });

  it('a code works once; its replay is refused (invalid_request) and the tokens it gave stop working', async () => {
    const { callback, verifier, state } = await authorizeWithPkce(s);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const first = await oauth.processAuthorizationCodeResponse(
      s.as,
      s.client,
      await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, verifier, insecure),
    );
    const replay = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, verifier, insecure),
      ),
    );
    assert.equal(replay.error, 'invalid_request');
    assert.equal(replay.status, 400);
    assert.equal((await userToken(s.running.origin, first.access_token, 'type=zak')).status, 401);
  });

  it('a code older than 5 minutes is refused', async () => {
    const { callback, verifier, state } = await authorizeWithPkce(s);
    s.time.advance(5 * 60 + 1);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const refused = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, verifier, insecure),
      ),
    );
    assert.equal(refused.error, 'invalid_request');
  });

  it('a redirect_uri other than the authorization request one is refused', async () => {
    const { callback, verifier, state } = await authorizeWithPkce(s);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const refused = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, 'https://app.example.com/elsewhere', verifier, insecure),
      ),
    );
    assert.equal(refused.error, 'invalid_request');
    assert.match(JSON.stringify(refused.cause), /Redirect URI mismatch/);
  });

  it('a wrong code_verifier is refused with invalid_grant', async () => {
    const { callback, state } = await authorizeWithPkce(s);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const refused = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, oauth.generateRandomCodeVerifier(), insecure),
      ),
    );
    assert.equal(refused.error, 'invalid_grant');
  });

  it('no code_verifier after a code_challenge is refused with invalid_grant', async () => {
    const { callback, state } = await authorizeWithPkce(s);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const refused = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, s.auth, params, REDIRECT_URI, oauth.nopkce, insecure),
      ),
    );
    assert.equal(refused.error, 'invalid_grant');
  });

  it('a wrong client secret is refused with invalid_client (401), and so is no client authentication', async () => {
    const { callback, verifier, state } = await authorizeWithPkce(s);
    const params = oauth.validateAuthResponse(s.as, s.client, callback, state);
    const refused = await rejection(
      oauth.processAuthorizationCodeResponse(
        s.as,
        s.client,
        await oauth.authorizationCodeGrantRequest(s.as, s.client, oauth.ClientSecretBasic('not-the-secret'), params, REDIRECT_URI, verifier, insecure),
      ),
    );
    assert.equal(refused.error, 'invalid_client');
    assert.equal(refused.status, 401);
    const anonymous = await fetch(`${s.running.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'whatever', redirect_uri: REDIRECT_URI }),
    });
    assert.equal(anonymous.status, 401);
    assert.deepEqual(await anonymous.json(), { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    assert.deepEqual(
      s.running.double.record.filter((entry) => entry.path === '/oauth/token').map((entry) => entry.clientAuth),
      ['wrong', 'missing'],
    );
  });

  it('client credentials are form-urlencoded before Base64 (RFC 6749 §2.3.1); malformed escapes are a wrong client', async () => {
    await s.running.close();
    s = await setup({ clientSecret: 'se:cr+et/%=' });
    const tokens = await signIn({ ...s, auth: oauth.ClientSecretBasic('se:cr+et/%=') });
    assert.ok(tokens.access_token);
    const malformed = await fetch(`${s.running.origin}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('%zz:%zz').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }),
    });
    assert.equal(malformed.status, 401);
    assert.equal(s.running.double.record.at(-1)?.clientAuth, 'wrong');
  });

  it('an unknown grant_type is refused with unsupported_grant_type', async () => {
    const response = await fetch(`${s.running.origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'password' }),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'unsupported_grant_type');
  });
});

describe('Zoom OAuth double: refresh tokens rotate', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.running.close());

  const refresh = async (token: string): Promise<oauth.TokenEndpointResponse> =>
    oauth.processRefreshTokenResponse(s.as, s.client, await oauth.refreshTokenGrantRequest(s.as, s.client, s.auth, token, insecure));

  it('a refresh answers new access and refresh tokens; the old refresh token is then refused (invalid_grant)', async () => {
    const first = await signIn(s);
    const second = await refresh(first.refresh_token ?? '');
    assert.notEqual(second.access_token, first.access_token);
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.equal(second.expires_in, 3600);
    assert.equal(second.scope, 'user:read:token');
    assert.equal((await userToken(s.running.origin, second.access_token, 'type=zak')).status, 200);
    const reused = await rejection(refresh(first.refresh_token ?? ''));
    assert.equal(reused.error, 'invalid_grant');
    assert.equal(reused.status, 400);
    // The newest one still works.
    const third = await refresh(second.refresh_token ?? '');
    assert.ok(third.access_token);
  });

  it('an access token stops working after expires_in, and a refresh brings a working one', async () => {
    const first = await signIn(s);
    s.time.advance(3600);
    const expired = await userToken(s.running.origin, first.access_token, 'type=zak');
    assert.equal(expired.status, 401);
    assert.deepEqual(await expired.json(), { code: 124, message: 'Access token is expired.' });
    const next = await refresh(first.refresh_token ?? '');
    assert.equal((await userToken(s.running.origin, next.access_token, 'type=zak')).status, 200);
  });

  it('honours accessTokenSeconds', async () => {
    await s.running.close();
    s = await setup({ accessTokenSeconds: 60 });
    const tokens = await signIn(s);
    assert.equal(tokens.expires_in, 60);
    s.time.advance(61);
    assert.equal((await userToken(s.running.origin, tokens.access_token, 'type=zak')).status, 401);
  });

  it('refuses a refresh token sent in the query string', async () => {
    const tokens = await signIn(s);
    const response = await fetch(`${s.running.origin}/oauth/token?grant_type=refresh_token&refresh_token=${tokens.refresh_token ?? ''}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}` },
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_request');
  });
});

describe('Zoom OAuth double: revoke (/oauth/revoke)', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.running.close());

  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

  it('revoking the access token answers {status:"success"} and ends the grant: API 401, refresh invalid_grant', async () => {
    const tokens = await signIn(s);
    const response = await oauth.revocationRequest(s.as, s.client, s.auth, tokens.access_token, insecure);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.clone().json(), { status: 'success' });
    await oauth.processRevocationResponse(response);
    const api = await userToken(s.running.origin, tokens.access_token, 'type=zak');
    assert.equal(api.status, 401);
    assert.deepEqual(await api.json(), { code: 124, message: 'Invalid access token.' });
    const refreshed = await rejection(
      oauth.processRefreshTokenResponse(
        s.as,
        s.client,
        await oauth.refreshTokenGrantRequest(s.as, s.client, s.auth, tokens.refresh_token ?? '', insecure),
      ),
    );
    assert.equal(refreshed.error, 'invalid_grant');
  });

  it('refuses the token in the query string, no token, and a wrong client', async () => {
    const tokens = await signIn(s);
    const inQuery = await fetch(`${s.running.origin}/oauth/revoke?token=${tokens.access_token}`, { method: 'POST', headers: { authorization: basic } });
    assert.equal(inQuery.status, 400);
    const none = await fetch(`${s.running.origin}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(none.status, 400);
    assert.deepEqual(await none.json(), { reason: 'Token cannot be empty.', error: 'invalid_request' });
    const wrongClient = await fetch(`${s.running.origin}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    assert.equal(wrongClient.status, 401);
    // None of these revoked anything.
    assert.equal((await userToken(s.running.origin, tokens.access_token, 'type=zak')).status, 200);
  });
});

describe('Zoom OAuth double: OBF tokens and ZAKs (/v2/users/me/token)', () => {
  let s: Setup;
  let accessToken: string;
  beforeEach(async () => {
    s = await setup();
    accessToken = (await signIn(s)).access_token;
  });
  afterEach(() => s.running.close());

  it('type=onbehalf&meeting_id answers a token naming the user and the meeting, good for 2 hours', async () => {
    const response = await userToken(s.running.origin, accessToken, 'type=onbehalf&meeting_id=85746065432');
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    assert.equal(token.split('.').length, 3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number; iat: number };
    assert.equal(claims.exp - claims.iat, 7200);
    assert.deepEqual(s.running.double.verifyIssuedToken(token), { kind: 'obf', userId: ADA.id, meetingNumber: '85746065432', expired: false });
    s.time.advance(7200);
    assert.equal(s.running.double.verifyIssuedToken(token)?.expired, true);
  });

  it('a ttl shorter than 2 hours is honoured; one over a year is refused', async () => {
    const short = await userToken(s.running.origin, accessToken, 'type=zak&ttl=300');
    const { token } = (await short.json()) as { token: string };
    s.time.advance(301);
    assert.equal(s.running.double.verifyIssuedToken(token)?.expired, true);
    assert.equal((await userToken(s.running.origin, accessToken, `type=zak&ttl=${366 * 24 * 3600}`)).status, 400);
  });

  it('a tampered token, a token of another double and a non-JWT are not verified', async () => {
    const { token } = (await (await userToken(s.running.origin, accessToken, 'type=zak')).json()) as { token: string };
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ uid: GRACE.id, token_type: 'zak', exp: 9e9 })).toString('base64url')}.${signature}`;
    assert.equal(s.running.double.verifyIssuedToken(forged), null);
    const other = createZoomOAuthDouble({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhookSecretToken: WEBHOOK_SECRET });
    assert.equal(other.verifyIssuedToken(token), null);
    assert.equal(s.running.double.verifyIssuedToken('not-a-jwt'), null);
  });

  it('no access token and an unknown one: 401 {code:124, message:"Invalid access token."}', async () => {
    for (const token of [null, 'made-up']) {
      const response = await userToken(s.running.origin, token, 'type=zak');
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { code: 124, message: 'Invalid access token.' });
    }
  });

  it('an access token in the query string is refused as Zoom does', async () => {
    const response = await fetch(`${s.running.origin}/v2/users/me/token?type=zak&access_token=${accessToken}`);
    assert.equal(response.status, 401);
    assert.match(((await response.json()) as { message: string }).message, /not supported as query parameter/);
  });

  it('rateLimitNext answers the next call 429 with Retry-After, and only that one', async () => {
    s.running.double.controls.rateLimitNext(7);
    const limited = await userToken(s.running.origin, accessToken, 'type=onbehalf&meeting_id=85746065432');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal(((await limited.json()) as { code: number }).code, 429);
    assert.equal((await userToken(s.running.origin, accessToken, 'type=onbehalf&meeting_id=85746065432')).status, 200);
  });

  it('a grant without user:read:token is refused with 400 code 4711 naming the scope', async () => {
    await s.running.close();
    s = await setup({ scopes: ['user:read:user'] });
    const tokens = await signIn(s);
    assert.equal(tokens.scope, 'user:read:user');
    const response = await userToken(s.running.origin, tokens.access_token, 'type=zak');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { code: 4711, message: 'Invalid access token, does not contain scopes:[user:read:token].' });
  });

  it('refuses a meeting_id that is not a meeting number, an unknown type and another user', async () => {
    assert.equal((await userToken(s.running.origin, accessToken, 'type=onbehalf&meeting_id=abc')).status, 400);
    assert.equal((await userToken(s.running.origin, accessToken, 'type=zpk')).status, 400);
    const other = await fetch(`${s.running.origin}/v2/users/${GRACE.id}/token?type=zak`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(other.status, 404);
    const own = await fetch(`${s.running.origin}/v2/users/${ADA.email}/token?type=zak`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(own.status, 200);
  });

  it('revokeUser ends that user\'s access at once', async () => {
    s.running.double.controls.revokeUser(ADA.id);
    assert.equal((await userToken(s.running.origin, accessToken, 'type=zak')).status, 401);
  });
});

describe('Zoom OAuth double: signed webhooks', () => {
  let s: Setup;
  before(async () => {
    s = await setup();
  });
  after(() => s.running.close());

  it('the HMAC helper of the tests matches a published HMAC-SHA256 test vector', () => {
    assert.equal(
      hmacSha256Hex('key', 'The quick brown fox jumps over the lazy dog'),
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('app_deauthorized: Zoom payload, x-zm-request-timestamp in seconds, v0= signature over "v0:ts:body"; grants end', async () => {
    const tokens = await signIn(s);
    const event = s.running.double.controls.deauthorizationEvent(ADA.id);
    const body = JSON.parse(event.body) as { event: string; event_ts: number; payload: Record<string, unknown> };
    assert.equal(body.event, 'app_deauthorized');
    assert.equal(body.payload['user_id'], ADA.id);
    assert.equal(body.payload['account_id'], 'acct-1');
    assert.equal(body.payload['client_id'], CLIENT_ID);
    assert.equal(body.payload['deauthorization_time'], new Date(s.time.now()).toISOString());
    const timestamp = event.headers['x-zm-request-timestamp'] ?? '';
    assert.equal(timestamp, String(Math.floor(s.time.now() / 1000)));
    assert.equal(event.headers['x-zm-signature'], expectedSignature(WEBHOOK_SECRET, timestamp, event.body));
    assert.notEqual(event.headers['x-zm-signature'], expectedSignature('another-secret', timestamp, event.body));
    const request = event.request('https://app.example.com/zoom/events');
    assert.equal(request.method, 'POST');
    assert.equal(request.headers.get('x-zm-signature'), event.headers['x-zm-signature']);
    assert.equal(await request.text(), event.body);
    assert.equal((await userToken(s.running.origin, tokens.access_token, 'type=zak')).status, 401);
  });

  it('endpoint.url_validation: the plainToken in the payload, signed like any event', () => {
    const event = s.running.double.controls.urlValidationEvent('qgg8vlvZRS6UYooatFL8Aw');
    const body = JSON.parse(event.body) as { event: string; payload: { plainToken: string } };
    assert.equal(body.event, 'endpoint.url_validation');
    assert.equal(body.payload.plainToken, 'qgg8vlvZRS6UYooatFL8Aw');
    assert.equal(event.headers['x-zm-signature'], expectedSignature(WEBHOOK_SECRET, event.headers['x-zm-request-timestamp'] ?? '', event.body));
    const answer = expectedUrlValidationAnswer(WEBHOOK_SECRET, body.payload.plainToken);
    assert.match(answer.encryptedToken, /^[0-9a-f]{64}$/);
    assert.equal(answer.encryptedToken, hmacSha256Hex(WEBHOOK_SECRET, 'qgg8vlvZRS6UYooatFL8Aw'));
  });

  it('signWebhook takes a chosen timestamp, for replay tests', () => {
    const event = s.running.double.controls.signWebhook('{"event":"x"}', 1_000_000);
    assert.equal(event.headers['x-zm-request-timestamp'], '1000000');
    assert.equal(event.headers['x-zm-signature'], expectedSignature(WEBHOOK_SECRET, '1000000', '{"event":"x"}'));
  });
});

describe('Zoom OAuth double: the record', () => {
  let s: Setup;
  after(() => s.running.close());

  it('lists what was asked and answered, and holds no secret value', async () => {
    s = await setup();
    const tokens = await signIn(s);
    const { token } = (await (await userToken(s.running.origin, tokens.access_token, 'type=onbehalf&meeting_id=85746065432')).json()) as {
      token: string;
    };
    await fetch(`${s.running.origin}/nowhere`);
    const record = s.running.double.record;
    assert.deepEqual(
      record.map((entry) => [entry.method, entry.path, entry.status]),
      [
        ['GET', '/oauth/authorize', 302],
        ['POST', '/oauth/token', 200],
        ['GET', '/v2/users/me/token', 200],
        ['GET', '/nowhere', 404],
      ],
    );
    assert.equal(record[1]?.grantType, 'authorization_code');
    assert.equal(record[1]?.withCodeVerifier, true);
    assert.equal(record[1]?.clientAuth, 'basic');
    assert.equal(record[2]?.tokenType, 'onbehalf');
    assert.equal(record[2]?.meetingId, '85746065432');
    const printed = JSON.stringify(record);
    for (const secret of [CLIENT_SECRET, WEBHOOK_SECRET, tokens.access_token, tokens.refresh_token ?? '', token]) {
      assert.equal(printed.includes(secret), false);
    }
  });
});

describe('Zoom OAuth double: the Fetch handler without a server', () => {
  it('answers requests addressed to zoom.us and api.zoom.us alike (the paths do not collide)', async () => {
    const double = createZoomOAuthDouble({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhookSecretToken: WEBHOOK_SECRET });
    double.controls.autoApprove();
    const authorize = await double.fetch(new Request(authorizeUrl('https://zoom.us', { state: 's' }).href, { redirect: 'manual' }));
    const code = (await location(authorize)).searchParams.get('code') ?? '';
    const token = await double.fetch(
      new Request('https://zoom.us/oauth/token', {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }),
      }),
    );
    const tokens = (await token.json()) as { access_token: string; api_url: string };
    assert.equal(tokens.api_url, 'https://api.zoom.us');
    const zak = await double.fetch(new Request('https://api.zoom.us/v2/users/me/token?type=zak', { headers: { authorization: `Bearer ${tokens.access_token}` } }));
    assert.equal(zak.status, 200);
    assert.equal(double.verifyIssuedToken(((await zak.json()) as { token: string }).token)?.kind, 'zak');
  });
});
