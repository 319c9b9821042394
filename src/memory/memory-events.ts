import type { MemorySource } from './samplers.js';

/** One memory reading. */
export interface ZoomMemoryDetail {
  usedBytes: number;
  /** The engine's heap ceiling, when the browser tells. */
  limitBytes?: number;
  /** Time of the reading: milliseconds since the epoch (monotonic within the page). */
  at: number;
  source: MemorySource;
  /**
   * Growth of the heap's post-collection floor over the window, in bytes per second. Present once the window
   * is full, and only for precise sources.
   */
  bytesPerSecond?: number;
  /**
   * The source started counting more from this sample on (an isolated page's first full measurement adds workers
   * and DOM): a step, not growth. The growth window starts again here.
   */
  rebased?: true;
}

export type MemoryWarningReason = 'growth' | 'budget' | 'near-limit' | 'freeze' | 'sdk-out-of-memory';

/** The heap grows too fast, passed the page's budget, or is close to the engine's ceiling. */
export interface MemoryUsageWarning {
  reason: 'growth' | 'budget' | 'near-limit';
  /** Growth estimate at the time (bytes per second); null until the window has filled once. */
  bytesPerSecond: number | null;
  usedBytes: number;
  limitBytes?: number;
  /** What was exceeded: bytes per second for `growth`, bytes for `budget` and `near-limit`. */
  threshold: number;
  at: number;
  source: MemorySource;
}

/** The main thread was blocked: nothing on the page (the meeting included) could run. */
export interface FreezeWarning {
  reason: 'freeze';
  /** How long the main thread was blocked; with the heartbeat, a lower bound. */
  blockedMs: number;
  detectedBy: 'longtask' | 'heartbeat';
  threshold: number;
  at: number;
}

/** The SDK itself ran out of memory (WasmOutOfMemory, 205) or lost its WebGL context (WebGlContextInvalid, 204). */
export interface SdkOutOfMemoryWarning {
  reason: 'sdk-out-of-memory';
  sdkCode?: number;
  sdkType?: string;
  /** The SDK's own message, as it gave it. */
  message?: string;
  /** The latest reading, if any. */
  usedBytes?: number;
  limitBytes?: number;
  at: number;
}

export type ZoomMemoryWarningDetail = MemoryUsageWarning | FreezeWarning | SdkOutOfMemoryWarning;

export type ZoomMemoryEvent = CustomEvent<ZoomMemoryDetail>;
/** Cancelable: `preventDefault()` keeps the element from showing its banner or leaving on this warning. */
export type ZoomMemoryWarningEvent = CustomEvent<ZoomMemoryWarningDetail>;

export interface ZoomMemoryEventDetails {
  'zoom-memory': ZoomMemoryDetail;
  'zoom-memory-warning': ZoomMemoryWarningDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zoom-memory': ZoomMemoryEvent;
    'zoom-memory-warning': ZoomMemoryWarningEvent;
  }
}
