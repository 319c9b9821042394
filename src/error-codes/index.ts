/**
 * What the Zoom Meeting SDK's error numbers and messages mean, and what to do about them. The tables beside this
 * entry are one file per origin of the code: `zoom-*.ts` for Zoom's servers, `sdk-*.ts` for the SDK in the page,
 * `element-own-codes.ts` for the element's own checks.
 */
export {
  componentViewErrors,
  describeZoomError,
  knownZoomErrorCodes,
  unknownZoomError,
  zoomErrorTable,
} from './describe-zoom-error.js';
export { matchSdkMessage, sdkMessageRules, type SdkMessageRule } from './sdk-message-rules.js';
export { sdkErrorTypes } from './sdk-error-types.js';
export type {
  SdkStage,
  ZoomErrorDescription,
  ZoomErrorEntry,
  ZoomErrorTable,
} from './types.js';
