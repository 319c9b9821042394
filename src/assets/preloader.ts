import type { AssetPlan, AssetStage, PlannedAsset } from './plan.js';
import { ProgressTracker, type ProgressListener } from './progress-tracker.js';
import { sharedDownload, type DownloadStarter } from './shared-download.js';
import { withoutUserinfo } from '../safe-text.js';

export interface PreloadOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Only these stages (default: all of the plan). The element preloads `join` first and waits only for it. */
  stages?: readonly AssetStage[];
  /** Parallel downloads after the scripts (default 3): enough to fill a connection, few enough to leave the page's own alone. */
  concurrency?: number;
  /** Injectable for tests. */
  fetch?: typeof fetch;
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
 * `fetch(url)`, read to the end so the HTTP cache holds the whole body, at low priority (the page's own requests go
 * first). Every file is fetched so, scripts too: the SDK runs its scripts in the element's frame, and a `<link
 * rel=preload>` in the page is never used there — the browser warns about each such link seconds later. The
 * frame's `<script src>` (and js_media's own fetches) find the file in the HTTP cache: same URL, same site, and on
 * a same-origin asset path the same credentials (cors mode with same-origin credentials is what the SDK's
 * `crossorigin=anonymous` scripts on isolated pages ask for).
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
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const files = plan.files.filter((file) => !stages || stages.includes(file.stage));
  const tracker = new ProgressTracker(files, options.onProgress ?? (() => undefined));
  const starter = fetchStarter(fetchImpl);
  const outcomes = new Map<string, PreloadOutcome>();

  const load = async (file: PlannedAsset): Promise<void> => {
    const url = assetUrl(libUrl, file.path);
    try {
      const bytes = await sharedDownload(url, starter, {
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
