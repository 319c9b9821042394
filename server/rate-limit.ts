import type { RateLimiterLike } from 'rate-limiter-flexible';
import { BoundedRateLimiterMemory, DEFAULT_MAX_TRACKED_CLIENTS } from './bounded-memory-limiter.js';

/** Any limiter from rate-limiter-flexible: memory for one process, Redis/Postgres/... when several share a budget. */
export type RateLimiter = RateLimiterLike;

export interface RateLimitOptions {
  /** Default: 30 requests a minute per client, in memory. `false` turns limiting off. */
  rateLimit?: RateLimiter | false;
  /**
   * Names the client a request counts against, e.g. the address your platform puts in a header it controls (pass it
   * through `rateLimitKeyOf`). Wins over `trustProxy`. With the rate limit on, one of the two is required: the Fetch
   * API does not say who is calling.
   */
  clientKey?: (request: Request) => string | Promise<string>;
  /**
   * Number of reverse proxies in front of this server (`true` = 1). The client is then the X-Forwarded-For entry
   * that many places from the right: each proxy appends the address it saw, so that entry was written by a proxy
   * you run. The leftmost entry is written by the client itself and would let anyone pick a fresh key per request.
   */
  trustProxy?: boolean | number;
  /**
   * Clients the default in-memory limit tracks at once (default 100 000, about 50 MB). Beyond it, new clients share
   * one budget until windows end: a flood of fresh addresses cannot grow the process or reset anyone's count, at the
   * cost of newcomers during such a flood being limited together. Ignored when `rateLimit` is given.
   */
  maxTrackedClients?: number;
}

export const DEFAULT_RATE_LIMIT_POINTS = 30;
export const DEFAULT_RATE_LIMIT_SECONDS = 60;

/**
 * Under `trustProxy`, a request without X-Forwarded-For did not come through the proxy; all such requests share this
 * one budget rather than each getting its own.
 */
export const SHARED_CLIENT_KEY = 'anonymous';

/**
 * The key for a forwarded address that is no IP address (e.g. a proxy writing "unknown"). One key for all of them:
 * taking the raw text instead would let whoever writes it pick a fresh budget per request.
 */
export const UNRECOGNISED_ADDRESS_KEY = 'unrecognised-address';

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

/**
 * `peerAddressKnown`: the transport gives each request's socket address (the Node server), which then keys the
 * limit when neither `clientKey` nor `trustProxy` is set.
 */
export function createRateLimitCheck(options: RateLimitOptions, peerAddressKnown = false): RateLimitCheck {
  if (options.rateLimit === false) return async () => ({ ok: true });
  const limiter =
    options.rateLimit ??
    new BoundedRateLimiterMemory({
      points: DEFAULT_RATE_LIMIT_POINTS,
      duration: DEFAULT_RATE_LIMIT_SECONDS,
      maxKeys: options.maxTrackedClients ?? DEFAULT_MAX_TRACKED_CLIENTS,
    });
  const keyOf = createClientKey(options, peerAddressKnown);

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

function createClientKey(
  options: RateLimitOptions,
  peerAddressKnown: boolean,
): (subject: RateLimitSubject) => string | Promise<string> {
  const { clientKey } = options;
  if (clientKey) return (subject) => clientKey(subject.request());
  const hops = options.trustProxy === true ? 1 : options.trustProxy || 0;
  if (!Number.isInteger(hops) || hops < 0) throw new TypeError('trustProxy must be a boolean or a whole number of proxies');
  // The Fetch API does not expose the peer address: without a key every caller would share one budget, and one
  // request every two seconds from anyone would block everybody's joins. Refusing at creation beats a warning that a
  // serverless platform files away, and the fix is one line.
  if (hops === 0) {
    if (!peerAddressKnown) throw new TypeError(NO_CLIENT_KEY_MESSAGE);
    return ({ peerAddress }) => (peerAddress === undefined ? SHARED_CLIENT_KEY : rateLimitKeyOf(peerAddress));
  }
  return (subject) => {
    const entries = (subject.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // No header means the request did not come through the proxy at all; it joins the shared budget.
    if (entries.length === 0) return SHARED_CLIENT_KEY;
    return rateLimitKeyOf(entries[Math.max(0, entries.length - hops)] ?? '');
  };
}

const NO_CLIENT_KEY_MESSAGE =
  'The rate limit cannot tell callers apart, so every caller would share one budget and one busy client would ' +
  'block all joins. Pass clientKey with the address your platform gives, e.g. ' +
  "(request) => rateLimitKeyOf(request.headers.get('cf-connecting-ip') ?? '') on Cloudflare or 'x-real-ip' on " +
  'Vercel and behind nginx; or trustProxy: <number of proxies you run> when they append X-Forwarded-For; or ' +
  "clientKey: () => 'everyone' for one shared budget on purpose; or rateLimit: false when something in front " +
  'already limits requests.';

/**
 * One rate-limit budget per client: an IPv4 address, or an IPv6 /64 (one host usually owns a whole /64 and could
 * rotate through it to get a fresh budget per request). Takes a socket address or an X-Forwarded-For entry in any
 * spelling — `[addr]:port`, `1.2.3.4:port`, a zone id, leading zeros, upper case, `::` anywhere, an IPv4 tail, IPv4
 * mapped into IPv6 or NAT64 — and gives every spelling of one client the same key. Anything else (e.g. "unknown")
 * gets UNRECOGNISED_ADDRESS_KEY.
 */
export function rateLimitKeyOf(address: string): string {
  const host = hostPart(address.trim());
  if (host === undefined) return UNRECOGNISED_ADDRESS_KEY;
  if (IPV4.test(host)) return host;
  const groups = ipv6Groups(host);
  if (groups === undefined) return UNRECOGNISED_ADDRESS_KEY;
  const prefix96 = groups.slice(0, 6).join(':');
  // An IPv4 client seen through IPv6 (a dual-stack socket, or a NAT64 gateway) is that IPv4 address.
  if (prefix96 === '0:0:0:0:0:ffff' || prefix96 === '64:ff9b:0:0:0:0') return ipv4FromGroups(groups[6]!, groups[7]!);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

// Dotted decimal only: leading zeros read as octal in some parsers and decimal in others, so such text is not trusted
// to name one client.
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The address without brackets, port or zone id; undefined when the text has no such shape. */
function hostPart(text: string): string | undefined {
  if (text.startsWith('[')) return /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)?.[1]?.replace(/%.*$/, '');
  const withPort = /^([\d.]+):\d{1,5}$/.exec(text);
  if (withPort) return withPort[1];
  return text.includes(':') ? text.replace(/%.*$/, '') : text;
}

/**
 * The eight groups of an IPv6 address, lower case without leading zeros; undefined when it is none. The URL parser
 * does the parsing: every runtime the handler serves on has it (node:net is missing on Workers without
 * nodejs_compat), and it serialises any valid spelling — IPv4 tails included — to one compressed, hex-only form.
 */
function ipv6Groups(host: string): string[] | undefined {
  if (!/^[0-9a-f:.]+$/i.test(host)) return undefined;
  let canonical: string;
  try {
    canonical = new URL(`http://[${host}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const [head = '', tail] = canonical.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  if (tail === undefined) return headGroups;
  const tailGroups = tail === '' ? [] : tail.split(':');
  return [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
}

function ipv4FromGroups(high: string, low: string): string {
  const value = (parseInt(high, 16) << 16) | parseInt(low, 16);
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
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
