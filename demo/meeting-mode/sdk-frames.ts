/**
 * Each frame the element opens for the SDK (zoom-frame, before the SDK is in it) is made the session's: its sockets
 * to Zoom go to the dev server's double, and one request from inside it tells the service worker which session its
 * HTTP requests belong to (demo/meeting-mode/worker-forward.ts).
 */
import type { ZoomJoin } from '../../src/index.js';
import type { EventLog } from '../app/event-log.js';
import { sessionPath, type SessionProblem } from './meeting-api.js';
import { redirectZoomSockets } from './socket-redirect.js';

export function routeSdkFrames(element: ZoomJoin, session: string, log: EventLog): void {
  element.addEventListener('zoom-frame', (event) => {
    const { window: frame, view } = event.detail;
    // Synchronously: the SDK's scripts load into the frame right after this event.
    redirectZoomSockets(frame, session, (socket, url) => {
      const { pathname } = new URL(url.replace(/^ws/, 'http'));
      log.add('demo', 'meeting-double-socket-opening', { url: pathname });
      socket.addEventListener('open', () => log.add('demo', 'meeting-double-socket-open', { url: pathname }));
      socket.addEventListener('close', ({ code, reason }) => log.add('demo', 'meeting-double-socket-closed', { url: pathname, code, reason }));
    });
    void registerFrame(frame, session).then((problem) => {
      if (problem === undefined) log.add('demo', 'meeting-double-frame', { view });
      else log.add('demo', 'meeting-double-frame-unrouted', { view, reason: problem });
    });
  });
}

/** Why the worker did not take the frame's request, or undefined once it did. */
async function registerFrame(frame: Window, session: string): Promise<string | undefined> {
  // The frame's own fetch: the request's client is the frame, which is what the worker must remember.
  const realm = frame as Window & typeof globalThis;
  try {
    const response = await realm.fetch(new URL(sessionPath(session, 'frame'), window.location.origin), { method: 'POST' });
    if (response.ok) return undefined;
    const body = (await response.json().catch(() => undefined)) as SessionProblem | undefined;
    return body?.message ?? `HTTP ${response.status}: the service worker did not take the frame's request.`;
  } catch (error) {
    // The frame went before its request did (a join that failed at once): nothing left to route.
    return `The frame's request failed (${String(error)}).`;
  }
}
