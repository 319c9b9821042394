import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

type MemoryOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

/** How many clients the in-memory limit tracks at once by default: about 50 MB of records. */
export const DEFAULT_MAX_TRACKED_CLIENTS = 100_000;

/**
 * The key every client shares once the limiter tracks `maxKeys` clients. Not an address, so no caller's own key can
 * collide with it.
 */
export const OVERFLOW_RATE_LIMIT_KEY = 'zoom-join:too-many-clients';

export interface BoundedMemoryOptions extends MemoryOptions {
  /** Most clients tracked at once; default 100 000. */
  maxKeys?: number;
}

type After<F> = F extends (key: string | number, ...rest: infer R) => Promise<RateLimiterRes> ? R : never;

/**
 * rate-limiter-flexible's RateLimiterMemory (which has no bound of its own: every key costs a record and a timer
 * until its window ends) tracking at most `maxKeys` clients. When that many clients are inside their window, a new
 * client is counted against one shared budget (OVERFLOW_RATE_LIMIT_KEY) until windows end and free room. Dropping the
 * oldest keys instead would hand a fresh budget back to clients already limited, and a flood of fresh addresses
 * would reset everyone; sharing keeps every tracked client's count and gives the flood one budget between them.
 * Bounded are consume, penalty and reward, the calls that create records; block and set are passed through.
 */
export class BoundedRateLimiterMemory extends RateLimiterMemory {
  readonly #maxKeys: number;
  readonly #windowMs: number;
  /** Client → end of its window. Every window has the same length, so insertion order is expiry order. */
  readonly #windows = new Map<string, number>();

  constructor(options: BoundedMemoryOptions) {
    const { maxKeys = DEFAULT_MAX_TRACKED_CLIENTS, ...limiterOptions } = options;
    super(limiterOptions);
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new TypeError('maxKeys must be a whole number of at least 1');
    this.#maxKeys = maxKeys;
    const seconds = limiterOptions.duration ?? 1;
    this.#windowMs = seconds > 0 ? seconds * 1000 : Number.POSITIVE_INFINITY;
  }

  /** Clients tracked now (the shared overflow budget not included). */
  get trackedKeys(): number {
    this.#expire(Date.now());
    return this.#windows.size;
  }

  override consume(key: string | number, ...rest: After<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    return super.consume(this.#keyFor(key), ...rest);
  }

  override penalty(key: string | number, ...rest: After<RateLimiterMemory['penalty']>): Promise<RateLimiterRes> {
    return super.penalty(this.#keyFor(key), ...rest);
  }

  override reward(key: string | number, ...rest: After<RateLimiterMemory['reward']>): Promise<RateLimiterRes> {
    return super.reward(this.#keyFor(key), ...rest);
  }

  #keyFor(key: string | number): string {
    const name = String(key);
    const now = Date.now();
    this.#expire(now);
    if (this.#windows.has(name)) return name;
    if (this.#windows.size >= this.#maxKeys) return OVERFLOW_RATE_LIMIT_KEY;
    this.#windows.set(name, now + this.#windowMs);
    return name;
  }

  /** Forgets clients whose window has ended: from the front, so each costs O(1) once. */
  #expire(now: number): void {
    for (const [name, end] of this.#windows) {
      if (end > now) return;
      this.#windows.delete(name);
    }
  }
}
