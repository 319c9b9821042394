import { SdkFile } from './sdk-files.js';
import { assetUrl } from './preloader.js';
import { withoutUserinfo } from '../safe-text.js';

/**
 * Warming: run js_media.min.js once before the click. Measured with bench/join-latency.mjs:
 * join → wc/info drops from ~1.1 s to ~0.35 s, because the SDK's own `<script>` for the same URL then comes from
 * the cache and V8 has compiled the 1.6 MB once already; `initAsyncJob()` (what the SDK itself calls after loading
 * js_media) takes another ~40 ms off. The SDK still runs its own copy on join, so warming changes timing only,
 * never what join does: a failed or skipped warm-up leaves join exactly as it was.
 */

export interface WarmOptions {
  signal?: AbortSignal;
  /** Also run js_media's capability probes (`JsMediaSDK_Instance.util.initAsyncJob()`), as the SDK does after loading it. */
  initAsyncJob?: boolean;
  /** Give up waiting for initAsyncJob after this long (it only probes; the SDK runs it again anyway). */
  initAsyncJobTimeoutMs?: number;
  crossOriginIsolated?: boolean;
  /** The window to run it in: the SDK's own realm (see sdk-realm.ts), or the page's. */
  window?: Window & typeof globalThis;
  /**
   * Take back the globals the run defined (`JsMediaSDK_Instance`, `PubSub`, …), keeping only what makes the SDK's
   * own run fast (the cached file, the compiled code). For a window the SDK loads js_media into itself: a second
   * copy that finds the first one's `PubSub` shares it, and logs "PubSub already loaded" on every join.
   */
  withdrawGlobals?: boolean;
}

export interface WarmResult {
  status: 'warmed' | 'skipped';
  /** Why warming was skipped. */
  reason?: 'already-loaded' | 'amd-loader' | 'no-document';
  /** Script load + run (+ initAsyncJob), ms. */
  durationMs: number;
  /** `performance.memory.usedJSHeapSize` after − before (Chromium only; noisy: GC may run in between). */
  heapDeltaBytes?: number;
}

interface JsMediaGlobal {
  JsMediaSDK_Instance?: { util?: { initAsyncJob?: () => Promise<unknown> } };
  define?: ((...args: unknown[]) => unknown) & { amd?: unknown };
}

interface MemoryPerformance {
  memory?: { usedJSHeapSize: number };
}

/** Per window (each realm runs its own copy), per lib URL. */
const warmed = new WeakMap<Window, Map<string, Promise<WarmResult>>>();

function usedHeap(): number | undefined {
  return (performance as Performance & MemoryPerformance).memory?.usedJSHeapSize;
}

/** Why warming would be unsafe or pointless on this page, or undefined when it is fine. */
export function warmSkipReason(win: Window & JsMediaGlobal = window): WarmResult['reason'] | undefined {
  if (typeof document === 'undefined') return 'no-document';
  // The SDK already loaded js_media (a meeting ran here): a second copy before its next join gains nothing.
  if (win.JsMediaSDK_Instance) return 'already-loaded';
  // Under an AMD loader js_media registers a module instead of a global; the SDK handles that case itself.
  if (typeof win.define === 'function' && win.define.amd) return 'amd-loader';
  return undefined;
}

function injectScript(doc: Document, url: string, crossOriginIsolated: boolean, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = url;
    // Same request as the SDK's loader (no crossorigin unless isolated), so both share one cache entry.
    if (crossOriginIsolated) script.crossOrigin = 'anonymous';
    const onAbort = (): void => reject(signal?.reason);
    script.onload = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    script.onerror = () => {
      signal?.removeEventListener('abort', onAbort);
      script.remove();
      reject(new Error(`Could not load ${withoutUserinfo(url)}`));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    doc.head.append(script);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

async function runWarm(libUrl: string, win: Window & typeof globalThis, options: WarmOptions): Promise<WarmResult> {
  const started = performance.now();
  const skip = warmSkipReason(win);
  if (skip) return { status: 'skipped', reason: skip, durationMs: 0 };
  const heapBefore = usedHeap();
  const isolated = options.crossOriginIsolated ?? win.crossOriginIsolated === true;
  const before = options.withdrawGlobals ? new Set(Object.getOwnPropertyNames(win)) : undefined;
  await injectScript(win.document, assetUrl(libUrl, SdkFile.jsMedia), isolated, options.signal);
  if (options.initAsyncJob ?? true) {
    const job = (win as Window & JsMediaGlobal).JsMediaSDK_Instance?.util?.initAsyncJob;
    if (typeof job === 'function') {
      await withTimeout(
        Promise.resolve()
          .then(() => job())
          .catch(() => undefined),
        options.initAsyncJobTimeoutMs ?? 3000,
      );
    }
  }
  if (before) {
    for (const name of Object.getOwnPropertyNames(win)) if (!before.has(name)) Reflect.deleteProperty(win, name);
  }
  const heapAfter = usedHeap();
  return {
    status: 'warmed',
    durationMs: performance.now() - started,
    heapDeltaBytes: heapBefore !== undefined && heapAfter !== undefined ? heapAfter - heapBefore : undefined,
  };
}

/**
 * Loads and runs `<lib>/av/js_media.min.js` once per window and lib URL (later calls share the first result).
 * Rejects when the script cannot load or `signal` aborts; the caller treats that as "not warmed" and joins anyway.
 */
export function warmJsMedia(libUrl: string, options: WarmOptions = {}): Promise<WarmResult> {
  const win = options.window ?? window;
  let runs = warmed.get(win);
  if (!runs) warmed.set(win, (runs = new Map()));
  const existing = runs.get(libUrl);
  if (existing) return existing;
  const run = runWarm(libUrl, win, options);
  runs.set(libUrl, run);
  // A failure (or abort) is forgotten, so a later preload may warm again.
  run.catch(() => {
    if (runs.get(libUrl) === run) runs.delete(libUrl);
  });
  return run;
}
