import type { Page, Route, WebSocketRoute } from 'playwright-core';
import type { DoubleSocket, MeetingDouble } from './meeting-double.js';

/** Any request to a Zoom host: the double answers what it knows and fails the rest as unreachable. */
const ZOOM_HOST = /^https?:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)(?::\d+)?\//;

function socketOf(route: WebSocketRoute): DoubleSocket {
  return {
    url: route.url(),
    send: (text) => route.send(text),
    close: (code, reason) => void route.close({ code, reason }),
    onMessage: (listener) => route.onMessage((message) => listener(typeof message === 'string' ? message : message.toString('utf8'))),
    onClose: (listener) => route.onClose(() => listener()),
  };
}

/**
 * Routes `page`'s (and its frames') requests to Zoom and its WebSockets to whatever `current()` returns: the double
 * of the moment, or undefined to fail them all as offline. Sockets the double does not answer (the SDK's media
 * sockets) are closed; the browser's host-resolver rules keep those opened from workers, which routing does not
 * see, on this machine.
 */
export async function routeMeetingDouble(page: Page, current: () => MeetingDouble | undefined): Promise<void> {
  await page.route(ZOOM_HOST, async (route: Route) => {
    const request = route.request();
    const answer = current()?.answerHttp({ url: request.url(), method: request.method(), postData: request.postData() });
    if (answer) await route.fulfill(answer);
    else await route.abort('namenotresolved');
  });
  await page.routeWebSocket(/^wss?:\/\//, (route) => {
    const double = current();
    if (double?.isRwgSocket(route.url())) double.attachSocket(socketOf(route));
    else void route.close({ code: 1011, reason: 'meeting double: not answered' });
  });
}
