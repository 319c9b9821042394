/**
 * Everything a join needs beyond the element itself: the signature client and check, the SDK adapters and the
 * error tables. Loaded with one dynamic import when a join (or a preload) starts, so a page that only shows the
 * element downloads none of it.
 */
export { createSdkAdapter } from '../sdk/default-adapter-factory.js';
export { normalizeSdkError } from '../sdk/normalize-error.js';
export { checkSignature } from '../signature/check-signature.js';
export { explainSignatureRejection } from '../signature/explain-rejection.js';
export { resolveSignature } from '../signature/fetch-signature.js';
export { acquireMeetingLock, meetingOpenElsewhereError } from './browser-lock.js';
