/**
 * Notices when the main thread was blocked: a heartbeat that arrives much later than scheduled. Works in every
 * browser (long-task timing does not) and measures the whole gap, not 50 ms slices.
 */
export function watchMainThread(onBlocked: (blockedMs: number) => void, thresholdMs = 1000, beatMs = 100): () => void {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - beatMs;
    last = now;
    if (late >= thresholdMs) onBlocked(Math.round(late));
  }, beatMs);
  return () => clearInterval(timer);
}
