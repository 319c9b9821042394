/**
 * Which browser origins may call the endpoint, and the CORS headers that tell them. There is no wildcard unless one
 * is asked for by name: a page on any other site could otherwise spend this app's Meeting SDK credentials.
 */
export interface OriginPolicy {
  /** Whether a request with this Origin header may be served: none, the server's own origin, or a listed one. */
  allows(origin: string | null, ownOrigin: () => string): boolean;
  /** The CORS headers for an answer to `origin` (empty when it is not a listed cross-origin caller). */
  corsHeaders(origin: string | null, preflight: boolean): Record<string, string>;
}

export interface CorsOptions {
  allowedOrigins?: readonly string[] | undefined;
  /** Request headers cross-origin pages may send besides Content-Type. */
  allowHeaders?: readonly string[] | undefined;
  allowCredentials?: boolean | undefined;
}

const ANY_ORIGIN = '*';
// How long browsers may reuse a preflight answer; short, so removing an origin takes effect soon.
const PREFLIGHT_MAX_AGE_SECONDS = '600';
// Not CORS-safelisted: without them a page on another origin cannot see how long to wait after a 429, nor the
// server's clock, which the element uses to judge a token's times when the device clock is wrong.
const EXPOSED_HEADERS = 'Retry-After, Date';

/** Throws at creation for entries that cannot match a browser's Origin header, rather than silently never matching. */
export function createOriginPolicy(options: CorsOptions = {}): OriginPolicy {
  const allowedOrigins = options.allowedOrigins ?? [];
  const allowAny = allowedOrigins.includes(ANY_ORIGIN);
  const listed = new Set(allowedOrigins.filter((entry) => entry !== ANY_ORIGIN).map(normalizeOrigin));
  const allowHeaders = ['Content-Type', ...(options.allowHeaders ?? [])].join(', ');
  const credentials = options.allowCredentials ?? false;

  const isListed = (origin: string): boolean =>
    // 'null' is what sandboxed iframes and file:// pages send; it names no one, so even '*' does not admit it.
    origin !== '' && origin !== 'null' && (allowAny || listed.has(origin));

  return {
    // Same-origin is judged against the URL the server saw; behind a proxy that rewrites Host, list the public
    // origin in allowedOrigins.
    allows: (origin, ownOrigin) => origin === null || isListed(origin) || origin === ownOrigin(),
    corsHeaders(origin, preflight) {
      // Whether an answer may be read depends on the caller's origin, so no cache may reuse it for another origin.
      const headers: Record<string, string> = { Vary: preflight ? 'Origin, Access-Control-Request-Headers' : 'Origin' };
      if (origin === null || !isListed(origin)) return headers;
      headers['Access-Control-Allow-Origin'] = origin;
      if (credentials) headers['Access-Control-Allow-Credentials'] = 'true';
      if (preflight) {
        headers['Access-Control-Allow-Methods'] = 'POST';
        headers['Access-Control-Allow-Headers'] = allowHeaders;
        headers['Access-Control-Max-Age'] = PREFLIGHT_MAX_AGE_SECONDS;
      } else {
        headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
      }
      return headers;
    },
  };
}

function normalizeOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new TypeError(`allowedOrigins: "${entry}" is not an origin such as "https://example.com"`);
  }
  if (url.origin === 'null' || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new TypeError(`allowedOrigins: "${entry}" is not an origin such as "https://example.com" (no path)`);
  }
  return url.origin;
}
