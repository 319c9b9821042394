/**
 * Cancellation helpers. Aborting always surfaces as a DOMException named 'AbortError' (never a ZoomJoinError), so
 * the element can tell "I was removed" apart from "the signature failed" and stay quiet about the former.
 */

import { untilAborted } from '../until-aborted.js';

export function abortError(): DOMException {
  return new DOMException('The signature request was aborted.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Waits `ms`, or rejects with an AbortError the moment `signal` aborts (backoff must not outlive the element). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `work`, or rejects with an AbortError as soon as `signal` aborts, even if `work` ignores the
 * signal (a custom fetch or a provider that never looks at it).
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return untilAborted(work, signal, abortError);
}

/** A signal for one bounded step: it aborts when `outer` does or when `timeoutMs` passes (0 or ∞: no limit). */
export interface TimeoutScope {
  signal: AbortSignal;
  /** True when the limit, not `outer`, aborted the step. */
  readonly timedOut: boolean;
  /** Clears the timer and the listener on `outer`; call it in a `finally`. */
  dispose(): void;
}

export function timeoutScope(outer: AbortSignal | undefined, timeoutMs: number): TimeoutScope {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort();
  outer?.addEventListener('abort', forwardAbort, { once: true });
  if (outer?.aborted) controller.abort();
  let timedOut = false;
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forwardAbort);
    },
  };
}
