/**
 * When to start preloading, as the `preload` attribute says: `none`, `intent` (the pointer enters or focus moves into
 * the element), `visible` (the element scrolls into view), `idle` (the browser is idle after load; the default), or
 * `eager` (at once). Like model-viewer's `loading`, nothing heavy starts before the page asked for it.
 */
export const PreloadStrategy = {
  none: 'none',
  intent: 'intent',
  visible: 'visible',
  idle: 'idle',
  eager: 'eager',
} as const;
export type PreloadStrategy = (typeof PreloadStrategy)[keyof typeof PreloadStrategy];

export interface ScheduleOptions {
  signal: AbortSignal;
  /** `idle`: run after this long even if the page never goes idle (requestIdleCallback's timeout). Default 2000. */
  idleTimeoutMs?: number;
  /** `visible`: how far outside the viewport counts as visible. Default '200px'. */
  rootMargin?: string;
}

/**
 * Calls `run` once when `strategy` says so. Aborting `signal` removes every listener, observer and timer it set,
 * and guarantees `run` is not called afterwards.
 */
export function schedulePreload(host: HTMLElement, strategy: PreloadStrategy, run: () => void, options: ScheduleOptions): void {
  const { signal } = options;
  if (signal.aborted || strategy === PreloadStrategy.none) return;
  let fired = false;
  const cleanups: Array<() => void> = [];
  const cleanup = (): void => {
    for (const undo of cleanups.splice(0)) undo();
  };
  const fire = (): void => {
    if (fired || signal.aborted) return;
    fired = true;
    cleanup();
    run();
  };
  signal.addEventListener('abort', cleanup, { once: true });
  cleanups.push(() => signal.removeEventListener('abort', cleanup));

  switch (strategy) {
    case PreloadStrategy.eager: {
      // A microtask, not a synchronous call: the caller (often connectedCallback) finishes first.
      queueMicrotask(fire);
      return;
    }
    case PreloadStrategy.intent: {
      // pointerenter covers mouse and pen hover; focusin covers keyboard users tabbing to the Join button;
      // pointerdown covers touch, which has no hover.
      for (const type of ['pointerenter', 'focusin', 'pointerdown'] as const) {
        host.addEventListener(type, fire, { passive: true });
        cleanups.push(() => host.removeEventListener(type, fire));
      }
      return;
    }
    case PreloadStrategy.visible: {
      if (typeof IntersectionObserver !== 'function') {
        scheduleIdle(fire, options.idleTimeoutMs ?? 2000, cleanups);
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) fire();
        },
        { rootMargin: options.rootMargin ?? '200px' },
      );
      observer.observe(host);
      cleanups.push(() => observer.disconnect());
      return;
    }
    case PreloadStrategy.idle: {
      scheduleIdle(fire, options.idleTimeoutMs ?? 2000, cleanups);
      return;
    }
  }
}

function scheduleIdle(fire: () => void, timeoutMs: number, cleanups: Array<() => void>): void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fire, { timeout: timeoutMs });
    cleanups.push(() => cancelIdleCallback(handle));
    return;
  }
  // Safari has no requestIdleCallback: wait for load, then a short delay, so the page's own work goes first.
  const timer = setTimeout(fire, document.readyState === 'complete' ? 200 : Math.min(timeoutMs, 1000));
  cleanups.push(() => clearTimeout(timer));
}
