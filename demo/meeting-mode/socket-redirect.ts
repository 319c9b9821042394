/**
 * A service worker cannot answer WebSockets, so the SDK's frame gets a WebSocket of its own before the SDK loads
 * into it (the element's zoom-frame event): sockets to a Zoom host open on the dev server instead, where the
 * session's double answers the RWG's (demo/server/rwg-sockets.ts). Every other socket is the browser's own. The
 * SDK's media sockets come from its workers, which this does not reach: they fail on their own (no such host).
 */
import { socketUrl, ZOOM_SOCKET_URL } from './meeting-api.js';

export type SocketWatcher = (socket: WebSocket, zoomUrl: string) => void;

export function redirectZoomSockets(frame: Window, session: string, watch?: SocketWatcher): void {
  const realm = frame as Window & typeof globalThis;
  const Browsers = realm.WebSocket;
  const page = window.location;
  class ToTheDouble extends Browsers {
    constructor(url: string | URL, protocols?: string | string[]) {
      const asked = String(url);
      const toDouble = ZOOM_SOCKET_URL.test(asked);
      super(toDouble ? socketUrl(page, session, asked) : asked, protocols);
      if (!toDouble) return;
      // The SDK goes on seeing the address it asked for.
      Object.defineProperty(this, 'url', { value: asked, enumerable: true });
      watch?.(this, asked);
    }
  }
  realm.WebSocket = ToTheDouble;
}
