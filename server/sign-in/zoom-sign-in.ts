/**
 * Sign in with Zoom, for joins that need a Zoom user's OBF token or ZAK (Zoom refuses anonymous Meeting SDK joins
 * to other accounts' meetings). A Fetch handler for the routes under `basePath`, and `tokenFor`, which the
 * signature endpoint calls to attach the visitor's token.
 *
 *   GET  {basePath}/sign-in?return=/path[&popup=1]  → Zoom's consent page (state + PKCE S256)
 *   GET  {basePath}/callback                          → tokens stored, back to the return path
 *   POST {basePath}/sign-out                          → Zoom grant revoked, tokens deleted
 *   POST {basePath}/webhook                           → Zoom's app_deauthorized and endpoint.url_validation
 */
import * as oauth from 'oauth4webapi';
import {
  SignatureErrorCode as Code,
  errorAnswer,
  internalErrorAnswer,
  jsonAnswer,
  toResponse,
  withCommonHeaders,
  type SignatureAnswer,
} from '../answers.js';
import { readBodyWithLimit } from '../read-body.js';
import { createAccessTokens } from './access-tokens.js';
import { popupSignedInPage } from './popup-page.js';
import { safeReturnPath } from './return-path.js';
import { scrubError } from './scrub.js';
import { checkSessionSecret, createSignInCookies } from './session-cookie.js';
import { SignInConfigError } from './token-seal.js';
import { TokenStoreError, createMemoryTokenStore, type TokenStore, type ZoomTokens } from './token-store.js';
import { checkZoomWebhook, constantTimeEqual, hmacSha256Hex } from './webhook.js';
import { ZoomOAuthError, createZoomOAuth, type ZoomOAuthOptions, type ZoomTokenKind } from './zoom-oauth.js';

export interface ZoomSignInOptions extends ZoomOAuthOptions {
  /** The Secret Token of the OAuth app's event subscription (Zoom signs webhooks with it). */
  webhookSecretToken: string;
  /** Signs the library's cookies; at least 32 characters (ZOOM_JOIN_SESSION_SECRET). */
  sessionSecret: string;
  /** Default: in this process's memory. Use createRedisTokenStore when several processes serve the site. */
  store?: TokenStore;
  /** Where the routes live; `redirectUri` must be `{basePath}/callback`. Default "/zoom". */
  basePath?: string;
  /**
   * The visitor as your app knows them (its own session), or undefined when nobody is signed in to your app. When
   * given, a Zoom sign-in counts only for the app user who started it. Default: the library's session cookie alone.
   */
  userId?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Access tokens are refreshed when less than this is left. Default 60. */
  refreshMarginSeconds?: number;
  /** How long the session cookie lasts. Default 30 days. */
  sessionMaxAgeSeconds?: number;
  /** Sees unexpected failures, with every token scrubbed out. Default: console.error. */
  onError?: (error: Error) => void;
}

export type ZoomUserTokenOutcome =
  | { ok: true; token: string }
  | { ok: false; reason: 'sign-in-required'; signInUrl: string }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'zoom-refused'; message: string }
  | { ok: false; reason: 'zoom-unavailable' }
  | { ok: false; reason: 'token-store-unavailable' };

export interface ZoomSignIn {
  readonly basePath: string;
  /** Absolute URL of GET {basePath}/sign-in on the redirect URI's origin. */
  readonly signInUrl: string;
  /** The answer for a sign-in route, or null when the request is for another path. */
  handle(request: Request): Promise<Response | null>;
  /** The visitor's OBF token for exactly `meetingNumber`, or their ZAK; refreshed and retried once on Zoom's 401. */
  tokenFor(request: Request, params: { meetingNumber: string; kind: ZoomTokenKind }): Promise<ZoomUserTokenOutcome>;
  /** The Zoom user id this request is signed in as, if any. */
  zoomUserOf(request: Request): Promise<string | undefined>;
}

interface SignInAttempt {
  state: string;
  verifier: string;
  returnTo: string;
  popup: boolean;
  appUserId?: string;
}

const ATTEMPT_TTL_SECONDS = 600;
const MAX_WEBHOOK_BYTES = 64 * 1024;
const DEFAULT_SESSION_SECONDS = 30 * 24 * 3600;
const START_AGAIN = 'Go back to the page you came from and choose Sign in with Zoom again.';

export function createZoomSignIn(options: ZoomSignInOptions): ZoomSignIn {
  const basePath = normalizeBasePath(options.basePath ?? '/zoom');
  const sessionSecret = checkSessionSecret(options.sessionSecret);
  if (!options.webhookSecretToken) {
    throw new SignInConfigError("webhookSecretToken is required: the Secret Token of the OAuth app's event subscription.");
  }
  const redirect = new URL(options.redirectUri);
  if (redirect.pathname !== `${basePath}/callback`) {
    throw new SignInConfigError(
      `redirectUri must end in ${basePath}/callback (the callback route), not ${redirect.pathname}; register that URL ` +
        "as the OAuth app's Redirect URL, or set basePath to match.",
    );
  }
  const zoom = createZoomOAuth(options);
  const store = options.store ?? createMemoryTokenStore();
  const tokens = createAccessTokens({ store, zoom, marginMs: (options.refreshMarginSeconds ?? 60) * 1000 });
  const cookies = createSignInCookies({
    secret: sessionSecret,
    names: { session: 'zoom-join-session', attempt: 'zoom-join-sign-in' },
    basePath,
    sessionMaxAgeSeconds: options.sessionMaxAgeSeconds ?? DEFAULT_SESSION_SECONDS,
  });
  const signInUrl = new URL(`${basePath}/sign-in`, redirect.origin).href;
  const report = (error: unknown, secrets: (string | undefined)[] = []): void => {
    const safe = scrubError(error, secrets);
    if (options.onError) options.onError(safe);
    else console.error('zoom-join sign-in:', safe);
  };

  async function zoomUserOf(request: Request): Promise<string | undefined> {
    const claims = await cookies.readSession(request);
    if (!claims) return undefined;
    if (options.userId) {
      const appUser = await options.userId(request);
      // A browser shared by two app users: the Zoom sign-in belongs to the one who made it.
      if (appUser === undefined || claims.appUserId !== appUser) return undefined;
    }
    return claims.zoomUserId;
  }

  async function signIn(request: Request, url: URL): Promise<Response> {
    let appUserId: string | undefined;
    if (options.userId) {
      appUserId = await options.userId(request);
      if (appUserId === undefined) {
        return respond(errorAnswer(401, Code.signInRequired, 'Sign in to this site first, then sign in with Zoom.'));
      }
    }
    const attemptId = oauth.generateRandomState();
    const attempt: SignInAttempt = {
      state: oauth.generateRandomState(),
      verifier: oauth.generateRandomCodeVerifier(),
      returnTo: safeReturnPath(url.searchParams.get('return')),
      popup: url.searchParams.get('popup') === '1',
    };
    if (appUserId !== undefined) attempt.appUserId = appUserId;
    await store.putAttempt(attemptId, JSON.stringify(attempt), ATTEMPT_TTL_SECONDS);
    const location = await zoom.authorizationUrl({ state: attempt.state, codeVerifier: attempt.verifier });
    return respond({ status: 302, headers: { Location: location.href }, body: null }, [
      await cookies.writeAttempt(request, attemptId, ATTEMPT_TTL_SECONDS),
    ]);
  }

  async function callback(request: Request, url: URL): Promise<Response> {
    const clear = [cookies.clearAttempt(request)];
    // The code in this URL must not reach the next page through Referer.
    const failed = (message: string): Response =>
      respond(errorAnswer(400, Code.signInFailed, message, { headers: { 'Referrer-Policy': 'no-referrer' } }), clear);
    const attemptId = await cookies.readAttempt(request);
    if (attemptId === undefined) {
      return failed(`This sign-in was not started in this browser, or took more than 10 minutes. ${START_AGAIN}`);
    }
    const text = await store.takeAttempt(attemptId);
    if (text === undefined) return failed(`This sign-in has already been used or has expired. ${START_AGAIN}`);
    const attempt = JSON.parse(text) as SignInAttempt;
    if (!constantTimeEqual(url.searchParams.get('state') ?? '', attempt.state)) {
      return failed(`This sign-in answer does not belong to the sign-in this browser started. ${START_AGAIN}`);
    }
    if (options.userId && (await options.userId(request)) !== attempt.appUserId) {
      return failed(`You are signed in to this site as someone else than when the sign-in started. ${START_AGAIN}`);
    }
    if (url.searchParams.get('error') === 'access_denied') {
      return failed('You did not allow the app to use your Zoom account, so you are not signed in with Zoom.');
    }
    let issued: ZoomTokens;
    try {
      issued = await zoom.exchangeCode(url, attempt.state, attempt.verifier);
    } catch (error) {
      if (!(error instanceof ZoomOAuthError)) throw error;
      report(error);
      return error.oauthError === undefined
        ? respond(errorAnswer(502, Code.zoomUnavailable, 'Zoom did not answer the sign-in. Try again in a moment.'), clear)
        : failed(`Zoom did not accept this sign-in (${error.oauthError}). ${START_AGAIN}`);
    }
    const user = await zoom.currentUserId(issued.accessToken);
    if (!user.ok) {
      report(new Error(`Zoom did not say who signed in (${user.kind})`));
      return respond(errorAnswer(502, Code.zoomUnavailable, 'Zoom did not say who signed in. Try again in a moment.'), clear);
    }
    await store.put(user.value, issued);
    const session = await cookies.writeSession(request, { zoomUserId: user.value, ...(attempt.appUserId === undefined ? {} : { appUserId: attempt.appUserId }) });
    const headers = { 'Referrer-Policy': 'no-referrer' };
    if (attempt.popup) {
      const page = await popupSignedInPage();
      return respond(
        { status: 200, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp }, body: page.html },
        [...clear, session],
      );
    }
    return respond({ status: 303, headers: { ...headers, Location: attempt.returnTo }, body: null }, [...clear, session]);
  }

  async function signOut(request: Request, url: URL): Promise<Response> {
    const origin = request.headers.get('origin');
    // Lax cookies already stay off cross-site POSTs; an Origin from elsewhere is refused outright.
    if (origin !== null && origin !== url.origin && origin !== redirect.origin) {
      return respond(errorAnswer(403, Code.originNotAllowed, 'Sign out from a page of this site.'));
    }
    const zoomUserId = await zoomUserOf(request);
    if (zoomUserId !== undefined) {
      const held = await store.get(zoomUserId);
      if (held) {
        // Revoking at Zoom is best effort: the tokens are deleted here whatever Zoom answers.
        await zoom.revoke(held.refreshToken).catch((error: unknown) => report(error, [held.refreshToken, held.accessToken]));
      }
      await store.delete(zoomUserId);
    }
    return respond(jsonAnswer(200, { signedOut: true }), [cookies.clearSession(request)]);
  }

  async function webhook(request: Request): Promise<Response> {
    const body = await readBodyWithLimit(request, MAX_WEBHOOK_BYTES);
    if (!body.ok) return respond(errorAnswer(413, Code.bodyTooLarge, `A webhook body must be at most ${MAX_WEBHOOK_BYTES} bytes.`));
    const raw = new TextDecoder().decode(body.bytes);
    const check = await checkZoomWebhook(
      options.webhookSecretToken,
      { signature: request.headers.get('x-zm-signature'), timestamp: request.headers.get('x-zm-request-timestamp') },
      raw,
    );
    if (!check.ok) {
      const why = {
        'missing-headers': 'The x-zm-signature and x-zm-request-timestamp headers are required.',
        'bad-signature': 'The x-zm-signature does not match this body under the webhook secret token.',
        'stale-timestamp': 'The x-zm-request-timestamp is more than 5 minutes away from now.',
      }[check.reason];
      return respond(errorAnswer(401, Code.webhookRefused, why));
    }
    let event: { event?: unknown; payload?: { plainToken?: unknown; user_id?: unknown } };
    try {
      event = JSON.parse(raw) as typeof event;
    } catch {
      return respond(errorAnswer(400, Code.invalidJson, 'The webhook body is not JSON.'));
    }
    if (event.event === 'endpoint.url_validation' && typeof event.payload?.plainToken === 'string') {
      const plainToken = event.payload.plainToken;
      return respond(jsonAnswer(200, { plainToken, encryptedToken: await hmacSha256Hex(options.webhookSecretToken, plainToken) }));
    }
    if (event.event === 'app_deauthorized' && typeof event.payload?.user_id === 'string') {
      await store.delete(event.payload.user_id);
    }
    return respond({ status: 204, headers: {}, body: null });
  }

  async function tokenFor(
    request: Request,
    { meetingNumber, kind }: { meetingNumber: string; kind: ZoomTokenKind },
  ): Promise<ZoomUserTokenOutcome> {
    const signInRequired: ZoomUserTokenOutcome = { ok: false, reason: 'sign-in-required', signInUrl };
    const zoomUserId = await zoomUserOf(request);
    if (zoomUserId === undefined) return signInRequired;
    let accessToken: string | undefined;
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const current = await tokens.current(zoomUserId, accessToken);
        if (!current.ok) return signInRequired;
        accessToken = current.accessToken;
        const answer = await zoom.userToken(accessToken, kind, meetingNumber);
        if (answer.ok) return { ok: true, token: answer.value };
        if (answer.kind === 'rate-limited') return { ok: false, reason: 'rate-limited', retryAfterSeconds: answer.retryAfterSeconds };
        if (answer.kind === 'failed') {
          const message = answer.zoomMessage === undefined ? `HTTP ${answer.status}` : answer.zoomMessage;
          return { ok: false, reason: 'zoom-refused', message: scrubError(new Error(message), [accessToken]).message };
        }
        // 401: the access token was refused although it looked fresh; the next round refreshes it once.
      }
      return signInRequired;
    } catch (error) {
      report(error, [accessToken]);
      if (error instanceof TokenStoreError) return { ok: false, reason: 'token-store-unavailable' };
      if (error instanceof ZoomOAuthError) return { ok: false, reason: 'zoom-unavailable' };
      throw scrubError(error, [accessToken]);
    }
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return null;
    const route = url.pathname.slice(basePath.length);
    const method = request.method;
    try {
      if (route === '/sign-in') return method === 'GET' ? await signIn(request, url) : notAllowed('GET');
      if (route === '/callback') return method === 'GET' ? await callback(request, url) : notAllowed('GET');
      if (route === '/sign-out') return method === 'POST' ? await signOut(request, url) : notAllowed('POST');
      if (route === '/webhook') return method === 'POST' ? await webhook(request) : notAllowed('POST');
      return respond(errorAnswer(404, Code.notFound, `No sign-in route here; they are ${basePath}/sign-in, /callback, /sign-out and /webhook.`));
    } catch (error) {
      report(error);
      if (error instanceof TokenStoreError) {
        return respond(errorAnswer(503, Code.tokenStoreUnavailable, 'Signing in with Zoom is unavailable for a moment. Try again shortly.'));
      }
      return respond(internalErrorAnswer());
    }
  }

  return { basePath, signInUrl, handle, tokenFor, zoomUserOf };
}

function notAllowed(allow: string): Response {
  return respond(errorAnswer(405, Code.methodNotAllowed, `Use ${allow}.`, { headers: { Allow: allow } }));
}

function respond(answer: SignatureAnswer, setCookies: readonly string[] = []): Response {
  const response = toResponse(withCommonHeaders(answer));
  for (const cookie of setCookies) response.headers.append('Set-Cookie', cookie);
  return response;
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/.test(trimmed)) {
    throw new SignInConfigError(`basePath must be a path such as "/zoom", not "${path}".`);
  }
  return trimmed;
}
