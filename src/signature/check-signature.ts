import { msg, str } from '@lit/localize';
import { ErrorCategory, ZoomJoinError, type SignatureProblem } from '../zoom-join-error.js';
import { inspectSignature, SignatureProblemCode } from './inspect.js';

/** The join the signature must fit, and the signing side's clock if the page could read it. */
export interface SignatureCheckContext {
  meetingNumber: string;
  role: 0 | 1;
  sdkKey?: string;
  /**
   * The signing side's clock, in ms since the epoch (the endpoint's Date header). Without it, time claims can only
   * be judged by this device's clock, which may be hours off, so `expired` and `iat-future` are warnings then.
   */
  serverTime?: number;
}

/** Findings that depend on nothing but which clock reads the claims. */
const CLOCK_PROBLEMS: ReadonlySet<string> = new Set([SignatureProblemCode.expired, SignatureProblemCode.iatFuture]);

/**
 * The in-page check before Zoom sees the signature: errors stop the join here, with every problem attached;
 * warnings are returned so the element can report them and go on.
 */
export function checkSignature(signature: string, expected: SignatureCheckContext): SignatureProblem[] {
  const { serverTime, ...claims } = expected;
  const byServerClock = serverTime !== undefined && Number.isFinite(serverTime);
  const { problems: found } = inspectSignature(signature, {
    ...claims,
    now: byServerClock ? Math.floor(serverTime / 1000) : undefined,
  });
  // Zoom judges by its own clock: a device clock that is off must not block a good signature.
  const problems = byServerClock
    ? found
    : found.map((problem) => (CLOCK_PROBLEMS.has(problem.code) ? byDeviceClock(problem) : problem));
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  if (first) {
    throw new ZoomJoinError({
      code: 'signature-rejected-locally',
      category: ErrorCategory.signature,
      title: msg('The signature was rejected before joining'),
      message: msg(str`The signature would be refused by Zoom: ${first.message}`),
      hint: first.hint,
      steps: first.steps,
      problems,
    });
  }
  return problems.filter((problem) => problem.severity === 'warning');
}

/** A time finding made with this device's clock: a warning that says which clock, and how to get a better one. */
function byDeviceClock(problem: SignatureProblem): SignatureProblem {
  return {
    code: problem.code,
    severity: 'warning',
    message: msg(str`By this device's clock, which may be wrong: ${problem.message} The join goes on; Zoom judges by its own clock.`),
    hint:
      msg("The signature's times were checked against this device's clock, because the page could not read the signing side's clock; if the device clock is off, a good signature looks expired or issued in the future."),
    steps: [
      msg("If this device's clock is wrong, set it to update automatically."),
      msg("For a signature endpoint on another origin, send Access-Control-Expose-Headers: Date, so the page can check against the endpoint's clock."),
      msg("For a signature provider, return {signature, serverTime} with the signing server's time in ms."),
      msg('If the signature is really old, fetch a fresh one right before joining.'),
    ],
  };
}
