/**
 * The service worker's part in the meeting mode (demo/zoom-double-sw.ts imports it): the SDK's requests to Zoom
 * hosts go to the dev server's double of the page's session, which answers them (demo/server/meeting-double-api.ts).
 *
 * The SDK asks from the element's frame (about:srcdoc), whose client tells neither its page nor its session. So the
 * page, as it sees each new frame (zoom-frame), makes one request from inside it to `<api>/<id>/frame`; the worker
 * answers that itself and remembers "this frame → this session". In Cache Storage, not a global: Chromium stops idle
 * workers, and a meeting can run for many minutes between two of the SDK's requests.
 */
import type { HttpForwardAnswer, HttpForwardBody } from './meeting-api.js';
import { sessionPath } from './meeting-api.js';

const FRAMES_CACHE = 'meeting-double-frames';
/** A cache key only: nothing is ever requested at this path. */
const FRAME_KEY = '/__meeting-double/frame/';
/** Statuses whose Response may have no body at all (the constructor throws on any). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** `clientId` (the SDK's frame) belongs to `session` from now on. */
export async function rememberFrame(clientId: string, session: string, clientExists: (id: string) => Promise<boolean>): Promise<Response> {
  // Not from a document (nothing to remember): the page hears it as it would hear a frame the worker missed.
  if (!clientId) return new Response(null, { status: 409 });
  const cache = await caches.open(FRAMES_CACHE);
  // Frames of meetings that are over (each join has a frame of its own) are forgotten as new ones come.
  for (const key of await cache.keys()) {
    const id = decodeURIComponent(new URL(key.url).pathname.slice(FRAME_KEY.length));
    if (!(await clientExists(id))) await cache.delete(key);
  }
  await cache.put(FRAME_KEY + encodeURIComponent(clientId), new Response(session, { headers: { 'cache-control': 'no-store' } }));
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** The session whose frame `clientId` is, if the page registered it. */
export async function sessionOfFrame(clientId: string): Promise<string | undefined> {
  if (!clientId) return undefined;
  const stored = await (await caches.open(FRAMES_CACHE)).match(FRAME_KEY + encodeURIComponent(clientId));
  return stored ? stored.text() : undefined;
}

/** The double's answer to `request`; a network error where it has none (an unknown Zoom host, as offline). */
export async function forwardToDouble(session: string, request: Request): Promise<Response> {
  const postData = request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
  const forwarded: HttpForwardBody = { url: request.url, method: request.method, postData };
  const reply = await fetch(sessionPath(session, 'http'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(forwarded),
  });
  if (!reply.ok) return Response.error();
  const { answer } = (await reply.json()) as HttpForwardAnswer;
  if (!answer) return Response.error();
  return new Response(NULL_BODY.has(answer.status) ? null : answer.body, { status: answer.status, headers: answer.headers });
}
