/**
 * The meeting mode's socket side: the SDK's frame opens its RWG socket to this dev server instead of Zoom
 * (demo/meeting-mode/socket-redirect.ts), at `/api/meeting-double/<id>/rwg?url=<the socket Zoom would have had>`,
 * and the session's double answers it as it answers the tests' routed sockets. Any other Zoom socket is closed, as
 * the tests' routing closes it.
 *
 * Vite's HMR socket shares the HTTP server: only upgrades on that path are taken, the rest are left to it.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { DoubleSocket } from '../meeting-double/meeting-double.js';
import { parseSocketRequest } from '../meeting-mode/meeting-api.js';
import type { MeetingSessions } from './meeting-sessions.js';

/** What of Node's HTTP server (http, https) this needs. */
export interface UpgradingServer {
  on(event: 'upgrade', listener: (request: IncomingMessage, socket: Duplex, head: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  listenerCount(event: 'upgrade'): number;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
}

function doubleSocket(ws: WebSocket, url: string): DoubleSocket {
  return {
    url,
    send: (text) => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close: (code, reason) => ws.close(code, reason),
    onMessage: (listener) => ws.on('message', (data) => listener(textOf(data))),
    onClose: (listener) => ws.on('close', () => listener()),
  };
}

/** A page of another site must not reach the double through QA's browser. */
function fromThisServer(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function acceptRwgSockets(server: UpgradingServer, sessions: MeetingSessions): void {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const target = parseSocketRequest(request.url ?? '/');
    if (!target) {
      // Node drops an upgrade nobody listens for; this listener must not keep one open that nobody else takes (with
      // HMR off, Vite's client's socket): Chromium queues a page's next socket to the same host behind it.
      if (server.listenerCount('upgrade') === 1) socket.destroy();
      return;
    }
    if (!fromThisServer(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // A socket that fails on its own (the tab closed mid-frame) must not take the dev server down.
      ws.on('error', () => ws.terminate());
      const double = sessions.double(target.id);
      if (!double) ws.close(1011, 'meeting double: no meeting for this page; reload it');
      else if (!double.isRwgSocket(target.url)) ws.close(1011, 'meeting double: not answered');
      else double.attachSocket(doubleSocket(ws, target.url));
    });
  });
  server.on('close', () => {
    for (const client of sockets.clients) client.terminate();
    sockets.close();
  });
}
