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
