import { ErrorCategory } from '../errors.js';
import type { ZoomErrorTable } from './types.js';

/**
 * The 3700s: Zoom's join check on zoom.us — the meeting lookup (3701–3703) and the check of the signature and the
 * app behind it (3704–3715, answered as result 200 with a reason the SDK maps to a number).
 */
export const signatureCheckErrors = {
  3701: {
    code: 'webinar-pac-unsupported',
    category: ErrorCategory.meeting,
    title: 'Webinars with personal audio conference cannot be joined from the web',
    hint: 'Join with the Zoom app, or ask the host to use another audio type.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_webinar_pac'],
    sdkText: 'Not support webinar and personal audio conference',
  },
  3702: {
    code: 'host-does-not-exist',
    category: ErrorCategory.meeting,
    title: 'The meeting host does not exist',
    hint: "The host's account was deleted or moved; check the meeting number, or ask the organiser for a new meeting.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_host_not_exit'],
    sdkText: 'The meeting host does not exist.',
  },
  3703: {
    code: 'meeting-id-invalid',
    category: ErrorCategory.config,
    title: 'The meeting ID is invalid',
    hint:
      'meetingNumber must be the numeric meeting ID (9–11 digits, at most 12), without spaces or dashes — not a personal ' +
      'link name, a join URL or the meeting UUID.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_invalid_id'],
    sdkText: 'Invalid meeting ID.',
  },
  3704: {
    code: 'sdk-key-invalid',
    category: ErrorCategory.signature,
    title: "The app key in the signature is not valid",
    hint:
      "appKey (and sdkKey, if present) in the signature must be the Client ID of an existing Meeting SDK app — check for " +
      'typos and for development versus production credentials.',
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
      "Zoom judged the signature's time claims against its own clock: the signing server's clock is wrong, or exp / " +
      'tokenExp has passed. Sync the server clock (NTP), sign just before joining with iat a little in the past (30–120 s) ' +
      'and exp − iat between 1800 s and 172800 s, with iat/exp as numbers in seconds (not milliseconds or strings).',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_signature_expired'],
    sdkText: 'The signature has expired.',
    serverText: 'The signature has expired.',
  },
  3706: {
    code: 'meeting-number-wrong',
    category: ErrorCategory.signature,
    title: 'The meeting number is wrong',
    hint:
      'The mn claim in the signature must be the same meeting number that is passed to join — digits only, no spaces — ' +
      'and that number must be a real meeting ID.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
    serverText: 'The meeting number is wrong.',
  },
  3707: {
    code: 'meeting-number-not-found',
    category: ErrorCategory.meeting,
    title: 'The meeting number is not found',
    hint:
      'No meeting has this number: check the meeting number for typos (digits only) and that the meeting was not ' +
      'deleted; it must also match the mn claim of the signature.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_not_fount'],
    sdkText: 'The meeting number is not found.',
    serverText: 'The meeting number is not found.',
  },
  3708: {
    code: 'role-invalid',
    category: ErrorCategory.signature,
    title: 'The role in the signature is not allowed',
    hint: 'role must be 0 (attendee) or 1 (host, which also needs the host\'s zak) — as a number.',
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
      "Zoom cannot find the meeting's host (account deleted or moved), or a host join (role 1) came without the host's " +
      'zak.',
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
      "The Meeting SDK app whose Client ID signed this join is deactivated, or the account disabled SDK/API access; " +
      'reactivate the app in the Zoom App Marketplace or sign with an active one.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_api_disabled'],
    sdkText: 'The accounts API Key is deactivated.',
    serverText: "The account don't enable API.",
  },
  3711: {
    code: 'cannot-host-concurrently',
    category: ErrorCategory.meeting,
    title: 'The host cannot host another meeting at the same time',
    hint:
      "The host user is already hosting a meeting (or would host in another account's meeting); end that meeting, or " +
      'join as an attendee (role 0).',
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
      'Sign the JWT (HS256) with the Client ID and Client Secret of a Meeting SDK app — not the credentials of an OAuth ' +
      'or Server-to-Server OAuth app, which is the most common cause. Then check: appKey (and sdkKey) is the Client ID ' +
      'of the same app whose Client Secret signs (key and secret not from different apps, nor development mixed with ' +
      "production); the signing server's clock is right (skew makes iat/exp look invalid); the payload claims are named " +
      'exactly appKey, sdkKey, mn, role, iat, exp, tokenExp, with iat/exp/tokenExp as numbers in seconds.',
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
      'The Meeting SDK app and the meeting belong to different accounts and the app is not allowed to cross accounts ' +
      '(publish it on the Marketplace, see 4011), or the account disabled SDK joins.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_no_permission'],
    sdkText: 'No permission.',
    serverText: 'No permission',
  },
  3714: {
    code: 'meeting-number-or-passcode-wrong',
    category: ErrorCategory.config,
    title: 'The meeting server rejected the meeting number or passcode',
    hint:
      'Only the Client View reports this: it labels the meeting server\'s "incorrect passcode" answer as a wrong meeting ' +
      'number (the Component View reports the same answer as 3004). Check the passcode first, then the meeting number.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
  },
  3715: {
    code: 'assistant-join-disabled',
    category: ErrorCategory.permission,
    title: 'Assistants may not join or control this meeting',
    hint:
      'Joining as an assistant is disabled for this account, or another assistant already controls the meeting; join ' +
      'as a regular participant.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_not_allow_assistant', 'apac.rmc.assistant_exist_warning'],
    sdkText: 'Assistant join meeting been disabled',
    serverText: 'Assistant join meeting been disabled',
  },
} as const satisfies ZoomErrorTable;
