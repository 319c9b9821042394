import type { MonitorClock, TimerHandle } from './clock.js';
import type { LongTaskSource } from './page-signals.js';

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
