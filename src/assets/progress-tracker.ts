/** What `zoom-progress` carries while assets load. */
export interface AssetProgress {
  phase: 'assets';
  /** Bytes counted so far (a file's planned size once it completed, even when the response was smaller). */
  loaded: number;
  total: number;
  /** In [0, 1]; never goes back; exactly 1 once after finish(). */
  fraction: number;
  /** The file whose progress caused this report. */
  file?: string;
}

export type ProgressListener = (progress: AssetProgress) => void;

/**
 * Merges the progress of concurrent downloads into one fraction weighted by size, like model-viewer's tracker: it
 * only moves forward, stays in [0, 1], and reaches 1 exactly once through finish() (call it in a `finally`, so a
 * failed or cancelled preload still ends the bar). Reports are throttled to steps of `minStep` so a 5 MB file read
 * in 64 KB chunks does not fire 80 events.
 */
export class ProgressTracker {
  private readonly weights = new Map<string, number>();
  private readonly loaded = new Map<string, number>();
  private readonly total: number;
  private fraction = 0;
  private loadedSum = 0;
  private reported = -1;
  private finished = false;

  constructor(
    files: ReadonlyArray<{ path: string; size: number }>,
    private readonly listener: ProgressListener,
    private readonly minStep = 0.01,
  ) {
    // A file of unknown size (0) still counts, as much as an average file, so the bar moves when it completes.
    const known = files.filter((file) => file.size > 0);
    const average = known.length > 0 ? known.reduce((sum, file) => sum + file.size, 0) / known.length : 1;
    for (const file of files) this.weights.set(file.path, file.size > 0 ? file.size : average);
    this.total = [...this.weights.values()].reduce((sum, weight) => sum + weight, 0);
  }

  get value(): number {
    return this.fraction;
  }

  get done(): boolean {
    return this.finished;
  }

  /** `bytes` read so far for `path`; values above the file's weight (a larger response) are clamped. */
  update(path: string, bytes: number): void {
    const weight = this.weights.get(path);
    if (weight === undefined || this.finished) return;
    const clamped = Math.min(weight, Math.max(0, bytes));
    if (clamped <= (this.loaded.get(path) ?? 0)) return;
    this.loaded.set(path, clamped);
    this.advance(path, false);
  }

  complete(path: string): void {
    const weight = this.weights.get(path);
    if (weight === undefined || this.finished) return;
    this.loaded.set(path, weight);
    this.advance(path, true);
  }

  /** Ends at 1 whatever happened; idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.fraction = 1;
    this.emit(undefined);
  }

  private advance(path: string, force: boolean): void {
    this.loadedSum = [...this.loaded.values()].reduce((total, bytes) => total + bytes, 0);
    const next = this.total > 0 ? Math.min(1, this.loadedSum / this.total) : 0;
    // Strictly below 1 until finish(): only finish() may announce the end, exactly once.
    this.fraction = Math.max(this.fraction, Math.min(next, 1 - Number.EPSILON));
    if (force || this.fraction - this.reported >= this.minStep) this.emit(path);
  }

  private emit(file: string | undefined): void {
    this.reported = this.fraction;
    const loaded = Math.round(this.finished ? this.total : this.loadedSum);
    this.listener({
      phase: 'assets',
      loaded,
      total: Math.round(this.total),
      fraction: this.fraction,
      // The zoom-progress detail as pages see it: no `file` key at all when no file is named.
      ...(file !== undefined ? { file } : {}),
    });
  }
}
