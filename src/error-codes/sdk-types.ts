import { ErrorCategory } from '../errors.js';
import { componentViewErrors } from './sdk-local.js';
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
    hint: "The SDK's reason names the parameter and what is wrong with it.",
    retryable: false,
  },
  INSUFFICIENT_PRIVILEGES: {
    code: 'insufficient-privileges',
    category: ErrorCategory.permission,
    title: 'Only the host or a co-host may do this',
    hint: 'Join as host (role 1 with the host\'s zak) or have the host grant the privilege.',
    retryable: false,
  },
  IMPROPER_MEETING_STATE: {
    code: 'improper-meeting-state',
    category: ErrorCategory.sdk,
    title: 'The meeting is not in a state that allows this',
    hint:
      'The call needs a joined meeting; the reason says whether it is closed, on hold in the waiting room, or ' +
      'reconnecting. Wait for join to resolve or for the reconnection.',
    retryable: true,
  },
  OPERATION_LOCKED: {
    code: 'operation-locked',
    category: ErrorCategory.permission,
    title: 'The host locked this setting',
    hint: 'The reason names the locked property; the host (or the account admin) must unlock it.',
    retryable: false,
  },
  INVALID_OPERATION: {
    code: 'invalid-operation',
    category: ErrorCategory.sdk,
    title: 'The call is not valid now',
    hint: 'Often a duplicate or out-of-order call (join twice, leave before join); the reason says which.',
    retryable: false,
  },
});
