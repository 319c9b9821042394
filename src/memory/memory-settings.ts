import type { MemoryWarningReason } from './memory-events.js';

/** Megabytes as Chrome's task manager counts them. Attribute values in MB are multiplied by this. */
export const MB = 1024 * 1024;

/**
 * `on-memory-pressure`: what the element does about a memory warning. The `zoom-memory-warning` event fires in
 * every case; the policy only decides the element's own reaction.
 * - `warn` (default): show the warning banner.
 * - `leave`: show it, and leave the meeting when the tab is about to run out of memory.
 * - `none`: do nothing visible; the page handles the events itself.
 */
export const MemoryPressurePolicy = {
  warn: 'warn',
  leave: 'leave',
  none: 'none',
} as const;
export type MemoryPressurePolicy = (typeof MemoryPressurePolicy)[keyof typeof MemoryPressurePolicy];

export interface MemoryPressureAction {
  show: boolean;
  leave: boolean;
}

/**
 * Reasons that mean the tab is about to crash or the meeting's media is already broken. Growth alone is not one
 * of them: at the default 5 MB/s a 4 GB heap lasts ten minutes, and a leak that keeps going crosses the budget
 * or the near-limit line, which then leaves. A freeze is not memory at all, and leaving would not unfreeze it.
 */
const leaveReasons: ReadonlySet<MemoryWarningReason> = new Set(['budget', 'near-limit', 'sdk-out-of-memory']);

export function memoryPressureAction(policy: MemoryPressurePolicy, reason: MemoryWarningReason): MemoryPressureAction {
  switch (policy) {
    case MemoryPressurePolicy.none:
      return { show: false, leave: false };
    case MemoryPressurePolicy.leave:
      return { show: true, leave: leaveReasons.has(reason) };
    default:
      return { show: true, leave: false };
  }
}

/** Reads the attribute; anything unknown (or absent) is the default, `warn`. */
export function parseMemoryPressurePolicy(value: string | null | undefined): MemoryPressurePolicy {
  const normalized = value?.trim().toLowerCase();
  return normalized === MemoryPressurePolicy.leave || normalized === MemoryPressurePolicy.none
    ? normalized
    : MemoryPressurePolicy.warn;
}

export interface MemoryMonitorSettings {
  /** Time between samples (also the freeze heartbeat's upper bound). */
  intervalMs: number;
  /** The growth slope is taken over this much history. */
  windowMs: number;
  growthLimitBytesPerSecond: number;
  /** Warn when used memory passes this; null for no budget. */
  budgetBytes: number | null;
  /** Warn when used memory passes this fraction of the heap limit. */
  nearLimitRatio: number;
  /** Warn when the main thread is blocked this long; 0 turns freeze detection off. */
  freezeThresholdMs: number;
  policy: MemoryPressurePolicy;
}

/**
 * The monitor's defaults when used on its own. The element passes its attribute values, whose defaults are in the
 * attribute table (src/attributes.ts); test/node/attributes.test.ts keeps the two equal. (Importing the table here
 * would split it into a chunk of its own and cost the element's first load.)
 */
export const defaultMemorySettings: Readonly<MemoryMonitorSettings> = Object.freeze({
  intervalMs: 2000,
  windowMs: 20_000,
  growthLimitBytesPerSecond: 5 * MB,
  budgetBytes: null,
  nearLimitRatio: 0.85,
  freezeThresholdMs: 2000,
  policy: MemoryPressurePolicy.warn,
});

/** Faster sampling costs CPU and buys nothing: the collector's own rhythm is coarser than this. */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 10 * 60_000;
/** The slope needs a handful of points; a window shorter than this many intervals is stretched. */
const MIN_SAMPLES_PER_WINDOW = 5;

/** The element's attributes as Lit hands them over: strings, numbers, or null when absent. */
export interface MemoryAttributes {
  /** `memory-interval`, ms */
  memoryInterval?: string | number | null;
  /** `memory-growth-limit`, MB/s */
  memoryGrowthLimit?: string | number | null;
  /** `memory-budget`, MB */
  memoryBudget?: string | number | null;
  /** `freeze-threshold`, ms; 0 = off */
  freezeThreshold?: string | number | null;
  /** `on-memory-pressure`: warn | leave | none */
  onMemoryPressure?: string | null;
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Attribute values → settings. A value that is missing or makes no sense falls back to the default instead of
 * failing: a typo in a tuning attribute must never cost the user their meeting.
 */
export function readMemorySettings(attributes: MemoryAttributes = {}): MemoryMonitorSettings {
  const interval = toNumber(attributes.memoryInterval);
  const intervalMs =
    interval !== null && interval > 0
      ? Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, interval))
      : defaultMemorySettings.intervalMs;

  const growth = toNumber(attributes.memoryGrowthLimit);
  const budget = toNumber(attributes.memoryBudget);
  const freeze = toNumber(attributes.freezeThreshold);

  return normalizeMemorySettings({
    intervalMs,
    growthLimitBytesPerSecond:
      growth !== null && growth > 0 ? growth * MB : defaultMemorySettings.growthLimitBytesPerSecond,
    budgetBytes: budget !== null && budget > 0 ? budget * MB : null,
    freezeThresholdMs: freeze !== null && freeze >= 0 ? freeze : defaultMemorySettings.freezeThresholdMs,
    policy: parseMemoryPressurePolicy(attributes.onMemoryPressure),
  });
}

/** Fills in defaults and keeps the window long enough for a slope at the chosen interval. */
export function normalizeMemorySettings(partial: Partial<MemoryMonitorSettings> = {}): MemoryMonitorSettings {
  const d = defaultMemorySettings;
  // Field by field rather than a spread: an explicit `undefined` in `partial` must not wipe a default.
  const intervalMs = partial.intervalMs ?? d.intervalMs;
  return {
    intervalMs,
    windowMs: Math.max(partial.windowMs ?? d.windowMs, intervalMs * MIN_SAMPLES_PER_WINDOW),
    growthLimitBytesPerSecond: partial.growthLimitBytesPerSecond ?? d.growthLimitBytesPerSecond,
    budgetBytes: partial.budgetBytes ?? d.budgetBytes,
    nearLimitRatio: partial.nearLimitRatio ?? d.nearLimitRatio,
    freezeThresholdMs: partial.freezeThresholdMs ?? d.freezeThresholdMs,
    policy: partial.policy ?? d.policy,
  };
}
