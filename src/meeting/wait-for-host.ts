import { sleep } from '../abort.js';
import { ZoomJoinError } from '../zoom-join-error.js';

/**
 * How long the element waits before asking again whether the host started the meeting: soon at first, then less
 * often. The Client View's own waiting page asks every 30 s; the Component View allows one join per 10 s.
 */
export const WAIT_FOR_HOST_DELAYS_MS = [10_000, 15_000, 20_000, 30_000] as const;

/** Zoom's "the meeting has not started" (3008), as the element names it. */
export function isMeetingNotStarted(error: unknown): boolean {
  return error instanceof ZoomJoinError && error.code === 'meeting-not-started';
}

/**
 * `join`, tried again while Zoom says the meeting has not started, until it has or `signal` stops it. `onWaiting`
 * hears when the waiting starts (after a refused try, whose leftovers it clears) and ends (before the next try).
 */
export async function joinWhenHostStarts(
  join: () => Promise<void>,
  options: { signal: AbortSignal; onWaiting: (waiting: boolean) => Promise<void> | void; delaysMs?: readonly number[] },
): Promise<void> {
  const { signal, onWaiting, delaysMs = WAIT_FOR_HOST_DELAYS_MS } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      await join();
      return;
    } catch (error) {
      if (!isMeetingNotStarted(error) || signal.aborted) throw error;
    }
    await onWaiting(true);
    await sleep(delaysMs[Math.min(attempt, delaysMs.length - 1)] ?? 30_000, signal);
    await onWaiting(false);
  }
}
