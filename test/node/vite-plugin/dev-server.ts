// A Vite dev server with only the given plugins, on a free port, for the plugin's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';

export interface DevServer {
  origin: string;
  /** The server's (empty) root folder. */
  root: string;
  close(): Promise<void>;
}

export async function startDevServer(plugins: Plugin[]): Promise<DevServer> {
  const root = mkdtempSync(join(tmpdir(), 'zoom-join-vite-'));
  const server = await createServer({
    configFile: false,
    root,
    cacheDir: join(root, '.vite'),
    logLevel: 'silent',
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, hmr: false, ws: false, watch: null },
    plugins,
  });
  await server.listen();
  return {
    root,
    origin: `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
