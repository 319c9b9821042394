/**
 * The demo's Vite configuration as a function of the environment, so `vite.config.ts` (`npm start`) and the
 * end-to-end tests (which pass their own environment, e.g. fake credentials) build the same server.
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { zoomSdkAssets } from '../../vite-plugin/index.js';
import { demoApi, type MeetingSdkCredentials } from './demo-api.js';

export type DemoEnv = Readonly<Record<string, string | undefined>>;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const demoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Both or nothing: one without the other cannot sign. */
export function readCredentials(env: DemoEnv): MeetingSdkCredentials | undefined {
  const sdkKey = env.ZOOM_MEETING_SDK_KEY?.trim() ?? '';
  const sdkSecret = env.ZOOM_MEETING_SDK_SECRET?.trim() ?? '';
  return sdkKey && sdkSecret ? { sdkKey, sdkSecret } : undefined;
}

function isOn(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test(value?.trim() ?? '');
}

export function demoConfig(env: DemoEnv): UserConfig {
  return {
    root: demoRoot,
    // Only for Vite's own client env (VITE_*); the credentials are read from `env` and stay on the server.
    envDir: repoRoot,
    server: {
      port: Number(env.PORT || 5173),
      strictPort: Boolean(env.PORT),
      host: env.HOST || '127.0.0.1',
      fs: { allow: [repoRoot] },
      // Transformed before the first visit: the page imports the element's modules one level at a time.
      warmup: { clientFiles: ['./main.ts'] },
    },
    preview: { port: Number(env.PORT || 4173), host: env.HOST || '127.0.0.1' },
    // Discovered late, the SDK would be optimised mid-session and the page reloaded under QA's (or a test's) feet.
    optimizeDeps: { include: ['lit', 'lit/decorators.js', '@zoom/meetingsdk/embedded', '@zoom/meetingsdk'] },
    plugins: [
      zoomSdkAssets({ prefix: '/zoom-sdk', crossOriginIsolation: isOn(env.DEMO_CROSS_ORIGIN_ISOLATION) }),
      demoApi({ credentials: readCredentials(env) }),
    ],
    build: { outDir: `${repoRoot}.cache/demo-dist`, emptyOutDir: true },
  };
}
