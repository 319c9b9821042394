import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import type { SdkMemoryFailure } from '../sdk/sdk-memory-failure.js';
import type { MemoryWarningReason, ZoomMemoryDetail, ZoomMemoryWarningDetail } from './memory-events.js';
import {
  memoryPressureAction,
  normalizeMemorySettings,
  type MemoryMonitorSettings,
  type MemoryPressureAction,
} from './memory-settings.js';
import {
  detectLongTaskSource,
  documentVisibility,
  FreezeDetector,
  systemClock,
  type FreezeDetectedBy,
  type LongTaskSource,
  type MonitorClock,
  type TimerHandle,
  type VisibilitySource,
} from './page-signals.js';
import { detectMemorySampler, type MemoryReading, type MemorySampler, type MemorySource } from './samplers.js';

/** Where events go; a Lit element also gets the controller registered and re-rendered on warning changes. */
export type MemoryMonitorHost = EventTarget &
  Partial<Pick<ReactiveControllerHost, 'addController' | 'requestUpdate'>>;

/** The browser boundaries, injectable for tests. `undefined` means "detect"; `null` means "there is none". */
export interface MemoryMonitorEnvironment {
  sampler?: MemorySampler | null;
  clock?: MonitorClock;
  visibility?: VisibilitySource | null;
  longTasks?: LongTaskSource | null;
}

export interface MemoryMonitorOptions {
  /** A function is read again on `start()` and `reconfigure()`, so it can return the element's current attributes. */
  settings?: Partial<MemoryMonitorSettings> | (() => Partial<MemoryMonitorSettings>);
  environment?: MemoryMonitorEnvironment;
  /**
   * Called after `zoom-memory-warning` was dispatched, with what the policy says to do about it (nothing, when a
   * listener called `preventDefault()`). The element leaves the meeting here when `action.leave` is true.
   */
  onWarning?: (warning: ZoomMemoryWarningDetail, action: MemoryPressureAction) => void;
  /** Called when the set of active warnings changes; defaults to the host's `requestUpdate()`. */
  onChange?: () => void;
}

export interface MemoryCapabilities {
  memory: MemorySource | 'unsupported';
  /** False for rounded/cached readings: budget and near-limit work, growth is not computed. */
  precise: boolean;
  freeze: FreezeDetectedBy | 'off';
}

export interface ActiveMemoryWarning {
  detail: ZoomMemoryWarningDetail;
  action: MemoryPressureAction;
  dismissed: boolean;
}

/** Most severe first: the banner shows one warning at a time. */
const severity: readonly MemoryWarningReason[] = ['sdk-out-of-memory', 'near-limit', 'budget', 'freeze', 'growth'];

/** Two evaluations in a row above the limit: one odd reading cannot raise it, and it costs one interval. */
const GROWTH_CONFIRMATIONS = 2;
/** Growth clears once the slope is below half the limit; budget and near-limit below these fractions. */
const GROWTH_CALM_RATIO = 0.5;
const BUDGET_CALM_RATIO = 0.95;
const NEAR_LIMIT_CALM_MARGIN = 0.05;

/** Also accepts promises from another realm (a sampler built in an iframe), which fail `instanceof Promise`. */
function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as Partial<PromiseLike<T>> | null)?.then === 'function';
}

/**
 * Watches the page's memory and main thread while a meeting is being prepared, joined or held, and turns what it
 * sees into `zoom-memory` samples and `zoom-memory-warning`s. A Lit ReactiveController, usable without Lit:
 * `new MemoryMonitor(window).start()`.
 *
 * Nothing runs between `stop()` and `start()`: no timer, observer or listener. While the page is hidden the
 * monitor pauses too — background tabs get throttled timers and GC, which would read as freezes and growth.
 * Active warnings survive `stop()` (so the element can still say why it left) and are cleared by `start()`.
 */
export class MemoryMonitor implements ReactiveController {
  private readonly sampler: MemorySampler | null;
  private readonly clock: MonitorClock;
  private readonly visibility: VisibilitySource | null;
  private readonly freeze: FreezeDetector;

  private settings: MemoryMonitorSettings;
  private isRunning = false;
  private isPaused = false;
  /** Bumped by start() and stop(), so a slow read from an earlier run is dropped. */
  private generation = 0;
  private reading = false;
  private sampleTimer?: TimerHandle;
  private freezeClearTimer?: TimerHandle;
  private unsubscribeVisibility?: () => void;
  private restartOnConnect = false;

  private readonly growthWindow: GrowthWindow;
  private growthStreak = 0;
  private slope: number | null = null;
  private latestSample?: ZoomMemoryDetail;
  private readonly latches = {
    growth: new ConditionLatch(),
    budget: new ConditionLatch(),
    'near-limit': new ConditionLatch(),
  };
  private readonly active = new Map<MemoryWarningReason, ActiveMemoryWarning>();

  constructor(
    private readonly host: MemoryMonitorHost,
    private readonly options: MemoryMonitorOptions = {},
  ) {
    const environment = options.environment ?? {};
    this.sampler = environment.sampler === undefined ? detectMemorySampler() : environment.sampler;
    this.clock = environment.clock ?? systemClock;
    this.visibility = environment.visibility === undefined ? documentVisibility() : environment.visibility;
    this.freeze = new FreezeDetector({
      clock: this.clock,
      longTasks: environment.longTasks === undefined ? detectLongTaskSource() : environment.longTasks,
      onFreeze: (blockedMs, detectedBy) => this.onFreeze(blockedMs, detectedBy),
    });
    // A settings function may read host fields that are not initialised yet while the host is being constructed.
    this.settings = typeof options.settings === 'function' ? normalizeMemorySettings() : this.readSettings();
    this.growthWindow = new GrowthWindow({ windowMs: this.settings.windowMs, cadenceMs: this.settings.intervalMs });
    if (typeof host.addController === 'function') host.addController(this);
  }

  get capabilities(): MemoryCapabilities {
    return {
      memory: this.sampler?.source ?? 'unsupported',
      precise: this.sampler?.precise ?? false,
      freeze: this.readSettings().freezeThresholdMs > 0 ? this.freeze.mode : 'off',
    };
  }

  /** Between start() and stop(), paused or not. */
  get running(): boolean {
    return this.isRunning;
  }

  /** Running, but the page is hidden. */
  get paused(): boolean {
    return this.isRunning && this.isPaused;
  }

  /** The latest sample of this run. */
  get latest(): ZoomMemoryDetail | undefined {
    return this.latestSample;
  }

  /** The current growth estimate, once the window is full. */
  get bytesPerSecond(): number | null {
    return this.slope;
  }

  /** Warnings raised and not cleared yet, most severe first. */
  get warnings(): readonly ActiveMemoryWarning[] {
    return severity.flatMap((reason) => {
      const entry = this.active.get(reason);
      return entry ? [entry] : [];
    });
  }

  /** The warning the element should show now: the most severe one the policy shows and nobody dismissed. */
  get currentWarning(): ZoomMemoryWarningDetail | undefined {
    return this.warnings.find((entry) => entry.action.show && !entry.dismissed)?.detail;
  }

  hostConnected(): void {
    // Moving the element in the DOM disconnects and reconnects it; the meeting goes on, so does the watch.
    if (this.restartOnConnect) {
      this.restartOnConnect = false;
      this.start();
    }
  }

  hostDisconnected(): void {
    const wasRunning = this.isRunning;
    this.stop();
    this.restartOnConnect = wasRunning;
  }

  /** Starts a fresh run (new window, no active warnings). Does nothing if already running. */
  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.generation++;
    this.settings = this.readSettings();
    this.resetRun();
    this.unsubscribeVisibility = this.visibility?.subscribe(() => this.onVisibilityChange());
    if (this.visibility?.hidden()) this.isPaused = true;
    else this.resume();
  }

  /** Stops everything the monitor runs. Active warnings stay readable until the next start(). */
  stop(): void {
    // An explicit stop also cancels a restart a disconnect scheduled: the owner no longer wants the watch.
    this.restartOnConnect = false;
    if (!this.isRunning) return;
    this.isRunning = false;
    this.generation++;
    this.pause();
    this.isPaused = false;
    this.unsubscribeVisibility?.();
    this.unsubscribeVisibility = undefined;
    if (this.freezeClearTimer !== undefined) this.clock.clearTimeout(this.freezeClearTimer);
    this.freezeClearTimer = undefined;
  }

  /** Applies changed settings (interval, window, thresholds, policy) to a running monitor, keeping its samples. */
  reconfigure(): void {
    this.settings = this.readSettings();
    this.growthWindow.configure({ windowMs: this.settings.windowMs, cadenceMs: this.settings.intervalMs });
    if (this.isRunning && !this.isPaused) {
      this.pause();
      this.resume();
    }
  }

  /** Hides a warning (or all) from `currentWarning` without clearing its condition, so it is not raised again. */
  dismiss(reason?: MemoryWarningReason): void {
    for (const [key, entry] of this.active) {
      if (reason === undefined || key === reason) entry.dismissed = true;
    }
    this.changed();
  }

  /** For the adapter layer: the SDK ran out of memory or lost its WebGL context. Raised once per run. */
  reportSdkOutOfMemory(failure: SdkMemoryFailure = {}): void {
    if (this.active.has('sdk-out-of-memory')) return;
    const latest = this.latestSample;
    this.raise({
      reason: 'sdk-out-of-memory',
      ...failure,
      ...(latest ? { usedBytes: latest.usedBytes } : {}),
      ...(latest?.limitBytes !== undefined ? { limitBytes: latest.limitBytes } : {}),
      at: this.clock.now(),
    });
  }

  private readSettings(): MemoryMonitorSettings {
    const source = this.options.settings;
    return normalizeMemorySettings(typeof source === 'function' ? source() : source);
  }

  private resetRun(): void {
    this.growthWindow.configure({ windowMs: this.settings.windowMs, cadenceMs: this.settings.intervalMs });
    this.growthWindow.clear();
    this.growthStreak = 0;
    this.slope = null;
    this.latestSample = undefined;
    for (const latch of Object.values(this.latches)) latch.reset();
    if (this.active.size > 0) {
      this.active.clear();
      this.changed();
    }
  }

  private resume(): void {
    this.isPaused = false;
    if (this.sampler) {
      this.sampleTimer = this.clock.setInterval(() => this.sample(), this.settings.intervalMs);
      this.sample();
    }
    this.freeze.start(this.settings.freezeThresholdMs);
  }

  private pause(): void {
    this.isPaused = true;
    if (this.sampleTimer !== undefined) this.clock.clearInterval(this.sampleTimer);
    this.sampleTimer = undefined;
    this.freeze.stop();
  }

  private onVisibilityChange(): void {
    if (!this.isRunning || !this.visibility) return;
    const hidden = this.visibility.hidden();
    if (hidden && !this.isPaused) this.pause();
    else if (!hidden && this.isPaused) this.resume();
  }

  private sample(): void {
    const sampler = this.sampler;
    // One read at a time: measureUserAgentSpecificMemory can take longer than the interval.
    if (!sampler || this.reading) return;
    const generation = this.generation;
    let result: MemoryReading | PromiseLike<MemoryReading>;
    try {
      result = sampler.read();
    } catch {
      return; // A failed read costs one sample; the next tick tries again.
    }
    if (!isPromiseLike(result)) {
      this.accept(result, sampler);
      return;
    }
    this.reading = true;
    Promise.resolve(result)
      .then(
        (reading) => {
          if (generation === this.generation && !this.isPaused) this.accept(reading, sampler);
        },
        () => undefined,
      )
      .finally(() => {
        this.reading = false;
      });
  }

  private accept(reading: MemoryReading, sampler: MemorySampler): void {
    const usedBytes = reading.usedBytes;
    if (!Number.isFinite(usedBytes) || usedBytes < 0) return;
    const at = this.clock.now();
    const limitBytes =
      reading.limitBytes !== undefined && Number.isFinite(reading.limitBytes) && reading.limitBytes > 0
        ? reading.limitBytes
        : undefined;
    if (sampler.precise) {
      if (reading.rebased) this.growthWindow.clear();
      this.growthWindow.add({ at, bytes: usedBytes });
      this.slope = this.growthWindow.bytesPerSecond();
    }
    // A public event detail: a field the browser cannot tell is absent, not undefined.
    const sample: ZoomMemoryDetail = {
      usedBytes,
      ...(limitBytes !== undefined ? { limitBytes } : {}),
      at,
      source: sampler.source,
      ...(this.slope !== null ? { bytesPerSecond: this.slope } : {}),
      ...(reading.rebased ? { rebased: true as const } : {}),
    };
    this.latestSample = sample;
    emit(this.host, 'zoom-memory', sample);
    // A listener may have stopped the monitor.
    if (this.isRunning) this.evaluate(sample);
  }

  private evaluate(sample: ZoomMemoryDetail): void {
    const { growthLimitBytesPerSecond: growthLimit, budgetBytes, nearLimitRatio, windowMs } = this.settings;
    const calmForMs = windowMs / 2;
    const { at, usedBytes, limitBytes } = sample;

    if (this.slope === null) {
      this.growthStreak = 0;
    } else {
      this.growthStreak = this.slope > growthLimit ? this.growthStreak + 1 : 0;
      const triggered = this.growthStreak >= GROWTH_CONFIRMATIONS;
      const calm = this.slope < growthLimit * GROWTH_CALM_RATIO;
      this.apply('growth', this.latches.growth.update(triggered, calm, at, calmForMs), sample, growthLimit);
    }

    if (budgetBytes !== null) {
      const calm = usedBytes < budgetBytes * BUDGET_CALM_RATIO;
      const change = this.latches.budget.update(usedBytes > budgetBytes, calm, at, calmForMs);
      this.apply('budget', change, sample, budgetBytes);
    }

    if (limitBytes !== undefined) {
      const threshold = limitBytes * nearLimitRatio;
      const calm = usedBytes < limitBytes * (nearLimitRatio - NEAR_LIMIT_CALM_MARGIN);
      const change = this.latches['near-limit'].update(usedBytes > threshold, calm, at, calmForMs);
      this.apply('near-limit', change, sample, threshold);
    }
  }

  private apply(
    reason: 'growth' | 'budget' | 'near-limit',
    change: LatchChange,
    sample: ZoomMemoryDetail,
    threshold: number,
  ): void {
    if (change === 'cleared') this.clear(reason);
    // A reaction to an earlier warning of this sample (the element leaving) may have stopped the monitor.
    if (change !== 'raised' || !this.isRunning) return;
    this.raise({
      reason,
      bytesPerSecond: this.slope,
      usedBytes: sample.usedBytes,
      ...(sample.limitBytes !== undefined ? { limitBytes: sample.limitBytes } : {}),
      threshold,
      at: sample.at,
      source: sample.source,
    });
  }

  private onFreeze(blockedMs: number, detectedBy: FreezeDetectedBy): void {
    if (!this.isRunning) return;
    // A struggling page tends to freeze again and again; one warning per episode, and the episode lasts until a
    // whole window passes without another freeze.
    if (this.freezeClearTimer !== undefined) this.clock.clearTimeout(this.freezeClearTimer);
    this.freezeClearTimer = this.clock.setTimeout(() => {
      this.freezeClearTimer = undefined;
      this.clear('freeze');
    }, this.settings.windowMs);
    if (this.active.has('freeze')) return;
    this.raise({
      reason: 'freeze',
      blockedMs,
      detectedBy,
      threshold: this.settings.freezeThresholdMs,
      at: this.clock.now(),
    });
  }

  private raise(detail: ZoomMemoryWarningDetail): void {
    const allowed = emit(this.host, 'zoom-memory-warning', detail, { cancelable: true });
    const action = allowed
      ? memoryPressureAction(this.settings.policy, detail.reason)
      : { show: false, leave: false };
    this.active.set(detail.reason, { detail, action, dismissed: false });
    this.changed();
    this.options.onWarning?.(detail, action);
  }

  private clear(reason: MemoryWarningReason): void {
    if (this.active.delete(reason)) this.changed();
  }

  private changed(): void {
    if (this.options.onChange) this.options.onChange();
    else this.host.requestUpdate?.();
  }
}

/** What one update did to the warning: raised it, cleared it, or neither. */
type LatchChange = 'raised' | 'cleared' | null;

/**
 * "Warn once per condition until it clears." A condition is raised the first time it holds; it clears only after
 * it has stayed calm (below a lower threshold than the one that raised it) for a while. The gap between the two
 * thresholds and the calm period keep a heap that hovers at a limit — the collector's sawtooth — from raising the
 * same warning on every tooth.
 */
class ConditionLatch {
  private isActive = false;
  private calmSince: number | null = null;

  get active(): boolean {
    return this.isActive;
  }

  /**
   * @param triggered the condition holds now
   * @param calm the reading is below the clearing threshold (ignored while `triggered`)
   * @param calmForMs how long it must stay calm before the warning may be raised again
   */
  update(triggered: boolean, calm: boolean, at: number, calmForMs: number): LatchChange {
    if (triggered) {
      this.calmSince = null;
      if (this.isActive) return null;
      this.isActive = true;
      return 'raised';
    }
    if (!this.isActive) return null;
    if (!calm) {
      this.calmSince = null;
      return null;
    }
    this.calmSince ??= at;
    if (at - this.calmSince < calmForMs) return null;
    this.reset();
    return 'cleared';
  }

  reset(): void {
    this.isActive = false;
    this.calmSince = null;
  }
}

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
