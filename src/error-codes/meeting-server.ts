import { ErrorCategory } from '../errors.js';
import type { ZoomErrorTable } from './types.js';

/** The 4000s (and 6603): answers of the meeting server once the SDK connects to it, and connection states. */
export const meetingServerErrors = {
  4000: {
    code: 'reconnecting',
    category: ErrorCategory.network,
    title: 'The meeting is reconnecting',
    hint: 'The connection to the meeting dropped and the SDK is reconnecting; wait, or leave and join again if it lasts.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_re_connect'],
    sdkText: 'Meeting is reconnecting.',
  },
  4001: {
    code: 'disconnected',
    category: ErrorCategory.network,
    title: 'The meeting has been disconnected',
    hint: 'The connection to the meeting was lost; check the network and join again.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_disconnect'],
    sdkText: 'Meeting has been disconnected.',
  },
  4003: {
    code: 'invalid-parameter',
    category: ErrorCategory.config,
    title: 'A join parameter is invalid',
    hint:
      'The message names it. The Client View checks: meetingNumber at most 12 digits, userName 1–128 characters, ' +
      'passcode at most 32, participantId at most 36, userEmail at most 100 and a valid address, a non-empty ' +
      'signature, and no <script> in any value.',
    retryable: false,
    sdkKeys: ['apac.invalid_parameter'],
    sdkText: 'Invalid parameter',
  },
  4004: {
    code: 'meeting-ended',
    category: ErrorCategory.meeting,
    title: 'The meeting has ended',
    hint: 'The host ended the meeting (or it is over); nothing to join until it is started again.',
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_ended'],
    sdkText: 'The meeting has been ended',
  },
  4005: {
    code: 'meeting-full',
    category: ErrorCategory.meeting,
    title: 'The meeting is at capacity',
    hint: "The meeting reached its participant limit; someone must leave, or the host's plan must allow more.",
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_capacity_reached'],
    sdkText: 'Meeting capacity has been reached',
  },
  4006: {
    code: 'meeting-locked',
    category: ErrorCategory.meeting,
    title: 'The meeting is locked',
    hint: 'The host locked the meeting; ask the host to unlock it.',
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_locked'],
    sdkText: 'Unable to join this meeting',
  },
  4007: {
    code: 'information-barrier',
    category: ErrorCategory.permission,
    title: 'Information barriers prevent joining this meeting',
    hint: "The accounts' information-barrier policy keeps this user out of this meeting; contact the admin.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_reject_barriers'],
    sdkText: 'Reject for information barriers',
  },
  4008: {
    code: 'participant-exists',
    category: ErrorCategory.meeting,
    title: 'This participant is already in the meeting',
    hint:
      'The same identity (the same ZAK user, or the same customerKey) is already joined — in another tab or device. ' +
      'Leave there first.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_participant_exist'],
    sdkText: 'Participant exist',
  },
  4009: {
    code: 'server-error',
    category: ErrorCategory.network,
    title: 'The Zoom server had an internal error',
    hint: "Zoom's server could not process the join; try again shortly.",
    retryable: true,
    sdkKeys: ['apac.dialog.server_error'],
    sdkText: 'The server encountered an internal error and was unable to process your request.',
  },
  4011: {
    code: 'cross-account-join-disallowed',
    category: ErrorCategory.permission,
    title: "The app cannot join another account's meetings",
    hint:
      "To join meetings hosted by an external Zoom account, the Meeting SDK app must be published on the Zoom App " +
      "Marketplace (Section 6.1 of Zoom's API License Terms of Use); until then, join only the app owner's account's " +
      'meetings.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_cross_join'],
    sdkText:
      'To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace. ' +
      "You can refer to Section 6.1 of Zoom's API License Terms of Use",
  },
  4012: {
    code: 'anonymous-join-disallowed',
    category: ErrorCategory.permission,
    title: 'Anonymous joins are not allowed for this app',
    hint:
      'Authenticate the Zoom user and pass a ZAK (zak) or an OBF token (obfToken); see ' +
      'https://developers.zoom.us/blog/transition-to-obf-token-meetingsdk-apps/.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_anonymous_join'],
    sdkText:
      'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.',
  },
  4013: {
    code: 'obf-token-missing',
    category: ErrorCategory.config,
    title: 'An OBF token is required',
    hint:
      'Joining with a privilege (recording) token also needs an OBF token authorised by the meeting host; pass it as ' +
      'obfToken.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_anonymous_join'],
    sdkText:
      'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.',
  },
  4014: {
    code: 'obf-token-invalid',
    category: ErrorCategory.config,
    title: 'The OBF token is invalid',
    hint: 'Request a fresh OBF token for this meeting and pass it unchanged as obfToken.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf_invalid'],
    sdkText: 'The OBF token is invalid. Please check the OBF token and try again.',
  },
  4015: {
    code: 'obf-token-meeting-mismatch',
    category: ErrorCategory.config,
    title: 'The OBF token belongs to another meeting',
    hint: 'Request the OBF token for this meeting number.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf_meeting_number_mismatch'],
    sdkText: 'The meeting number associated with the provided OBF token does not match the current meeting.',
  },
  4016: {
    code: 'recording-token-invalid',
    category: ErrorCategory.config,
    title: 'The privilege (recording) token is invalid or expired',
    hint: 'Fetch a fresh recording/privilege token for this meeting and pass it as recordingToken.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_recording_token_expired'],
    sdkText: 'The Privilege token is invalid.',
  },
  4017: {
    code: 'authorized-user-not-in-meeting',
    category: ErrorCategory.meeting,
    title: 'The authorising user is not in the meeting',
    hint: 'The user behind the OBF token must be in the meeting first; wait until they join, then try again.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_authorized_user_not_in_meeting'],
    sdkText: 'Authorized user not in meeting.',
  },
  4018: {
    code: 'login-credentials-conflict',
    category: ErrorCategory.config,
    title: 'The tokens conflict with the login credentials',
    hint: 'The ZAK/OBF token and the signed-in identity disagree; pass tokens that belong to the same user.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_conflict_with_login_credentials'],
    sdkText: 'Conflict with login credentials.',
  },
  4019: {
    code: 'authorized-user-left',
    category: ErrorCategory.meeting,
    title: 'The authorising user left the meeting',
    hint: 'The user behind the OBF token left, so this participant was removed; join again once they are back.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_authorized_user_leave_meeting'],
    sdkText: 'The authorized user has left the meeting.',
  },
  6603: {
    code: 'sdk-key-blocked',
    category: ErrorCategory.permission,
    title: "The host's admin blocks this Meeting SDK app",
    hint: "The host's account admin blocked this app's Client ID; ask them to allow it, or join with the Zoom app.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_blocked_by_host_admin'],
    sdkText: "Join failed because this Meeting SDK key is blocked by the host's account admin.",
  },
} as const satisfies ZoomErrorTable;
