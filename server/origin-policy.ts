/**
 * Which browser origins may call the endpoint. There is no wildcard unless one is asked for by name: a page on any
 * other site could otherwise spend this app's Meeting SDK credentials.
 */
export interface OriginPolicy {
  /** Whether this request may be served: no Origin header, the server's own origin, or a listed one. */
  allows(request: Request): boolean;
  /** The value for Access-Control-Allow-Origin, or null when the origin is not a listed cross-origin caller. */
  corsOrigin(origin: string): string | null;
}

const ANY_ORIGIN = '*';

/** Throws at creation for entries that cannot match a browser's Origin header, rather than silently never matching. */
export function createOriginPolicy(allowedOrigins: readonly string[] = []): OriginPolicy {
  const allowAny = allowedOrigins.includes(ANY_ORIGIN);
  const listed = new Set(allowedOrigins.filter((entry) => entry !== ANY_ORIGIN).map(normalizeOrigin));

  const corsOrigin = (origin: string): string | null =>
    // 'null' is what sandboxed iframes and file:// pages send; it names no one, so even '*' does not admit it.
    origin !== '' && origin !== 'null' && (allowAny || listed.has(origin)) ? origin : null;

  return {
    corsOrigin,
    allows(request) {
      const origin = request.headers.get('origin');
      if (origin === null) return true;
      // Same-origin is judged against the URL the server saw; behind a proxy that rewrites Host, list the public
      // origin in allowedOrigins.
      return origin === new URL(request.url).origin || corsOrigin(origin) !== null;
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
