import { msg, str } from '@lit/localize';
import { ZoomJoinError } from '../zoom-join-error.js';
import { inspectSignature } from './inspect.js';

/** Zoom's answers that are about the signature itself; for these the token's own claims may tell why. */
const SIGNATURE_SDK_CODES = new Set([3704, 3705, 3706, 3708, 3710, 3712]);

export interface RejectionContext {
  signature: string;
  meetingNumber: string;
  role: 0 | 1;
  sdkKey?: string;
  /** The signing side's clock (ms since the epoch), when known: the claims' times are read against it. */
  serverTime?: number;
}

/**
 * When Zoom refuses a signature, puts what `inspectSignature` finds in it first in the steps — or, when the claims
 * look right, a step that points at the secret (the OAuth-app mistake) rather than the payload. The hint stays the
 * one-sentence cause of Zoom's answer.
 */
export function explainSignatureRejection(error: ZoomJoinError, context: RejectionContext): ZoomJoinError {
  if (error.sdkCode === undefined || !SIGNATURE_SDK_CODES.has(error.sdkCode)) return error;
  const { problems } = inspectSignature(context.signature, {
    meetingNumber: context.meetingNumber,
    role: context.role,
    sdkKey: context.sdkKey,
    now: context.serverTime === undefined ? undefined : Math.floor(context.serverTime / 1000),
  });
  const finding =
    problems.length > 0
      ? msg(str`Fix what the in-page check of this signature found: ${problems.map((problem) => problem.message).join(' ')}`)
      : msg('Check the Client Secret it was signed with first: the in-page check found nothing wrong with its claims (appKey, mn, role, iat, exp).');
  return new ZoomJoinError({
    code: error.code,
    category: error.category,
    title: error.title,
    message: error.message,
    hint: error.hint,
    steps: [finding, ...error.steps],
    retryable: error.retryable,
    sdkCode: error.sdkCode,
    sdkType: error.sdkType,
    view: error.view,
    cause: error.cause,
    problems,
  });
}
