// The page bench/join-latency.mjs drives. `raw`, `preloaded` and `preload-only` import the SDK the same way (in
// the page bundle) and join the same way on click: Zoom's Component View sample — createClient, init, join.
// `preloaded` runs this library's asset modules first, directly; `preload-only` does the same without the js_media
// warm-up, to show what each part contributes. `element` is the product: <zoom-join preload="idle">, joined on
// click once its status is `ready`.
import ZoomMtgEmbedded from '@zoom/meetingsdk/embedded';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { checkAssetPath } from '../../src/assets/check-asset-path.js';
import { planAssets } from '../../src/assets/plan.js';
import { PreloadStrategy, schedulePreload } from '../../src/assets/preload-trigger.js';
import { preloadAssets } from '../../src/assets/preloader.js';
import { warmJsMedia } from '../../src/assets/warm.js';
import '../../src/index.js';
import type { ZoomJoinError } from '../../src/zoom-join-error.js';

interface BenchInfo {
  mode: string;
  ready: boolean;
  clickedAt?: number;
  joinResult?: string;
  preloadMs?: number;
  preloadBytes?: number;
  preloadFiles?: number;
  warmMs?: number;
  warmHeapDeltaBytes?: number;
  /** The element's own User Timing measures of this join (`zoom-join:<phase>`), ms. */
  phases?: Record<string, number>;
  error?: string;
}

declare global {
  interface Window {
    __bench: BenchInfo;
  }
}

const mode = new URLSearchParams(location.search).get('mode') ?? 'raw';
const libUrl = new URL('/zoom-sdk/lib', location.href).href;
const info: BenchInfo = { mode, ready: false };
window.__bench = info;

function base64url(value: string): string {
  return btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A well-formed Meeting SDK JWT with a made-up key: Zoom is unreachable here, so join ends at wc/info anyway. */
function benchSignature(meetingNumber: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { appKey: 'bench-key', sdkKey: 'bench-key', mn: meetingNumber, role: 0, iat: now - 30, exp: now + 7200, tokenExp: now + 7200 };
  return `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.${base64url('bench-not-a-real-hmac')}`;
}

async function join(): Promise<void> {
  info.clickedAt = Date.now();
  const client = ZoomMtgEmbedded.createClient();
  try {
    await client.init({
      zoomAppRoot: document.getElementById('meeting') as HTMLElement,
      assetPath: `${libUrl}/av`,
      language: 'en-US',
      patchJsMedia: false,
      leaveOnPageUnload: true,
    });
    await client.join({ signature: benchSignature('12345678901'), meetingNumber: '12345678901', userName: 'Bench', password: '' });
    info.joinResult = 'joined';
  } catch (error) {
    const { errorCode, reason } = (error ?? {}) as { errorCode?: number; reason?: string };
    info.joinResult = `${String(errorCode)} ${String(reason)}`;
  }
}

async function preload(): Promise<void> {
  const started = performance.now();
  const manifest = await checkAssetPath(libUrl);
  const plan = planAssets({ view: 'component', capabilities: detectCapabilities(), manifest });
  // js_media first and warmed as soon as it is in; the media files keep downloading meanwhile.
  const all = preloadAssets(plan, libUrl);
  await preloadAssets(plan, libUrl, { stages: ['join'] });
  const warm = mode === 'preloaded' ? await warmJsMedia(libUrl) : undefined;
  const result = await all;
  info.preloadMs = performance.now() - started;
  info.preloadBytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
  info.preloadFiles = result.files.length - result.failed;
  if (warm) info.warmMs = warm.durationMs;
  if (warm?.heapDeltaBytes !== undefined) info.warmHeapDeltaBytes = warm.heapDeltaBytes;
}

async function joinWithElement(element: HTMLElementTagNameMap['zoom-join']): Promise<void> {
  info.clickedAt = Date.now();
  try {
    await element.join();
    info.joinResult = 'joined';
  } catch (error) {
    const { sdkCode, code } = error as ZoomJoinError;
    info.joinResult = `${String(sdkCode)} ${code}`;
  }
  const phases: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('measure')) {
    if (entry.name.startsWith('zoom-join:')) phases[entry.name.slice('zoom-join:'.length)] = Math.round(entry.duration);
  }
  info.phases = phases;
}

if (mode === 'element') {
  const element = document.createElement('zoom-join');
  element.setAttribute('preload', 'idle');
  element.setAttribute('asset-path', '/zoom-sdk/lib');
  element.setAttribute('meeting-number', '12345678901');
  element.setAttribute('user-name', 'Bench');
  element.signature = benchSignature('12345678901');
  document.getElementById('meeting')?.append(element);
  document.getElementById('join')?.addEventListener('click', () => void joinWithElement(element));
  element.addEventListener('zoom-status', (event) => {
    if (event.detail.status === 'ready') info.ready = true;
  });
} else {
  document.getElementById('join')?.addEventListener('click', () => void join());
}

if (mode === 'preloaded' || mode === 'preload-only') {
  // The element's default strategy: start when the browser is idle after load.
  schedulePreload(document.body, PreloadStrategy.idle, () => {
    preload().then(
      () => (info.ready = true),
      (error: unknown) => {
        info.error = String(error);
        info.ready = true;
      },
    );
  }, { signal: new AbortController().signal });
} else if (mode === 'raw') {
  info.ready = true;
}
