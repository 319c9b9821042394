import type { SdkView, ZoomJoinError } from '../zoom-join-error.js';
import type { ZoomAnswer } from '../error-codes/zoom-answers.js';
import type { SdkMemoryFailure } from './sdk-memory-failure.js';
// Types only: the SDK itself is never imported by the element, only loaded into its frame.
import type { EmbeddedClient } from '@zoom/meetingsdk/embedded';
import type { ZoomMtg } from '@zoom/meetingsdk';

/**
 * The SDK in the element's frame, for what the element does not offer itself: the Component View's client, or the
 * Client View's `ZoomMtg`, typed by the installed SDK's own definitions.
 */
export type ZoomSdk = { view: 'component'; client: typeof EmbeddedClient } | { view: 'client'; ZoomMtg: typeof ZoomMtg };

/** What the element asks of the SDK in a meeting on the page's behalf. */
export type SdkCommand = 'mute' | 'unmute' | 'end';

/** What either SDK view needs before a join. */
export interface SdkInitOptions {
  /** The element's light-DOM box the SDK's frame goes in (either view lays itself out inside the frame). */
  root: HTMLElement;
  /** Absolute URL of the self-hosted (or CDN) `dist/lib` folder, without a trailing slash. */
  libUrl: string;
  /** True when `libUrl` is not Zoom's CDN: the SDK's CDN patching must then be off. */
  selfHosted: boolean;
  language: string;
  enforceVirtualBackground?: boolean;
  /**
   * The page's options for this view's SDK, checked against the installed SDK's types: the Component View's
   * `customize`, or the Client View's `init` options. Popper anchors are spots of the element's box (`'top-left'`, …)
   * that the adapter turns into elements of its frame (see options/into-realm.ts). Absent when the page gave none.
   */
  sdkOptions?: Readonly<Record<string, unknown>>;
}

/** Where a join will run the SDK, for preparing it ahead of the click. */
export type SdkPrepareOptions = Pick<SdkInitOptions, 'root' | 'libUrl'>;

export interface SdkJoinOptions {
  meetingNumber: string;
  userName: string;
  userEmail?: string;
  passcode?: string;
  signature: string;
  /** The app's Client ID, as the signature endpoint answered it; not passed to the SDK (it reads the signature). */
  sdkKey?: string;
  zak?: string;
  tk?: string;
  obfToken?: string;
}

/** A form the Client View shows instead of failing; the join waits for the user to fill it in. */
export type SdkPrompt = 'passcode-prompt' | 'registration-prompt';

/** Someone in the meeting, the same from either view. */
export interface ZoomParticipant {
  /** Zoom's id for this user in this meeting (changes when they rejoin). */
  id: number;
  name: string;
  role: 'host' | 'co-host' | 'attendee';
  /** Held in the waiting room by the host. */
  inWaitingRoom: boolean;
  /** The user of this page. */
  isYou: boolean;
}

/** What the SDK tells of the meeting once joined. */
export interface SdkMeetingInfo {
  topic?: string;
  /** The user's id in the meeting. */
  userId?: number;
  role?: ZoomParticipant['role'];
}

/**
 * Why a meeting ended without the user leaving: the host ended it, removed the user from it, the connection
 * dropped and the SDK could not re-establish it, or the Zoom user an OBF token joined on behalf of left (Zoom's 4019).
 */
export type SdkMeetingEnd = 'ended' | 'removed' | 'connection-lost' | 'authorized-user-left';

/**
 * Things the SDK reports on its own: the meeting ended, the connection failed for good or is being re-established,
 * the participants changed, or the SDK ran out of memory (WasmOutOfMemory, a lost WebGL context); and, during a
 * join, what Zoom's join web service answered and whether the SDK now asks the user for something.
 */
export type SdkAdapterEvent =
  | { type: 'meeting-ended'; reason: SdkMeetingEnd }
  | { type: 'connection'; state: 'reconnecting' | 'connected'; reason?: string }
  /** The host holds the user in the waiting room (`held`), or let them in. */
  | { type: 'waiting-room'; held: boolean }
  | { type: 'participants'; participants: ZoomParticipant[] }
  | { type: 'connection-failed'; error: ZoomJoinError }
  | { type: 'memory-failure'; failure: SdkMemoryFailure }
  | { type: 'zoom-answered'; answer: ZoomAnswer }
  | { type: 'prompt'; prompt: SdkPrompt; sdkCode: number };

export type SdkEventListener = (event: SdkAdapterEvent) => void;

/**
 * The only way the element reaches `@zoom/meetingsdk`. Every method rejects with a `ZoomJoinError`; nothing else.
 * Tests replace the implementation through `ZoomJoin.adapterFactory`.
 */
export interface SdkAdapter {
  readonly view: SdkView;
  /**
   * Optional: gets the SDK ready for a join in `root` while the page is idle (the real adapters open its frame,
   * load the SDK into it and run what they can ahead); the next init uses it. Rejects when that fails: the join
   * then loads the SDK itself and reports what fails.
   */
  prepare?(options: SdkPrepareOptions, signal: AbortSignal): Promise<void>;
  /**
   * Loads the SDK for a join in `options.root`: the real adapters take the frame prepared ahead (instant when it
   * is ready), or open a fresh one and load the SDK into it.
   */
  load(options: SdkPrepareOptions, signal: AbortSignal): Promise<void>;
  init(options: SdkInitOptions, signal: AbortSignal): Promise<void>;
  join(options: SdkJoinOptions, signal: AbortSignal): Promise<void>;
  leave(): Promise<void>;
  /** What the SDK says of the meeting it joined; empty when it tells nothing (or is not in one). */
  meetingInfo(): Promise<SdkMeetingInfo>;
  /** The SDK of the meeting under way, or undefined. */
  sdk(): ZoomSdk | undefined;
  /** Asks the SDK to mute or unmute the user, or (a host) to end the meeting; rejects with what the SDK said. */
  command(command: SdkCommand): Promise<void>;
  /** Releases what the SDK holds for this page; safe to call in any state, more than once. */
  destroy(): Promise<void>;
  /** Subscribes to SDK notifications; returns the unsubscribe function. */
  subscribe(listener: SdkEventListener): () => void;
}

export type SdkAdapterFactory = (view: SdkView) => SdkAdapter;
