/**
 * What the Zoom Meeting SDK's error numbers and messages mean, and what to do about them. The data lives in
 * `src/error-codes/*.ts`, one file per origin of the code; this file is the public entry point.
 */
export {
  componentViewErrors,
  describeZoomError,
  knownZoomErrorCodes,
  unknownZoomError,
  zoomErrorTable,
} from './error-codes/describe.js';
export { matchSdkMessage, sdkMessageRules, type SdkMessageRule } from './error-codes/sdk-messages.js';
export { sdkErrorTypes } from './error-codes/sdk-types.js';
export type {
  SdkStage,
  ZoomErrorDescription,
  ZoomErrorEntry,
  ZoomErrorTable,
} from './error-codes/types.js';
