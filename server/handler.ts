import { checkJsonContentType } from './content-type.js';
import { type Signer } from './create-signature.js';
import { MissingCredentialsError, signerWhenConfigured } from './missing-credentials.js';
import {
  SignatureErrorCode as Code,
  errorAnswer,
  internalErrorAnswer,
  jsonAnswer,
  toResponse,
  withCommonHeaders,
  type SignatureAnswer,
  type SignatureSuccessBody,
} from './answers.js';
import { parseJsonObject } from './json-body.js';
import { createOriginPolicy } from './origin-policy.js';
import { createRateLimitCheck, type RateLimitOptions, type RateLimitSubject } from './rate-limit.js';
import { readBodyWithLimit, type BodyReadResult } from './read-body.js';
import { validateSignatureRequest, type SignatureRequestParams } from './request-schema.js';
import {
  DEFAULT_EXPIRATION_SECONDS,
  MAX_EXPIRATION_SECONDS,
  MIN_EXPIRATION_SECONDS,
  isValidExpiration,
} from './signature-rules.js';
import { normalizeHostName } from './host-names.js';
import type { ZoomSignIn, ZoomUserTokenOutcome } from './sign-in/zoom-sign-in.js';

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
  /**
   * The longest `exp − iat` a caller may ask for, from 1800 to Zoom's 172800 (the default). Lower it to keep
   * leaked signatures short-lived; `defaultExpirationSeconds` must not exceed it.
   */
  maxExpirationSeconds?: number;
  /** Extra request headers cross-origin pages may send, e.g. ["Authorization"] for `authorize`. */
  allowHeaders?: readonly string[];
  /** Lets cross-origin pages send cookies (Access-Control-Allow-Credentials), e.g. for a session in `authorize`. */
  allowCredentials?: boolean;
  /**
   * Host names (no port) the server answers to; IP addresses in any spelling ("::1", "[::1]", "127.0.0.1").
   * Same-origin is judged from the Host header, so without this a page on an attacker's domain that resolves to
   * this server (DNS rebinding) passes as same-origin. The CLI always sets it; set it when a server holds real
   * credentials.
   */
  allowedHosts?: readonly string[];
  /** Sees unexpected exceptions (the client only gets a 500). Default: console.error. */
  onError?: (error: unknown) => void;
  /**
   * Sign in with Zoom (createZoomSignIn): every signature then comes with the signed-in visitor's Zoom token for
   * this meeting (`attach`), and a visitor who has not signed in gets 401 sign-in-required with `signInUrl`. Since
   * March 2026 Zoom refuses anonymous Meeting SDK joins to other accounts' meetings.
   */
  zoomSignIn?: Pick<ZoomSignIn, 'tokenFor'>;
  /** 'obf' (default): an OBF token for the meeting in the request, as `obfToken`. 'zak': the user's ZAK, as `zak`. */
  attach?: 'obf' | 'zak';
}

/** A Fetch API handler: Node (via @hono/node-server), Hono, Next.js route handlers, Workers, Deno and Bun. */
export type SignatureHandler = (request: Request) => Promise<Response>;

/** A request as the signing core reads it, whichever transport carries it (a Fetch Request, a Node request). */
export interface SignatureCall extends RateLimitSubject {
  readonly method: string;
  /** The URL the server saw (scheme and Host header). Throws a TypeError when the Host header names no host. */
  url(): URL;
  readBody(maxBytes: number): Promise<BodyReadResult>;
}

/** The endpoint's whole behaviour, shared by the Fetch handler and the Node server. */
export interface SignatureCore {
  (call: SignatureCall): Promise<SignatureAnswer>;
  /** The most body bytes the core reads (`maxBodyBytes`, checked): a transport that reads ahead stops there. */
  readonly maxBodyBytes: number;
}

const DEFAULT_MAX_BODY_BYTES = 4096;
const ALLOW = 'POST, OPTIONS';

/**
 * The signature endpoint: `POST {meetingNumber, role, videoWebRtcMode?, expirationSeconds?}` (the body of Zoom's
 * meetingsdk-auth-endpoint-sample) → `{signature, sdkKey}`. Throws at once when options are wrong, so a
 * misconfigured server fails at start. Missing credentials do not throw (a build imports the handler without
 * secrets): requests then answer 500 saying what to set, and `onError` sees it once.
 */
export function createSignatureHandler(options: SignatureHandlerOptions): SignatureHandler {
  const core = createSignatureCore(options, {
    sign: signerWhenConfigured(options.sdkKey, options.sdkSecret),
    peerAddressKnown: false,
  });
  return async (request) => {
    const answer = await core(fetchCall(request));
    // Node writes Date itself; not every Fetch runtime does, and the element judges token times by it.
    answer.headers.Date ??= new Date().toUTCString();
    return toResponse(answer);
  };
}

function fetchCall(request: Request): SignatureCall {
  let url: URL | undefined;
  return {
    method: request.method,
    header: (name) => request.headers.get(name),
    url: () => (url ??= new URL(request.url)),
    readBody: (maxBytes) => readBodyWithLimit(request, maxBytes),
    request: () => request,
  };
}

/** Where transports differ: how they sign, and whether they know each caller's socket address. */
export interface SignatureTransport {
  /** WebCrypto (jose) for the Fetch handler, node:crypto for the Node server. */
  sign: Signer;
  /** True where every call carries `peerAddress`, which then keys the rate limit by default. */
  peerAddressKnown: boolean;
}

export function createSignatureCore(options: SignatureHandlerOptions, transport: SignatureTransport): SignatureCore {
  const { sign } = transport;
  const { sdkKey } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new TypeError('maxBodyBytes must be a positive integer');
  const maxExpirationSeconds = options.maxExpirationSeconds ?? MAX_EXPIRATION_SECONDS;
  if (!isValidExpiration(maxExpirationSeconds)) {
    throw new RangeError(
      `maxExpirationSeconds must be an integer from ${MIN_EXPIRATION_SECONDS} to ${MAX_EXPIRATION_SECONDS}`,
    );
  }
  const defaultExpirationSeconds = options.defaultExpirationSeconds ?? Math.min(DEFAULT_EXPIRATION_SECONDS, maxExpirationSeconds);
  if (!isValidExpiration(defaultExpirationSeconds) || defaultExpirationSeconds > maxExpirationSeconds) {
    throw new RangeError(
      `defaultExpirationSeconds must be an integer from ${MIN_EXPIRATION_SECONDS} to ${maxExpirationSeconds} (maxExpirationSeconds)`,
    );
  }
  if (options.allowCredentials && options.allowedOrigins?.includes('*')) {
    // Any site could then send the user's cookies and read the answer: a credentialed wildcard.
    throw new TypeError('allowCredentials cannot be combined with allowedOrigins "*": list the origins by name');
  }
  const origins = createOriginPolicy(options);
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map(allowedHostName)) : undefined;
  const checkRateLimit = createRateLimitCheck(options, transport.peerAddressKnown);
  const reportError = options.onError ?? ((error: unknown) => console.error('zoom-join signature handler:', error));
  const { zoomSignIn } = options;
  const attach = options.attach ?? 'obf';
  if (attach !== 'obf' && attach !== 'zak') throw new TypeError('attach must be "obf" or "zak"');
  let missingCredentialsReported = false;

  async function signRequest(call: SignatureCall): Promise<SignatureAnswer> {
    const limit = await checkRateLimit(call);
    if (!limit.ok) {
      return errorAnswer(429, Code.rateLimited, `Too many signature requests; retry in ${limit.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
      });
    }

    const contentType = checkJsonContentType(call.header('content-type'));
    if (contentType !== 'ok') {
      const message =
        contentType === 'not-utf-8' ? 'JSON must be sent as UTF-8.' : 'Send the body as Content-Type: application/json.';
      return errorAnswer(415, Code.unsupportedMediaType, message);
    }

    const body = await call.readBody(maxBodyBytes);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? errorAnswer(413, Code.bodyTooLarge, `The body must be at most ${maxBodyBytes} bytes.`, {
            // The rest of the upload is still on the wire; closing beats reading it to keep the connection.
            headers: { Connection: 'close' },
          })
        : errorAnswer(400, Code.invalidBody, 'The body could not be read.');
    }

    const json = parseJsonObject(body.bytes);
    if (!json.ok) {
      return json.reason === 'invalid-json'
        ? errorAnswer(400, Code.invalidJson, 'The body is not valid UTF-8 JSON.')
        : errorAnswer(400, Code.invalidBody, 'The body must be a JSON object: {"meetingNumber": ..., "role": 0}.');
    }

    const validation = validateSignatureRequest(json.value, json.numberSources, maxExpirationSeconds);
    if (!validation.ok) return errorAnswer(400, Code.invalidField, validation.message, { field: validation.field });
    const { params } = validation;

    if (params.role === 1 && (await options.authorize?.(call.request(), params)) !== true) {
      return errorAnswer(403, Code.roleNotAuthorized, 'This server does not give host (role 1) signatures to this caller.', {
        field: 'role',
      });
    }

    let userToken: string | undefined;
    if (zoomSignIn) {
      // Asked for exactly the meeting in this request: an OBF token is good for that meeting only.
      const outcome = await zoomSignIn.tokenFor(call.request(), { meetingNumber: params.meetingNumber, kind: attach });
      if (!outcome.ok) return userTokenRefusal(outcome);
      userToken = outcome.token;
    }

    const signed = sign({ ...params, expirationSeconds: params.expirationSeconds ?? defaultExpirationSeconds });
    // node:crypto signs synchronously; awaiting only a real promise saves the Node server a turn per request.
    const signature = typeof signed === 'string' ? signed : await signed;
    const success: SignatureSuccessBody = { signature, sdkKey };
    if (userToken !== undefined) success[attach === 'zak' ? 'zak' : 'obfToken'] = userToken;
    return jsonAnswer(200, success);
  }

  async function answer(call: SignatureCall): Promise<SignatureAnswer> {
    if (allowedHosts) {
      let hostname: string;
      try {
        hostname = call.url().hostname;
      } catch {
        return errorAnswer(400, Code.invalidHost, 'The Host header is missing or does not name a host.');
      }
      // Refusing outright (not just omitting CORS headers) keeps a rebinding page from spending signatures even
      // through requests whose answers it cannot read.
      if (!allowedHosts.has(hostname)) {
        return errorAnswer(403, Code.hostNotAllowed, 'This server does not answer to that host name.');
      }
    }
    const origin = call.header('origin');
    if (!origins.allows(origin, () => ownOrigin(call))) {
      return errorAnswer(403, Code.originNotAllowed, 'This origin may not request signatures from this server.');
    }
    const preflight = call.method === 'OPTIONS';
    const cors = origins.corsHeaders(origin, preflight);
    if (preflight) return { status: 204, headers: { ...cors, Allow: ALLOW }, body: null };
    if (call.method !== 'POST') {
      return errorAnswer(405, Code.methodNotAllowed, 'Use POST with a JSON body.', { headers: { ...cors, Allow: ALLOW } });
    }
    let signed: SignatureAnswer;
    try {
      signed = await signRequest(call);
    } catch (error) {
      if (error instanceof MissingCredentialsError) {
        // Every request would fail the same way: one log line, and the caller learns what the operator must set.
        if (!missingCredentialsReported) reportError(error);
        missingCredentialsReported = true;
        signed = errorAnswer(500, Code.internal, error.message);
      } else {
        reportError(error);
        signed = internalErrorAnswer();
      }
    }
    Object.assign(signed.headers, cors);
    return signed;
  }

  const core = async (call: SignatureCall): Promise<SignatureAnswer> => {
    try {
      return withCommonHeaders(await answer(call));
    } catch (error) {
      reportError(error);
      return withCommonHeaders(internalErrorAnswer());
    }
  };
  return Object.assign(core, { maxBodyBytes });
}

/** Why no Zoom token could be attached, as the caller's answer. */
function userTokenRefusal(outcome: Exclude<ZoomUserTokenOutcome, { ok: true }>): SignatureAnswer {
  switch (outcome.reason) {
    case 'sign-in-required':
      return errorAnswer(401, Code.signInRequired, 'Sign in with Zoom to join this meeting, then try again.', {
        signInUrl: outcome.signInUrl,
      });
    case 'rate-limited':
      return errorAnswer(429, Code.rateLimited, `Zoom is limiting requests; retry in ${outcome.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
      });
    case 'zoom-refused':
      return errorAnswer(502, Code.zoomRefused, `Zoom refused to give your token for this meeting: ${outcome.message}`);
    case 'zoom-unavailable':
      return errorAnswer(502, Code.zoomUnavailable, 'Zoom did not answer; try again in a moment.');
    case 'token-store-unavailable':
      return errorAnswer(503, Code.tokenStoreUnavailable, 'Your Zoom sign-in cannot be read right now; try again shortly.', {
        headers: { 'Retry-After': '5' },
      });
  }
}

/** The origin the server was reached at; a request without a usable Host header has none, so it is never same-origin. */
function ownOrigin(call: SignatureCall): string {
  try {
    return call.url().origin;
  } catch {
    return '';
  }
}

function allowedHostName(entry: string): string {
  const name = normalizeHostName(entry);
  if (name === undefined) throw new TypeError(`allowedHosts: "${entry}" is not a host name or IP address (no port)`);
  return name;
}
