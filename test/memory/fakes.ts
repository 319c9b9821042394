import type { LongTaskSource, MonitorClock, TimerHandle, VisibilitySource } from '../../src/memory/page-signals.js';
import type { MemoryReading, MemorySampler } from '../../src/memory/samplers.js';

export const MB = 1024 * 1024;

interface FakeTimer {
  due: number;
  every: number | null;
  callback: () => void;
}

/**
 * Simulated time. `advance` fires every timer that falls due, in order, as a free main thread would. `block`
 * jumps time like a busy main thread: nothing runs meanwhile, then each overdue timer fires once, late.
 */
export class FakeClock implements MonitorClock {
  time: number;
  private readonly timers = new Map<number, FakeTimer>();
  private nextId = 1;

  constructor(start = 1_000_000) {
    this.time = start;
  }

  /** Timers and intervals not cleared yet. */
  get activeTimers(): number {
    return this.timers.size;
  }

  now = (): number => this.time;

  setInterval = (callback: () => void, ms: number): TimerHandle => this.add(callback, ms, ms);
  setTimeout = (callback: () => void, ms: number): TimerHandle => this.add(callback, ms, null);
  clearInterval = (handle: TimerHandle): void => void this.timers.delete(handle as number);
  clearTimeout = (handle: TimerHandle): void => void this.timers.delete(handle as number);

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      const [id, timer] = next;
      this.time = Math.max(this.time, timer.due);
      this.fire(id, timer);
    }
    this.time = end;
  }

  block(ms: number): void {
    this.time += ms;
    const overdue = [...this.timers].filter(([, timer]) => timer.due <= this.time).sort((a, b) => a[1].due - b[1].due);
    for (const [id, timer] of overdue) {
      if (this.timers.get(id) !== timer) continue;
      timer.due = this.time;
      this.fire(id, timer);
    }
  }

  private add(callback: () => void, ms: number, every: number | null): number {
    const id = this.nextId++;
    this.timers.set(id, { due: this.time + Math.max(0, ms), every, callback });
    return id;
  }

  private nextDue(end: number): [number, FakeTimer] | undefined {
    let best: [number, FakeTimer] | undefined;
    for (const entry of this.timers) {
      if (entry[1].due <= end && (!best || entry[1].due < best[1].due)) best = entry;
    }
    return best;
  }

  private fire(id: number, timer: FakeTimer): void {
    if (timer.every === null) this.timers.delete(id);
    else timer.due = this.time + Math.max(1, timer.every);
    timer.callback();
  }
}

/** A heap described as a function of time. Counts its reads. */
export class ScriptedSampler implements MemorySampler {
  readonly source = 'custom' as const;
  reads = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly heap: (elapsedMs: number) => MemoryReading,
    readonly precise = true,
    private readonly start = clock.now(),
  ) {}

  read(): MemoryReading {
    this.reads++;
    return this.heap(this.clock.now() - this.start);
  }
}

/** A sampler whose reads the test settles by hand, like `measureUserAgentSpecificMemory()`. */
export class ManualAsyncSampler implements MemorySampler {
  readonly source = 'measureUserAgentSpecificMemory' as const;
  readonly precise = true;
  pending: Array<(reading: MemoryReading) => void> = [];
  reads = 0;

  read(): Promise<MemoryReading> {
    this.reads++;
    return new Promise((resolve) => this.pending.push(resolve));
  }

  settle(usedBytes: number): void {
    this.pending.shift()?.({ usedBytes });
  }
}

export class FakeVisibility implements VisibilitySource {
  private listeners = new Set<() => void>();
  isHidden = false;

  get listenerCount(): number {
    return this.listeners.size;
  }

  hidden = (): boolean => this.isHidden;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(hidden: boolean): void {
    this.isHidden = hidden;
    for (const listener of [...this.listeners]) listener();
  }
}

export class FakeLongTasks implements LongTaskSource {
  private observers = new Set<(durationMs: number) => void>();

  get observerCount(): number {
    return this.observers.size;
  }

  observe(listener: (durationMs: number) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  emit(durationMs: number): void {
    for (const observer of [...this.observers]) observer(durationMs);
  }
}

/** A steady heap with a GC sawtooth: climbs `amplitude * 2` over `periodMs`, then drops back. */
export function sawtooth(baseBytes: number, amplitudeBytes: number, periodMs: number, phaseMs = 0) {
  return (elapsedMs: number): number => {
    const position = ((elapsedMs + phaseMs) % periodMs) / periodMs;
    return baseBytes - amplitudeBytes + 2 * amplitudeBytes * position;
  };
}
