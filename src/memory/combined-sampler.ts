import type { MemoryReading, MemorySampler } from './memory-sampler.js';

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
