/**
 * The simulated SDK really downloads the files the real one fetches around join, from the element's asset path,
 * and reports real byte counts. A bandwidth cap stretches it out for the slow-assets scenario.
 */

/** js_media first (the SDK fetches it on join), then the audio/network builds it picks on a SIMD-capable Chrome. */
export const JOIN_ASSET_FILES = ['js_media.min.js', 'audio_simd.min.js', 'audio.simd.wasm', 'net_thread.min.js'] as const;

export interface AssetProgress {
  phase: 'assets';
  loaded: number;
  total: number;
  fraction: number;
  file: string;
}

export interface DownloadOptions {
  signal: AbortSignal;
  /** Caps the average rate; unlimited when absent. */
  bytesPerSecond?: number;
  onProgress(progress: AssetProgress): void;
}

export class AssetDownloadError extends Error {
  override readonly name = 'AssetDownloadError';
}

type Manifest = Record<string, { size?: unknown }>;

/** Sizes from the SDK's manifest.json (for an honest total before the first byte); unknown files count 0 until seen. */
async function readSizes(avUrl: string, signal: AbortSignal): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  try {
    const response = await fetch(`${avUrl}/manifest.json`, { signal });
    if (response.ok) {
      const manifest = (await response.json()) as Manifest;
      for (const file of JOIN_ASSET_FILES) {
        const size = manifest[file]?.size;
        if (typeof size === 'number') sizes.set(file, size);
      }
    }
  } catch (error) {
    if (signal.aborted) throw error;
  }
  return sizes;
}

const REPORT_EVERY_MS = 100;

export async function downloadJoinAssets(avUrl: string, options: DownloadOptions): Promise<void> {
  const { signal, bytesPerSecond, onProgress } = options;
  const sizes = await readSizes(avUrl, signal);
  let total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  const started = performance.now();
  let lastReport = -Infinity;
  const report = (file: string, force = false): void => {
    const now = performance.now();
    if (!force && now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    onProgress({ phase: 'assets', loaded, total, fraction: total > 0 ? Math.min(1, loaded / total) : 0, file });
  };

  for (const file of JOIN_ASSET_FILES) {
    const url = `${avUrl}/${file}`;
    let response: Response;
    try {
      response = await fetch(url, { signal, cache: 'no-store' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new AssetDownloadError(`GET ${url} failed: ${String(error)}`);
    }
    if (!response.ok || !response.body) throw new AssetDownloadError(`GET ${url} answered ${response.status}`);
    if (!sizes.has(file)) {
      const length = Number(response.headers.get('content-length'));
      if (Number.isFinite(length) && length > 0) total += length;
    }
    report(file, true);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      total = Math.max(total, loaded);
      report(file);
      if (bytesPerSecond) {
        // Sleep until the average rate is back under the cap.
        const ahead = (loaded / bytesPerSecond) * 1000 - (performance.now() - started);
        if (ahead > 0) {
          await new Promise((resolve) => setTimeout(resolve, ahead));
          if (signal.aborted) {
            await reader.cancel();
            throw new DOMException('The join was cancelled', 'AbortError');
          }
        }
      }
    }
  }
  total = loaded;
  report(JOIN_ASSET_FILES[JOIN_ASSET_FILES.length - 1] ?? '', true);
}
