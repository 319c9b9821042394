/**
 * The benchmark page's script (bundled by bench/memory-monitor.mjs with esbuild). Exposes `window.memoryBench`
 * for the benchmark to drive: start the monitor, start a leak, read what happened.
 */
import type { ZoomMemoryDetail, ZoomMemoryWarningDetail } from '../../src/memory/memory-events.js';
import { MemoryMonitor } from '../../src/memory/memory-monitor.js';
import type { MemoryMonitorSettings } from '../../src/memory/memory-settings.js';
import { systemClock, type MonitorClock } from '../../src/memory/page-signals.js';

interface BenchState {
  samples: ZoomMemoryDetail[];
  warnings: ZoomMemoryWarningDetail[];
  /** Main-thread time spent inside the monitor's own timer callbacks (sampling, regression, events). */
  callbackMs: number;
  callbacks: number;
  retainedBytes: number;
  capabilities?: MemoryMonitor['capabilities'];
}

const state: BenchState = { samples: [], warnings: [], callbackMs: 0, callbacks: 0, retainedBytes: 0 };
let monitor: MemoryMonitor | undefined;
let leakTimer: ReturnType<typeof setInterval> | undefined;
const retained: number[][] = [];

/** The real clock, timing every callback the monitor schedules. */
const timedClock: MonitorClock = {
  ...systemClock,
  setInterval: (callback, ms) => systemClock.setInterval(() => timed(callback), ms),
  setTimeout: (callback, ms) => systemClock.setTimeout(() => timed(callback), ms),
};

function timed(callback: () => void): void {
  const start = performance.now();
  callback();
  state.callbackMs += performance.now() - start;
  state.callbacks++;
}

const api = {
  startMonitor(settings: Partial<MemoryMonitorSettings> = {}): BenchState['capabilities'] {
    const host = document.body;
    host.addEventListener('zoom-memory', (event) => state.samples.push(event.detail));
    host.addEventListener('zoom-memory-warning', (event) => {
      state.warnings.push(event.detail);
      // Stop retaining once a leak is flagged: the measurement is over, the heap need not keep growing.
      if (event.detail.reason === 'growth') api.stopLeak();
    });
    monitor = new MemoryMonitor(host, { settings, environment: { clock: timedClock } });
    const start = performance.now();
    monitor.start();
    state.callbackMs += performance.now() - start;
    state.capabilities = monitor.capabilities;
    return state.capabilities;
  },
  stopMonitor(): void {
    monitor?.stop();
  },
  /** Retains `mbPerSecond` MB of doubles per second, in ten steps a second. */
  startLeak(mbPerSecond: number): void {
    const doublesPerStep = Math.round((mbPerSecond * 1024 * 1024) / 8 / 10);
    leakTimer = setInterval(() => {
      retained.push(new Array<number>(doublesPerStep).fill(retained.length + 0.5));
      state.retainedBytes += doublesPerStep * 8;
    }, 100);
  },
  stopLeak(): void {
    if (leakTimer !== undefined) clearInterval(leakTimer);
    leakTimer = undefined;
  },
  state(): BenchState {
    return state;
  },
};

declare global {
  interface Window {
    memoryBench: typeof api;
  }
}
window.memoryBench = api;
