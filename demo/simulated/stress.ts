/**
 * Real pressure on the page for the memory-leak and freeze scenarios: a heap that actually grows (plain arrays of
 * doubles live on the JS heap, unlike typed-array buffers) and a main thread that is actually blocked.
 */

/** 64 Ki doubles: 512 KiB of JS heap per chunk. */
const CHUNK_LENGTH = 65_536;
const CHUNK_BYTES = CHUNK_LENGTH * 8;

export interface LeakOptions {
  bytesPerStep: number;
  intervalMs: number;
  capBytes: number;
  onStep?(retainedBytes: number): void;
  onCap?(retainedBytes: number): void;
}

export class HeapLeak {
  private readonly retained: number[][] = [];
  private timer?: ReturnType<typeof setInterval>;

  get retainedBytes(): number {
    return this.retained.length * CHUNK_BYTES;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(options: LeakOptions): void {
    if (this.timer !== undefined) return;
    const chunksPerStep = Math.max(1, Math.round(options.bytesPerStep / CHUNK_BYTES));
    this.timer = setInterval(() => {
      for (let i = 0; i < chunksPerStep; i++) {
        const seed = this.retained.length;
        this.retained.push(Array.from({ length: CHUNK_LENGTH }, (_, index) => seed + index + 0.5));
      }
      options.onStep?.(this.retainedBytes);
      if (this.retainedBytes >= options.capBytes) {
        this.stop();
        options.onCap?.(this.retainedBytes);
      }
    }, options.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Drops everything retained; the garbage collector takes it back on its own schedule. */
  release(): void {
    this.stop();
    this.retained.length = 0;
  }
}

/** Busy-waits for `ms` on the calling thread and returns how long it really blocked. */
export function blockMainThread(ms: number): number {
  const started = performance.now();
  while (performance.now() - started < ms) {
    // Busy on purpose: the scenario is a page whose main thread cannot run anything else.
  }
  return performance.now() - started;
}
