/**
 * Starts the demo's Vite dev server in this process, on a free 127.0.0.1 port, with an explicit environment (never
 * the developer's .env), so the suite is hermetic.
 */
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, mergeConfig, type ViteDevServer } from 'vite';
import { demoConfig, type DemoEnv } from '../../../demo/server/demo-config.js';

export interface DemoServer {
  origin: string;
  url(path?: string): string;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startDemoServer(env: DemoEnv = {}): Promise<DemoServer> {
  const port = await freePort();
  const config = mergeConfig(demoConfig({ ...env, PORT: String(port), HOST: '127.0.0.1' }), {
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    clearScreen: false,
    // Not node_modules/.vite: a developer's `npm start` and the tests never rebuild each other's cache. Shared by
    // the suites (the optimised SDK takes a while to build; Vite swaps a new cache in atomically).
    cacheDir: `${repoRoot}.cache/vite-e2e`,
    // Other people edit src/ while tests run: no file watching, no HMR reloads in the middle of a test.
    server: { hmr: false, ws: false, watch: null },
  });
  let server: ViteDevServer | undefined = await createServer(config);
  await server.listen();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '/') => new URL(path, origin).href,
    async close() {
      const closing = server;
      server = undefined;
      await closing?.close();
    },
  };
}
