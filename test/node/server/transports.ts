// The endpoint's two ways onto the wire, so suites can prove they behave as one: the Fetch handler (hosted by
// @hono/node-server, as a Node user of `zoom-join/server` would) and the Node server the CLI runs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSignatureHandler, type SignatureHandlerOptions } from '../../../server/index.js';
import { createNodeSignatureListener } from '../../../server/node-server.js';

export interface Transport {
  name: string;
  /** Serves the endpoint on a free loopback port; closed when `close` resolves. */
  listen(options: SignatureHandlerOptions): Promise<{ url: string; close: () => Promise<void> }>;
}

async function listening(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const TRANSPORTS: readonly Transport[] = [
  {
    name: 'Fetch handler',
    listen: (options) => listening(serve({ fetch: createSignatureHandler(options), port: 0, hostname: '127.0.0.1' }) as Server),
  },
  {
    name: 'Node server',
    listen: (options) => listening(createServer(createNodeSignatureListener(options)).listen(0, '127.0.0.1')),
  },
];
