import type { MemoryWarningReason } from './memory-events.js';

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
