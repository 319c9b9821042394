/**
 * ZOOM_JOIN_REDIS_URL for the CLI: loads ioredis only when the variable is set (it is an optional peer dependency),
 * connects with settings that fail fast, and tells the operator when the shared limit is lost and when it is back.
 * Node only; `zoom-join/server` does not import this module.
 */
import type { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limit.js';
import { REDIS_CLIENT_OPTIONS, createRedisRateLimiter } from './redis-rate-limit.js';

/** A Redis URL whose user name and password stay out of every message: String() and JSON give it without them. */
export class RedisUrl {
  readonly #href: string;
  /** e.g. redis://cache.internal:6379/2 */
  readonly redacted: string;
  /** rediss://: the connection is TLS. */
  readonly tls: boolean;
  /** A password long enough to look for where it stands alone in a message (see scrub). */
  readonly #longPassword: string | undefined;

  private constructor(url: URL) {
    this.#href = url.href;
    this.tls = url.protocol === 'rediss:';
    const password = decodePercent(url.password);
    this.#longPassword = password.length >= MIN_STANDALONE_PASSWORD ? password : undefined;
    const path = url.pathname === '/' ? '' : url.pathname;
    this.redacted = `${url.protocol}//${url.host}${path}`;
  }

  /** undefined unless `text` is a redis:// or rediss:// URL with a host. */
  static parse(text: string): RedisUrl | undefined {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') return undefined;
    return new RedisUrl(url);
  }

  /** The URL with its credentials, for the client only. */
  get href(): string {
    return this.#href;
  }

  /**
   * Text that may hold the URL (an error message) with the user name and password of every URL in it removed, found
   * by parsing rather than by searching for the password: a short password ("0") would otherwise blank every
   * matching character of the addresses and ports around it. A long password is also blanked where it stands alone.
   */
  scrub(text: string): string {
    const scrubbed = text.replace(URL_IN_TEXT, (found) => {
      if (!found.includes('@')) return found;
      try {
        const url = new URL(found);
        url.username = '';
        url.password = '';
        // The parser adds a "/" to a bare authority; keep the text as it was written otherwise.
        return found.endsWith('/') || url.pathname !== '/' ? url.href : url.href.replace(/\/$/, '');
      } catch {
        return found.replace(/\/\/[^/?#]*@/, '//');
      }
    });
    const password = this.#longPassword;
    if (password === undefined) return scrubbed;
    return scrubbed.split(password).join('***');
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }
}

// A scheme, "://" and what follows up to whitespace or a quote: one pass, each URL scanned once.
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]+/g;
/** Passwords at least this long are blanked wherever they appear; shorter ones would match inside addresses. */
const MIN_STANDALONE_PASSWORD = 8;

export interface RedisRateLimit {
  limiter: RateLimiter;
  /** The connection, for the sign-in token store that shares it. */
  client: Redis;
  /** Stops reconnecting and closes the connection. */
  close(): void;
}

export interface RedisRateLimitLog {
  info(message: string): void;
  warn(message: string): void;
}

const LOG_PREFIX = 'zoom-join-signature:';
const CONSOLE_LOG: RedisRateLimitLog = {
  info: (message) => console.log(`${LOG_PREFIX} ${message}`),
  warn: (message) => console.warn(`${LOG_PREFIX} ${message}`),
};
// Long enough for a reachable Redis to answer the handshake, short enough not to hold up a start when it is away.
const STARTUP_WAIT_MS = 3000;

/**
 * Connects to Redis and gives the limiter for the handler. Resolves once Redis is ready or has failed to answer (the
 * first requests then already count in Redis); an unreachable Redis is reported, not fatal — the server starts, each
 * process limits on its own, and the client keeps trying in the background. Rejects only when ioredis is missing.
 */
export async function connectRedisRateLimit(
  url: RedisUrl,
  limit: { points: number; duration: number; maxTrackedClients?: number },
  log: RedisRateLimitLog = CONSOLE_LOG,
): Promise<RedisRateLimit> {
  const { Redis } = await loadIoredis();
  const client = new Redis(url.href, { ...REDIS_CLIENT_OPTIONS, connectionName: 'zoom-join-signature' });
  const alone = `each process counts on its own (${limit.points} requests per client per process and window)`;
  let state: 'starting' | 'shared' | 'lost' = 'starting';

  const settled = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, STARTUP_WAIT_MS);
    timer.unref();
    client.on('ready', () => {
      if (state !== 'shared') {
        log.info(
          state === 'starting'
            ? `rate limit shared through Redis at ${url}`
            : `Redis at ${url} answers again; the rate limit is shared again`,
        );
      }
      state = 'shared';
      resolve();
    });
    // ioredis reports each failed attempt; one message per outage is enough. A listener is needed anyway, or ioredis
    // prints every attempt itself.
    client.on('error', (error: Error) => {
      if (state !== 'lost') {
        const how = state === 'starting' ? 'cannot reach' : 'lost';
        const detail = url.scrub(describe(error));
        log.warn(
          url.tls && looksLikeTlsFailure(error)
            ? `${how} Redis at ${url}: the TLS connection failed (${detail}); the port may not speak TLS. Until it ` +
                `answers, ${alone}. rediss:// needs a port where Redis serves TLS; use redis:// for a plain port.`
            : `${how} Redis at ${url} (${detail}). Until it answers, ${alone}. Retrying in the background; check ` +
                'ZOOM_JOIN_REDIS_URL and that Redis is running.',
        );
      }
      state = 'lost';
      resolve();
    });
  });
  await settled;
  if (state === 'starting') log.warn(`no answer yet from Redis at ${url}; until it answers, ${alone}.`);

  // Redis answering with an error (OOM, WRONGTYPE) sends requests to the per-process count as well: say so once per
  // kind and minute. A lost connection is the 'error' listener's to report.
  let lastKind: string | undefined;
  let lastAt = 0;
  const onStoreError = (error: Error): void => {
    if (client.status !== 'ready') return;
    const detail = url.scrub(describe(error)).split('\n', 1)[0]?.slice(0, 200) ?? '';
    const kind = detail.split(/\s/, 1)[0];
    const now = Date.now();
    if (kind === lastKind && now - lastAt < REPEAT_AFTER_MS) return;
    lastKind = kind;
    lastAt = now;
    log.warn(
      `Redis at ${url} answered the rate-limit command with an error (${detail}), so this request was counted in ` +
        `this process alone; until Redis accepts the command, ${alone}. Fix Redis (OOM: raise maxmemory or free ` +
        'memory; WRONGTYPE: another program writes keys under the zoom-join-signature: prefix).',
    );
  };

  return {
    limiter: createRedisRateLimiter({
      onStoreError,
      client,
      points: limit.points,
      duration: limit.duration,
      ...(limit.maxTrackedClients !== undefined ? { maxTrackedClients: limit.maxTrackedClients } : {}),
    }),
    client,
    close: () => client.disconnect(),
  };
}

const IOREDIS_MISSING =
  'ZOOM_JOIN_REDIS_URL is set, but the ioredis package is not installed, so the rate limit cannot be shared ' +
  'through Redis. Install it next to zoom-join (npm install ioredis; with npx: npx -p zoom-join -p ioredis ' +
  'zoom-join-signature), or unset ZOOM_JOIN_REDIS_URL to let each process limit on its own.';

async function loadIoredis(): Promise<{ Redis: typeof Redis }> {
  try {
    return await import('ioredis');
  } catch (error) {
    const missing =
      error instanceof Error &&
      'code' in error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      /['"]ioredis['"]/.test(error.message);
    throw missing ? new Error(IOREDIS_MISSING, { cause: error }) : error;
  }
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const REPEAT_AFTER_MS = 60_000;

/**
 * ioredis reports a TLS handshake with a plain Redis port as a connect timeout (the server waits for a command and
 * never answers the ClientHello), as a reset, or as an SSL error.
 */
function looksLikeTlsFailure(error: Error): boolean {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return ['ETIMEDOUT', 'ECONNRESET', 'EPROTO'].includes(code) || /ETIMEDOUT|ECONNRESET|ssl|tls|wrong version/i.test(error.message);
}

/** Node reports a refused dual-stack connection as an AggregateError with an empty message. */
function describe(error: Error): string {
  if (error.message !== '') return error.message;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ?? error.name;
}
