import type { SdkView, SignatureProblem, ZoomJoinError } from './errors.js';
import type { ZoomStatus } from './status.js';

export interface ZoomStatusDetail {
  status: ZoomStatus;
  previous: ZoomStatus;
}

export interface ZoomJoinedDetail {
  meetingNumber: string;
  userName: string;
  view: SdkView;
}

export type ZoomLeftReason = 'user' | 'ended' | 'removed' | 'memory-pressure';

export interface ZoomLeftDetail {
  reason: ZoomLeftReason;
}

export interface ZoomSignatureWarningDetail {
  problems: SignatureProblem[];
}

export type ZoomStatusEvent = CustomEvent<ZoomStatusDetail>;
export type ZoomJoinedEvent = CustomEvent<ZoomJoinedDetail>;
export type ZoomLeftEvent = CustomEvent<ZoomLeftDetail>;
export type ZoomErrorEvent = CustomEvent<ZoomJoinError>;
export type ZoomSignatureWarningEvent = CustomEvent<ZoomSignatureWarningDetail>;

/** Event name → detail type; the single source for `emit()` and the global event map. */
export interface ZoomJoinEventDetails {
  'zoom-status': ZoomStatusDetail;
  'zoom-joined': ZoomJoinedDetail;
  'zoom-left': ZoomLeftDetail;
  'zoom-error': ZoomJoinError;
  'zoom-signature-warning': ZoomSignatureWarningDetail;
}

/** Every event leaves the shadow root and bubbles, so a page can listen on `document` as well as the element. */
export function emit<K extends keyof ZoomJoinEventDetails>(
  target: EventTarget,
  name: K,
  detail: ZoomJoinEventDetails[K],
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zoom-status': ZoomStatusEvent;
    'zoom-joined': ZoomJoinedEvent;
    'zoom-left': ZoomLeftEvent;
    'zoom-error': ZoomErrorEvent;
    'zoom-signature-warning': ZoomSignatureWarningEvent;
  }
}
