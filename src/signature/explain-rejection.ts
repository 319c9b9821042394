import { ZoomJoinError } from '../errors.js';
import { inspectSignature } from './inspect.js';

/** Zoom's answers that are about the signature itself; for these the token's own claims may tell why. */
const SIGNATURE_SDK_CODES = new Set([3704, 3705, 3706, 3708, 3710, 3712]);

export interface RejectionContext {
  signature: string;
  meetingNumber: string;
  role: 0 | 1;
  sdkKey?: string;
}

/**
 * When Zoom refuses a signature, adds what `inspectSignature` finds in it to the hint — or says that the claims
 * look right, which points at the secret (the OAuth-app mistake) rather than the payload.
 */
export function explainSignatureRejection(error: ZoomJoinError, context: RejectionContext): ZoomJoinError {
  if (error.sdkCode === undefined || !SIGNATURE_SDK_CODES.has(error.sdkCode)) return error;
  const { problems } = inspectSignature(context.signature, {
    meetingNumber: context.meetingNumber,
    role: context.role,
    ...(context.sdkKey ? { sdkKey: context.sdkKey } : {}),
  });
  const findings =
    problems.length > 0
      ? ` The in-page check of this signature found: ${problems.map((problem) => problem.message).join(' ')}`
      : ' The in-page check found nothing wrong with its claims (appKey, mn, role, iat, exp), so the secret it was ' +
        'signed with is the likely cause.';
  return new ZoomJoinError({
    code: error.code,
    category: error.category,
    title: error.title,
    message: error.message,
    hint: `${error.hint}${findings}`,
    retryable: error.retryable,
    ...(error.sdkCode !== undefined ? { sdkCode: error.sdkCode } : {}),
    ...(error.sdkType !== undefined ? { sdkType: error.sdkType } : {}),
    ...(error.view !== undefined ? { view: error.view } : {}),
    cause: error.cause,
    problems,
  });
}
