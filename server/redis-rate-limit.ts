import { RLWrapperTimeouts, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { BoundedRateLimiterMemory } from './bounded-memory-limiter.js';
import { DEFAULT_RATE_LIMIT_POINTS, DEFAULT_RATE_LIMIT_SECONDS, type RateLimiter } from './rate-limit.js';

/**
 * The part of an ioredis client the limiter relies on. Spelled out rather than imported so that this module — part of
 * the runtime-neutral `zoom-join/server` — never loads ioredis or needs its types.
 */
export interface RedisClientLike {
  readonly status: string;
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
}

export interface RedisRateLimiterOptions {
  /** An ioredis client, best made with `new Redis(url, REDIS_CLIENT_OPTIONS)`. Several processes share its budget. */
  client: RedisClientLike;
  /** Requests per client per `duration`. Default 30. */
  points?: number;
  /** Seconds. Default 60. */
  duration?: number;
  /** Prefix of the Redis keys; every process sharing one budget must use the same. Default "zoom-join-signature". */
  keyPrefix?: string;
  /** How long a request waits for Redis before the in-memory budget answers instead. Default 500 ms. */
  timeoutMs?: number;
  /**
   * Called with each error Redis gives instead of an answer (OOM, WRONGTYPE, a lost connection), before the request
   * is counted in memory instead: without it such a fallback is silent.
   */
  onStoreError?: (error: Error) => void;
  /** Clients the in-memory fallback tracks at once while Redis is away (see `maxTrackedClients`). Default 100 000. */
  maxTrackedClients?: number;
}

/**
 * ioredis settings under which an unreachable or hung Redis costs a request at most `timeoutMs`, while the client
 * keeps reconnecting in the background. Spread them into your own: `new Redis(url, { ...REDIS_CLIENT_OPTIONS })`.
 */
export const REDIS_CLIENT_OPTIONS = {
  // A command issued while Redis is away fails at once instead of waiting in a queue for the reconnection.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 1000,
  commandTimeout: 1000,
  // A Redis that holds the connection open but stops answering (paused, swapping, partitioned) counts as gone after
  // 2 s, so the client reconnects and requests stop waiting for it at all.
  socketTimeout: 2000,
  retryStrategy: (attempt: number): number => Math.min(attempt * 200, 2000),
};

export const DEFAULT_REDIS_KEY_PREFIX = 'zoom-join-signature';
const DEFAULT_REDIS_TIMEOUT_MS = 500;

/**
 * One rate limit shared by every process that uses the same Redis, for `createSignatureHandler({ rateLimit })`.
 * When Redis does not answer (down, unreachable, slower than `timeoutMs`) the request is counted in this process's
 * memory instead: the server stays up and each process still enforces the limit on its own, so a client gets at most
 * `points` per process until Redis is back. A failing rate-limit store should not stop meetings from being joined.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const points = options.points ?? DEFAULT_RATE_LIMIT_POINTS;
  const duration = options.duration ?? DEFAULT_RATE_LIMIT_SECONDS;
  const keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const redis = new ReportingRateLimiterRedis(options.onStoreError, {
    storeClient: options.client,
    points,
    duration,
    keyPrefix,
    // While ioredis is not connected, go straight to memory — whatever the client's own queueing settings.
    rejectIfRedisNotReady: true,
    // A client that has used up its budget is refused from memory until the window ends: a flood of refused
    // requests does not reach Redis.
    inMemoryBlockOnConsumed: points,
  });
  return new RLWrapperTimeouts({
    limiter: redis,
    timeoutMs: options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS,
    insuranceLimiter: new BoundedRateLimiterMemory({ points, duration, keyPrefix, ...(options.maxTrackedClients !== undefined ? { maxKeys: options.maxTrackedClients } : {}) }),
  });
}

type RedisLimiterOptions = ConstructorParameters<typeof RateLimiterRedis>[0];
type ConsumeRest = RateLimiterRedis['consume'] extends (key: string | number, ...rest: infer R) => Promise<RateLimiterRes> ? R : never;

/** RateLimiterRedis that tells `report` about store failures; a refusal (no points left) is no Error and passes. */
class ReportingRateLimiterRedis extends RateLimiterRedis {
  readonly #report: ((error: Error) => void) | undefined;

  constructor(report: ((error: Error) => void) | undefined, options: RedisLimiterOptions) {
    super(options);
    this.#report = report;
  }

  override consume(key: string | number, ...rest: ConsumeRest): Promise<RateLimiterRes> {
    return super.consume(key, ...rest).catch((error: unknown) => {
      if (error instanceof Error) this.#report?.(error);
      throw error;
    });
  }
}
