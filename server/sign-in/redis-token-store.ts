/**
 * The token store shared by every server process through Redis. Takes a client rather than a URL so that
 * `zoom-join/server` never loads ioredis itself; `new Redis(url, REDIS_CLIENT_OPTIONS)` suits it (a command fails
 * within about a second when Redis is away, instead of queueing).
 */
import {
  TokenStoreError,
  sealAttempt,
  sealTokens,
  unsealAttempt,
  unsealTokens,
  type TokenStore,
} from './token-store.js';

/** The one method of an ioredis client the store uses. */
export interface RedisCommandClient {
  call(command: string, args: (string | number)[]): Promise<unknown>;
}

export interface RedisTokenStoreOptions {
  client: RedisCommandClient;
  /** The AES-GCM key (importTokenKey(process.env.ZOOM_JOIN_TOKEN_KEY)); every process must use the same. */
  key: CryptoKey;
  /** Default "zoom-join:sign-in". */
  keyPrefix?: string;
  /** Longest time one holder keeps a user's lock (a crashed process frees it then). Default 30 000 ms. */
  lockTtlMs?: number;
  /** How long a caller waits for someone else's lock before giving up. Default 15 000 ms. */
  lockWaitMs?: number;
  /** How long tokens stay after their last write; Zoom's refresh tokens last 90 days. Default 90 days. */
  tokenTtlSeconds?: number;
}

const DEFAULT_PREFIX = 'zoom-join:sign-in';
const LOCK_POLL_MS = 25;
// Deletes the lock only when it is still ours: after our TTL ran out another process may hold it.
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function createRedisTokenStore(options: RedisTokenStoreOptions): TokenStore {
  const { client, key } = options;
  const prefix = options.keyPrefix ?? DEFAULT_PREFIX;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const lockWaitMs = options.lockWaitMs ?? 15_000;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 90 * 24 * 3600;
  const tokensKey = (id: string) => `${prefix}:tokens:${id}`;
  const lockKey = (id: string) => `${prefix}:lock:${id}`;
  const attemptKey = (id: string) => `${prefix}:attempt:${id}`;

  async function command(what: string, name: string, args: (string | number)[]): Promise<unknown> {
    try {
      return await client.call(name, args);
    } catch (error) {
      // The Redis error names the key at most, never a value; the cause keeps it for the log.
      throw new TokenStoreError(`The token store (Redis) did not answer while ${what}: ${describe(error)}`, { cause: error });
    }
  }

  return {
    async get(zoomUserId) {
      const sealed = await command('reading tokens', 'get', [tokensKey(zoomUserId)]);
      return typeof sealed === 'string' ? unsealTokens(key, zoomUserId, sealed) : undefined;
    },
    async put(zoomUserId, tokens) {
      const sealed = await sealTokens(key, zoomUserId, tokens);
      await command('saving tokens', 'set', [tokensKey(zoomUserId), sealed, 'EX', tokenTtlSeconds]);
    },
    async delete(zoomUserId) {
      await command('deleting tokens', 'del', [tokensKey(zoomUserId)]);
    },
    async withLock(zoomUserId, work) {
      const name = lockKey(zoomUserId);
      const owner = crypto.randomUUID();
      const giveUpAt = Date.now() + lockWaitMs;
      for (;;) {
        const taken = await command('locking a user for a refresh', 'set', [name, owner, 'NX', 'PX', lockTtlMs]);
        if (taken === 'OK') break;
        if (Date.now() >= giveUpAt) {
          throw new TokenStoreError(`Another server kept this Zoom user's token lock for over ${lockWaitMs} ms.`);
        }
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        return await work();
      } finally {
        // A failed release only delays the next refresh until the lock's TTL ends.
        await command('unlocking a user', 'eval', [RELEASE_LOCK, 1, name, owner]).catch(() => undefined);
      }
    },
    async putAttempt(id, attempt, ttlSeconds) {
      const sealed = await sealAttempt(key, id, attempt);
      await command('saving a sign-in attempt', 'set', [attemptKey(id), sealed, 'EX', ttlSeconds]);
    },
    async takeAttempt(id) {
      const sealed = await command('reading a sign-in attempt', 'getdel', [attemptKey(id)]);
      return typeof sealed === 'string' ? unsealAttempt(key, id, sealed) : undefined;
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
}
