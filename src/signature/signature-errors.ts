/**
 * Every way getting a signature can fail, as a ZoomJoinError with a stable code and a hint a developer can act
 * on. No message, title or hint ever includes the signature, and body excerpts are redacted.
 */

import { ZoomJoinError } from '../errors.js';
import { redactTokens } from './body-excerpt.js';

export const SignatureErrorCode = {
  endpointMissing: 'signature-endpoint-missing',
  requestInvalid: 'signature-request-invalid',
  network: 'signature-network',
  timeout: 'signature-timeout',
  httpStatus: 'signature-http-status',
  notJson: 'signature-not-json',
  missing: 'signature-missing',
  providerFailed: 'signature-provider-failed',
} as const;
export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

/** The endpoint without query or fragment: enough to spot a wrong path, and query strings may carry tokens. */
export function describeEndpoint(endpoint: string): string {
  return endpoint.split(/[?#]/, 1)[0] || endpoint;
}

function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts} attempts)` : '';
}

export function endpointMissingError(): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.endpointMissing,
    category: 'signature',
    title: 'No signature source',
    message: 'There is no way to get a signature: no signature, signature provider or signature endpoint was given.',
    hint:
      'Give the element a signature endpoint URL (a back end such as Zoom\'s meetingsdk-auth-endpoint-sample, ' +
      'which answers POST {meetingNumber, role} with {signature}), a signature provider function, or a signature ' +
      'made on your server.',
  });
}

export function requestInvalidError(endpoint: string, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.requestInvalid,
    category: 'signature',
    title: 'Invalid signature request',
    message: `The signature request to ${describeEndpoint(endpoint)} could not be built: ${causeText(cause)}`,
    hint:
      'Check the endpoint URL (absolute, or relative to the page), the method and header names, and that the ' +
      'body builder returns a body; GET and HEAD requests carry no body.',
    cause,
  });
}

export function networkError(endpoint: string, attempts: number, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.network,
    category: 'signature',
    title: 'Signature endpoint unreachable',
    message: `Could not reach the signature endpoint ${describeEndpoint(endpoint)}${afterAttempts(attempts)}.`,
    hint:
      'Check the URL and that the server is running. Browsers also report refused CORS requests this way: a ' +
      'cross-origin endpoint must answer the preflight (OPTIONS) and send Access-Control-Allow-Origin (plus ' +
      'Access-Control-Allow-Credentials with credentials "include"); an http:// endpoint on an https:// page is ' +
      'blocked as mixed content. The browser console names the exact cause.',
    retryable: true,
    cause,
  });
}

export function timeoutError(endpoint: string, timeoutMs: number, attempts: number): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.timeout,
    category: 'signature',
    title: 'Signature endpoint timed out',
    message: `The signature endpoint ${describeEndpoint(endpoint)} did not answer within ${timeoutMs} ms${afterAttempts(attempts)}.`,
    hint:
      'The back end is slow or stuck (a cold serverless start, a blocked upstream call). Signing is a local HMAC ' +
      'and should take milliseconds; raise the timeout only if the endpoint does more than sign.',
    retryable: true,
  });
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) {
    return 'The endpoint refused the request: send the session cookie (credentials "include" for another origin) ' +
      'or the auth header it expects.';
  }
  if (status === 404) return 'The signature endpoint URL is wrong: check the path and the server\'s route.';
  if (status === 405) return 'The endpoint does not accept this method: Zoom\'s sample expects POST.';
  if (status === 400 || status === 422) {
    return 'The endpoint rejected the request body: Zoom\'s sample expects JSON {meetingNumber, role} with role 0 ' +
      'or 1 and expirationSeconds within 1800–172800; use a body builder if your back end wants another shape.';
  }
  if (status === 429) return 'The endpoint is rate-limiting this client; wait before trying again.';
  if (status >= 500) {
    return 'The signature back end failed: check its logs (a missing Meeting SDK Client ID/Secret environment ' +
      'variable is the usual cause).';
  }
  return 'The endpoint did not answer with a signature; check its logs and what it expects.';
}

export function httpStatusError(
  endpoint: string,
  status: number,
  statusText: string,
  excerpt: string,
  attempts: number,
): ZoomJoinError {
  const said = excerpt ? `: "${excerpt}"` : '';
  return new ZoomJoinError({
    code: SignatureErrorCode.httpStatus,
    category: 'signature',
    title: `Signature endpoint answered ${status}`,
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}${afterAttempts(attempts)}${said}`,
    hint: statusHint(status),
    retryable: status >= 500 || status === 429,
  });
}

export function notJsonError(endpoint: string, status: number, excerpt: string, html: boolean): ZoomJoinError {
  const what = html ? 'an HTML page' : excerpt ? 'text that is not JSON' : 'an empty body';
  return new ZoomJoinError({
    code: SignatureErrorCode.notJson,
    category: 'signature',
    title: 'Signature endpoint did not answer JSON',
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status} with ${what}${excerpt ? `: "${excerpt}"` : '.'}`,
    hint: html
      ? 'The URL probably points at a web page or a single-page-app fallback (index.html served for unknown ' +
        'paths), not at the signature endpoint: check the path, the dev-server proxy, and the back end\'s route.'
      : 'The endpoint must answer JSON such as {"signature": "<JWT>", "sdkKey": "<Client ID>"} ' +
        '(Content-Type: application/json); a provider function can adapt any other format.',
  });
}

export function missingSignatureError(endpoint: string, excerpt: string): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.missing,
    category: 'signature',
    title: 'No signature in the answer',
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered JSON without a "signature" string${excerpt ? `: ${excerpt}` : '.'}`,
    hint:
      'The endpoint must answer {"signature": "<JWT>"}; if it uses another field name (token, jwt...) or nests ' +
      'it, pass a provider function that returns the JWT. An "error" field in the answer usually says why.',
  });
}

export function providerFailedError(detail: string, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureErrorCode.providerFailed,
    category: 'signature',
    title: 'Signature provider failed',
    message: `The signature provider ${detail}`,
    hint:
      'The provider must resolve to the JWT string or to {signature, sdkKey?}; fix the error it reports, or let ' +
      'it throw only when no signature can be made.',
    cause,
  });
}

/** A thrown value's message, redacted and short: it may quote anything the provider saw. */
export function causeText(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  const clean = redactTokens(text).replace(/\s+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
