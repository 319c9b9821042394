/**
 * Every way getting a signature can fail, as a ZoomJoinError with a stable code, the cause in one sentence and steps
 * a developer can act on. No message, title, hint or step ever includes the signature, and body excerpts are
 * redacted.
 */

import { msg, str } from '@lit/localize';
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
    title: msg('No signature source'),
    message: msg('There is no way to get a signature: no signature, signature provider or signature endpoint was given.'),
    hint: msg('Zoom admits no one without a signature made on a server, and the element was given no way to get one.'),
    steps: [
      msg("Give the element a signature endpoint URL: a back end such as Zoom's meetingsdk-auth-endpoint-sample, which answers POST {meetingNumber, role} with {signature}."),
      msg('Or give it a signature provider function, or a signature made on your server.'),
    ],
  });
}

export function requestInvalidError(endpoint: string, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.requestInvalid,
    category: 'signature',
    title: msg('Invalid signature request'),
    message: msg(str`The signature request to ${describeEndpoint(endpoint)} could not be built: ${causeText(cause)}`),
    hint: msg('The request to the signature endpoint could not be built from the given URL, method, headers or body.'),
    steps: [
      msg('Check the endpoint URL (absolute, or relative to the page).'),
      msg('Check the method and header names.'),
      msg('Make the body builder return a body, and send none with GET and HEAD.'),
    ],
    cause: causeOf(cause),
  });
}

export function networkError(endpoint: string, attempts: number, cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.network,
    category: 'signature',
    title: msg('Signature endpoint unreachable'),
    message: msg(str`Could not reach the signature endpoint ${describeEndpoint(endpoint)}${afterAttempts(attempts)}.`),
    hint:
      msg('The browser got no answer from the signature endpoint: the URL is wrong, the server is down, or the browser refused the request (CORS, or mixed content).'),
    steps: [
      msg('Check the URL and that the server is running.'),
      msg('For a cross-origin endpoint, answer the preflight (OPTIONS) and send Access-Control-Allow-Origin (plus Access-Control-Allow-Credentials with credentials "include").'),
      msg('Serve the endpoint over https:// when the page is https:// (an http:// endpoint is blocked as mixed content).'),
      msg('Read the browser console: it names the exact cause.'),
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
    title: msg("Signature endpoint refused this page's origin"),
    message: msg(str`The signature endpoint ${where} is up, but it does not let pages from ${pageOrigin} read its answer (CORS)${afterAttempts(attempts)}.`),
    hint: msg('A browser reads an answer from another origin only when the endpoint allows that origin, and this one does not.'),
    steps: [
      msg(str`Add ${pageOrigin} to ZOOM_JOIN_ALLOWED_ORIGINS (comma-separated) of zoom-join's signature server, and restart it.`),
      msg(str`On another back end, answer the preflight (OPTIONS) and send Access-Control-Allow-Origin: ${pageOrigin}.`),
      msg(str`Run npx zoom-join doctor --endpoint ${where} --origin ${pageOrigin} to see what the endpoint answers this origin.`),
    ],
    retryable: true,
  });
}

export function timeoutError(endpoint: string, timeoutMs: number, attempts: number): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.timeout,
    category: 'signature',
    title: msg('Signature endpoint timed out'),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} did not answer within ${timeoutMs} ms${afterAttempts(attempts)}.`),
    hint:
      msg('The back end is slow or stuck (a cold serverless start, a blocked upstream call), though signing is a local HMAC that should take milliseconds.'),
    steps: [
      msg("Check the back end's logs for what it waits on."),
      msg('Raise the timeout (signatureRequest.timeoutMs) only if the endpoint does more than sign.'),
    ],
    retryable: true,
  });
}

function statusAdvice(status: number): ErrorAdvice {
  if (status === 401 || status === 403) {
    return {
      hint: msg('The endpoint refused the request because it carries no session or credentials it accepts.'),
      steps: [msg('Send the session cookie (credentials "include" for another origin) or the auth header the endpoint expects.')],
    };
  }
  if (status === 404) {
    return {
      hint: msg('The signature endpoint URL is wrong: nothing answers at that path.'),
      steps: [msg("Check the path and the server's route.")],
    };
  }
  if (status === 405) {
    return {
      hint: msg("The endpoint does not accept this method (Zoom's sample expects POST)."),
      steps: [msg('Send the request with the method the endpoint expects (signatureRequest.method).')],
    };
  }
  if (status === 400 || status === 422) {
    return {
      hint: msg('The endpoint rejected the request body.'),
      steps: [
        msg("Send what Zoom's sample expects: JSON {meetingNumber, role} with role 0 or 1 and expirationSeconds within 1800–172800."),
        msg('Use a body builder if your back end wants another shape.'),
      ],
    };
  }
  if (status === 429) {
    return { hint: msg('The endpoint is rate-limiting this client.'), steps: [msg('Wait before trying again.')] };
  }
  if (status >= 500) {
    return {
      hint: msg('The signature back end failed, usually because its Meeting SDK Client ID or Client Secret is not configured.'),
      steps: [msg("Check the back end's logs."), msg('Check that its Client ID and Client Secret environment variables are set.')],
    };
  }
  return {
    hint: msg('The endpoint did not answer with a signature.'),
    steps: [msg("Check the endpoint's logs and what it expects.")],
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
    title: msg(str`Signature endpoint answered ${status}`),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}${afterAttempts(attempts)}${said}`),
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
    title: msg('Sign in with Zoom to join'),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} needs you signed in with Zoom before it can sign this join.`),
    hint:
      msg('The meeting belongs to another Zoom account, and Zoom admits apps into it only on behalf of a signed-in Zoom user who is in the meeting.'),
    steps: [msg('Sign in with Zoom.'), msg('Join again: the element does it by itself once you are signed in.')],
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
    title: msg('Signature endpoint answered both an OBF token and a ZAK'),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} answered both obfToken and zak; Zoom joins with one of them.`),
    hint: msg('Zoom refuses a join that carries both an OBF token and a ZAK.'),
    steps: [msg('Answer obfToken to join on behalf of the signed-in user, or zak to join as them, never both.')],
  });
}

export function notJsonError(endpoint: string, status: number, excerpt: string, html: boolean): ZoomJoinError {
  const what = html ? msg('an HTML page') : excerpt ? msg('text that is not JSON') : msg('an empty body');
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.notJson,
    category: 'signature',
    title: msg('Signature endpoint did not answer JSON'),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status} with ${what}${excerpt ? `: "${excerpt}"` : '.'}`),
    ...(html
      ? {
          hint:
            msg('The URL probably points at a web page or a single-page-app fallback (index.html served for unknown paths), not at the signature endpoint.'),
          steps: [msg('Check the endpoint path.'), msg('Check the dev-server proxy.'), msg("Check the back end's route.")],
        }
      : {
          hint: msg('The signature endpoint must answer JSON, and it answered something else.'),
          steps: [
            msg('Answer JSON such as {"signature": "<JWT>", "sdkKey": "<Client ID>"} with Content-Type: application/json.'),
            msg('Or pass a provider function that adapts any other format.'),
          ],
        }),
  });
}

export function answerTooLargeError(endpoint: string, status: number, maxBytes: number): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.tooLarge,
    category: 'signature',
    title: msg('The signature endpoint answered too much'),
    message:
      msg(str`The signature endpoint ${describeEndpoint(endpoint)} answered HTTP ${status} with more than ${Math.round(maxBytes / 1024)} KB; a signature answer is a few hundred bytes, so the rest was not read.`),
    hint:
      msg('The URL probably points at a file, a page or an API that returns data, not at the signature endpoint, or the endpoint adds far more than the signature to its answer.'),
    steps: [
      msg('Check the endpoint path.'),
      msg('Answer only {"signature": "<JWT>", "sdkKey": "<Client ID>"}.'),
    ],
  });
}

export function missingSignatureError(endpoint: string, excerpt: string): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.missing,
    category: 'signature',
    title: msg('No signature in the answer'),
    message: msg(str`The signature endpoint ${describeEndpoint(endpoint)} answered JSON without a "signature" string${excerpt ? `: ${excerpt}` : '.'}`),
    hint:
      msg('The answer has no "signature" string: the endpoint names the field differently (token, jwt, …), nests it, or failed.'),
    steps: [
      msg('Answer {"signature": "<JWT>"}, or pass a provider function that returns the JWT from any other shape.'),
      msg('Read the answer\'s "error" field, if it has one: it usually says why.'),
    ],
  });
}

/** `message`: a whole sentence that starts with "The signature provider …" (translators may reorder it). */
export function providerFailedError(message: string, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: SignatureFetchErrorCode.providerFailed,
    category: 'signature',
    title: msg('Signature provider failed'),
    message,
    hint: msg('The signature provider threw, or resolved to something other than a signature.'),
    steps: [
      msg('Make the provider resolve to the JWT string or to {signature, sdkKey?}.'),
      msg('Fix the error it reports, and let it throw only when no signature can be made.'),
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
