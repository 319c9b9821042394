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
} as const;
export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

/** The body of every error response: `{error: {code, message, field?}}`. */
export interface SignatureErrorBody {
  error: { code: SignatureErrorCode; message: string; field?: string };
}

/** The body of a successful response; `sdkKey` is returned because Zoom's `join()` needs it next to the signature. */
export interface SignatureSuccessBody {
  signature: string;
  sdkKey: string;
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
