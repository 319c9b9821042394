/**
 * The library's own cookies, HMAC-signed (hono's signed cookies) under ZOOM_JOIN_SESSION_SECRET: the session, which
 * names the Zoom user this browser signed in as, and the sign-in attempt, which ties a callback to the browser that
 * started it. Each value carries its purpose and an expiry, since a signature alone says neither.
 */
import { parseSigned, serializeSigned, type CookieOptions } from 'hono/utils/cookie';
import { isLoopbackHost } from '../host-names.js';
import { SignInConfigError } from './token-seal.js';

export const SESSION_SECRET_ENV = 'ZOOM_JOIN_SESSION_SECRET';
export const MIN_SESSION_SECRET_LENGTH = 32;

export function checkSessionSecret(secret: string | undefined): string {
  if (secret === undefined || secret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new SignInConfigError(
      `${SESSION_SECRET_ENV} must be at least ${MIN_SESSION_SECRET_LENGTH} characters (it signs the sign-in ` +
        `cookies), e.g. node -e "console.log(require('crypto').randomBytes(32).toString('base64'))".`,
    );
  }
  return secret;
}

export interface CookieNames {
  session: string;
  attempt: string;
}

/** What a valid session cookie says. `appUserId` is set when the host app's `userId` named the visitor. */
export interface SessionClaims {
  zoomUserId: string;
  appUserId?: string;
}

export interface SignInCookies {
  readSession(request: Request): Promise<SessionClaims | undefined>;
  writeSession(request: Request, claims: SessionClaims): Promise<string>;
  clearSession(request: Request): string;
  readAttempt(request: Request): Promise<string | undefined>;
  writeAttempt(request: Request, attemptId: string, ttlSeconds: number): Promise<string>;
  clearAttempt(request: Request): string;
}

export function createSignInCookies(options: {
  secret: string;
  names: CookieNames;
  basePath: string;
  sessionMaxAgeSeconds: number;
  now?: () => number;
}): SignInCookies {
  const { secret, names, basePath, sessionMaxAgeSeconds } = options;
  const now = options.now ?? Date.now;

  function attributes(request: Request, path: string, maxAge: number): CookieOptions {
    // Secure everywhere but plain http on this machine, where browsers would drop a Secure cookie.
    const url = new URL(request.url);
    const secure = !(url.protocol === 'http:' && isLoopbackHost(url.hostname));
    return { httpOnly: true, secure, sameSite: 'Lax', path, maxAge };
  }

  async function read(request: Request, name: string, purpose: string): Promise<string[] | undefined> {
    const header = request.headers.get('cookie');
    if (header === null) return undefined;
    const value = (await parseSigned(header, secret, name))[name];
    if (typeof value !== 'string') return undefined;
    const parts = value.split('.');
    if (parts[0] !== purpose) return undefined;
    const expires = Number(parts.at(-1));
    if (!Number.isFinite(expires) || expires * 1000 <= now()) return undefined;
    return parts.slice(1, -1).map(decodePart);
  }

  function value(purpose: string, parts: readonly string[], ttlSeconds: number): string {
    const expires = Math.floor(now() / 1000) + ttlSeconds;
    return [purpose, ...parts.map(encodePart), String(expires)].join('.');
  }

  return {
    async readSession(request) {
      const parts = await read(request, names.session, 's1');
      if (!parts || parts.length !== 2) return undefined;
      const [zoomUserId = '', appUserId = ''] = parts;
      if (zoomUserId === '') return undefined;
      return appUserId === '' ? { zoomUserId } : { zoomUserId, appUserId };
    },
    writeSession(request, claims) {
      const text = value('s1', [claims.zoomUserId, claims.appUserId ?? ''], sessionMaxAgeSeconds);
      return serializeSigned(names.session, text, secret, attributes(request, '/', sessionMaxAgeSeconds));
    },
    clearSession(request) {
      return `${names.session}=; ${cookieTail(attributes(request, '/', 0))}`;
    },
    async readAttempt(request) {
      const parts = await read(request, names.attempt, 'a1');
      return parts?.length === 1 ? parts[0] : undefined;
    },
    writeAttempt(request, attemptId, ttlSeconds) {
      return serializeSigned(names.attempt, value('a1', [attemptId], ttlSeconds), secret, attributes(request, basePath, ttlSeconds));
    },
    clearAttempt(request) {
      return `${names.attempt}=; ${cookieTail(attributes(request, basePath, 0))}`;
    },
  };
}

function cookieTail(options: CookieOptions): string {
  return [
    'Max-Age=0',
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    ...(options.secure ? ['Secure'] : []),
    'SameSite=Lax',
  ].join('; ');
}

// Parts are joined with "."; base64url keeps any id (an email, say) from adding one.
function encodePart(part: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(part)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function decodePart(part: string): string {
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return '';
  }
}
