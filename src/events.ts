import type { ZoomAssetEventDetails } from './assets/asset-events.js';
import type { SdkView, SignatureProblem, ZoomJoinError } from './zoom-join-error.js';
import type { ZoomMemoryEventDetails } from './memory/memory-events.js';
import type { ZoomStatus } from './status.js';
import type { ZoomParticipant } from './sdk/adapter.js';
import type { ZoomPreflightDetail } from './preflight/preflight-types.js';

export type { ZoomParticipant } from './sdk/adapter.js';
export type { PreflightPermission, PreflightProblem, PreflightProblemCode, ZoomPreflightDetail } from './preflight/preflight-types.js';

/**
 * The phases of a join, in order: the asset-path check, the browser-wide lock, the signature (fetched and checked),
 * the SDK loaded into its frame (instant when prepared ahead), the SDK's init, its join until Zoom's join web
 * service answered, the time held in the waiting room or waiting for the host, then until the SDK's join resolved (the meeting server's part), then the element's own reading
 * of the meeting (topic, the user, who is there) before `zoom-joined`.
 */
export type JoinPhase = 'asset-check' | 'lock' | 'signature' | 'sdk-load' | 'init' | 'join-request' | 'waiting' | 'joined' | 'meeting-info';

export type JoinOutcome = 'joined' | 'failed' | 'cancelled';

export interface ZoomTimingDetail {
  /** Milliseconds per phase the join went through (a join that failed early has fewer). */
  phases: Partial<Record<JoinPhase, number>>;
  /** From the join's start to its outcome, ms. */
  total: number;
  view: SdkView;
  outcome: JoinOutcome;
}

export interface ZoomStatusDetail {
  status: ZoomStatus;
  previous: ZoomStatus;
}

export interface ZoomJoinedDetail {
  meetingNumber: string;
  userName: string;
  view: SdkView;
  /** The meeting's topic, as the SDK reports it. */
  topic?: string;
  /** The user's id in the meeting (as in `participants`). */
  userId?: number;
  role?: ZoomParticipant['role'];
}

/**
 * Why the meeting is over for the user: they left (`leave()`), the host ended it, the host removed them, the
 * connection dropped and did not come back, the Zoom user they joined on behalf of (OBF) left (Zoom's 4019), the
 * memory policy left, or the element was removed from the page.
 */
export type ZoomLeftReason =
  | 'user'
  | 'ended'
  | 'removed'
  | 'connection-lost'
  | 'authorized-user-left'
  | 'memory-pressure'
  | 'element-removed';

export interface ZoomLeftDetail {
  reason: ZoomLeftReason;
}

export interface ZoomParticipantsDetail {
  /** Everyone in the meeting, the user included (`isYou`). */
  participants: readonly ZoomParticipant[];
}

/** `zoom-frame`: the element opened a frame for the SDK, which is not loaded into it yet. */
export interface ZoomFrameDetail {
  /** The frame's window: what a listener sets up in it (synchronously) is there before the SDK. */
  window: Window;
  view: SdkView;
}

export interface ZoomConnectionDetail {
  /** `reconnecting`: the connection dropped and the SDK is re-establishing it; `connected`: it is back. */
  state: 'reconnecting' | 'connected';
  /** Why, in the SDK's words when it gives any (the Component View: `failover`). */
  reason?: string;
}

export interface ZoomSignatureWarningDetail {
  problems: SignatureProblem[];
}

export type ZoomStatusEvent = CustomEvent<ZoomStatusDetail>;
export type ZoomJoinedEvent = CustomEvent<ZoomJoinedDetail>;
export type ZoomLeftEvent = CustomEvent<ZoomLeftDetail>;
export type ZoomErrorEvent = CustomEvent<ZoomJoinError>;
export type ZoomSignatureWarningEvent = CustomEvent<ZoomSignatureWarningDetail>;
export type ZoomTimingEvent = CustomEvent<ZoomTimingDetail>;
export type ZoomParticipantsEvent = CustomEvent<ZoomParticipantsDetail>;
export type ZoomConnectionEvent = CustomEvent<ZoomConnectionDetail>;
export type ZoomFrameEvent = CustomEvent<ZoomFrameDetail>;
export type ZoomPreflightEvent = CustomEvent<ZoomPreflightDetail>;

/**
 * Event name → detail type for every `zoom-*` event, the element's own and those of its asset and memory
 * controllers: the one map `emit()` checks against.
 */
export interface ZoomJoinEventDetails extends ZoomAssetEventDetails, ZoomMemoryEventDetails {
  'zoom-status': ZoomStatusDetail;
  'zoom-joined': ZoomJoinedDetail;
  'zoom-left': ZoomLeftDetail;
  'zoom-error': ZoomJoinError;
  'zoom-signature-warning': ZoomSignatureWarningDetail;
  'zoom-timing': ZoomTimingDetail;
  'zoom-participants': ZoomParticipantsDetail;
  'zoom-connection': ZoomConnectionDetail;
  'zoom-frame': ZoomFrameDetail;
  'zoom-preflight': ZoomPreflightDetail;
}

/**
 * Every event leaves the shadow root and bubbles, so a page can listen on `document` as well as the element.
 * `cancelable` lets a page take over the reaction (memory warnings); returns false when a listener called
 * `preventDefault()`.
 */
export function emit<K extends keyof ZoomJoinEventDetails>(
  target: EventTarget,
  name: K,
  detail: ZoomJoinEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zoom-status': ZoomStatusEvent;
    'zoom-joined': ZoomJoinedEvent;
    'zoom-left': ZoomLeftEvent;
    'zoom-error': ZoomErrorEvent;
    'zoom-signature-warning': ZoomSignatureWarningEvent;
    'zoom-timing': ZoomTimingEvent;
    'zoom-participants': ZoomParticipantsEvent;
    'zoom-connection': ZoomConnectionEvent;
    'zoom-frame': ZoomFrameEvent;
    'zoom-preflight': ZoomPreflightEvent;
  }
}
