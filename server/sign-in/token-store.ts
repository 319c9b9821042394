/**
 * Where Zoom users' OAuth tokens live between requests, keyed by Zoom user id, plus the short-lived sign-in
 * attempts (state and PKCE verifier) between /sign-in and /callback. Every value is sealed (token-seal.ts) before
 * it reaches a store.
 */
import { generateTokenKey, seal, unseal } from './token-seal.js';

/** One Zoom user's tokens. `expiresAt` is the access token's end, in ms since the epoch. */
export interface ZoomTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  scope?: string;
}

export interface TokenStore {
  get(zoomUserId: string): Promise<ZoomTokens | undefined>;
  put(zoomUserId: string, tokens: ZoomTokens): Promise<void>;
  delete(zoomUserId: string): Promise<void>;
  /**
   * Runs `work` while no other caller — in this process or, for a shared store, any other — holds the lock for this
   * user. Zoom replaces the refresh token on every refresh, so two refreshes at once would lose one of them.
   */
  withLock<T>(zoomUserId: string, work: () => Promise<T>): Promise<T>;
  /** Keeps a sign-in attempt for `ttlSeconds`. */
  putAttempt(id: string, attempt: string, ttlSeconds: number): Promise<void>;
  /** The attempt, removed in the same step: a callback can use it once. */
  takeAttempt(id: string): Promise<string | undefined>;
}

/** A store failed (unreachable, timed out): nothing was changed by the failed call. */
export class TokenStoreError extends Error {
  override readonly name = 'TokenStoreError';
}

const TOKENS_CONTEXT = 'tokens:';
const ATTEMPT_CONTEXT = 'attempt:';

export async function sealTokens(key: CryptoKey, zoomUserId: string, tokens: ZoomTokens): Promise<string> {
  return seal(key, TOKENS_CONTEXT + zoomUserId, JSON.stringify(tokens));
}

/** undefined when the record was sealed with another key or for another user, or is not tokens. */
export async function unsealTokens(key: CryptoKey, zoomUserId: string, sealed: string): Promise<ZoomTokens | undefined> {
  const plain = await unseal(key, TOKENS_CONTEXT + zoomUserId, sealed);
  if (plain === undefined) return undefined;
  const value: unknown = JSON.parse(plain);
  if (typeof value !== 'object' || value === null) return undefined;
  const { accessToken, refreshToken, expiresAt, scope } = value as Record<string, unknown>;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string' || typeof expiresAt !== 'number') return undefined;
  return typeof scope === 'string' ? { accessToken, refreshToken, expiresAt, scope } : { accessToken, refreshToken, expiresAt };
}

export function sealAttempt(key: CryptoKey, id: string, attempt: string): Promise<string> {
  return seal(key, ATTEMPT_CONTEXT + id, attempt);
}

export function unsealAttempt(key: CryptoKey, id: string, sealed: string): Promise<string | undefined> {
  return unseal(key, ATTEMPT_CONTEXT + id, sealed);
}

export interface MemoryTokenStoreOptions {
  /** Default: a random key for this process (the tokens die with it anyway). */
  key?: CryptoKey;
  /** For tests. Default Date.now. */
  now?: () => number;
}

/** The default store: this process's memory. Sign-ins are lost on restart and not shared between processes. */
export function createMemoryTokenStore(options: MemoryTokenStoreOptions = {}): TokenStore {
  const keyReady = options.key ? Promise.resolve(options.key) : generateTokenKey();
  const now = options.now ?? Date.now;
  const tokens = new Map<string, string>();
  const attempts = new Map<string, { sealed: string; until: number }>();
  const locks = new Map<string, Promise<unknown>>();

  return {
    async get(zoomUserId) {
      const sealed = tokens.get(zoomUserId);
      return sealed === undefined ? undefined : unsealTokens(await keyReady, zoomUserId, sealed);
    },
    async put(zoomUserId, value) {
      tokens.set(zoomUserId, await sealTokens(await keyReady, zoomUserId, value));
    },
    async delete(zoomUserId) {
      tokens.delete(zoomUserId);
    },
    async withLock(zoomUserId, work) {
      const before = locks.get(zoomUserId) ?? Promise.resolve();
      const run = before.then(work, work);
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      locks.set(zoomUserId, settled);
      try {
        return await run;
      } finally {
        // The last in line clears the entry, so the map does not grow with every user ever seen.
        if (locks.get(zoomUserId) === settled) locks.delete(zoomUserId);
      }
    },
    async putAttempt(id, attempt, ttlSeconds) {
      const t = now();
      // Expired attempts go on each write: no timer, and the map holds at most one TTL's worth.
      for (const [other, entry] of attempts) if (entry.until <= t) attempts.delete(other);
      attempts.set(id, { sealed: await sealAttempt(await keyReady, id, attempt), until: t + ttlSeconds * 1000 });
    },
    async takeAttempt(id) {
      const entry = attempts.get(id);
      attempts.delete(id);
      if (!entry || entry.until <= now()) return undefined;
      return unsealAttempt(await keyReady, id, entry.sealed);
    },
  };
}
