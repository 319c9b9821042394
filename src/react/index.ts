/**
 * `zoom-join/react`: `<zoom-join>` as a React component (React 17, 18 and 19), made with `@lit/react`. Props that
 * are element properties (`meetingNumber`, `signature`, `signatureProvider`, ...) are set as properties, not
 * attributes, so secrets never reach the DOM; `zoom-*` events arrive in `onZoom*` props.
 *
 * ```tsx
 * import { ZoomJoin } from 'zoom-join/react';
 * <ZoomJoin meetingNumber="1234567890" userName="Ada" signatureEndpoint="/api/signature"
 *   onZoomJoined={(e) => console.log(e.detail.view)} onZoomError={(e) => console.error(e.detail.code)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {
  ZoomErrorEvent,
  ZoomJoinedEvent,
  ZoomLeftEvent,
  ZoomSignatureWarningEvent,
  ZoomStatusEvent,
} from '../events.js';
import { ZoomJoin as ZoomJoinElement } from '../zoom-join.js';

const TAG = 'zoom-join';

/**
 * The event type the element declares for `name` in `GlobalEventHandlersEventMap`, or a plain `CustomEvent` for an
 * event not declared yet — so a prop for an upcoming event type-checks today and gets its detail type when it lands.
 */
type ZoomEventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap
  ? GlobalEventHandlersEventMap[K]
  : CustomEvent<unknown>;

function zoomEvent<K extends string>(name: K): EventName<ZoomEventOf<K>> {
  return name as string as EventName<ZoomEventOf<K>>;
}

/**
 * Registers the tag (unless the page already did, e.g. through the `zoom-join` entry or the drop-in script) and
 * names it. Called where the component is created, so any bundle that uses the component keeps the registration.
 */
function defineTag(): string {
  if (typeof customElements !== 'undefined' && !customElements.get(TAG)) customElements.define(TAG, ZoomJoinElement);
  return TAG;
}

export const ZoomJoin = createComponent({
  react: React,
  tagName: defineTag(),
  elementClass: ZoomJoinElement,
  displayName: 'ZoomJoin',
  events: {
    onZoomStatus: 'zoom-status' as EventName<ZoomStatusEvent>,
    onZoomJoined: 'zoom-joined' as EventName<ZoomJoinedEvent>,
    onZoomLeft: 'zoom-left' as EventName<ZoomLeftEvent>,
    onZoomError: 'zoom-error' as EventName<ZoomErrorEvent>,
    onZoomSignatureWarning: 'zoom-signature-warning' as EventName<ZoomSignatureWarningEvent>,
    onZoomProgress: zoomEvent('zoom-progress'),
    onZoomMemory: zoomEvent('zoom-memory'),
    onZoomMemoryWarning: zoomEvent('zoom-memory-warning'),
    onZoomCapabilities: zoomEvent('zoom-capabilities'),
    onZoomWarning: zoomEvent('zoom-warning'),
    onZoomTiming: zoomEvent('zoom-timing'),
    onZoomParticipants: zoomEvent('zoom-participants'),
    onZoomConnection: zoomEvent('zoom-connection'),
    onZoomFrame: zoomEvent('zoom-frame'),
    onZoomPreflight: zoomEvent('zoom-preflight'),
  },
});

/** Props of the React component: element properties, `onZoom*` event callbacks and the usual HTML props. */
export type ZoomJoinProps = React.ComponentProps<typeof ZoomJoin>;

export type { ZoomJoinElement };
export type * from '../events.js';

declare global {
  interface HTMLElementTagNameMap {
    'zoom-join': ZoomJoinElement;
  }
}
