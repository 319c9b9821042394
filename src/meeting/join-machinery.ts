/**
 * Everything a join needs beyond the element itself: the signature client and check, the browser-wide lock, the
 * SDK adapters and the error tables. Loaded with one dynamic import when a join (or a preload) starts, so a page
 * that only shows the element downloads none of it.
 */
export { createSdkAdapter } from '../sdk/default-adapter-factory.js';
export { runJoinFlow, scrubJoinError } from './join-flow.js';
export { JoinTiming } from './join-timing.js';
export { InMeeting, leftTexts } from './in-meeting.js';
export { joinWithWaits } from './join-waits.js';
export { ZoomSignIn } from './zoom-sign-in.js';
export { renderErrorPanel } from './error-panel.js';
export { attributeWarnings, readJoinConfig } from '../config/join-config.js';
export { resolveView } from '../device/device-kind.js';
export { sdkOptionsOf } from '../sdk/options/check-options.js';
export {
  anotherMeetingOnThisPageError,
  cancelledError,
  failedJoinError,
  joinTimeoutError,
  meetingCommandError,
  memoryPressureError,
  notInMeetingError,
  promptTexts,
  unexpectedError,
} from './join-errors.js';
