import { msg } from '@lit/localize';
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
    get title() {
      return msg('Webinars with personal audio conference cannot be joined from the web');
    },
    get hint() {
      return msg('The webinar uses a personal audio conference, which the web SDK cannot join.');
    },
    get steps() {
      return [msg('Join with the Zoom app.'), msg('Or ask the host to use another audio type.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_webinar_pac'],
    sdkText: 'Not support webinar and personal audio conference',
  },
  3702: {
    code: 'host-does-not-exist',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting host does not exist');
    },
    get hint() {
      return msg("The meeting host's account was deleted or moved.");
    },
    get steps() {
      return [msg('Check the meeting number.'), msg('Ask the organiser for a new meeting.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_host_not_exit'],
    sdkText: 'The meeting host does not exist.',
  },
  3703: {
    code: 'meeting-id-invalid',
    category: ErrorCategory.config,
    get title() {
      return msg('The meeting ID is invalid');
    },
    get hint() {
      return msg('The meeting number is not a numeric meeting ID (9–11 digits, at most 12).');
    },
    get steps() {
      return [
        msg('Pass the numeric meeting ID as meetingNumber, without spaces or dashes.'),
        msg('Do not pass a personal link name, a join URL or the meeting UUID.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_invalid_id'],
    sdkText: 'Invalid meeting ID.',
  },
  3704: {
    code: 'sdk-key-invalid',
    category: ErrorCategory.signature,
    get title() {
      return msg('The app key in the signature is not valid');
    },
    get hint() {
      return msg('appKey (and sdkKey, if present) in the signature is not the Client ID of an existing Meeting SDK app.');
    },
    get steps() {
      return [msg('Check appKey and sdkKey for typos.'), msg('Check that development and production credentials are not mixed.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_api_wrong'],
    sdkText: 'The accounts API Key is not valid.',
    serverText: 'The api key is wrong.',
  },
  3705: {
    code: 'signature-expired',
    category: ErrorCategory.signature,
    get title() {
      return msg('The signature has expired');
    },
    get hint() {
      return msg("Zoom judged the signature's time claims against its own clock, and the signing server's clock is wrong or exp / tokenExp has passed.");
    },
    get steps() {
      return [
        msg("Sync the signing server's clock (NTP)."),
        msg('Sign just before joining, with iat a little in the past (30–120 s).'),
        msg('Keep exp − iat between 1800 s and 172800 s.'),
        msg('Send iat and exp as numbers in seconds (not milliseconds or strings).'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_signature_expired'],
    sdkText: 'The signature has expired.',
    serverText: 'The signature has expired.',
  },
  3706: {
    code: 'meeting-number-wrong',
    category: ErrorCategory.signature,
    get title() {
      return msg('The meeting number is wrong');
    },
    get hint() {
      return msg('The mn claim in the signature is not the meeting number passed to join, or not a real meeting ID.');
    },
    get steps() {
      return [
        msg('Sign mn with the same meeting number that is passed to join: digits only, no spaces.'),
        msg('Check that the number is a real meeting ID.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
    serverText: 'The meeting number is wrong.',
  },
  3707: {
    code: 'meeting-number-not-found',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting number is not found');
    },
    get hint() {
      return msg('No meeting has this meeting number.');
    },
    get steps() {
      return [
        msg('Check the meeting number for typos (digits only).'),
        msg('Check that the meeting was not deleted.'),
        msg('Check that the number matches the mn claim of the signature.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_not_fount'],
    sdkText: 'The meeting number is not found.',
    serverText: 'The meeting number is not found.',
  },
  3708: {
    code: 'role-invalid',
    category: ErrorCategory.signature,
    get title() {
      return msg('The role in the signature is not allowed');
    },
    get hint() {
      return msg('The role claim in the signature is not the number 0 (attendee) or 1 (host).');
    },
    get steps() {
      return [msg('Sign role as the number 0 or 1.'), msg("Pass the host's zak as well with role 1.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_role_error'],
    sdkText: 'Incorrect role.',
    serverText: 'The role is not applicable.',
  },
  3709: {
    code: 'meeting-host-not-found',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting host is not found');
    },
    get hint() {
      return msg("Zoom cannot find the meeting's host (the account was deleted or moved), or a host join (role 1) came without the host's zak.");
    },
    get steps() {
      return [
        msg("Pass the host's zak when joining with role 1."),
        msg("Otherwise, check the meeting number and ask the organiser whether the host's account still exists."),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_host_not_found', 'apac.errorcodes_require_host'],
    sdkText: 'The meeting host is not found.',
    serverText: 'The meeting host is not found.',
  },
  3710: {
    code: 'sdk-key-deactivated',
    category: ErrorCategory.signature,
    get title() {
      return msg('The app key in the signature is deactivated');
    },
    get hint() {
      return msg('The Meeting SDK app whose Client ID signed this join is deactivated, or the account disabled SDK/API access.');
    },
    get steps() {
      return [msg('Reactivate the app in the Zoom App Marketplace.'), msg('Or sign with an active Meeting SDK app.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_api_disabled'],
    sdkText: 'The accounts API Key is deactivated.',
    serverText: "The account don't enable API.",
  },
  3711: {
    code: 'cannot-host-concurrently',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The host cannot host another meeting at the same time');
    },
    get hint() {
      return msg("The host user is already hosting a meeting (or would host in another account's meeting).");
    },
    get steps() {
      return [msg("End the host's other meeting."), msg('Or join as an attendee (role 0).')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_cant_host_other_mn'],
    sdkText: 'Cannot not host another meeting concurrently.',
    serverText: "Can not be host in other account's meeting.",
  },
  3712: {
    code: 'signature-invalid',
    category: ErrorCategory.signature,
    get title() {
      return msg('The signature is invalid');
    },
    get hint() {
      return msg('Zoom could not verify the signature, most often because it was signed with the credentials of an OAuth or Server-to-Server OAuth app instead of a Meeting SDK app.');
    },
    get steps() {
      return [
        msg('Sign the JWT (HS256) with the Client ID and Client Secret of a Meeting SDK app.'),
        msg('Make appKey (and sdkKey, if present) the Client ID of the same app whose Client Secret signs: not from different apps, nor development mixed with production.'),
        msg("Check the signing server's clock: skew makes iat and exp look invalid."),
        msg('Name the payload claims exactly appKey, mn, role, iat, exp, tokenExp, with iat, exp and tokenExp as numbers in seconds (no sdkKey: the SDK reads appKey and warns about sdkKey).'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_invalid_signature'],
    sdkText: 'Signature is invalid.',
    serverText: 'Invalid signature.',
  },
  3713: {
    code: 'no-permission',
    category: ErrorCategory.permission,
    get title() {
      return msg('The app has no permission to join this meeting');
    },
    get hint() {
      return msg('The Meeting SDK app and the meeting belong to different accounts and the app may not cross accounts, or the account disabled SDK joins.');
    },
    get steps() {
      return [
        msg("Publish the app on the Zoom App Marketplace to join other accounts' meetings (as for error 4011)."),
        msg('Or ask the account admin to enable SDK joins.'),
      ];
    },
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
    get title() {
      return msg('The meeting server rejected the meeting number or passcode');
    },
    get hint() {
      return msg('The meeting server rejected the passcode or the meeting number (the SDK says "meeting number" even when the passcode is wrong).');
    },
    get steps() {
      return [msg('Check the passcode first.'), msg('Then check the meeting number.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_mn_wrong'],
    sdkText: 'The meeting number is wrong.',
  },
  3715: {
    code: 'assistant-join-disabled',
    category: ErrorCategory.permission,
    get title() {
      return msg('Assistants may not join or control this meeting');
    },
    get hint() {
      return msg('Joining as an assistant is disabled for this account, or another assistant already controls the meeting.');
    },
    get steps() {
      return [msg('Join as a regular participant.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_pac_not_allow_assistant', 'apac.rmc.assistant_exist_warning'],
    sdkText: 'Assistant join meeting been disabled',
    serverText: 'Assistant join meeting been disabled',
  },
} as const satisfies ZoomErrorTable;
