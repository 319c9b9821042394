/**
 * Gets a Meeting SDK signature: directly, from a provider function, or from an HTTP endpoint with timeouts,
 * retries and backoff. Pure (no Lit, no DOM beyond fetch) so the element and its tests share it.
 */

import { msg, str } from '@lit/localize';
import { ZoomJoinError } from '../zoom-join-error.js';
import { abortError, sleep, timeoutScope, untilAborted } from '../abort.js';
import { parseRetryAfter, retryDelay } from './backoff.js';
import { excerptBody, looksLikeHtml } from './body-excerpt.js';
import { buildSignatureRequest } from './build-request.js';
import { MAX_ANSWER_BYTES, readAnswerText, type AnswerText } from './read-answer.js';
import {
  answerTooLargeError,
  causeText,
  endpointMissingError,
  httpStatusError,
  missingSignatureError,
  networkError,
  notJsonError,
  originRefusedError,
  providerFailedError,
  requestInvalidError,
  SignatureFetchErrorCode,
  signInRequiredError,
  timeoutError,
  tokensConflictError,
} from './signature-errors.js';
import {
  SIGNATURE_REQUEST_DEFAULTS,
  type SignatureCallOptions,
  type SignatureRequestParams,
  type SignatureProvider,
  type SignatureRequestOptions,
  type SignatureResult,
  type SignatureSource,
} from './signature-types.js';

export * from './signature-types.js';
export { SignatureFetchErrorCode } from './signature-errors.js';

/** Three base64url parts: some back ends answer the bare token as text instead of JSON. */
const BARE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Whatever reason the caller aborted with, the signature client rejects with a fresh AbortError: its callers tell
 * cancellation from failure by that name.
 */
const cancelled = (): DOMException => abortError(msg('The signature request was aborted.'));

type Attempt = { result: SignatureResult } | { error: ZoomJoinError; retryAfterMs?: number };

/**
 * POSTs `params` to `endpoint` and reads `{signature, sdkKey?}`. Retries network errors, timeouts, 5xx and 429
 * (honouring Retry-After), never other 4xx or malformed answers, which retrying cannot fix. Rejects with a
 * ZoomJoinError (category 'signature'), or with a DOMException 'AbortError' once `signal` aborts.
 */
export async function fetchSignature(
  endpoint: string,
  params: SignatureRequestParams,
  options: SignatureRequestOptions & SignatureCallOptions = {},
): Promise<SignatureResult> {
  const { signal } = options;
  const retries = Math.max(0, Math.floor(options.retries ?? SIGNATURE_REQUEST_DEFAULTS.retries));
  const baseDelay = options.retryBaseDelayMs ?? SIGNATURE_REQUEST_DEFAULTS.retryBaseDelayMs;
  const maxDelay = options.maxRetryDelayMs ?? SIGNATURE_REQUEST_DEFAULTS.maxRetryDelayMs;
  if (signal?.aborted) throw cancelled();

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(endpoint, params, options, attempt);
    if ('result' in outcome) return outcome.result;
    if (!outcome.error.retryable || attempt > retries) throw await explainNetworkError(outcome.error, endpoint, options, attempt);
    await sleep(retryDelay(attempt - 1, outcome.retryAfterMs, baseDelay, maxDelay), signal, cancelled);
  }
}

/** How long the check of a cross-origin endpoint that gave no answer may take. */
const ORIGIN_CHECK_MS = 3000;

/**
 * A cross-origin endpoint that gave the page no answer is asked once more in `no-cors` mode, whose answer the page
 * cannot read but which fails only when nothing answered: if it resolves, the server is up and CORS is what failed.
 */
async function explainNetworkError(
  error: ZoomJoinError,
  endpoint: string,
  options: SignatureRequestOptions & SignatureCallOptions,
  attempts: number,
): Promise<ZoomJoinError> {
  const page = globalThis.location;
  if (error.code !== SignatureFetchErrorCode.network || !page) return error;
  let url: URL;
  try {
    url = new URL(endpoint, page.href);
  } catch {
    return error;
  }
  if (url.origin === page.origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return error;
  const scope = timeoutScope(options.signal, ORIGIN_CHECK_MS);
  try {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    await untilAborted(fetchImpl(url.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: scope.signal }), scope.signal);
    return originRefusedError(endpoint, page.origin, attempts);
  } catch {
    if (options.signal?.aborted) throw cancelled();
    return error;
  } finally {
    scope.dispose();
  }
}

/** One request with its own timeout; the timeout also covers reading the body, where slow servers stall. */
async function attemptOnce(
  endpoint: string,
  params: SignatureRequestParams,
  options: SignatureRequestOptions & SignatureCallOptions,
  attempt: number,
): Promise<Attempt> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? SIGNATURE_REQUEST_DEFAULTS.timeoutMs;
  const scope = timeoutScope(signal, timeoutMs);

  try {
    let request: Request;
    try {
      request = buildSignatureRequest(endpoint, params, options, scope.signal);
    } catch (error) {
      return { error: requestInvalidError(endpoint, error) };
    }
    // Read per call, not at import, so a page or test that swaps window.fetch later is honoured.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    let answer: AnswerText;
    try {
      response = await untilAborted(fetchImpl(request), scope.signal);
      answer = await readAnswerText(response, scope.signal);
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      if (scope.timedOut) return { error: timeoutError(endpoint, timeoutMs, attempt) };
      return { error: networkError(endpoint, attempt, error) };
    }
    return interpretResponse(endpoint, response, answer, attempt);
  } finally {
    scope.dispose();
  }
}

function interpretResponse(endpoint: string, response: Response, answer: AnswerText, attempt: number): Attempt {
  const { text, truncated } = answer;
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const signInUrl = response.status === 401 ? readSignInUrl(text, endpoint) : undefined;
    if (signInUrl) return { error: signInRequiredError(endpoint, signInUrl) };
    const excerpt = excerptBody(text, { html: looksLikeHtml(contentType, text), truncated });
    const error = httpStatusError(endpoint, response.status, response.statusText, excerpt, attempt);
    return { error, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) };
  }
  // Not parsed, not quoted: nothing that long is a signature answer.
  if (truncated) return { error: answerTooLargeError(endpoint, response.status, MAX_ANSWER_BYTES) };
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    if (BARE_JWT.test(trimmed)) return { result: withServerTime({ signature: trimmed }, response) };
    const html = looksLikeHtml(contentType, trimmed);
    return { error: notJsonError(endpoint, response.status, excerptBody(trimmed, { html }), html) };
  }
  if (typeof json === 'string' && BARE_JWT.test(json.trim())) {
    return { result: withServerTime({ signature: json.trim() }, response) };
  }
  if (answersBothTokens(json)) return { error: tokensConflictError(endpoint) };
  const result = readSignatureResult(json);
  if (!result) return { error: missingSignatureError(endpoint, excerptBody(trimmed, { html: false })) };
  return { result: withServerTime(result, response) };
}

/** The endpoint's clock (its Date header), so the signature's times are judged by it rather than by this device's. */
function withServerTime(result: SignatureResult, response: Response): SignatureResult {
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  return Number.isFinite(serverTime) ? { ...result, serverTime } : result;
}

/**
 * The start of a Zoom sign-in from `{error: {code: 'sign-in-required', signInUrl}}` (resolved against the endpoint),
 * when it is an http(s) URL: the element links to it, so nothing else (a `javascript:` URL) may pass.
 */
function readSignInUrl(text: string, endpoint: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = (body as { error?: { code?: unknown; signInUrl?: unknown } } | null)?.error;
  if (error?.code !== SignatureFetchErrorCode.signInRequired || typeof error.signInUrl !== 'string') return undefined;
  try {
    const url = new URL(error.signInUrl, new URL(endpoint, globalThis.location?.href));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function answersBothTokens(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { obfToken, zak } = value as { obfToken?: unknown; zak?: unknown };
  return Boolean(obfToken) && Boolean(zak);
}

/** `{signature, sdkKey?, obfToken? | zak?, onBehalfOf?}` with a non-empty signature string, else `undefined`. */
function readSignatureResult(value: unknown): SignatureResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { signature, sdkKey, obfToken, zak, onBehalfOf } = value as Record<keyof SignatureResult, unknown>;
  if (typeof signature !== 'string' || signature.trim() === '') return undefined;
  const result: SignatureResult = { signature: signature.trim() };
  if (typeof sdkKey === 'string' && sdkKey !== '') result.sdkKey = sdkKey;
  if (typeof obfToken === 'string' && obfToken.trim() !== '') result.obfToken = obfToken.trim();
  else if (typeof zak === 'string' && zak.trim() !== '') result.zak = zak.trim();
  if (typeof onBehalfOf === 'string' && onBehalfOf.trim() !== '') result.onBehalfOf = onBehalfOf.trim();
  return result;
}

/**
 * The one entry point for the element: a direct `signature` wins, then `provider`, then `endpoint`; with none
 * it rejects `signature-endpoint-missing`. Cancellation rejects with an AbortError, as in fetchSignature.
 */
export async function resolveSignature(
  source: SignatureSource,
  params: SignatureRequestParams,
  options: SignatureCallOptions = {},
): Promise<SignatureResult> {
  if (options.signal?.aborted) throw cancelled();
  const direct = source.signature?.trim();
  if (direct) return source.sdkKey ? { signature: direct, sdkKey: source.sdkKey } : { signature: direct };
  if (source.provider) {
    return callProvider(source.provider, params, options.signal, source.request?.timeoutMs ?? SIGNATURE_REQUEST_DEFAULTS.timeoutMs);
  }
  const endpoint = source.endpoint?.trim();
  if (endpoint) return fetchSignature(endpoint, params, { ...source.request, ...options });
  throw endpointMissingError();
}

async function callProvider(
  provider: SignatureProvider,
  params: SignatureRequestParams,
  outer: AbortSignal = new AbortController().signal,
  timeoutMs: number,
): Promise<SignatureResult> {
  // A provider that never settles would leave the element "Getting a signature…" forever: bound it like a fetch.
  const scope = timeoutScope(outer, timeoutMs);
  const { signal } = scope;
  let value: unknown;
  try {
    // Wrapped so a provider that throws synchronously is reported like one that rejects.
    value = await untilAborted(
      Promise.resolve().then(() => provider(params, { signal })),
      signal,
    );
  } catch (error) {
    if (scope.timedOut) throw providerFailedError(msg(str`The signature provider did not answer within ${timeoutMs} ms.`));
    // Only our own abort is cancellation; a provider's internal AbortError is its failure.
    if (signal.aborted) throw cancelled();
    // A provider built on fetchSignature already throws the precise error; keep it.
    if (error instanceof ZoomJoinError && error.category === 'signature') throw error;
    throw providerFailedError(msg(str`The signature provider threw: ${causeText(error)}`), error);
  } finally {
    scope.dispose();
  }
  if (typeof value === 'string') {
    if (value.trim()) return { signature: value.trim() };
    throw providerFailedError(msg('The signature provider returned an empty string instead of a signature.'));
  }
  if (answersBothTokens(value)) throw providerFailedError(msg('The signature provider returned both obfToken and zak; Zoom joins with one of them.'));
  const result = readSignatureResult(value);
  if (result) {
    const { serverTime } = value as { serverTime?: unknown };
    return typeof serverTime === 'number' && Number.isFinite(serverTime) ? { ...result, serverTime } : result;
  }
  throw providerFailedError(
    msg(str`The signature provider returned ${describeShape(value)} instead of a JWT string or {signature, sdkKey?, obfToken? | zak?}.`),
  );
}

/** The kind of a bad provider value, without its content (it may hold a token under another name). */
function describeShape(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return msg('an array');
  if (typeof value === 'undefined') return 'undefined';
  if (typeof value === 'number') return msg('a number');
  if (typeof value === 'boolean') return msg('true or false');
  if (typeof value === 'function') return msg('a function');
  if (typeof value !== 'object') return msg('a value of another kind');
  const keys = Object.keys(value).slice(0, 5);
  return keys.length ? msg(str`an object with keys ${keys.join(', ')} but no non-empty signature string`) : msg('an empty object');
}
