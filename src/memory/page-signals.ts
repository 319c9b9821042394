/**
 * What the monitor reads from the page besides memory: time, visibility and long tasks, and the freeze detector
 * built on them. Each sits behind a small interface so tests can drive it and count what is subscribed at any time.
 */

/**
 * Time as the memory monitor sees it. Injected so tests can run minutes of samples in microseconds and can
 * "block the main thread" by jumping time without firing the timers in between.
 */
export interface MonitorClock {
  /** Milliseconds, monotonic. The default is epoch-based so `at` in events can be shown as a date. */
  now(): number;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: a number in browsers, an object in Node, whatever a fake clock likes. */
export type TimerHandle = unknown;

type NativeTimer = ReturnType<typeof globalThis.setTimeout>;

/**
 * The page's own timers. Looked up on every call (not captured at import) so that spies installed by tests, or
 * a page's own timer instrumentation, see the monitor's timers.
 */
export const systemClock: MonitorClock = {
  // timeOrigin + now() is monotonic (Date.now() can jump with the wall clock) and still reads as an epoch time.
  now: () => performance.timeOrigin + performance.now(),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as NativeTimer),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as NativeTimer),
};

export interface VisibilitySource {
  hidden(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface LongTaskSource {
  /** Starts observing tasks longer than 50 ms; returns the function that stops observing. */
  observe(listener: (durationMs: number) => void): () => void;
}

/** `document.visibilityState`, or null outside a document (a worker, Node). */
export function documentVisibility(): VisibilitySource | null {
  if (typeof document === 'undefined') return null;
  return {
    hidden: () => document.visibilityState === 'hidden',
    subscribe(listener) {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

/** The Long Tasks API (Chromium), or null where the browser lacks it and the heartbeat has to do. */
export function detectLongTaskSource(): LongTaskSource | null {
  if (typeof PerformanceObserver === 'undefined') return null;
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return null;
  return {
    observe(listener) {
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) listener(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      return () => observer.disconnect();
    },
  };
}

export type FreezeDetectedBy = 'longtask' | 'heartbeat';

export interface FreezeDetectorOptions {
  clock: MonitorClock;
  /** Null where the Long Tasks API is missing: a heartbeat timer takes over. */
  longTasks: LongTaskSource | null;
  onFreeze(blockedMs: number, detectedBy: FreezeDetectedBy): void;
}

/**
 * Notices a blocked main thread. The Long Tasks API reports each task's exact duration after it ends. Without
 * it, a heartbeat timer measures the gap between its own runs: a blocked thread runs no timers, so the gap
 * minus one period is a lower bound for how long it was blocked (the block may have begun just after a beat).
 */
export class FreezeDetector {
  private stopObserving?: () => void;
  private heartbeat?: TimerHandle;
  private lastBeat = 0;

  constructor(private readonly options: FreezeDetectorOptions) {}

  get mode(): FreezeDetectedBy {
    return this.options.longTasks ? 'longtask' : 'heartbeat';
  }

  get active(): boolean {
    return this.stopObserving !== undefined || this.heartbeat !== undefined;
  }

  start(thresholdMs: number): void {
    this.stop();
    if (!(thresholdMs > 0)) return;
    const { clock, longTasks, onFreeze } = this.options;
    if (longTasks) {
      this.stopObserving = longTasks.observe((durationMs) => {
        if (durationMs >= thresholdMs) onFreeze(Math.round(durationMs), 'longtask');
      });
      return;
    }
    const period = heartbeatPeriod(thresholdMs);
    this.lastBeat = clock.now();
    this.heartbeat = clock.setInterval(() => {
      const now = clock.now();
      const blockedMs = now - this.lastBeat - period;
      this.lastBeat = now;
      if (blockedMs >= thresholdMs) onFreeze(Math.round(blockedMs), 'heartbeat');
    }, period);
  }

  stop(): void {
    this.stopObserving?.();
    this.stopObserving = undefined;
    if (this.heartbeat !== undefined) this.options.clock.clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

/**
 * An eighth of the threshold: the lower bound then undershoots by at most 12.5 %, so a block 25 % over the
 * threshold is always caught. Never faster than 50 ms (wake-ups cost power), never slower than 1 s.
 */
export function heartbeatPeriod(thresholdMs: number): number {
  return Math.min(1000, Math.max(50, Math.round(thresholdMs / 8)));
}
