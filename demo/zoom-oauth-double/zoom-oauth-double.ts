/**
 * A double of Zoom's OAuth server (zoom.us/oauth/*) and of the one REST call the sign-in flow needs
 * (api.zoom.us/v2/users/me/token), for tests: this machine cannot reach zoom.us. One Fetch handler serves both at
 * one origin; the paths do not collide (/oauth/… and /v2/…).
 *
 * Every behaviour follows a Zoom document, named next to it. Where Zoom documents nothing (error bodies of the token
 * endpoint, the consent page's decline), the double does what Zoom was seen answering in public bug reports, or
 * else what RFC 6749 / 7636 / 7009 require; those places say so.
 *
 * Sources, short names used below:
 * - [oauth]   https://developers.zoom.us/docs/integrations/oauth/ (the page the OBF and ZAK pages link for the flow),
 *             its requests and answers as Zoom's Postman collection shows them (developers.qodex.ai/zoom-public/…
 *             "Request access token", "Refresh access token"): POST https://zoom.us/oauth/token, Authorization
 *             "Basic base64(client_id:client_secret)", form body, answer {access_token, token_type: "bearer",
 *             refresh_token, expires_in, scope}; access tokens last one hour. And
 *             https://developers.zoom.us/docs/integrations/end-user-auth/ (the authorization URL)
 * - [rooms]   https://developers.zoom.us/docs/rooms/oauth/ (token parameters "as query parameters or in the body")
 * - [pkce]    https://developers.zoom.us/docs/integrations/PKCE/ and
 *             https://developers.zoom.us/blog/pcke-oauth-with-postman-rest-api/ (S256: base64url(sha256(verifier)))
 * - [code5m]  https://developers.zoom.us/docs/rooms/za/za-digi-sign-oauth/ ("The OAuth code expires in 5 minutes")
 * - [revoke]  Zoom's Postman collection, "Revoke an access token": POST https://zoom.us/oauth/revoke, Basic auth,
 *             form body token=…, answer {"status":"success"}
 * - [noquery] https://developers.zoom.us/blog/access-token-change-faq/ and
 *             https://devforum.zoom.us/t/security-update-no-token-values-in-url-query-parameters/78782
 *             (since Feb 2023 token values only in the Authorization header / body, never in the query)
 * - [zak]     https://developers.zoom.us/docs/meeting-sdk/auth/zak/ (GET /v2/users/{userId}/token?type=zak,
 *             Bearer, {"token"}, 2 hours, custom TTL up to one year)
 * - [obf]     https://developers.zoom.us/docs/meeting-sdk/auth/obf/ (type=onbehalf, 2 hours) and
 *             https://developers.zoom.us/docs/meeting-sdk/obf-faq/ (scope user:read:token; the owner must already
 *             be in the meeting) and https://developers.zoom.us/blog/transition-to-obf-token-meetingsdk-apps/
 *             ("short-lived, single-use")
 * - [errors]  https://developers.zoom.us/docs/api/errors (401 invalid credentials, 429 rate limit, {code, message})
 * - [rate]    https://developers.zoom.us/docs/commerce/rate-limits/ (HTTP 429 when a rate limit is exceeded)
 * - [webhook] https://developers.zoom.us/docs/api/webhooks/ ("Verify webhook events", "Validate your webhook
 *             endpoint"): x-zm-signature = "v0=" + hex HMAC-SHA256(secret token, "v0:{x-zm-request-timestamp}:{raw
 *             body}"); endpoint.url_validation → {plainToken, encryptedToken = hex HMAC-SHA256(secret token,
 *             plainToken)}. The formula as webhooks.fyi/webhook-directory/zoom and Zoom's sample code quote it.
 * - [deauth]  https://marketplace.zoom.us/docs/api-reference/webhook-reference/app-events/app-deauthorized and
 *             https://marketplace.zoom.us/docs/guides/auth/deauthorization/ (the app_deauthorized payload)
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZoomDoubleUser {
  id: string;
  email: string;
  displayName: string;
  /** Zoom account id; the deauthorization event carries it. Default: derived from the user id. */
  accountId?: string;
}

export interface ZoomOAuthDoubleOptions {
  clientId: string;
  clientSecret: string;
  webhookSecretToken: string;
  /** Zoom users who may sign in; the first is the default. Default: one user, DEFAULT_USER. */
  users?: ZoomDoubleUser[];
  /** Lifetime of access tokens. [oauth]: one hour. */
  accessTokenSeconds?: number;
  /** Scopes the app was given in the Marketplace and that every grant carries. Default ['user:read:token'] ([obf]). */
  scopes?: string[];
  /** Redirect URIs on the app's OAuth allow list (its build page); when given, /oauth/authorize refuses others. */
  redirectUris?: string[];
  /** What the token answer says in `api_url`. Default https://api.zoom.us; startZoomOAuthDouble puts its origin. */
  apiUrl?: string;
  /** Clock in milliseconds, for expiry. Default Date.now. */
  now?: () => number;
  /**
   * Where the double's paths start on its origin, e.g. "/zoom-double-oauth" when it shares the demo's dev server
   * (Zoom's own paths start at the root). Default "".
   */
  pathPrefix?: string;
}

export const DEFAULT_USER: ZoomDoubleUser = { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'ada@example.com', displayName: 'Ada Lovelace' };

/** What the double saw, without any secret value: tests may print it. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  grantType?: string;
  /** How the client authenticated on /oauth/token and /oauth/revoke. */
  clientAuth?: 'basic' | 'missing' | 'wrong';
  withCodeVerifier?: boolean;
  /** `type` of /v2/users/me/token. */
  tokenType?: string;
  meetingId?: string;
  /** Zoom's `error` (OAuth) or `code` (REST) when refused. */
  error?: string;
}

export interface IssuedTokenInfo {
  kind: 'obf' | 'zak';
  userId: string;
  meetingNumber?: string;
  expired: boolean;
}

export interface SignedWebhook {
  /** The raw JSON body, exactly the bytes that were signed. */
  body: string;
  headers: Record<string, string>;
  /** The same as a Request to the app's event endpoint. */
  request(url: string): Request;
}

export interface ZoomOAuthDoubleControls {
  /** The consent page answers at once: Allow as this user (a Node test need not parse HTML). */
  autoApprove(userId?: string): void;
  /** The consent page answers at once: Decline. */
  autoDecline(): void;
  /** Back to showing the consent page (the default). */
  showConsentPage(): void;
  /** The next /v2 call answers 429 with Retry-After. */
  rateLimitNext(retryAfterSeconds: number): void;
  /** Every grant of this user stops working, as when they remove the app or sign out everywhere. */
  revokeUser(userId: string): void;
  /** Zoom's app_deauthorized event for this user, signed; also revokes the user's grants. */
  deauthorizationEvent(userId: string): SignedWebhook;
  /** Zoom's endpoint.url_validation challenge, signed. */
  urlValidationEvent(plainToken: string): SignedWebhook;
  /** An event body signed with a chosen timestamp (seconds), for replay tests. */
  signWebhook(body: string, timestampSeconds?: number): SignedWebhook;
  /** Who owns a live access token (for assertions), or undefined. */
  userOfAccessToken(accessToken: string): string | undefined;
}

export interface ZoomOAuthDouble {
  fetch(request: Request): Promise<Response>;
  controls: ZoomOAuthDoubleControls;
  record: RecordedRequest[];
  /** Checks an OBF token or ZAK this double issued (signature and expiry), for a meeting double. */
  verifyIssuedToken(token: string): IssuedTokenInfo | null;
}

const AUTHORIZATION_CODE_MS = 5 * 60_000; // [code5m]
// Zoom's docs state no refresh-token lifetime on the pages above; 90 days is what Zoom's forum and samples say.
const REFRESH_TOKEN_MS = 90 * 24 * 3600_000;
const ISSUED_TOKEN_SECONDS = 2 * 3600; // [zak], [obf]: 2 hours
const MAX_TTL_SECONDS = 365 * 24 * 3600; // [zak], [obf]: custom TTL up to one year

interface PendingAuthorization {
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain';
}

interface Grant {
  id: string;
  userId: string;
  revoked: boolean;
}

interface CodeEntry extends PendingAuthorization {
  userId: string;
  expiresAt: number;
  used: boolean;
  /** The grant its exchange created, revoked if the code is replayed (RFC 6749 §4.1.2). */
  grantId?: string;
}

interface TokenEntry {
  grantId: string;
  expiresAt: number;
  /** Refresh tokens rotate: a used one is dead. */
  used: boolean;
}

type ConsentMode = { kind: 'page' } | { kind: 'approve'; userId: string } | { kind: 'decline' };

function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

function sha256Base64Url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8', ...headers } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlPage(status: number, title: string, body: string): Response {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return new Response(page, { status, headers: { 'content-type': 'text/html;charset=UTF-8' } });
}

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}

function withQuery(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
}

/** Token endpoint errors as Zoom answers them: {reason, error} (see the notes at each use). */
function oauthError(status: number, error: string, reason: string): Response {
  return json(status, { reason, error });
}

export function createZoomOAuthDouble(options: ZoomOAuthDoubleOptions): ZoomOAuthDouble {
  const users = options.users && options.users.length > 0 ? options.users : [DEFAULT_USER];
  const now = options.now ?? Date.now;
  const accessTokenMs = (options.accessTokenSeconds ?? 3600) * 1000;
  const scopes = options.scopes ?? ['user:read:token'];
  const apiUrl = options.apiUrl ?? 'https://api.zoom.us';
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  // Signs the OBF tokens and ZAKs; never leaves the double.
  const issuingKey = randomBytes(32);

  const pending = new Map<string, PendingAuthorization>();
  const codes = new Map<string, CodeEntry>();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, TokenEntry>();
  const refreshTokens = new Map<string, TokenEntry>();
  const record: RecordedRequest[] = [];
  let consent: ConsentMode = { kind: 'page' };
  let rateLimit: number | null = null;

  const userById = (id: string): ZoomDoubleUser | undefined => users.find((user) => user.id === id);
  const accountOf = (user: ZoomDoubleUser): string => user.accountId ?? `acct-${user.id}`;

  function issueTokens(grant: Grant): Record<string, unknown> {
    // Shaped like the decoded example in Zoom's Postman collection ("Request access token"): an HS512 JWT there with
    // {ver, clientId, iss, userId, aud: "https://oauth.zoom.us", accountId, tokenType, jti, …}; apps must treat it
    // as opaque, and the double only keeps the claims a diagnosis might read.
    const user = userById(grant.userId);
    const common = {
      ver: '6',
      clientId: options.clientId,
      iss: `urn:zoom:connect:clientid:${options.clientId}`,
      userId: grant.userId,
      aud: 'https://oauth.zoom.us',
      accountId: user ? accountOf(user) : '',
    };
    const accessToken = signJwt({ ...common, tokenType: 'access_token', jti: randomToken(12) }, accessTokenMs / 1000);
    const refreshToken = signJwt({ ...common, tokenType: 'refresh_token', jti: randomToken(12) }, REFRESH_TOKEN_MS / 1000);
    accessTokens.set(accessToken, { grantId: grant.id, expiresAt: now() + accessTokenMs, used: false });
    refreshTokens.set(refreshToken, { grantId: grant.id, expiresAt: now() + REFRESH_TOKEN_MS, used: false });
    // [oauth]: {access_token, token_type: "bearer", refresh_token, expires_in, scope}. api_url is not in that
    // example; Zoom's newer answers are reported to carry it, and it lets a test point the API calls at the double.
    return {
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: refreshToken,
      expires_in: accessTokenMs / 1000,
      scope: scopes.join(' '),
      api_url: apiUrl,
    };
  }

  function signJwt(claims: Record<string, unknown>, lifetimeSeconds: number): string {
    const iat = Math.floor(now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + lifetimeSeconds })).toString('base64url');
    const signature = createHmac('sha256', issuingKey).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  function readJwt(token: string): Record<string, unknown> | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', issuingKey).update(`${header}.${payload}`).digest('base64url');
    if (!sameText(expected, signature)) return null;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  /** Client authentication by HTTP Basic, the way [oauth] documents ("Basic base64(client_id:client_secret)"). */
  function clientAuth(request: Request): 'basic' | 'missing' | 'wrong' {
    const header = request.headers.get('authorization');
    if (!header || !/^basic /i.test(header)) return 'missing';
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return 'wrong';
    try {
      // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64; oauth4webapi does so.
      const id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      const secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      return sameText(id, options.clientId) && sameText(secret, options.clientSecret) ? 'basic' : 'wrong';
    } catch {
      return 'wrong'; // malformed %-escapes
    }
  }

  async function formOf(request: Request): Promise<URLSearchParams> {
    const type = request.headers.get('content-type') ?? '';
    if (!type.includes('application/x-www-form-urlencoded')) return new URLSearchParams();
    return new URLSearchParams(await request.text());
  }

  // ---- /oauth/authorize: the consent page ----------------------------------------------------------------------

  function authorize(url: URL, entry: RecordedRequest): Response {
    const q = url.searchParams;
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri');
    // Without a known client and a usable redirect URI there is nowhere safe to send an error: a page
    // (RFC 6749 §4.1.2.1; Zoom shows its own error page then).
    if (clientId === null || !sameText(clientId, options.clientId)) {
      entry.error = 'invalid_client';
      return htmlPage(400, 'Invalid client_id', '<p>The app is not known to Zoom. Check the client ID in the authorization URL.</p>');
    }
    if (redirectUri === null || !URL.canParse(redirectUri)) {
      entry.error = 'invalid_redirect_uri';
      return htmlPage(400, 'Invalid redirect', '<p>The redirect_uri parameter is missing or not an absolute URL.</p>');
    }
    if (options.redirectUris && !options.redirectUris.includes(redirectUri)) {
      entry.error = 'invalid_redirect_uri';
      return htmlPage(400, 'Invalid redirect', '<p>The redirect_uri is not on the app\'s allow list in the Zoom App Marketplace.</p>');
    }
    if (q.get('response_type') !== 'code') {
      entry.error = 'unsupported_response_type';
      return htmlPage(400, 'Invalid request', '<p>response_type must be "code".</p>');
    }
    const challenge = q.get('code_challenge');
    const method = q.get('code_challenge_method') ?? 'plain'; // RFC 7636 §4.3: plain when absent
    if (challenge !== null && method !== 'S256' && method !== 'plain') {
      entry.error = 'invalid_request';
      return htmlPage(400, 'Invalid request', '<p>code_challenge_method must be S256 or plain.</p>');
    }
    const authorization: PendingAuthorization = {
      redirectUri,
      state: q.get('state'),
      codeChallenge: challenge,
      codeChallengeMethod: method === 'S256' ? 'S256' : 'plain',
    };
    // A test may pick the user in the query as well as by control.
    const queryUser = q.get('user');
    const mode: ConsentMode = queryUser !== null ? { kind: 'approve', userId: queryUser } : consent;
    if (mode.kind === 'approve') return decide(authorization, 'allow', mode.userId, entry);
    if (mode.kind === 'decline') return decide(authorization, 'deny', null, entry);
    const id = randomToken(16);
    pending.set(id, authorization);
    const choices = users
      .map(
        (user, index) =>
          `<label><input type="radio" name="user" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(user.displayName)} (${escapeHtml(user.email)})</label><br>`,
      )
      .join('');
    return htmlPage(
      200,
      'Allow this app to use your Zoom account?',
      `<form method="post" action="${escapeHtml(prefix)}/oauth/authorize/decision"><input type="hidden" name="request" value="${id}">` +
        `<fieldset><legend>Signed in as</legend>${choices}</fieldset>` +
        `<p>The app asks for: ${escapeHtml(scopes.join(', '))}</p>` +
        '<button type="submit" name="decision" value="allow">Allow</button> ' +
        '<button type="submit" name="decision" value="deny">Decline</button></form>',
    );
  }

  function decide(authorization: PendingAuthorization, decision: 'allow' | 'deny', userId: string | null, entry: RecordedRequest): Response {
    if (decision === 'deny') {
      // Zoom's docs do not show a declined consent; RFC 6749 §4.1.2.1 sends error=access_denied with the state.
      entry.error = 'access_denied';
      return redirect(withQuery(authorization.redirectUri, { error: 'access_denied', state: authorization.state }));
    }
    const user = userById(userId ?? '');
    if (!user) {
      entry.error = 'unknown_user';
      return htmlPage(400, 'Unknown user', '<p>No such Zoom user in this double.</p>');
    }
    const code = randomToken(24);
    codes.set(code, { ...authorization, userId: user.id, expiresAt: now() + AUTHORIZATION_CODE_MS, used: false });
    // [oauth]: Zoom redirects to redirect_uri?code=…(&state=… when one was sent).
    return redirect(withQuery(authorization.redirectUri, { code, state: authorization.state }));
  }

  async function decision(request: Request, entry: RecordedRequest): Promise<Response> {
    const form = await formOf(request);
    const authorization = pending.get(form.get('request') ?? '');
    if (!authorization) {
      entry.error = 'invalid_request';
      return htmlPage(400, 'This sign-in page has expired', '<p>Start signing in again from the app.</p>');
    }
    pending.delete(form.get('request') ?? '');
    return decide(authorization, form.get('decision') === 'allow' ? 'allow' : 'deny', form.get('user') ?? users[0]?.id ?? null, entry);
  }

  // ---- /oauth/token ------------------------------------------------------------------------------------------------

  async function token(request: Request, url: URL, entry: RecordedRequest): Promise<Response> {
    const auth = clientAuth(request);
    entry.clientAuth = auth;
    if (auth !== 'basic') {
      // Zoom answers {"reason":"Invalid client_id or client_secret","error":"invalid_client"} (seen in
      // github.com/JubaerHossain/zoom-laravel/issues/3, with status 400 there); RFC 6749 §5.2 asks 401 of a server
      // whose client used the Authorization header, and the double says 401. No WWW-Authenticate: none is reported
      // from Zoom, and with one oauth4webapi would throw a challenge error instead of the body's invalid_client.
      entry.error = 'invalid_client';
      return oauthError(401, 'invalid_client', 'Invalid client_id or client_secret');
    }
    // [rooms]: parameters as query parameters or in an x-www-form-urlencoded body; the body wins here.
    const form = await formOf(request);
    const param = (name: string): string | null => form.get(name) ?? url.searchParams.get(name);
    const grantType = param('grant_type');
    entry.grantType = grantType ?? '(none)';
    if (grantType === 'authorization_code') return exchangeCode(param, entry);
    if (grantType === 'refresh_token') {
      if (url.searchParams.has('refresh_token')) return queryTokenRefused(entry);
      return refresh(param('refresh_token'), entry);
    }
    // Seen from Zoom: {"reason":"unsupported grant type","error":"unsupported_grant_type"} (zoom/server-to-server-oauth-token#3).
    entry.error = 'unsupported_grant_type';
    return oauthError(400, 'unsupported_grant_type', 'unsupported grant type');
  }

  function queryTokenRefused(entry: RecordedRequest): Response {
    // [noquery]: token values are not accepted in the query string.
    entry.error = 'invalid_request';
    return oauthError(400, 'invalid_request', 'Token values are not accepted as query parameters; send them in the request body.');
  }

  function exchangeCode(param: (name: string) => string | null, entry: RecordedRequest): Response {
    const code = param('code');
    const verifier = param('code_verifier');
    entry.withCodeVerifier = verifier !== null;
    const stored = code === null ? undefined : codes.get(code);
    if (!stored || stored.used || stored.expiresAt <= now()) {
      if (stored?.used && stored.grantId) revokeGrant(stored.grantId); // a replayed code: RFC 6749 §4.1.2
      // Seen from Zoom on a used or unknown code: {"reason":"Invalid authorization code …","error":"invalid_request"}
      // (github.com/Jericho/ZoomNet/issues/36). The double leaves the code itself out of the reason.
      entry.error = 'invalid_request';
      return oauthError(400, 'invalid_request', 'Invalid authorization code');
    }
    stored.used = true; // single use, even when the checks below fail (RFC 6749 §4.1.2)
    if (param('redirect_uri') !== stored.redirectUri) {
      // [oauth]: the redirect_uri of the token request must be the one of the authorization request.
      entry.error = 'invalid_request';
      return oauthError(400, 'invalid_request', 'Redirect URI mismatch.');
    }
    if (stored.codeChallenge !== null) {
      // [pkce]: S256 compares base64url(sha256(code_verifier)) with the challenge. Zoom's failure body is not
      // documented; RFC 7636 §4.6 says invalid_grant.
      const derived = verifier === null ? null : stored.codeChallengeMethod === 'S256' ? sha256Base64Url(verifier) : verifier;
      if (derived === null || !sameText(derived, stored.codeChallenge)) {
        entry.error = 'invalid_grant';
        return oauthError(400, 'invalid_grant', verifier === null ? 'Missing code_verifier' : 'Invalid code_verifier');
      }
    }
    const grant: Grant = { id: randomToken(12), userId: stored.userId, revoked: false };
    grants.set(grant.id, grant);
    stored.grantId = grant.id;
    return json(200, issueTokens(grant));
  }

  function refresh(refreshToken: string | null, entry: RecordedRequest): Response {
    const stored = refreshToken === null ? undefined : refreshTokens.get(refreshToken);
    const grant = stored ? grants.get(stored.grantId) : undefined;
    if (!stored || !grant || stored.used || grant.revoked || stored.expiresAt <= now()) {
      // Seen from Zoom on a used refresh token: 400 {"reason":"Invalid Token!","error":"invalid_grant"}
      // (github.com/raycast/extensions/issues/10896). Zoom rotates refresh tokens: each refresh answers a new one
      // and the old one stops working (documentation.sailpoint.com/connectors/saas/zoom/help/saas_connectivity/zoom/
      // grant_type_refresh_token.html: "Zoom supports rotating refresh tokens"; Zoom's own pages do not say it).
      entry.error = 'invalid_grant';
      return oauthError(400, 'invalid_grant', 'Invalid Token!');
    }
    stored.used = true;
    return json(200, issueTokens(grant));
  }

  // ---- /oauth/revoke -----------------------------------------------------------------------------------------------

  async function revoke(request: Request, url: URL, entry: RecordedRequest): Promise<Response> {
    const auth = clientAuth(request);
    entry.clientAuth = auth;
    if (auth !== 'basic') {
      entry.error = 'invalid_client';
      return oauthError(401, 'invalid_client', 'Invalid client_id or client_secret');
    }
    if (url.searchParams.has('token')) return queryTokenRefused(entry); // [noquery]
    const value = (await formOf(request)).get('token');
    if (value === null || value === '') {
      entry.error = 'invalid_request';
      return oauthError(400, 'invalid_request', 'Token cannot be empty.'); // https://developers.zoom.us/docs/integrations/oauth-error-messages/
    }
    const stored = accessTokens.get(value) ?? refreshTokens.get(value);
    // Revoking either token ends the user's authorization of the app, both tokens with it (RFC 7009 §2.1 lets it);
    // an unknown token is still answered with success (RFC 7009 §2.2).
    if (stored) revokeGrant(stored.grantId);
    return json(200, { status: 'success' }); // [revoke]
  }

  function revokeGrant(grantId: string): void {
    const grant = grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  // ---- /v2/users/{me}/token ----------------------------------------------------------------------------------------

  function userToken(request: Request, url: URL, userPath: string, entry: RecordedRequest): Response {
    const type = url.searchParams.get('type') ?? 'token';
    entry.tokenType = type;
    const meetingId = url.searchParams.get('meeting_id');
    if (meetingId !== null) entry.meetingId = meetingId;
    const refuse = (status: number, code: number, message: string, headers: Record<string, string> = {}): Response => {
      entry.error = String(code);
      return json(status, { code, message }, headers);
    };
    if (url.searchParams.has('access_token')) {
      // [noquery]; the message as Zoom answers it (github.com/giorgosavgeris/passport-zoom-oauth2/issues/6).
      return refuse(401, 124, 'Invalid access token, this access token is not supported as query parameter string.');
    }
    const header = request.headers.get('authorization') ?? '';
    const bearer = /^bearer (.+)$/i.exec(header)?.[1]?.trim() ?? '';
    const stored = accessTokens.get(bearer);
    const grant = stored ? grants.get(stored.grantId) : undefined;
    // [errors]: 401 for invalid or missing credentials; Zoom's body {"code":124,"message":"Invalid access token."}
    // (github.com/kyleboe/zoom_rb/pull/36, github.com/MacsiDigital/laravel-zoom/issues/22).
    if (!stored || !grant || grant.revoked) return refuse(401, 124, 'Invalid access token.');
    if (stored.expiresAt <= now()) return refuse(401, 124, 'Access token is expired.');
    if (rateLimit !== null) {
      const retryAfter = rateLimit;
      rateLimit = null;
      // [rate]: HTTP 429. The message is the one Zoom gives for a per-second limit, as reported on its forum.
      return refuse(429, 429, 'You have reached the maximum per-second rate limit for this API. Try again later.', {
        'retry-after': String(retryAfter),
      });
    }
    if (!scopes.includes('user:read:token')) {
      // [errors]: "does not contain scopes"; Zoom answers 400 {"code":4711,…} (github.com/lanec/zoom-batch-downloader/issues/34).
      return refuse(400, 4711, 'Invalid access token, does not contain scopes:[user:read:token].');
    }
    const user = userById(grant.userId);
    if (!user) return refuse(401, 124, 'Invalid access token.');
    if (userPath !== 'me' && userPath !== user.id && userPath !== user.email) {
      // A user-level app reaches only its own user ([zak]: pass "me").
      return refuse(404, 1001, `User does not exist: ${userPath}.`);
    }
    if (type !== 'zak' && type !== 'onbehalf') {
      // The double only knows the two types the sign-in flow asks for.
      return refuse(400, 300, 'Invalid field: type. The double answers type=zak and type=onbehalf.');
    }
    if (meetingId !== null && !/^\d{9,12}$/.test(meetingId)) return refuse(400, 300, 'Invalid field: meeting_id.');
    const ttlText = url.searchParams.get('ttl');
    const ttl = ttlText === null ? ISSUED_TOKEN_SECONDS : Number(ttlText);
    if (!Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_TTL_SECONDS) return refuse(400, 300, 'Invalid field: ttl.');
    const claims: Record<string, unknown> = { iss: 'zoom-oauth-double', uid: user.id, aid: accountOf(user), token_type: type };
    if (type === 'onbehalf' && meetingId !== null) claims['mn'] = meetingId;
    return json(200, { token: signJwt(claims, ttl) }); // [zak], [obf]: {"token": "…"}
  }

  // ---- webhooks ----------------------------------------------------------------------------------------------------

  function signWebhook(body: string, timestampSeconds = Math.floor(now() / 1000)): SignedWebhook {
    const timestamp = String(timestampSeconds);
    // [webhook]: message "v0:{timestamp}:{body}", HMAC-SHA256 with the secret token, hex, prefixed "v0=".
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': `v0=${hmacHex(options.webhookSecretToken, `v0:${timestamp}:${body}`)}`,
    };
    return { body, headers, request: (target) => new Request(target, { method: 'POST', headers, body }) };
  }

  const controls: ZoomOAuthDoubleControls = {
    autoApprove(userId = users[0]?.id ?? '') {
      consent = { kind: 'approve', userId };
    },
    autoDecline() {
      consent = { kind: 'decline' };
    },
    showConsentPage() {
      consent = { kind: 'page' };
    },
    rateLimitNext(retryAfterSeconds) {
      rateLimit = retryAfterSeconds;
    },
    revokeUser(userId) {
      for (const grant of grants.values()) if (grant.userId === userId) grant.revoked = true;
    },
    deauthorizationEvent(userId) {
      const user = userById(userId);
      if (!user) throw new Error(`zoom-oauth-double: no user ${userId}`);
      controls.revokeUser(userId);
      const at = now();
      // [deauth]: event app_deauthorized, payload {account_id, user_id, signature, deauthorization_time, client_id,
      // user_data_retention}. Zoom documents `signature` only as its own identifier of the event: random here.
      const body = JSON.stringify({
        event: 'app_deauthorized',
        event_ts: at,
        payload: {
          account_id: accountOf(user),
          user_id: user.id,
          signature: randomBytes(32).toString('hex'),
          deauthorization_time: new Date(at).toISOString(),
          client_id: options.clientId,
          user_data_retention: 'false',
        },
      });
      return signWebhook(body);
    },
    urlValidationEvent(plainToken) {
      // [webhook]: {"event":"endpoint.url_validation","payload":{"plainToken":"…"},"event_ts":…}
      return signWebhook(JSON.stringify({ payload: { plainToken }, event_ts: now(), event: 'endpoint.url_validation' }));
    },
    signWebhook,
    userOfAccessToken(accessToken) {
      const stored = accessTokens.get(accessToken);
      const grant = stored ? grants.get(stored.grantId) : undefined;
      return stored && grant && !grant.revoked && stored.expiresAt > now() ? grant.userId : undefined;
    },
  };

  function verifyIssuedToken(issued: string): IssuedTokenInfo | null {
    const claims = readJwt(issued);
    if (!claims || typeof claims['uid'] !== 'string' || typeof claims['exp'] !== 'number') return null;
    const kind = claims['token_type'] === 'zak' ? 'zak' : claims['token_type'] === 'onbehalf' ? 'obf' : null;
    if (kind === null) return null;
    const info: IssuedTokenInfo = { kind, userId: claims['uid'], expired: claims['exp'] * 1000 <= now() };
    if (typeof claims['mn'] === 'string') info.meetingNumber = claims['mn'];
    return info;
  }

  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (prefix !== '') {
      if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return json(404, { code: 404, message: 'Not found in the Zoom OAuth double.' });
      url.pathname = url.pathname.slice(prefix.length) || '/';
    }
    const entry: RecordedRequest = { method: request.method, path: url.pathname, status: 0 };
    record.push(entry);
    const response = await route(request, url, entry);
    entry.status = response.status;
    return response;
  }

  async function route(request: Request, url: URL, entry: RecordedRequest): Promise<Response> {
    const { pathname } = url;
    const method = request.method;
    if (pathname === '/oauth/authorize' && method === 'GET') return authorize(url, entry);
    if (pathname === '/oauth/authorize/decision' && method === 'POST') return decision(request, entry);
    if (pathname === '/oauth/token' && method === 'POST') return token(request, url, entry);
    if (pathname === '/oauth/revoke' && method === 'POST') return revoke(request, url, entry);
    const userTokenPath = /^\/v2\/users\/([^/]+)\/token$/.exec(pathname);
    if (userTokenPath && method === 'GET') return userToken(request, url, decodeURIComponent(userTokenPath[1] ?? ''), entry);
    entry.error = 'not_found';
    return json(404, { code: 404, message: 'Not found in the Zoom OAuth double.' });
  }

  return { fetch, controls, record, verifyIssuedToken };
}

export interface RunningZoomOAuthDouble {
  /** http://127.0.0.1:<port>: pass it as both Zoom's OAuth base (https://zoom.us) and API base (https://api.zoom.us). */
  origin: string;
  double: ZoomOAuthDouble;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? '/', origin), { method, headers, body });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** The double on 127.0.0.1 at a free port, for Node tests (and clients that insist on real HTTP, like oauth4webapi). */
export async function startZoomOAuthDouble(options: ZoomOAuthDoubleOptions): Promise<RunningZoomOAuthDouble> {
  let origin = '';
  let double: ZoomOAuthDouble | undefined;
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      try {
        if (!double) throw new Error('zoom-oauth-double: not started');
        await send(await double.fetch(await toRequest(incoming, origin)), outgoing);
      } catch (error) {
        outgoing.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      }
    })();
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  double = createZoomOAuthDouble({ apiUrl: origin, ...options });
  return {
    origin,
    double,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
