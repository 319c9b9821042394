/**
 * The contract between the element and whatever makes Meeting SDK signatures: a JWT given directly, a function,
 * or an HTTP endpoint that speaks the protocol of Zoom's meetingsdk-auth-endpoint-sample.
 */

/**
 * What the page asks a signature for; the default request body is exactly these fields, the ones the reference
 * server reads as its `SignatureRequestParams` (server/request-schema.ts, built apart from src/, so defined there too).
 */
export interface SignatureRequestParams {
  meetingNumber: string;
  role: 0 | 1;
  /** 1 asks for gallery view without SharedArrayBuffer; sent only when set. */
  videoWebRtcMode?: 0 | 1;
  /** Signature lifetime the back end should use (1800–172800); sent only when set. */
  expirationSeconds?: number;
}

export interface SignatureResult {
  /** The JWT. A secret for the page's lifetime: never log, reflect or echo it. */
  signature: string;
  /** The Meeting SDK Client ID, when the source tells it (the sample endpoint does). */
  sdkKey?: string;
  /**
   * The signing side's clock when it answered, in ms since the epoch: the endpoint's `Date` header (readable from
   * another origin only with `Access-Control-Expose-Headers: Date`), or what a provider returns. The element checks
   * `iat` and `exp` against it; without it, against this device's clock, and then only warns.
   */
  serverTime?: number;
  /**
   * An OBF token ("on behalf of" a Zoom user who signed in and is in the meeting) for this meeting, when the
   * endpoint attaches one: Zoom wants one to join another account's meeting. A secret, like the signature.
   */
  obfToken?: string;
  /** The signed-in Zoom user's ZAK, when the endpoint attaches one (join or start as that user). A secret. */
  zak?: string;
  /** Who the OBF token joins on behalf of (a display name), for the wait until they are in the meeting. */
  onBehalfOf?: string;
}

/** A function that makes or fetches the signature itself (custom auth, GraphQL, a cached token...). */
export type SignatureProvider = (
  params: SignatureRequestParams,
  context: { signal: AbortSignal },
) => Promise<string | SignatureResult> | string | SignatureResult;

export interface SignatureRequestOptions {
  /** Default 'POST'. GET and HEAD send the params as query string instead of a body. */
  method?: string;
  /** Merged over the defaults (`Accept: application/json`, and `Content-Type: application/json` for JSON bodies). */
  headers?: Record<string, string>;
  /** Default 'same-origin'; 'include' sends cookies to a cross-origin endpoint (it must allow credentials). */
  credentials?: RequestCredentials;
  /**
   * Builds the request body. A string, Blob, FormData, URLSearchParams, buffer or stream is sent as is; any other
   * object is sent as JSON. Default: `{meetingNumber, role, videoWebRtcMode?, expirationSeconds?}` as JSON.
   */
  body?: (params: SignatureRequestParams) => BodyInit | object;
  /** Per attempt, including reading the body; default 10000. 0 or Infinity disables it. */
  timeoutMs?: number;
  /** Extra attempts after network errors, timeouts, 5xx and 429; default 2 (three attempts in all). */
  retries?: number;
  /** First backoff delay; doubles per retry with jitter; default 300. */
  retryBaseDelayMs?: number;
  /** Cap for both the backoff and a server's Retry-After; default 10000. */
  maxRetryDelayMs?: number;
}

/** Where a signature comes from; the first one set wins: `signature`, then `provider`, then `endpoint`. */
export interface SignatureSource {
  signature?: string;
  /** Reported with a direct `signature`, which carries no Client ID of its own. */
  sdkKey?: string;
  provider?: SignatureProvider;
  endpoint?: string;
  request?: SignatureRequestOptions;
}

/** Per-call plumbing: cancellation, and the fetch to use (tests and non-window contexts inject one). */
export interface SignatureCallOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export const SIGNATURE_REQUEST_DEFAULTS = {
  method: 'POST',
  credentials: 'same-origin',
  timeoutMs: 10_000,
  retries: 2,
  retryBaseDelayMs: 300,
  maxRetryDelayMs: 10_000,
} as const satisfies SignatureRequestOptions;
