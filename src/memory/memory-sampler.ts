import { combinedSampler } from './combined-sampler.js';

/**
 * Where memory numbers come from. Two browser APIs exist, both Chromium-only:
 *
 * - `performance.measureUserAgentSpecificMemory()` — only when the page is cross-origin isolated. Counts
 *   everything the page owns (JS heaps of workers too, where the SDK's media wasm lives; DOM; canvases), but
 *   resolves only at the browser's next garbage collection: ~1–3 s on a busy page, ~19 s on an idle one.
 * - `performance.memory` — the main thread's JS heap, synchronous and cheap. Chromium rounds it and caches it
 *   for 20 minutes on opaque origins (`data:`, `about:blank`, sandboxed frames; observed in Chromium 156): fine
 *   for a budget, useless for a growth slope, so such a sampler says `precise: false`.
 * Where both exist (isolated Chromium pages), `combinedSampler` uses the first for the total and the second for
 * timely samples in between.
 */

export type MemorySource = 'measureUserAgentSpecificMemory' | 'performance.memory' | 'custom';

export interface MemoryReading {
  usedBytes: number;
  /** The heap size the engine will not grow past, when the browser tells. */
  limitBytes?: number;
  /** This reading is on a new baseline (the source started counting more): earlier ones say nothing about growth. */
  rebased?: boolean;
}

export interface MemorySampler {
  readonly source: MemorySource;
  /** False when readings are rounded or cached: budgets still work, the growth slope is not computed. */
  readonly precise: boolean;
  /** May be slow (seconds); the monitor never calls it again before the previous call settled. */
  read(): MemoryReading | PromiseLike<MemoryReading>;
}

/** Chromium's non-standard `performance.memory`. */
interface ChromiumMemoryInfo {
  readonly usedJSHeapSize: number;
  readonly totalJSHeapSize: number;
  readonly jsHeapSizeLimit: number;
}

interface UserAgentSpecificMemory {
  readonly bytes: number;
}

interface PerformanceWithMemory {
  readonly memory?: ChromiumMemoryInfo;
  measureUserAgentSpecificMemory?: () => Promise<UserAgentSpecificMemory>;
}

function chromiumMemory(): ChromiumMemoryInfo | undefined {
  if (typeof performance === 'undefined') return undefined;
  const memory = (performance as Performance & PerformanceWithMemory).memory;
  return memory && typeof memory.usedJSHeapSize === 'number' ? memory : undefined;
}

function isOpaqueOrigin(): boolean {
  return typeof globalThis.origin === 'string' && globalThis.origin === 'null';
}

export function performanceMemorySampler(): MemorySampler | null {
  if (!chromiumMemory()) return null;
  return {
    source: 'performance.memory',
    precise: !isOpaqueOrigin(),
    read() {
      // Read afresh each time: the getter returns a new snapshot object per access.
      const memory = chromiumMemory();
      if (!memory) throw new Error('performance.memory disappeared');
      return { usedBytes: memory.usedJSHeapSize, limitBytes: memory.jsHeapSizeLimit };
    },
  };
}

export function userAgentSpecificMemorySampler(): MemorySampler | null {
  if (typeof performance === 'undefined' || globalThis.crossOriginIsolated !== true) return null;
  const api = performance as Performance & PerformanceWithMemory;
  if (typeof api.measureUserAgentSpecificMemory !== 'function') return null;
  return {
    source: 'measureUserAgentSpecificMemory',
    precise: true,
    async read() {
      const result = await api.measureUserAgentSpecificMemory!();
      // The only ceiling a page can see is the main thread's heap limit. The total here also counts workers, so
      // comparing it with that limit errs on the side of warning early, which is the side to err on.
      const limitBytes = chromiumMemory()?.jsHeapSizeLimit;
      return limitBytes === undefined ? { usedBytes: result.bytes } : { usedBytes: result.bytes, limitBytes };
    },
  };
}

/**
 * The best sampler this page offers, or null when the browser exposes no memory figures at all. On a cross-origin
 * isolated page that is the full measurement, kept current between its slow answers by `performance.memory`.
 */
export function detectMemorySampler(): MemorySampler | null {
  const full = userAgentSpecificMemorySampler();
  const fast = performanceMemorySampler();
  if (full && fast) return combinedSampler(fast, full);
  return full ?? fast;
}
