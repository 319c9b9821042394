/**
 * Every answer the signature server writes is JSON built here, so no path can fall back to a framework's HTML
 * error page or leak a stack trace. Answers are plain data: the Fetch handler turns them into a Response, the Node
 * server writes them to the socket directly.
 */

export const SignatureErrorCode = {
  invalidJson: 'invalid-json',
  invalidBody: 'invalid-body',
  invalidField: 'invalid-field',
  invalidHost: 'invalid-host',
  originNotAllowed: 'origin-not-allowed',
  hostNotAllowed: 'host-not-allowed',
  roleNotAuthorized: 'role-not-authorized',
  methodNotAllowed: 'method-not-allowed',
  bodyTooLarge: 'body-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  rateLimited: 'rate-limited',
  notFound: 'not-found',
  internal: 'internal',
  /** The signature endpoint attaches a Zoom user's token and this visitor has not signed in with Zoom (or must again). */
  signInRequired: 'sign-in-required',
  /** A sign-in callback that cannot be completed: not started in this browser, expired, replayed, or refused by Zoom. */
  signInFailed: 'sign-in-failed',
  /** A webhook without Zoom's valid, recent signature. */
  webhookRefused: 'webhook-refused',
  /** Zoom did not answer, or answered something unusable. */
  zoomUnavailable: 'zoom-unavailable',
  /** Zoom refused to give the user's token (e.g. the meeting number does not exist). */
  zoomRefused: 'zoom-refused',
  /** The sign-in token store (Redis) did not answer. */
  tokenStoreUnavailable: 'token-store-unavailable',
} as const;
export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

/** The body of every error response: `{error: {code, message, field?}}`. */
export interface SignatureErrorBody {
  /** `signInUrl` comes with sign-in-required: where to send the visitor (add `?return=/path` or `?popup=1`). */
  error: { code: SignatureErrorCode; message: string; field?: string; signInUrl?: string };
}

/** The body of a successful response; `sdkKey` tells the page which app signed (its in-page check compares it with appKey). */
export interface SignatureSuccessBody {
  signature: string;
  sdkKey: string;
  /** With sign-in and `attach: 'obf'`: the signed-in Zoom user's OBF token for exactly this meeting. */
  obfToken?: string;
  /** With sign-in and `attach: 'zak'`: the signed-in Zoom user's ZAK (the SDK's `zak`: join as that user). */
  zak?: string;
}

/** One answer, before any transport writes it. `body` is null for 204. */
export interface SignatureAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

// Signatures are single-use credentials: no shared cache may keep one, and a browser must not sniff the JSON.
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): SignatureAnswer {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export interface ErrorAnswerExtras {
  field?: string;
  signInUrl?: string;
  headers?: Record<string, string>;
}

export function errorAnswer(
  status: number,
  code: SignatureErrorCode,
  message: string,
  extras: ErrorAnswerExtras = {},
): SignatureAnswer {
  const body: SignatureErrorBody = { error: { code, message } };
  if (extras.field !== undefined) body.error.field = extras.field;
  if (extras.signInUrl !== undefined) body.error.signInUrl = extras.signInUrl;
  return jsonAnswer(status, body, extras.headers);
}

/** The one answer to anything unexpected: a fixed message, so nothing from the exception reaches the client. */
export function internalErrorAnswer(): SignatureAnswer {
  return errorAnswer(500, SignatureErrorCode.internal, 'The signature server failed. Its logs have the details.');
}

/** Headers every answer carries, whatever path produced it. */
export function withCommonHeaders(answer: SignatureAnswer): SignatureAnswer {
  const { headers } = answer;
  headers['Cache-Control'] = 'no-store';
  headers['X-Content-Type-Options'] = 'nosniff';
  // Whether an answer may be read depends on the caller's origin, so no cache may reuse it for another origin.
  headers.Vary ??= 'Origin';
  return answer;
}

export function toResponse(answer: SignatureAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
