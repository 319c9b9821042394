/**
 * The two page signals the monitor listens to, behind small interfaces so tests can drive them and count what is
 * subscribed at any time.
 */

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
