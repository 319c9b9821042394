import { RateLimiterMemory, type RateLimiterLike } from 'rate-limiter-flexible';

/** Any limiter from rate-limiter-flexible: memory for one process, Redis/Postgres/... when several share a budget. */
export type RateLimiter = RateLimiterLike;

export interface RateLimitOptions {
  /** Default: 30 requests a minute per client, in memory. `false` turns limiting off. */
  rateLimit?: RateLimiter | false;
  /** Names the client a request counts against. Wins over `trustProxy`. */
  clientKey?: (request: Request) => string | Promise<string>;
  /**
   * Number of reverse proxies in front of this server (`true` = 1). The client is then the X-Forwarded-For entry
   * that many places from the right: each proxy appends the address it saw, so that entry was written by a proxy
   * you run. The leftmost entry is written by the client itself and would let anyone pick a fresh key per request.
   */
  trustProxy?: boolean | number;
}

export const DEFAULT_RATE_LIMIT_POINTS = 30;
export const DEFAULT_RATE_LIMIT_SECONDS = 60;

/**
 * The Fetch API does not expose the peer address, so with neither `clientKey` nor `trustProxy` every request
 * shares this one budget. That fails safe — a flood cannot mint unlimited signatures — at the price of one busy
 * client slowing the others; the Node server keys by socket address instead.
 */
export const SHARED_CLIENT_KEY = 'anonymous';

/** What the limiter may read about a request, whichever transport carries it. */
export interface RateLimitSubject {
  header(name: string): string | null;
  /** The socket address where the transport knows it (the Node server); the Fetch API hides it. */
  readonly peerAddress?: string | undefined;
  /** The Fetch Request, for a user's `clientKey`. */
  request(): Request;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };
export type RateLimitCheck = (subject: RateLimitSubject) => Promise<RateLimitDecision>;

export function createRateLimitCheck(options: RateLimitOptions): RateLimitCheck {
  if (options.rateLimit === false) return async () => ({ ok: true });
  const limiter =
    options.rateLimit ??
    new RateLimiterMemory({ points: DEFAULT_RATE_LIMIT_POINTS, duration: DEFAULT_RATE_LIMIT_SECONDS });
  const keyOf = createClientKey(options);

  return async (subject) => {
    const key = await keyOf(subject);
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (rejection) {
      const waitMs = msBeforeNext(rejection);
      // Anything but a "no points left" answer is the store failing (e.g. Redis down): let it become a 500 rather
      // than waving requests through. rate-limiter-flexible's insuranceLimiter is the way to stay up instead.
      if (waitMs === undefined) throw rejection;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
  };
}

function createClientKey(options: RateLimitOptions): (subject: RateLimitSubject) => string | Promise<string> {
  const { clientKey } = options;
  if (clientKey) return (subject) => clientKey(subject.request());
  const hops = options.trustProxy === true ? 1 : options.trustProxy || 0;
  if (!Number.isInteger(hops) || hops < 0) throw new TypeError('trustProxy must be a boolean or a whole number of proxies');
  if (hops === 0) {
    return ({ peerAddress }) => (peerAddress === undefined ? SHARED_CLIENT_KEY : rateLimitKeyOf(peerAddress));
  }
  return (subject) => {
    const entries = (subject.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // No header means the request did not come through the proxy at all; it joins the shared budget.
    if (entries.length === 0) return SHARED_CLIENT_KEY;
    return entries[Math.max(0, entries.length - hops)] ?? SHARED_CLIENT_KEY;
  };
}

/** A limiter refuses with a RateLimiterRes (or, for RateLimiterUnion, a record of them); failures are Errors. */
function msBeforeNext(rejection: unknown): number | undefined {
  if (rejection instanceof Error || typeof rejection !== 'object' || rejection === null) return undefined;
  const own = ownMsBeforeNext(rejection);
  if (own !== undefined) return own;
  const waits = Object.values(rejection).map(ownMsBeforeNext).filter((ms) => ms !== undefined);
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

function ownMsBeforeNext(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('msBeforeNext' in value)) return undefined;
  return typeof value.msBeforeNext === 'number' ? value.msBeforeNext : undefined;
}

/**
 * One rate-limit budget per client: an IPv4 address, or an IPv6 /64 (one host usually owns a whole /64 and could
 * rotate through it to get a fresh budget per request).
 */
export function rateLimitKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes('::') ? [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
