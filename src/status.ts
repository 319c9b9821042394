/** Every state `<zoom-join>` can be in; reflected as the `status` attribute so CSS and tests can see it. */
export const ZoomStatus = {
  idle: 'idle',
  preloading: 'preloading',
  ready: 'ready',
  signing: 'signing',
  joining: 'joining',
  /** Joined, but held in the waiting room until the host lets the user in. */
  waitingRoom: 'waiting-room',
  /** The meeting has not started: with `wait-for-host`, the element tries again until it has. */
  waitingForHost: 'waiting-for-host',
  /** The signature endpoint wants the visitor signed in with Zoom: the element shows "Sign in with Zoom". */
  waitingForSignIn: 'waiting-for-sign-in',
  /** Zoom admits the user only once the Zoom user they join on behalf of (OBF) is in the meeting: tried again until then. */
  waitingForAuthorizedUser: 'waiting-for-authorized-user',
  joined: 'joined',
  /** In the meeting, but the connection dropped and the SDK is re-establishing it. */
  reconnecting: 'reconnecting',
  leaving: 'leaving',
  left: 'left',
  error: 'error',
} as const;
export type ZoomStatus = (typeof ZoomStatus)[keyof typeof ZoomStatus];

/** States from which a join may start. */
export const joinableStatuses: ReadonlySet<ZoomStatus> = new Set([
  ZoomStatus.idle,
  ZoomStatus.preloading,
  ZoomStatus.ready,
  ZoomStatus.left,
  ZoomStatus.error,
]);

/**
 * States in which the memory watch runs: loading the SDK and joining are when the heap grows fastest, and the
 * meeting itself is what the watch is for. Counting `signing` keeps the monitor from restarting (and losing its
 * window) halfway through a join.
 */
export const memoryWatchedStatuses: ReadonlySet<ZoomStatus> = new Set([
  ZoomStatus.preloading,
  ZoomStatus.signing,
  ZoomStatus.joining,
  ZoomStatus.waitingRoom,
  ZoomStatus.joined,
  ZoomStatus.reconnecting,
]);

/** States in which the user is in a meeting. */
export const inMeetingStatuses: ReadonlySet<ZoomStatus> = new Set([ZoomStatus.joined, ZoomStatus.reconnecting]);
