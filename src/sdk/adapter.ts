import type { SdkView, ZoomJoinError } from '../zoom-join-error.js';
import type { ZoomAnswer } from '../error-codes/zoom-answers.js';
import type { SdkMemoryFailure } from './sdk-memory-failure.js';

/** What either SDK view needs before a join. */
export interface SdkInitOptions {
  /** Light-DOM element the Component View renders into (the Client View uses its own full-page root). */
  root: HTMLElement;
  /** Absolute URL of the self-hosted (or CDN) `dist/lib` folder, without a trailing slash. */
  libUrl: string;
  /** True when `libUrl` is not Zoom's CDN: the SDK's CDN patching must then be off. */
  selfHosted: boolean;
  language: string;
  enforceVirtualBackground?: boolean;
}

export interface SdkJoinOptions {
  meetingNumber: string;
  userName: string;
  userEmail?: string;
  passcode?: string;
  signature: string;
  sdkKey?: string;
  zak?: string;
  tk?: string;
  obfToken?: string;
}

/** A form the Client View shows instead of failing; the join waits for the user to fill it in. */
export type SdkPrompt = 'passcode-prompt' | 'registration-prompt';

/**
 * Things the SDK reports on its own: the meeting ended, the connection failed for good, or the SDK ran out of
 * memory (WasmOutOfMemory, a lost WebGL context); and, during a join, what Zoom's join web service answered and
 * whether the SDK now asks the user for something.
 */
export type SdkAdapterEvent =
  | { type: 'meeting-ended' }
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
  /** Loads the SDK module (a memoised dynamic import: the element's first-load JS never contains the SDK). */
  load(signal: AbortSignal): Promise<void>;
  init(options: SdkInitOptions, signal: AbortSignal): Promise<void>;
  join(options: SdkJoinOptions, signal: AbortSignal): Promise<void>;
  leave(): Promise<void>;
  /** Releases what the SDK holds for this page; safe to call in any state, more than once. */
  destroy(): Promise<void>;
  /** Subscribes to SDK notifications; returns the unsubscribe function. */
  subscribe(listener: SdkEventListener): () => void;
}

export type SdkAdapterFactory = (view: SdkView) => SdkAdapter;
