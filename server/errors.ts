/**
 * Every response the signature server writes is JSON built here, so no path can fall back to a framework's HTML
 * error page or leak a stack trace.
 */

export const SignatureErrorCode = {
  invalidJson: 'invalid-json',
  invalidBody: 'invalid-body',
  invalidField: 'invalid-field',
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

// Signatures are single-use credentials: no shared cache may keep one, and a browser must not sniff the JSON.
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

export interface ErrorResponseExtras {
  field?: string;
  headers?: Record<string, string>;
}

export function errorResponse(
  status: number,
  code: SignatureErrorCode,
  message: string,
  extras: ErrorResponseExtras = {},
): Response {
  const body: SignatureErrorBody = { error: { code, message } };
  if (extras.field !== undefined) body.error.field = extras.field;
  return jsonResponse(status, body, extras.headers);
}

/** The one answer to anything unexpected: a fixed message, so nothing from the exception reaches the client. */
export function internalErrorResponse(): Response {
  return errorResponse(500, SignatureErrorCode.internal, 'The signature server failed. Its logs have the details.');
}
