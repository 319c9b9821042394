/**
 * Every way getting a signature can fail, as a ZoomJoinError with a stable code, the cause in one sentence and steps
 * a developer can act on. No message, title, hint or step ever includes the signature, and body excerpts are
 * redacted.
 */

import { ZoomJoinError, type ErrorAdvice } from '../zoom-join-error.js';
import { clipText, scrubHead, withoutUserinfo } from '../safe-text.js';
import { isError, safeCause, secretScrubber } from '../secret-scrub.js';

/** Codes of the element's errors while getting a signature (the reference server's own codes are in server/answers.ts). */
export const SignatureFetchErrorCode = {
  endpointMissing: 'signature-endpoint-missing',
  requestInvalid: 'signature-request-invalid',
  network: 'signature-network',
  timeout: 'signature-timeout',
  httpStatus: 'signature-http-status',
  notJson: 'signature-not-json',
  missing: 'signature-missing',
  tooLarge: 'signature-answer-too-large',
  providerFailed: 'signature-provider-failed',
  /** The endpoint wants the visitor signed in with Zoom first (it attaches their OBF token or ZAK). */
  /** The endpoint answers, but the browser withholds its answer from this page's origin (CORS). */
  originRefused: 'signature-origin-refused',
  signInRequired: 'sign-in-required',
  tokensConflict: 'signature-answer-tokens-conflict',
} as const;
export type SignatureFetchErrorCode = (typeof SignatureFetchErrorCode)[keyof typeof SignatureFetchErrorCode];

/**
 * The endpoint without credentials, query or fragment: enough to spot a wrong path, and `user:password@` and query
 * strings may carry secrets.
 */
export function describeEndpoint(endpoint: string): string {
  const url = withoutUserinfo(endpoint);
  return url.split(/[?#]/, 1)[0] || url;
}

/** No secret of the join is known while getting a signature: credentials in URLs and JWT-shaped strings go. */
const scrubShapes = secretScrubber([]);

/** What a signature error keeps of what was thrown: a scrubbed copy (see safeCause), never the thrown value. */
function causeOf(thrown: unknown): unknown {
  return safeCause(thrown, scrubShapes);
}

function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts} attempts)` : '';
}

export function endpointMissingError(): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.endpointMissing,
    category: 'signature',
    title: 'No signature source',
    message: 'There is no way to get a signature: no signature, signature provider or signature endpoint was given.',
    hint: 'Zoom admits no one without a signature made on a server, and the element was given no way to get one.',
    steps: [
      "Give the element a signature endpoint URL: a back end such as Zoom's meetingsdk-auth-endpoint-sample, which " +
        'answers POST {meetingNumber, role} with {signature}.',
      'Or give it a signature provider function, or a signature made on your server.',
    ],
  });
}

export function requestInvalidError(endpoint: string, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.requestInvalid,
    category: 'signature',
    title: 'Invalid signature request',
    message: `The signature request to ${describeEndpoint(endpoint)} could not be built: ${causeText(cause)}`,
    hint: 'The request to the signature endpoint could not be built from the given URL, method, headers or body.',
    steps: [
      'Check the endpoint URL (absolute, or relative to the page).',
      'Check the method and header names.',
      'Make the body builder return a body, and send none with GET and HEAD.',
    ],
    cause: causeOf(cause),
  });
}

export function networkError(endpoint: string, attempts: number, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.network,
    category: 'signature',
    title: 'Signature endpoint unreachable',
    message: `Could not reach the signature endpoint ${describeEndpoint(endpoint)}${afterAttempts(attempts)}.`,
    hint:
      'The browser got no answer from the signature endpoint: the URL is wrong, the server is down, or the browser ' +
      'refused the request (CORS, or mixed content).',
    steps: [
      'Check the URL and that the server is running.',
      'For a cross-origin endpoint, answer the preflight (OPTIONS) and send Access-Control-Allow-Origin (plus ' +
        'Access-Control-Allow-Credentials with credentials "include").',
      'Serve the endpoint over https:// when the page is https:// (an http:// endpoint is blocked as mixed content).',
      'Read the browser console: it names the exact cause.',
    ],
    retryable: true,
    cause: causeOf(cause),
  });
}

/**
 * The endpoint answered (a no-cors request reached it) but the browser would not let this page read the answer: the
 * endpoint does not admit the page's origin.
 */
export function originRefusedError(endpoint: string, pageOrigin: string, attempts: number): ZoomJoinError {
  const where = describeEndpoint(endpoint);
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.originRefused,
    category: 'signature',
    title: "Signature endpoint refused this page's origin",
    message: `The signature endpoint ${where} is up, but it does not let pages from ${pageOrigin} read its answer (CORS)${afterAttempts(attempts)}.`,
    hint: 'A browser reads an answer from another origin only when the endpoint allows that origin, and this one does not.',
    steps: [
      `Add ${pageOrigin} to ZOOM_JOIN_ALLOWED_ORIGINS (comma-separated) of zoom-join's signature server, and restart it.`,
      `On another back end, answer the preflight (OPTIONS) and send Access-Control-Allow-Origin: ${pageOrigin}.`,
      `Run npx zoom-join doctor --endpoint ${where} --origin ${pageOrigin} to see what the endpoint answers this origin.`,
    ],
    retryable: true,
  });
}

export function timeoutError(endpoint: string, timeoutMs: number, attempts: number): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.timeout,
    category: 'signature',
    title: 'Signature endpoint timed out',
    message: `The signature endpoint ${describeEndpoint(endpoint)} did not answer within ${timeoutMs} ms${afterAttempts(attempts)}.`,
    hint:
      'The back end is slow or stuck (a cold serverless start, a blocked upstream call), though signing is a local ' +
      'HMAC that should take milliseconds.',
    steps: [
      "Check the back end's logs for what it waits on.",
      'Raise the timeout (signatureRequest.timeoutMs) only if the endpoint does more than sign.',
    ],
    retryable: true,
  });
}

function statusAdvice(status: number): ErrorAdvice {
  if (status === 401 || status === 403) {
    return {
      hint: 'The endpoint refused the request because it carries no session or credentials it accepts.',
      steps: ['Send the session cookie (credentials "include" for another origin) or the auth header the endpoint expects.'],
    };
  }
  if (status === 404) {
    return {
      hint: 'The signature endpoint URL is wrong: nothing answers at that path.',
      steps: ["Check the path and the server's route."],
    };
  }
  if (status === 405) {
    return {
      hint: "The endpoint does not accept this method (Zoom's sample expects POST).",
      steps: ['Send the request with the method the endpoint expects (signatureRequest.method).'],
    };
  }
  if (status === 400 || status === 422) {
    return {
      hint: 'The endpoint rejected the request body.',
      steps: [
        "Send what Zoom's sample expects: JSON {meetingNumber, role} with role 0 or 1 and expirationSeconds within " +
          '1800–172800.',
        'Use a body builder if your back end wants another shape.',
      ],
    };
  }
  if (status === 429) {
    return { hint: 'The endpoint is rate-limiting this client.', steps: ['Wait before trying again.'] };
  }
  if (status >= 500) {
    return {
      hint: 'The signature back end failed, usually because its Meeting SDK Client ID or Client Secret is not configured.',
      steps: ["Check the back end's logs.", 'Check that its Client ID and Client Secret environment variables are set.'],
    };
  }
  return {
    hint: 'The endpoint did not answer with a signature.',
    steps: ["Check the endpoint's logs and what it expects."],
  };
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
    code: SignatureFetchErrorCode.httpStatus,
    category: 'signature',
    title: `Signature endpoint answered ${status}`,
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}${afterAttempts(attempts)}${said}`,
    ...statusAdvice(status),
    retryable: status >= 500 || status === 429,
  });
}

/**
 * The endpoint answered `{error: {code: 'sign-in-required', signInUrl}}`: Zoom needs a signed-in user behind this join
 * (another account's meeting), and the visitor has not signed in. Not a failure the join ends with: the element
 * shows "Sign in with Zoom" and goes on once they have.
 */
export function signInRequiredError(endpoint: string, signInUrl: string): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.signInRequired,
    category: 'signature',
    title: 'Sign in with Zoom to join',
    message: `The signature endpoint ${describeEndpoint(endpoint)} needs you signed in with Zoom before it can sign this join.`,
    hint:
      'The meeting belongs to another Zoom account, and Zoom admits apps into it only on behalf of a signed-in Zoom user ' +
      'who is in the meeting.',
    steps: ['Sign in with Zoom.', 'Join again: the element does it by itself once you are signed in.'],
    // Asking again before the visitor signed in gets the same answer: the join waits for the sign-in instead.
    retryable: false,
    signInUrl,
  });
}

/** The answer held both an OBF token and a ZAK, which the SDK refuses to join with. */
export function tokensConflictError(endpoint: string): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.tokensConflict,
    category: 'signature',
    title: 'Signature endpoint answered both an OBF token and a ZAK',
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered both obfToken and zak; Zoom joins with one of them.`,
    hint: 'Zoom refuses a join that carries both an OBF token and a ZAK.',
    steps: ['Answer obfToken to join on behalf of the signed-in user, or zak to join as them, never both.'],
  });
}

export function notJsonError(endpoint: string, status: number, excerpt: string, html: boolean): ZoomJoinError {
  const what = html ? 'an HTML page' : excerpt ? 'text that is not JSON' : 'an empty body';
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.notJson,
    category: 'signature',
    title: 'Signature endpoint did not answer JSON',
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status} with ${what}${excerpt ? `: "${excerpt}"` : '.'}`,
    ...(html
      ? {
          hint:
            'The URL probably points at a web page or a single-page-app fallback (index.html served for unknown ' +
            'paths), not at the signature endpoint.',
          steps: ['Check the endpoint path.', 'Check the dev-server proxy.', "Check the back end's route."],
        }
      : {
          hint: 'The signature endpoint must answer JSON, and it answered something else.',
          steps: [
            'Answer JSON such as {"signature": "<JWT>", "sdkKey": "<Client ID>"} with Content-Type: application/json.',
            'Or pass a provider function that adapts any other format.',
          ],
        }),
  });
}

export function answerTooLargeError(endpoint: string, status: number, maxBytes: number): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.tooLarge,
    category: 'signature',
    title: 'The signature endpoint answered too much',
    message:
      `The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status} with more than ` +
      `${Math.round(maxBytes / 1024)} KB; a signature answer is a few hundred bytes, so the rest was not read.`,
    hint:
      'The URL probably points at a file, a page or an API that returns data, not at the signature endpoint, or ' +
      'the endpoint adds far more than the signature to its answer.',
    steps: [
      'Check the endpoint path.',
      'Answer only {"signature": "<JWT>", "sdkKey": "<Client ID>"}.',
    ],
  });
}

export function missingSignatureError(endpoint: string, excerpt: string): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.missing,
    category: 'signature',
    title: 'No signature in the answer',
    message: `The signature endpoint ${describeEndpoint(endpoint)} answered JSON without a "signature" string${excerpt ? `: ${excerpt}` : '.'}`,
    hint:
      'The answer has no "signature" string: the endpoint names the field differently (token, jwt, …), nests it, or ' +
      'failed.',
    steps: [
      'Answer {"signature": "<JWT>"}, or pass a provider function that returns the JWT from any other shape.',
      'Read the answer\'s "error" field, if it has one: it usually says why.',
    ],
  });
}

export function providerFailedError(detail: string, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.providerFailed,
    category: 'signature',
    title: 'Signature provider failed',
    message: `The signature provider ${detail}`,
    hint: 'The signature provider threw, or resolved to something other than a signature.',
    steps: [
      'Make the provider resolve to the JWT string or to {signature, sdkKey?}.',
      'Fix the error it reports, and let it throw only when no signature can be made.',
    ],
    cause: causeOf(cause),
  });
}

const MAX_CAUSE_TEXT = 200;

function cleanText(text: string): string {
  return scrubShapes(text).replace(/\s+/g, ' ').trim();
}

/** A thrown value's message, redacted and short: it may quote anything the provider saw, at any length. */
export function causeText(cause: unknown): string {
  const text = isError(cause) ? cause.message : String(cause);
  return clipText(scrubHead(text, cleanText, MAX_CAUSE_TEXT, scrubShapes.guard), MAX_CAUSE_TEXT);
}
