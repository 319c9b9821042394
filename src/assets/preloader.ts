import type { AssetPlan, AssetStage, PlannedAsset } from './plan.js';
import { ProgressTracker, type ProgressListener } from './progress-tracker.js';
import { sharedDownload, type DownloadStarter } from './shared-download.js';
import { withoutUserinfo } from '../safe-text.js';

export interface PreloadOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Only these stages (default: all of the plan). The element preloads `join` first and waits only for it. */
  stages?: readonly AssetStage[];
  /** Parallel `fetch` downloads (default 3): enough to fill a connection, few enough to leave the page's own alone. */
  concurrency?: number;
  /** The SDK adds `crossorigin=anonymous` to its scripts only on cross-origin-isolated pages; so must we. */
  crossOriginIsolated?: boolean;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  document?: Document;
}

export interface PreloadOutcome {
  path: string;
  url: string;
  status: 'loaded' | 'failed';
  bytes: number;
  error?: unknown;
}

export interface PreloadResult {
  files: PreloadOutcome[];
  failed: number;
}

export function assetUrl(libUrl: string, path: string): string {
  return `${libUrl}/av/${path}`;
}

/**
 * `<link rel=preload as=script>`: fetched as a script is (same priority, mode and cache entry), so the SDK's
 * `<script src>` in its realm finds it in the HTTP cache. No byte progress: the file counts when `load` fires, i.e.
 * once the body is in. The link goes then: the script runs in another document, and the page keeps nothing.
 */
function scriptStarter(doc: Document, crossOriginIsolated: boolean): DownloadStarter {
  return (url, _onBytes, signal) =>
    new Promise<number>((resolve, reject) => {
      const link = doc.createElement('link');
      link.rel = 'preload';
      link.as = 'script';
      link.href = url;
      if (crossOriginIsolated) link.crossOrigin = 'anonymous';
      const cleanup = (): void => {
        link.onload = null;
        link.onerror = null;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        cleanup();
        link.remove();
        reject(signal.reason);
      };
      link.onload = () => {
        cleanup();
        link.remove();
        resolve(0);
      };
      link.onerror = () => {
        cleanup();
        link.remove();
        reject(new Error(`Could not preload ${withoutUserinfo(url)}`));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      doc.head.append(link);
    });
}

/**
 * `fetch(url)` with the SDK's own mode and credentials (cors, same-origin: js_media's download() and
 * downloadAndCompileWebAssembly() are plain fetches from the page), read to the end so the HTTP cache holds the
 * whole body. Low priority: the page's own requests go first.
 */
function fetchStarter(fetchImpl: typeof fetch): DownloadStarter {
  return async (url, onBytes, signal) => {
    const response = await fetchImpl(url, { signal, priority: 'low' });
    if (!response.ok) throw new Error(`Could not preload ${withoutUserinfo(url)}: HTTP ${response.status}`);
    if (!response.body) {
      const buffer = await response.arrayBuffer();
      onBytes(buffer.byteLength);
      return buffer.byteLength;
    }
    const reader = response.body.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      onBytes(bytes);
    }
    return bytes;
  };
}

async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const runners = Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  });
  await Promise.all(runners);
}

/**
 * Downloads the plan's files so the SDK's own requests hit the cache: scripts first (js_media is what join needs),
 * then the rest a few at a time. Never rejects for a failed file (the SDK retries and reports its own error); it
 * rejects only when `signal` aborts. Progress always ends at 1.
 */
export async function preloadAssets(plan: AssetPlan, libUrl: string, options: PreloadOptions = {}): Promise<PreloadResult> {
  const { signal, stages, concurrency = 3 } = options;
  const doc = options.document ?? document;
  const crossOriginIsolated = options.crossOriginIsolated ?? (typeof window !== 'undefined' && window.crossOriginIsolated === true);
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const files = plan.files.filter((file) => !stages || stages.includes(file.stage));
  const tracker = new ProgressTracker(files, options.onProgress ?? (() => undefined));
  const starters = { script: scriptStarter(doc, crossOriginIsolated), fetch: fetchStarter(fetchImpl) };
  const outcomes = new Map<string, PreloadOutcome>();

  const load = async (file: PlannedAsset): Promise<void> => {
    const url = assetUrl(libUrl, file.path);
    try {
      const bytes = await sharedDownload(url, starters[file.request], {
        signal,
        onBytes: (read) => tracker.update(file.path, read),
      });
      outcomes.set(file.path, { path: file.path, url, status: 'loaded', bytes: bytes || file.size });
    } catch (error) {
      if (signal?.aborted) throw error;
      outcomes.set(file.path, { path: file.path, url, status: 'failed', bytes: 0, error });
    } finally {
      if (!signal?.aborted) tracker.complete(file.path);
    }
  };

  try {
    const scripts = files.filter((file) => file.request === 'script');
    await Promise.all(scripts.map(load));
    await runPool(
      files.filter((file) => file.request === 'fetch'),
      concurrency,
      load,
    );
  } finally {
    tracker.finish();
  }
  const ordered = files.map((file) => outcomes.get(file.path)).filter((outcome): outcome is PreloadOutcome => !!outcome);
  return { files: ordered, failed: ordered.filter((outcome) => outcome.status === 'failed').length };
}
