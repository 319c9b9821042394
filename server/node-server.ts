/**
 * The signature endpoint on node:http directly: the same core as the Fetch handler (one behaviour), minus the cost
 * of turning each Node request into a Fetch Request and back, and signing with node:crypto's synchronous HMAC
 * instead of WebCrypto's thread-pool round trip. Node only; `zoom-join/server` stays runtime-neutral.
 */
import { createHmac, createSecretKey } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { assertCredentials, buildClaims, type Signer } from './create-signature.js';
import type { SignatureAnswer } from './answers.js';
import { createSignatureCore, type SignatureCall, type SignatureHandlerOptions } from './handler.js';
import type { BodyReadResult } from './read-body.js';
import { SignatureErrorCode, errorAnswer, withCommonHeaders } from './answers.js';

/** The same compact JWS as jose's `SignJWT` (header and claims serialised in the same order), byte for byte. */
export function createNodeSigner(sdkKey: string, sdkSecret: string): Signer {
  assertCredentials(sdkKey, sdkSecret);
  const key = createSecretKey(Buffer.from(sdkSecret, 'utf8'));
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  return (params) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(buildClaims(sdkKey, params))).toString('base64url')}`;
    return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
  };
}

/** A node:http request listener for the endpoint, keyed for rate limits by socket address unless told otherwise. */
export function createNodeSignatureListener(options: SignatureHandlerOptions): RequestListener {
  const core = createSignatureCore(options, {
    sign: createNodeSigner(options.sdkKey, options.sdkSecret),
    peerAddressKnown: true,
  });
  return (incoming, outgoing) => {
    if (refuseSeveralHosts(incoming, outgoing)) return;
    core(nodeCall(incoming, core.maxBodyBytes)).then(
      (answer) => writeAnswer(outgoing, answer),
      // The core answers every failure itself; reaching here means the socket is already gone.
      () => outgoing.destroy(),
    );
  };
}

/**
 * RFC 9112 §3.2: a request with more than one Host header gets 400. Node keeps only the first in `headers`, and a
 * proxy that routes by another one would disagree with this server about which site the request is for. True when
 * it answered.
 */
export function refuseSeveralHosts(incoming: IncomingMessage, outgoing: ServerResponse): boolean {
  let hosts = 0;
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    if (incoming.rawHeaders[i]?.toLowerCase() === 'host') hosts++;
  }
  if (hosts <= 1) return false;
  // The request is malformed: nothing more on this connection is worth reading.
  outgoing.shouldKeepAlive = false;
  writeAnswer(outgoing, withCommonHeaders(errorAnswer(400, SignatureErrorCode.invalidHost, 'The request has more than one Host header.')));
  return true;
}

/** Writes one answer in a single write: headers and body with their length. */
export function writeAnswer(outgoing: ServerResponse, answer: SignatureAnswer): void {
  if (outgoing.destroyed) return;
  const { body } = answer;
  // A known length lets Node send headers and body in one write instead of chunked framing.
  if (body !== null) outgoing.setHeader('Content-Length', Buffer.byteLength(body));
  outgoing.writeHead(answer.status, answer.headers);
  outgoing.end(body ?? undefined);
}

function nodeCall(incoming: IncomingMessage, maxBodyBytes: number): SignatureCall {
  const scheme = incoming.socket instanceof TLSSocket ? 'https' : 'http';
  let request: Request | undefined;
  // Read as it arrives, like any Node handler: waiting for the core to ask would cost the stream extra ticks to
  // resume. Bounded all the same (the core reads only POST bodies, at this cap), and an unread body would be
  // drained by Node anyway.
  const body = incoming.method === 'POST' ? readNodeBody(incoming, maxBodyBytes) : undefined;
  return {
    method: incoming.method ?? 'GET',
    peerAddress: incoming.socket.remoteAddress,
    header: (name) => {
      const value = incoming.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    url: () => serverUrl(scheme, incoming.headers.host),
    readBody: (maxBytes) => body ?? readNodeBody(incoming, maxBytes),
    // Only for a user's authorize/clientKey callbacks: they see the headers; the body has been read already.
    request: () =>
      (request ??= new Request(new URL(incoming.url ?? '/', serverUrl(scheme, incoming.headers.host)), {
        method: incoming.method ?? 'GET',
        headers: headersOf(incoming),
      })),
  };
}

// Nearly every request names one of a few hosts; parsing each Host header once saves a URL parse per request. The
// cache is cleared when full, so a client cycling Host values costs parses, never memory.
const serverUrls = new Map<string, URL>();
const MAX_CACHED_HOSTS = 64;

/** The origin the request was sent to (no path: the core reads only host name and origin). */
function serverUrl(scheme: string, host: string | undefined): URL {
  if (host === undefined || host === '' || /[/?#@\\]/.test(host)) throw new TypeError('no usable Host header');
  const key = `${scheme}://${host}`;
  let url = serverUrls.get(key);
  if (url === undefined) {
    url = new URL(key);
    if (serverUrls.size >= MAX_CACHED_HOSTS) serverUrls.clear();
    serverUrls.set(key, url);
  }
  return url;
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
  }
  return headers;
}

/** Like `readBodyWithLimit`, on a Node stream: bytes are counted as they arrive, whatever Content-Length says. */
function readNodeBody(incoming: IncomingMessage, maxBytes: number): Promise<BodyReadResult> {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const finish = (result: BodyReadResult): void => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        // The answer closes the connection; stop buffering what is left of the upload.
        incoming.pause();
        finish({ ok: false, reason: 'too-large' });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => {
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
      finish({ ok: true, bytes: bytes ?? new Uint8Array(0) });
    };
    // The client went away mid-upload: its request is malformed, not our failure, and nobody reads the answer.
    const onError = (): void => finish({ ok: false, reason: 'unreadable' });
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
