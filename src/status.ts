/** Every state `<zoom-join>` can be in; reflected as the `status` attribute so CSS and tests can see it. */
export const ZoomStatus = {
  idle: 'idle',
  preloading: 'preloading',
  ready: 'ready',
  signing: 'signing',
  joining: 'joining',
  joined: 'joined',
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
