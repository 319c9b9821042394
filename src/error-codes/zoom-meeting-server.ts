import { msg } from '@lit/localize';
import { ErrorCategory } from '../zoom-join-error.js';
import type { ZoomErrorTable } from './types.js';

/** The 4000s (and 6603): answers of the meeting server once the SDK connects to it, and connection states. */
export const zoomMeetingServerErrors = {
  4000: {
    code: 'reconnecting',
    category: ErrorCategory.network,
    get title() {
      return msg('The meeting is reconnecting');
    },
    get hint() {
      return msg('The connection to the meeting dropped and the SDK is reconnecting.');
    },
    get steps() {
      return [msg('Wait for the reconnection.'), msg('If it lasts, leave and join again.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_re_connect'],
    sdkText: 'Meeting is reconnecting.',
  },
  4001: {
    code: 'disconnected',
    category: ErrorCategory.network,
    get title() {
      return msg('The meeting has been disconnected');
    },
    get hint() {
      return msg('The connection to the meeting was lost.');
    },
    get steps() {
      return [msg('Check the network.'), msg('Join again.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_disconnect'],
    sdkText: 'Meeting has been disconnected.',
  },
  4003: {
    code: 'invalid-parameter',
    category: ErrorCategory.config,
    get title() {
      return msg('A join parameter is invalid');
    },
    get hint() {
      return msg('The Client View found a join parameter invalid, and the error message names which one.');
    },
    get steps() {
      return [
        msg('Keep meetingNumber to at most 12 digits and userName to 1–128 characters.'),
        msg('Keep passcode to at most 32 characters, participantId to at most 36, and userEmail to a valid address of at most 100.'),
        msg('Pass a non-empty signature.'),
        msg('Remove <script> from every value.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.invalid_parameter'],
    sdkText: 'Invalid parameter',
  },
  4004: {
    code: 'meeting-ended',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting has ended');
    },
    get hint() {
      return msg('The host ended the meeting, or it is over, so there is nothing to join.');
    },
    get steps() {
      return [msg('Join again once the host starts the meeting again.')];
    },
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_ended'],
    sdkText: 'The meeting has been ended',
  },
  4005: {
    code: 'meeting-full',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting is at capacity');
    },
    get hint() {
      return msg('The meeting reached its participant limit.');
    },
    get steps() {
      return [msg('Wait until someone leaves, then join again.'), msg('Or ask the host to move to a plan that allows more participants.')];
    },
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_capacity_reached'],
    sdkText: 'Meeting capacity has been reached',
  },
  4006: {
    code: 'meeting-locked',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting is locked');
    },
    get hint() {
      return msg('The host locked the meeting, so no one else can join.');
    },
    get steps() {
      return [msg('Ask the host to unlock it.'), msg('Join again.')];
    },
    retryable: false,
    sdkKeys: ['apac.dialog.meeting_locked'],
    sdkText: 'Unable to join this meeting',
  },
  4007: {
    code: 'information-barrier',
    category: ErrorCategory.permission,
    get title() {
      return msg('Information barriers prevent joining this meeting');
    },
    get hint() {
      return msg("The accounts' information-barrier policy keeps this user out of this meeting.");
    },
    get steps() {
      return [msg('Contact the account admin.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_reject_barriers'],
    sdkText: 'Reject for information barriers',
  },
  4008: {
    code: 'participant-exists',
    category: ErrorCategory.meeting,
    get title() {
      return msg('This participant is already in the meeting');
    },
    get hint() {
      return msg('The same identity (the same ZAK user, or the same customerKey) is already in this meeting, in another tab or on another device.');
    },
    get steps() {
      return [msg('Leave the meeting there first.'), msg('Join again.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_participant_exist'],
    sdkText: 'Participant exist',
  },
  4009: {
    code: 'server-error',
    category: ErrorCategory.network,
    get title() {
      return msg('The Zoom server had an internal error');
    },
    get hint() {
      return msg("Zoom's server had an internal error and could not process the join.");
    },
    get steps() {
      return [msg('Try again shortly.')];
    },
    retryable: true,
    sdkKeys: ['apac.dialog.server_error'],
    sdkText: 'The server encountered an internal error and was unable to process your request.',
  },
  4011: {
    code: 'cross-account-join-disallowed',
    category: ErrorCategory.permission,
    get title() {
      return msg("The app cannot join another account's meetings");
    },
    get hint() {
      return msg("The meeting is hosted by another Zoom account, and only Meeting SDK apps published on the Zoom App Marketplace may join such meetings (Section 6.1 of Zoom's API License Terms of Use).");
    },
    get steps() {
      return [
        msg("Join only meetings of the app owner's account for now."),
        msg("Publish the Meeting SDK app on the Zoom App Marketplace to join other accounts' meetings."),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_cross_join'],
    sdkText:
      'To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace. ' +
      "You can refer to Section 6.1 of Zoom's API License Terms of Use",
  },
  4012: {
    code: 'anonymous-join-disallowed',
    category: ErrorCategory.permission,
    get title() {
      return msg('Anonymous joins are not allowed for this app');
    },
    get hint() {
      return msg('This app may not join meetings anonymously: Zoom wants an authenticated Zoom user behind the join.');
    },
    get steps() {
      return [
        msg('Authenticate the Zoom user.'),
        msg('Pass their ZAK as zak, or an OBF token as obfToken.'),
        msg('Read https://developers.zoom.us/blog/transition-to-obf-token-meetingsdk-apps/ for the details.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_anonymous_join'],
    sdkText:
      'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.',
  },
  4013: {
    code: 'obf-token-missing',
    category: ErrorCategory.config,
    get title() {
      return msg('An OBF token is required');
    },
    get hint() {
      return msg('Joining with a privilege (recording) token also needs an OBF token authorised by the meeting host.');
    },
    get steps() {
      return [msg('Get an OBF token authorised by the meeting host.'), msg('Pass it as obfToken.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_allow_anonymous_join'],
    sdkText:
      'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.',
  },
  4014: {
    code: 'obf-token-invalid',
    category: ErrorCategory.config,
    get title() {
      return msg('The OBF token is invalid');
    },
    get hint() {
      return msg('Zoom does not accept the OBF token.');
    },
    get steps() {
      return [msg('Request a fresh OBF token for this meeting.'), msg('Pass it unchanged as obfToken.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf_invalid'],
    sdkText: 'The OBF token is invalid. Please check the OBF token and try again.',
  },
  4015: {
    code: 'obf-token-meeting-mismatch',
    category: ErrorCategory.config,
    get title() {
      return msg('The OBF token belongs to another meeting');
    },
    get hint() {
      return msg('The OBF token was issued for another meeting number.');
    },
    get steps() {
      return [msg('Request the OBF token for this meeting number.'), msg('Pass it as obfToken.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf_meeting_number_mismatch'],
    sdkText: 'The meeting number associated with the provided OBF token does not match the current meeting.',
  },
  4016: {
    code: 'recording-token-invalid',
    category: ErrorCategory.config,
    get title() {
      return msg('The privilege (recording) token is invalid or expired');
    },
    get hint() {
      return msg('The privilege (recording) token is invalid or has expired.');
    },
    get steps() {
      return [msg('Fetch a fresh recording/privilege token for this meeting.'), msg('Pass it as recordingToken.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_recording_token_expired'],
    sdkText: 'The Privilege token is invalid.',
  },
  4017: {
    code: 'authorized-user-not-in-meeting',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The authorising user is not in the meeting');
    },
    get hint() {
      return msg('The user behind the OBF token must be in the meeting first, and they are not.');
    },
    get steps() {
      return [msg('Wait until that user joins.'), msg('Try again.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_authorized_user_not_in_meeting'],
    sdkText: 'Authorized user not in meeting.',
  },
  4018: {
    code: 'login-credentials-conflict',
    category: ErrorCategory.config,
    get title() {
      return msg('The tokens conflict with the login credentials');
    },
    get hint() {
      return msg('The ZAK or OBF token and the signed-in identity belong to different users.');
    },
    get steps() {
      return [msg('Pass tokens that belong to the same user as the signed-in identity.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_conflict_with_login_credentials'],
    sdkText: 'Conflict with login credentials.',
  },
  4019: {
    code: 'authorized-user-left',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The authorising user left the meeting');
    },
    get hint() {
      return msg('The user behind the OBF token left the meeting, so this participant was removed.');
    },
    get steps() {
      return [msg('Wait until that user is back in the meeting.'), msg('Join again.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_authorized_user_leave_meeting'],
    sdkText: 'The authorized user has left the meeting.',
  },
  6603: {
    code: 'sdk-key-blocked',
    category: ErrorCategory.permission,
    get title() {
      return msg("The host's admin blocks this Meeting SDK app");
    },
    get hint() {
      return msg("The host's account admin blocked this app's Client ID.");
    },
    get steps() {
      return [msg("Ask the host's admin to allow the app."), msg('Meanwhile, join with the Zoom app.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_blocked_by_host_admin'],
    sdkText: "Join failed because this Meeting SDK key is blocked by the host's account admin.",
  },
} as const satisfies ZoomErrorTable;
