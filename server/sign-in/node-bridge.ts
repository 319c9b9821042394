/**
 * The CLI's node:http server hands the sign-in routes to the Fetch handler: a request in, a response out. Node
 * only (start-server.ts); `zoom-join/server` does not import it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';

/** The request as a Fetch Request, its body read up to `maxBytes` (undefined: larger, or no usable Host). */
export async function toFetchRequest(incoming: IncomingMessage, maxBytes: number): Promise<Request | undefined> {
  const host = incoming.headers.host;
  if (host === undefined || host === '' || /[/?#@\\\s]/.test(host)) return undefined;
  const scheme = incoming.socket instanceof TLSSocket ? 'https' : 'http';
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
  const method = incoming.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of incoming) {
      const buffer = chunk as Buffer;
      total += buffer.byteLength;
      if (total > maxBytes) return undefined;
      chunks.push(buffer);
    }
    body = new Uint8Array(Buffer.concat(chunks));
  }
  let url: URL;
  try {
    url = new URL(incoming.url ?? '/', `${scheme}://${host}`);
  } catch {
    return undefined;
  }
  return new Request(url, body === undefined ? { method, headers } : { method, headers, body });
}

export async function writeFetchResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  if (outgoing.destroyed) return;
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('Set-Cookie', cookies);
  outgoing.setHeader('Content-Length', body.byteLength);
  outgoing.writeHead(response.status);
  outgoing.end(body);
}
