/**
 * Growth rate of the heap over a sliding window, robust to the garbage collector's sawtooth.
 *
 * A live page's heap climbs as it allocates and drops at each collection. A plain regression over raw samples
 * reads part of a tooth as growth; what leaks is what survives collection, i.e. the floor the sawtooth returns
 * to. So the regression runs on a lower envelope: for each sample, the lowest reading within the next
 * `horizon` ms. Any collection inside that horizon pulls the point down to the post-collection floor; for a heap
 * that only grows, the envelope is the series itself and the slope is exact. Points closer than `horizon` to
 * the newest sample have an incomplete look-ahead and would skew upward, so they are left out (their readings
 * still count, as look-ahead for earlier points).
 */

export interface HeapPoint {
  at: number;
  bytes: number;
}

export interface GrowthWindowOptions {
  windowMs: number;
  /** Expected spacing of samples; the window counts as full once it spans `windowMs` give or take half of it. */
  cadenceMs: number;
}

/** Fewer regression points than this gives a slope that one odd sample can swing. */
const MIN_ENVELOPE_POINTS = 3;
/** The look-ahead is this fraction of the window: long enough to contain a collection, short enough to leave points. */
const HORIZON_FRACTION = 1 / 4;

export class GrowthWindow {
  private points: HeapPoint[] = [];

  constructor(private options: GrowthWindowOptions) {}

  configure(options: GrowthWindowOptions): void {
    this.options = options;
    this.prune();
  }

  add(point: HeapPoint): void {
    const last = this.points[this.points.length - 1];
    // Out-of-order samples (a slow async read settling after a faster one) would break the time axis.
    if (last && point.at <= last.at) return;
    // A gap longer than the window (a hidden tab, a suspended laptop) breaks the series: start over.
    if (last && point.at - last.at > this.options.windowMs) this.points = [];
    this.points.push(point);
    this.prune();
  }

  clear(): void {
    this.points = [];
  }

  get size(): number {
    return this.points.length;
  }

  /** True once the samples span the whole window. */
  get full(): boolean {
    const first = this.points[0];
    const last = this.points[this.points.length - 1];
    if (!first || !last) return false;
    return last.at - first.at >= this.options.windowMs - this.options.cadenceMs / 2;
  }

  /** Bytes per second of the lower envelope, or null until the window is full and has enough points. */
  bytesPerSecond(): number | null {
    if (!this.full) return null;
    const envelope = lowerEnvelope(this.points, this.options.windowMs * HORIZON_FRACTION);
    if (envelope.length < MIN_ENVELOPE_POINTS) return null;
    const slopePerMs = leastSquaresSlope(envelope);
    return slopePerMs === null ? null : slopePerMs * 1000;
  }

  private prune(): void {
    const last = this.points[this.points.length - 1];
    if (!last) return;
    // Keep the newest point at or before the window's start too: with jittered timers, dropping everything older
    // than exactly `windowMs` would leave a window one interval short and never "full".
    const start = last.at - this.options.windowMs;
    let drop = 0;
    while (drop + 1 < this.points.length && this.points[drop + 1]!.at <= start) drop++;
    if (drop > 0) this.points.splice(0, drop);
  }
}

/** For each point at least `horizonMs` older than the newest, the minimum over [at, at + horizonMs]. */
export function lowerEnvelope(points: readonly HeapPoint[], horizonMs: number): HeapPoint[] {
  const last = points[points.length - 1];
  if (!last) return [];
  const envelope: HeapPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    if (last.at - start.at < horizonMs) break;
    let lowest = start.bytes;
    for (let j = i + 1; j < points.length && points[j]!.at - start.at <= horizonMs; j++) {
      lowest = Math.min(lowest, points[j]!.bytes);
    }
    envelope.push({ at: start.at, bytes: lowest });
  }
  return envelope;
}

/** Ordinary least-squares slope in bytes per millisecond; null when all points share one time. */
export function leastSquaresSlope(points: readonly HeapPoint[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  // Centre both axes first: epoch-scale times squared would lose precision in doubles.
  let meanAt = 0;
  let meanBytes = 0;
  for (const point of points) {
    meanAt += point.at / n;
    meanBytes += point.bytes / n;
  }
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    const dt = point.at - meanAt;
    covariance += dt * (point.bytes - meanBytes);
    variance += dt * dt;
  }
  return variance === 0 ? null : covariance / variance;
}
