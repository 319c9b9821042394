import { ErrorCategory } from '../zoom-join-error.js';
import type { ZoomErrorTable } from './types.js';

/**
 * The 3700s: Zoom's join check on zoom.us — the meeting lookup (3701–3703) and the check of the signature and the
 * app behind it (3704–3715, answered as result 200 with a reason the SDK maps to a number).
 */
export const zoomJoinCheckErrors = {
  3701: {
    code: 'webinar-pac-unsupported',
    category: ErrorCategory.meeting,
    title: 'Webinars with personal audio conference cannot be joined from the web',
    hint: 'The webinar uses a personal audio conference, which the web SDK cannot join.',
    steps: ['Join with the Zoom app.', 'Or ask the host to use another audio type.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_webinar_pac'],
    sdkText: 'Not support webinar and personal audio conference',
  },
  3702: {
    code: 'host-does-not-exist',
    category: ErrorCategory.meeting,
    title: 'The meeting host does not exist',
    hint: "The meeting host's account was deleted or moved.",
    steps: ['Check the meeting number.', 'Ask the organiser for a new meeting.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_host_not_exit'],
    sdkText: 'The meeting host does not exist.',
  },
  3703: {
    code: 'meeting-id-invalid',
    category: ErrorCategory.config,
    title: 'The meeting ID is invalid',
    hint: 'The meeting number is not a numeric meeting ID (9–11 digits, at most 12).',
    steps: [
      'Pass the numeric meeting ID as meetingNumber, without spaces or dashes.',
      'Do not pass a personal link name, a join URL or the meeting UUID.',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_invalid_id'],
    sdkText: 'Invalid meeting ID.',
  },
  3704: {
    code: 'sdk-key-invalid',
    category: ErrorCategory.signature,
    title: "The app key in the signature is not valid",
    hint: 'appKey (and sdkKey, if present) in the signature is not the Client ID of an existing Meeting SDK app.',
    steps: ['Check appKey and sdkKey for typos.', 'Check that development and production credentials are not mixed.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_api_wrong'],
    sdkText: 'The accounts API Key is not valid.',
    serverText: 'The api key is wrong.',
  },
  3705: {
    code: 'signature-expired',
    category: ErrorCategory.signature,
    title: 'The signature has expired',
    hint:
      "Zoom judged the signature's time claims against its own clock, and the signing server's clock is wrong or " +
      'exp / tokenExp has passed.',
    steps: [
      "Sync the signing server's clock (NTP).",
      'Sign just before joining, with iat a little in the past (30–120 s).',
      'Keep exp − iat between 1800 s and 172800 s.',
      'Send iat and exp as numbers in seconds (not milliseconds or strings).',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_signature_expired'],
    sdkText: 'The signature has expired.',
    serverText: 'The signature has expired.',
  },
  3706: {
    code: 'meeting-number-wrong',
    category: ErrorCategory.signature,
    title: 'The meeting number is wrong',
    hint: 'The mn claim in the signature is not the meeting number passed to join, or not a real meeting ID.',
    steps: [
      'Sign mn with the same meeting number that is passed to join: digits only, no spaces.',
      'Check that the number is a real meeting ID.',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
    serverText: 'The meeting number is wrong.',
  },
  3707: {
    code: 'meeting-number-not-found',
    category: ErrorCategory.meeting,
    title: 'The meeting number is not found',
    hint: 'No meeting has this meeting number.',
    steps: [
      'Check the meeting number for typos (digits only).',
      'Check that the meeting was not deleted.',
      'Check that the number matches the mn claim of the signature.',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_not_fount'],
    sdkText: 'The meeting number is not found.',
    serverText: 'The meeting number is not found.',
  },
  3708: {
    code: 'role-invalid',
    category: ErrorCategory.signature,
    title: 'The role in the signature is not allowed',
    hint: 'The role claim in the signature is not the number 0 (attendee) or 1 (host).',
    steps: ['Sign role as the number 0 or 1.', "Pass the host's zak as well with role 1."],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_role_error'],
    sdkText: 'Incorrect role.',
    serverText: 'The role is not applicable.',
  },
  3709: {
    code: 'meeting-host-not-found',
    category: ErrorCategory.meeting,
    title: 'The meeting host is not found',
    hint:
      "Zoom cannot find the meeting's host (the account was deleted or moved), or a host join (role 1) came without " +
      "the host's zak.",
    steps: [
      "Pass the host's zak when joining with role 1.",
      "Otherwise, check the meeting number and ask the organiser whether the host's account still exists.",
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_host_not_found', 'apac.errorcodes_require_host'],
    sdkText: 'The meeting host is not found.',
    serverText: 'The meeting host is not found.',
  },
  3710: {
    code: 'sdk-key-deactivated',
    category: ErrorCategory.signature,
    title: 'The app key in the signature is deactivated',
    hint:
      'The Meeting SDK app whose Client ID signed this join is deactivated, or the account disabled SDK/API access.',
    steps: ['Reactivate the app in the Zoom App Marketplace.', 'Or sign with an active Meeting SDK app.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_api_disabled'],
    sdkText: 'The accounts API Key is deactivated.',
    serverText: "The account don't enable API.",
  },
  3711: {
    code: 'cannot-host-concurrently',
    category: ErrorCategory.meeting,
    title: 'The host cannot host another meeting at the same time',
    hint: "The host user is already hosting a meeting (or would host in another account's meeting).",
    steps: ["End the host's other meeting.", 'Or join as an attendee (role 0).'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_cant_host_other_mn'],
    sdkText: 'Cannot not host another meeting concurrently.',
    serverText: "Can not be host in other account's meeting.",
  },
  3712: {
    code: 'signature-invalid',
    category: ErrorCategory.signature,
    title: 'The signature is invalid',
    hint:
      'Zoom could not verify the signature, most often because it was signed with the credentials of an OAuth or ' +
      'Server-to-Server OAuth app instead of a Meeting SDK app.',
    steps: [
      'Sign the JWT (HS256) with the Client ID and Client Secret of a Meeting SDK app.',
      'Make appKey (and sdkKey, if present) the Client ID of the same app whose Client Secret signs: not from ' +
        'different apps, nor development mixed with production.',
      "Check the signing server's clock: skew makes iat and exp look invalid.",
      'Name the payload claims exactly appKey, mn, role, iat, exp, tokenExp, with iat, exp and tokenExp as numbers ' +
        'in seconds (no sdkKey: the SDK reads appKey and warns about sdkKey).',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_invalid_signature'],
    sdkText: 'Signature is invalid.',
    serverText: 'Invalid signature.',
  },
  3713: {
    code: 'no-permission',
    category: ErrorCategory.permission,
    title: 'The app has no permission to join this meeting',
    hint:
      'The Meeting SDK app and the meeting belong to different accounts and the app may not cross accounts, or the ' +
      'account disabled SDK joins.',
    steps: [
      "Publish the app on the Zoom App Marketplace to join other accounts' meetings (as for error 4011).",
      'Or ask the account admin to enable SDK joins.',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_no_permission'],
    sdkText: 'No permission.',
    serverText: 'No permission',
  },
  3714: {
    // Only the Client View reports this: it labels the meeting server's "incorrect passcode" answer as a wrong
    // meeting number, while the Component View reports the same answer as 3004. Hence "the passcode first".
    code: 'meeting-number-or-passcode-wrong',
    category: ErrorCategory.config,
    title: 'The meeting server rejected the meeting number or passcode',
    hint:
      'The meeting server rejected the passcode or the meeting number (the SDK says "meeting number" even when the ' +
      'passcode is wrong).',
    steps: ['Check the passcode first.', 'Then check the meeting number.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
  },
  3715: {
    code: 'assistant-join-disabled',
    category: ErrorCategory.permission,
    title: 'Assistants may not join or control this meeting',
    hint: 'Joining as an assistant is disabled for this account, or another assistant already controls the meeting.',
    steps: ['Join as a regular participant.'],
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_not_allow_assistant', 'apac.rmc.assistant_exist_warning'],
    sdkText: 'Assistant join meeting been disabled',
    serverText: 'Assistant join meeting been disabled',
  },
} as const satisfies ZoomErrorTable;
