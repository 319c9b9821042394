import { msg } from '@lit/localize';
import type { JoinStop } from './join-errors.js';

/**
 * One join attempt: its AbortController, why it was stopped when the user did not stop it, and its `join-timeout`,
 * which does not run while the user waits on the host (the waiting room, a meeting not started yet).
 */
export class JoinRun {
  readonly abort = new AbortController();
  readonly at = performance.now();
  promise: Promise<void> = Promise.resolve();
  stoppedBy?: JoinStop;
  private timer?: ReturnType<typeof setTimeout>;
  private deadline = 0;
  private remainingMs = 0;

  constructor(timeoutMs: number) {
    this.remainingMs = timeoutMs;
    this.resumeTimeout();
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Stops the join; the first reason given is the one reported. */
  stop(stoppedBy?: JoinStop): void {
    this.stoppedBy ??= stoppedBy;
    this.clearTimeout();
    // Not abort.ts's abortError(): importing that module would put all of it in the first load.
    this.abort.abort(new DOMException(msg('The join was cancelled'), 'AbortError'));
  }

  /** The user waits on the host: the time it takes is not the join's. */
  pauseTimeout(): void {
    if (this.timer === undefined) return;
    this.clearTimeout();
    this.remainingMs = Math.max(1, this.deadline - performance.now());
  }

  resumeTimeout(): void {
    if (this.timer !== undefined || this.remainingMs <= 0 || this.signal.aborted) return;
    this.deadline = performance.now() + this.remainingMs;
    this.timer = setTimeout(() => this.stop('timeout'), this.remainingMs);
  }

  clearTimeout(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
