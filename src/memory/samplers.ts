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
 * `measureUserAgentSpecificMemory()` counts everything the page owns but answers only at the collector's pace:
 * in Chromium 156 about every 10 s even on a page leaking 10 MB/s, so a 20 s window gets two or three points and
 * a growth slope never forms. `performance.memory` (precise on a cross-origin isolated page) answers at once but
 * sees only the main thread's JS heap — not the SDK's media workers and their wasm memory.
 *
 * Together: every sample is the main heap read now, plus "everything else" (total minus main heap) as of the
 * latest full measurement. Full measurements run one at a time, back to back, never waited for.
 */
export function combinedSampler(fast: MemorySampler, full: MemorySampler): MemorySampler {
  let otherBytes: number | null = null;
  let measuring = false;
  let rebase = false;

  const readFast = (): MemoryReading | null => {
    const reading = fast.read();
    // The combination only works with a synchronous fast source.
    return 'then' in reading ? null : reading;
  };

  const refresh = () => {
    if (measuring) return;
    measuring = true;
    let pending: MemoryReading | PromiseLike<MemoryReading>;
    try {
      pending = full.read();
    } catch {
      measuring = false;
      return;
    }
    void Promise.resolve(pending)
      .then((total) => {
        const main = readFast();
        if (!main || !Number.isFinite(total.usedBytes)) return;
        if (otherBytes === null) rebase = true;
        otherBytes = Math.max(0, total.usedBytes - main.usedBytes);
      })
      .catch(() => undefined)
      .finally(() => {
        measuring = false;
      });
  };

  return {
    source: full.source,
    precise: fast.precise && full.precise,
    read() {
      refresh();
      const main = readFast();
      if (!main) throw new Error('the fast memory source must read synchronously');
      const reading: MemoryReading = { ...main, usedBytes: main.usedBytes + (otherBytes ?? 0) };
      if (rebase) {
        // The first full measurement adds everything outside the main heap at once: a step, not growth.
        rebase = false;
        reading.rebased = true;
      }
      return reading;
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
