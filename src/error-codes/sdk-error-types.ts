import { ErrorCategory } from '../zoom-join-error.js';
import { componentViewErrors } from './sdk-own-codes.js';
import type { ZoomErrorEntry } from './types.js';

/**
 * The Component View's `ErrorTypes` (embedded.d.ts), for rejections that carry a type but no number: the type is then
 * the only hint at what went wrong.
 */
export const sdkErrorTypes: Readonly<Record<string, ZoomErrorEntry>> = Object.freeze({
  OPERATION_TIMEOUT: componentViewErrors[1],
  INTERNAL_ERROR: componentViewErrors[2],
  OPERATION_CANCELLED: componentViewErrors[3],
  INVALID_PARAMETERS: {
    code: 'invalid-parameter',
    category: ErrorCategory.config,
    title: 'The SDK rejected a parameter',
    hint: "The SDK rejected a parameter, and its reason names the parameter and what is wrong with it.",
    steps: ["Read the SDK's reason in the error message.", 'Fix that parameter and try again.'],
    retryable: false,
  },
  INSUFFICIENT_PRIVILEGES: {
    code: 'insufficient-privileges',
    category: ErrorCategory.permission,
    title: 'Only the host or a co-host may do this',
    hint: 'Only the host or a co-host may do this, and this participant is neither.',
    steps: ["Join as host (role 1 with the host's zak), or ask the host to grant the privilege."],
    retryable: false,
  },
  IMPROPER_MEETING_STATE: {
    code: 'improper-meeting-state',
    category: ErrorCategory.sdk,
    title: 'The meeting is not in a state that allows this',
    hint:
      "The call needs a joined meeting, but the meeting is closed, on hold in the waiting room, or reconnecting (the " +
      "SDK's reason says which).",
    steps: ['Wait for join to resolve or for the reconnection to finish.', 'Call again.'],
    retryable: true,
  },
  OPERATION_LOCKED: {
    code: 'operation-locked',
    category: ErrorCategory.permission,
    title: 'The host locked this setting',
    hint: "The host (or the account admin) locked the setting this call changes, and the SDK's reason names it.",
    steps: ['Ask the host or the account admin to unlock it.'],
    retryable: false,
  },
  INVALID_OPERATION: {
    code: 'invalid-operation',
    category: ErrorCategory.sdk,
    title: 'The call is not valid now',
    hint:
      "The call is not valid now, often because it is a duplicate or out of order (join twice, leave before join); " +
      "the SDK's reason says which.",
    steps: ["Read the SDK's reason in the error message.", 'Call join and leave once each, in order.'],
    retryable: false,
  },
});
