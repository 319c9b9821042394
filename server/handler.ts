import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { checkJsonContentType } from './content-type.js';
import { createSigner } from './create-signature.js';
import {
  SignatureErrorCode as Code,
  errorResponse,
  internalErrorResponse,
  jsonResponse,
  type SignatureSuccessBody,
} from './errors.js';
import { parseJsonObject } from './json-body.js';
import { createOriginPolicy, type OriginPolicy } from './origin-policy.js';
import { createRateLimitCheck, type RateLimitOptions } from './rate-limit.js';
import { readBodyWithLimit } from './read-body.js';
import { validateSignatureRequest, type SignatureRequestParams } from './request-schema.js';
import {
  DEFAULT_EXPIRATION_SECONDS,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
  isValidExpiration,
} from './signature-rules.js';

export interface SignatureHandlerOptions extends RateLimitOptions {
  /** The Meeting SDK app's Client ID (not an OAuth app's). Returned to the caller next to each signature. */
  sdkKey: string;
  /** The Meeting SDK app's Client Secret. Never logged, never sent. */
  sdkSecret: string;
  /**
   * Origins such as "https://example.com" whose pages may call this endpoint from the browser; "*" admits any.
   * Requests without an Origin header (servers, curl) and same-origin requests are always served.
   */
  allowedOrigins?: readonly string[];
  /**
   * Decides whether this request may have a host (role 1) signature; only `true` allows it. Attendee requests do
   * not call it — wrap the handler to authenticate every caller. The body is already read: use headers or cookies.
   */
  authorize?: (request: Request, params: SignatureRequestParams) => boolean | Promise<boolean>;
  /** Default 4096; a valid request is under 200 bytes. */
  maxBodyBytes?: number;
  /** Used when the request has no `expirationSeconds`. Default 7200. */
  defaultExpirationSeconds?: number;
  /** Extra request headers cross-origin pages may send, e.g. ["Authorization"] for `authorize`. */
  allowHeaders?: readonly string[];
  /** Lets cross-origin pages send cookies (Access-Control-Allow-Credentials), e.g. for a session in `authorize`. */
  allowCredentials?: boolean;
  /**
   * Host names (no port) the server answers to. Same-origin is judged from the Host header, so without this a page
   * on an attacker's domain that resolves to this server (DNS rebinding) passes as same-origin. The CLI sets it for
   * loopback; set it when a local server holds real credentials.
   */
  allowedHosts?: readonly string[];
  /** Sees unexpected exceptions (the client only gets a 500). Default: console.error. */
  onError?: (error: unknown) => void;
}

/** A Fetch API handler: Node (via @hono/node-server), Hono, Next.js route handlers, Workers, Deno and Bun. */
export type SignatureHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_BODY_BYTES = 4096;
const ALLOW = 'POST, OPTIONS';
// How long browsers may reuse a preflight answer; short, so removing an origin takes effect soon.
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The signature endpoint: `POST {meetingNumber, role, videoWebRtcMode?, expirationSeconds?}` (the body of Zoom's
 * meetingsdk-auth-endpoint-sample) → `{signature, sdkKey}`. Throws at once when credentials or options are wrong,
 * so a misconfigured server fails at start rather than on the first join.
 */
export function createSignatureHandler(options: SignatureHandlerOptions): SignatureHandler {
  const sign = createSigner(options.sdkKey, options.sdkSecret);
  const { sdkKey } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new TypeError('maxBodyBytes must be a positive integer');
  const defaultExpirationSeconds = options.defaultExpirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
  if (!isValidExpiration(defaultExpirationSeconds)) {
    throw new RangeError(
      `defaultExpirationSeconds must be an integer from ${MIN_EXPIRATION_SECONDS} to ${MAX_EXPIRATION_SECONDS}`,
    );
  }
  if (options.allowCredentials && options.allowedOrigins?.includes('*')) {
    // Any site could then send the user's cookies and read the answer: a credentialed wildcard.
    throw new TypeError('allowCredentials cannot be combined with allowedOrigins "*": list the origins by name');
  }
  const origins = createOriginPolicy(options.allowedOrigins);
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((host) => host.toLowerCase())) : undefined;
  const checkRateLimit = createRateLimitCheck(options);
  const reportError = options.onError ?? ((error: unknown) => console.error('zoom-join signature handler:', error));

  async function signRequest(request: Request): Promise<Response> {
    const limit = await checkRateLimit(request);
    if (!limit.ok) {
      return errorResponse(429, Code.rateLimited, `Too many signature requests; retry in ${limit.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
      });
    }

    const contentType = checkJsonContentType(request.headers.get('content-type'));
    if (contentType !== 'ok') {
      const message =
        contentType === 'not-utf-8' ? 'JSON must be sent as UTF-8.' : 'Send the body as Content-Type: application/json.';
      return errorResponse(415, Code.unsupportedMediaType, message);
    }

    const body = await readBodyWithLimit(request, maxBodyBytes);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? errorResponse(413, Code.bodyTooLarge, `The body must be at most ${maxBodyBytes} bytes.`, {
            // The rest of the upload is still on the wire; closing beats reading it to keep the connection.
            headers: { Connection: 'close' },
          })
        : errorResponse(400, Code.invalidBody, 'The body could not be read.');
    }

    const json = parseJsonObject(body.bytes);
    if (!json.ok) {
      return json.reason === 'invalid-json'
        ? errorResponse(400, Code.invalidJson, 'The body is not valid UTF-8 JSON.')
        : errorResponse(400, Code.invalidBody, 'The body must be a JSON object: {"meetingNumber": ..., "role": 0}.');
    }

    const validation = validateSignatureRequest(json.value, json.numberSources);
    if (!validation.ok) return errorResponse(400, Code.invalidField, validation.message, { field: validation.field });
    const { params } = validation;

    if (params.role === 1 && (await options.authorize?.(request, params)) !== true) {
      return errorResponse(403, Code.roleNotAuthorized, 'This server does not give host (role 1) signatures to this caller.', {
        field: 'role',
      });
    }

    const signature = await sign({ ...params, expirationSeconds: params.expirationSeconds ?? defaultExpirationSeconds });
    const success: SignatureSuccessBody = { signature, sdkKey };
    return jsonResponse(200, success);
  }

  const app = new Hono();
  app.use('*', commonHeaders);
  if (allowedHosts) app.use('*', hostGuard(allowedHosts));
  app.use('*', originGuard(origins));
  app.use(
    '*',
    cors({
      origin: (origin) => origins.corsOrigin(origin),
      allowMethods: ['POST'],
      allowHeaders: ['Content-Type', ...(options.allowHeaders ?? [])],
      credentials: options.allowCredentials ?? false,
      // Not CORS-safelisted: without this a page on another origin cannot see how long to wait after a 429.
      exposeHeaders: ['Retry-After'],
      maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    }),
  );
  // Any path: the handler is mounted wherever the host framework routes it (e.g. /api/zoom-signature).
  app.post('*', (c) => signRequest(c.req.raw));
  app.all('*', () =>
    errorResponse(405, Code.methodNotAllowed, 'Use POST with a JSON body.', { headers: { Allow: ALLOW } }),
  );
  app.onError((error) => {
    reportError(error);
    return internalErrorResponse();
  });

  return async (request) => app.fetch(request);
}

/** Applied to every answer, including Hono's preflight responses and the 500 from onError. */
const commonHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const { headers } = c.res;
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Content-Type-Options', 'nosniff');
  // Whether a response may be read depends on the caller's origin, so no cache may reuse it for another origin.
  if (!/\borigin\b/i.test(headers.get('Vary') ?? '')) headers.append('Vary', 'Origin');
  if (c.req.method === 'OPTIONS') headers.set('Allow', ALLOW);
};

// Refusing outright (not just omitting CORS headers) keeps a disallowed page from spending signatures even through
// requests whose answers it cannot read.
function hostGuard(allowedHosts: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (!allowedHosts.has(new URL(c.req.url).hostname.toLowerCase())) {
      return errorResponse(403, Code.hostNotAllowed, 'This server does not answer to that host name.');
    }
    await next();
    return undefined;
  };
}

function originGuard(origins: OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    if (!origins.allows(c.req.raw)) {
      return errorResponse(403, Code.originNotAllowed, 'This origin may not request signatures from this server.');
    }
    await next();
    return undefined;
  };
}
