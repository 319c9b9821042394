/**
 * Cancellation helpers, in one place. An abort surfaces as the signal's reason unless a caller asks for its own
 * error (the signature client always rejects with a fresh AbortError, whatever reason its caller aborted with).
 */

export function abortError(message: string): DOMException {
  return new DOMException(message, 'AbortError');
}

/** By name, not `instanceof DOMException`: an abort from another realm (the SDK's frame) is one too. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts (with the signal's reason, or `reason()` when
 * given): work that cannot be cancelled (an SDK call, a fetch that ignores its signal) must not keep an aborted
 * caller waiting.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, reason: () => unknown = () => signal.reason): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Waits `ms`, or rejects the moment `signal` aborts (with its reason, or `reason()` when given), clearing the
 * timer: a backoff must not outlive its caller.
 */
export function sleep(ms: number, signal?: AbortSignal, reason: () => unknown = () => signal?.reason): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(reason());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(reason());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves when `promise` settles (either way) or after `ms`, whichever comes first; rejects with the signal's
 * reason on abort. Cleans up the timer and the listener in every case.
 */
export function waitBounded(promise: Promise<unknown>, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => {
      done();
      resolve();
    };
    promise.then(settle, settle);
  });
}

/** A signal for one bounded step: it aborts when `outer` does or when `timeoutMs` passes (0 or ∞: no limit). */
export interface TimeoutScope {
  signal: AbortSignal;
  /** True when the limit, not `outer`, aborted the step. */
  readonly timedOut: boolean;
  /** Clears the timer and the listener on `outer`; call it in a `finally`. */
  dispose(): void;
}

/**
 * Not `AbortSignal.any([outer, AbortSignal.timeout(ms)])`: that needs Safari 17.4 / Firefox 124, its timer cannot
 * be cleared when the step ends early, and `timedOut` would have to be inferred from reasons.
 */
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
