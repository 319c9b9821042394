/**
 * Turns signature params and request options into one fetch Request. The default is the request Zoom's
 * meetingsdk-auth-endpoint-sample answers, so existing back ends work without configuration.
 */

import { SIGNATURE_REQUEST_DEFAULTS, type SignatureRequestParams, type SignatureRequestOptions } from './signature-types.js';

/** The sample's body: only fields that are set, so back ends validating "all or none" are not confused. */
export function defaultSignatureBody(params: SignatureRequestParams): Record<string, string | number> {
  const body: Record<string, string | number> = { meetingNumber: params.meetingNumber, role: params.role };
  if (params.videoWebRtcMode !== undefined) body['videoWebRtcMode'] = params.videoWebRtcMode;
  if (params.expirationSeconds !== undefined) body['expirationSeconds'] = params.expirationSeconds;
  return body;
}

function isBodyInit(value: unknown): value is BodyInit {
  return (
    typeof value === 'string' ||
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof FormData ||
    value instanceof URLSearchParams ||
    value instanceof ReadableStream
  );
}

function withQuery(endpoint: string, fields: Record<string, string | number>): string {
  const hashAt = endpoint.indexOf('#');
  const base = hashAt === -1 ? endpoint : endpoint.slice(0, hashAt);
  const query = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)])).toString();
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Builds the Request (throws TypeError for a bad URL, method or header, which the caller reports as a request
 * problem rather than a network failure). `cache: 'no-store'` because a cached answer is an old signature.
 */
export function buildSignatureRequest(
  endpoint: string,
  params: SignatureRequestParams,
  options: SignatureRequestOptions,
  signal: AbortSignal,
): Request {
  const method = (options.method ?? SIGNATURE_REQUEST_DEFAULTS.method).toUpperCase();
  const headers = new Headers(options.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');

  let url = endpoint;
  let body: BodyInit | undefined;
  if (method === 'GET' || method === 'HEAD') {
    url = withQuery(endpoint, defaultSignatureBody(params));
  } else {
    const built = options.body ? options.body(params) : defaultSignatureBody(params);
    if (isBodyInit(built)) {
      body = built;
    } else {
      body = JSON.stringify(built);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
  }

  const init: RequestInit = {
    method,
    headers,
    credentials: options.credentials ?? SIGNATURE_REQUEST_DEFAULTS.credentials,
    cache: 'no-store',
    signal,
  };
  if (body !== undefined) init.body = body;
  // Fetch requires this for streamed request bodies; the DOM typings do not know the field yet.
  if (body instanceof ReadableStream) Object.assign(init, { duplex: 'half' });
  // Relative endpoints resolve against the page, as with fetch() itself.
  return new Request(url, init);
}
