import { msg } from '@lit/localize';
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
    get title() {
      return msg('The SDK rejected a parameter');
    },
    get hint() {
      return msg('The SDK rejected a parameter, and its reason names the parameter and what is wrong with it.');
    },
    get steps() {
      return [msg("Read the SDK's reason in the error message."), msg('Fix that parameter and try again.')];
    },
    retryable: false,
  },
  INSUFFICIENT_PRIVILEGES: {
    code: 'insufficient-privileges',
    category: ErrorCategory.permission,
    get title() {
      return msg('Only the host or a co-host may do this');
    },
    get hint() {
      return msg('Only the host or a co-host may do this, and this participant is neither.');
    },
    get steps() {
      return [msg("Join as host (role 1 with the host's zak), or ask the host to grant the privilege.")];
    },
    retryable: false,
  },
  IMPROPER_MEETING_STATE: {
    code: 'improper-meeting-state',
    category: ErrorCategory.sdk,
    get title() {
      return msg('The meeting is not in a state that allows this');
    },
    get hint() {
      return msg("The call needs a joined meeting, but the meeting is closed, on hold in the waiting room, or reconnecting (the SDK's reason says which).");
    },
    get steps() {
      return [msg('Wait for join to resolve or for the reconnection to finish.'), msg('Call again.')];
    },
    retryable: true,
  },
  OPERATION_LOCKED: {
    code: 'operation-locked',
    category: ErrorCategory.permission,
    get title() {
      return msg('The host locked this setting');
    },
    get hint() {
      return msg("The host (or the account admin) locked the setting this call changes, and the SDK's reason names it.");
    },
    get steps() {
      return [msg('Ask the host or the account admin to unlock it.')];
    },
    retryable: false,
  },
  INVALID_OPERATION: {
    code: 'invalid-operation',
    category: ErrorCategory.sdk,
    get title() {
      return msg('The call is not valid now');
    },
    get hint() {
      return msg("The call is not valid now, often because it is a duplicate or out of order (join twice, leave before join); the SDK's reason says which.");
    },
    get steps() {
      return [msg("Read the SDK's reason in the error message."), msg('Call join and leave once each, in order.')];
    },
    retryable: false,
  },
});
