/**
 * Zoom's OAuth (authorization code with PKCE S256, refresh, revoke) through oauth4webapi, and the two REST calls
 * sign-in needs: who the user is, and their ZAK or OBF token. Base URLs are options so Zoom for Government
 * (zoomgov.com) and test doubles work the same way.
 */
import * as oauth from 'oauth4webapi';
import { isLoopbackHost } from '../host-names.js';
import { SignInConfigError } from './token-seal.js';
import type { ZoomTokens } from './token-store.js';

export interface ZoomOAuthOptions {
  /**
   * The Client ID of the General app users authorise (scope user:read:token): usually the app whose Meeting SDK
   * credentials sign, since Zoom ties an OBF token to the app the user authorised.
   */
  clientId: string;
  clientSecret: string;
  /** Exactly the Redirect URL registered with the app, e.g. https://example.com/zoom/callback. */
  redirectUri: string;
  /** Default https://zoom.us (Zoom for Government: https://zoomgov.com). */
  zoomOAuthBase?: string;
  /** Default https://api.zoom.us (Zoom for Government: https://api.zoomgov.com). */
  zoomApiBase?: string;
  /** Longest wait for any Zoom request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Replaces the global fetch for every Zoom request. */
  fetch?: typeof fetch;
}

export type ZoomTokenKind = 'obf' | 'zak';

/** Zoom's answer to a REST call made with a user's access token. */
export type ZoomApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'unauthorized' }
  | { ok: false; kind: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; kind: 'failed'; status: number; zoomCode?: number; zoomMessage?: string };

/** Zoom refused the refresh token (invalid_grant): revoked, expired or replaced. The user must sign in again. */
export class ZoomSignedOutError extends Error {
  override readonly name = 'ZoomSignedOutError';
}

/** Zoom did not give what was asked (a refused code, an unreachable server); the message holds no token. */
export class ZoomOAuthError extends Error {
  override readonly name = 'ZoomOAuthError';
  /** The OAuth error code Zoom gave, e.g. "invalid_request". */
  readonly oauthError: string | undefined;
  constructor(message: string, oauthError?: string) {
    super(message);
    this.oauthError = oauthError;
  }
}

export interface ZoomOAuth {
  authorizationUrl(params: { state: string; codeVerifier: string }): Promise<URL>;
  /** Trades the callback's code (state already checked by the caller, and again here) for tokens. */
  exchangeCode(callbackUrl: URL, expectedState: string, codeVerifier: string): Promise<ZoomTokens>;
  refresh(refreshToken: string): Promise<ZoomTokens>;
  /** Revokes the grant (Zoom ends access and refresh tokens together). */
  revoke(token: string): Promise<void>;
  currentUserId(accessToken: string): Promise<ZoomApiResult<string>>;
  userToken(accessToken: string, kind: ZoomTokenKind, meetingNumber: string): Promise<ZoomApiResult<string>>;
}

const DEFAULT_OAUTH_BASE = 'https://zoom.us';
const DEFAULT_API_BASE = 'https://api.zoom.us';

export function createZoomOAuth(options: ZoomOAuthOptions): ZoomOAuth {
  const { clientId, clientSecret, redirectUri } = options;
  if (!clientId || !clientSecret) throw new SignInConfigError('Zoom OAuth needs the OAuth app\'s clientId and clientSecret.');
  checkUrl('redirectUri', redirectUri);
  const oauthBase = baseUrl('zoomOAuthBase', options.zoomOAuthBase ?? DEFAULT_OAUTH_BASE);
  const apiBase = baseUrl('zoomApiBase', options.zoomApiBase ?? DEFAULT_API_BASE);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));

  const as: oauth.AuthorizationServer = {
    issuer: oauthBase.origin,
    authorization_endpoint: new URL('oauth/authorize', oauthBase).href,
    token_endpoint: new URL('oauth/token', oauthBase).href,
    revocation_endpoint: new URL('oauth/revoke', oauthBase).href,
  };
  const client: oauth.Client = { client_id: clientId };
  const clientAuth = oauth.ClientSecretBasic(clientSecret);
  const requestOptions = (): oauth.TokenEndpointRequestOptions => ({
    signal: AbortSignal.timeout(timeoutMs),
    [oauth.customFetch]: (url, init) => fetcher(url, init),
    // Plain http is only ever allowed to a test double on this machine (checked in baseUrl).
    ...(oauthBase.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {}),
  });

  function tokensFrom(response: oauth.TokenEndpointResponse, previousRefresh?: string): ZoomTokens {
    const refreshToken = response.refresh_token ?? previousRefresh;
    if (refreshToken === undefined) throw new ZoomOAuthError('Zoom gave no refresh token.');
    const tokens: ZoomTokens = {
      accessToken: response.access_token,
      refreshToken,
      expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
    };
    if (typeof response.scope === 'string') tokens.scope = response.scope;
    return tokens;
  }

  async function callApi<T>(accessToken: string, path: string, pick: (body: Record<string, unknown>) => T | undefined): Promise<ZoomApiResult<T>> {
    let response: Response;
    try {
      response = await fetcher(new URL(path, apiBase), {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ZoomOAuthError(`Zoom's API (${apiBase.origin}) did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = await response.json().catch(() => undefined);
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (response.status === 401) return { ok: false, kind: 'unauthorized' };
    if (response.status === 429) {
      const retry = Number(response.headers.get('retry-after'));
      return { ok: false, kind: 'rate-limited', retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : 1 };
    }
    const value = response.ok ? pick(record) : undefined;
    if (value !== undefined) return { ok: true, value };
    const failed: ZoomApiResult<T> = { ok: false, kind: 'failed', status: response.status };
    if (typeof record.code === 'number') failed.zoomCode = record.code;
    if (typeof record.message === 'string') failed.zoomMessage = record.message;
    return failed;
  }

  return {
    async authorizationUrl({ state, codeVerifier }) {
      const url = new URL(as.authorization_endpoint ?? '');
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
      url.searchParams.set('code_challenge_method', 'S256');
      return url;
    },
    async exchangeCode(callbackUrl, expectedState, codeVerifier) {
      return oauthCall('exchanging the sign-in code', async () => {
        const params = oauth.validateAuthResponse(as, client, callbackUrl, expectedState);
        const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, codeVerifier, requestOptions());
        return tokensFrom(await oauth.processAuthorizationCodeResponse(as, client, response));
      });
    },
    async refresh(refreshToken) {
      return oauthCall('refreshing the access token', async () => {
        const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, requestOptions());
        return tokensFrom(await oauth.processRefreshTokenResponse(as, client, response), refreshToken);
      });
    },
    async revoke(token) {
      // Zoom takes the token in the form body (token values have not been accepted in query strings since 2023).
      await oauthCall('revoking the sign-in', async () => {
        const response = await oauth.revocationRequest(as, client, clientAuth, token, requestOptions());
        await oauth.processRevocationResponse(response);
      });
    },
    async currentUserId(accessToken) {
      // Zoom's access tokens name their user ("userId" in Zoom's documented example, "uid" in older ones): no extra
      // call, and no extra scope (user:read:user) for /v2/users/me, which is asked only when neither claim is there.
      const uid = jwtClaim(accessToken, 'userId') ?? jwtClaim(accessToken, 'uid');
      if (uid !== undefined) return { ok: true, value: uid };
      return callApi(accessToken, 'v2/users/me', (body) => (typeof body.id === 'string' && body.id !== '' ? body.id : undefined));
    },
    userToken(accessToken, kind, meetingNumber) {
      const type = kind === 'obf' ? 'onbehalf' : 'zak';
      const query = new URLSearchParams({ type });
      // An OBF token is for one meeting: Zoom is asked for exactly the meeting being joined.
      if (kind === 'obf') query.set('meeting_id', meetingNumber);
      return callApi(accessToken, `v2/users/me/token?${query}`, (body) =>
        typeof body.token === 'string' && body.token !== '' ? body.token : undefined,
      );
    },
  };
}

/** Runs an oauth4webapi step, turning its errors into ours: Zoom's own error code kept, the response body not. */
async function oauthCall<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ZoomOAuthError) throw error;
    if (error instanceof oauth.ResponseBodyError) {
      if (error.error === 'invalid_grant' && what.startsWith('refreshing')) {
        throw new ZoomSignedOutError('Zoom no longer accepts this sign-in; sign in with Zoom again.');
      }
      throw new ZoomOAuthError(`Zoom refused ${what} (HTTP ${error.status}, ${error.error}).`, error.error);
    }
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new ZoomOAuthError(`Zoom ended the sign-in with ${error.error}.`, error.error);
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new ZoomOAuthError(`Zoom did not complete ${what}: ${message}`);
  }
}

/** A string claim of a JWT's payload, read without verifying: the token came straight from Zoom over TLS. */
function jwtClaim(token: string, name: string): string | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const value = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

function checkUrl(name: string, text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new SignInConfigError(`${name} must be an absolute URL, not "${text}".`);
  }
}

/** A base URL ending in "/"; http only to loopback, where a test double or a local proxy may listen. */
function baseUrl(name: string, text: string): URL {
  const url = checkUrl(name, text);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new SignInConfigError(`${name} must use https (plain http is allowed only to this machine), not "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SignInConfigError(`${name} must be an https URL.`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
