import { ZoomStatus } from '../status.js';

/**
 * The element's statuses during which the monitor runs: loading the SDK and joining are when the heap grows
 * fastest, and the meeting itself is what the watch is for. `signing` sits between `preloading` and `joining`;
 * counting it keeps the monitor from restarting (and losing its window) halfway through a join.
 */
export const memoryWatchedStatuses: ReadonlySet<ZoomStatus> = new Set([
  ZoomStatus.preloading,
  ZoomStatus.signing,
  ZoomStatus.joining,
  ZoomStatus.joined,
]);
