/**
 * An AbortSignal that aborts after `ms` with a TimeoutError. Node's AbortSignal.timeout holds its signal weakly, so
 * a signal only a fetch refers to can be collected with its timer and never fire, leaving the request waiting on a
 * server that never answers; this timer holds the controller until it fires. Unref'd: a finished run need not wait.
 */
export function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`No answer within ${ms} ms`, 'TimeoutError')), ms);
  timer.unref();
  return controller.signal;
}
