import { ErrorCategory } from '../errors.js';
import type { ZoomErrorTable } from './types.js';

/**
 * Answers of Zoom's web service (zoom.us/wc/info and the sign-in checks) as the SDK maps them: 3000–3636 and the
 * sign-in codes the Component View passes through (3051, 3052, 6024).
 */
export const webServerErrors = {
  // Zoom answers 124 when the tk it got is expired; the Client View reports it as 3610 with this text, the Component
  // View as its catch-all 200 with the text.
  124: {
    code: 'tk-expired',
    category: ErrorCategory.config,
    title: 'The registration token (tk) has expired',
    hint:
      "The tk passed to join belongs to a registration that has expired or was cancelled. Get the registrant's current " +
      'join link (its tk parameter) or register again, set the new value as the tk property, and join again.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_tk_expired'],
    sdkText: 'Token has expired.',
  },
  3000: {
    code: 'another-meeting-in-progress',
    category: ErrorCategory.meeting,
    title: 'Another meeting is already in progress',
    hint:
      'This browser session (or this user) is already in a Zoom meeting — another tab, or an earlier join that was never ' +
      'left — or, when starting as host, the host is running another meeting. Leave it (leaveMeeting() then ' +
      'destroyClient(), or close the other tab) and join again. Not about email: Zoom\'s public error page swaps 3000 ' +
      'and 3005, the SDK\'s own strings say this.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_has_in_progress', 'apac.errorcodes_meeting_has_in_progress'],
    sdkText: 'Already has other meetings in progress.',
  },
  3001: {
    code: 'meeting-not-found',
    category: ErrorCategory.meeting,
    title: 'The meeting does not exist',
    hint:
      'Check the meeting number (digits only, no spaces); the meeting may have been deleted, or it was a one-off meeting ' +
      'that has ended. The SDK usually reports this as 3610.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_exist'],
    sdkText: 'Meeting does not exist.',
  },
  3003: {
    code: 'not-host',
    category: ErrorCategory.permission,
    title: 'You are not the meeting host',
    hint:
      "Joining as host (role 1 in the signature) needs the host user's ZAK in the zak option; attendees must be signed " +
      'with role 0.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_host'],
    sdkText: 'You are not the meeting host.',
  },
  3004: {
    code: 'wrong-passcode',
    category: ErrorCategory.config,
    title: 'The meeting passcode is wrong',
    hint:
      'Pass the meeting passcode exactly as in the invitation (case-sensitive) in the password/passWord option; ' +
      'attendees should re-enter it. A meeting without a passcode needs an empty one.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_wrong_pass'],
    sdkText: 'Meeting Passcode wrong.',
  },
  3005: {
    code: 'email-required',
    category: ErrorCategory.config,
    title: 'An email address is required to join (webinar)',
    hint:
      "Webinars (and meetings that ask for it) need the attendee's email in the userEmail join option. Zoom's public " +
      'error page lists this meaning under 3000; the SDK reports it as 3005.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_require_email', 'apac.errorcodes_email_require'],
    sdkText: 'User email is required.',
  },
  3008: {
    code: 'meeting-not-started',
    category: ErrorCategory.meeting,
    title: 'The meeting has not started',
    hint:
      'The host has not started the meeting and joining before the host is off. Wait and try again (keep a waiting ' +
      "screen), ask the host to start it, or enable 'Allow participants to join before host'.",
    retryable: true,
    sdkKeys: ['apac.errorcodes_not_start'],
    sdkText: 'Meeting has not started',
  },
  3009: {
    code: 'removed-by-host',
    category: ErrorCategory.permission,
    title: 'You were removed from this meeting',
    hint:
      'The host removed this participant, and Zoom blocks rejoining the same meeting unless the account allows removed ' +
      'participants to rejoin. Contact the host.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_be_removed'],
    sdkText: 'Be removed.',
  },
  3010: {
    code: 'role-missing',
    category: ErrorCategory.signature,
    title: 'The signature has no role',
    hint: 'Add role to the signature payload as a number: 0 for an attendee, 1 for the host (who also needs a zak).',
    retryable: false,
    sdkKeys: ['apac.errorcodes_role_type'],
    sdkText: 'Role type is required.',
  },
  3032: {
    code: 'panelist-email-registration-denied',
    category: ErrorCategory.permission,
    title: "A panelist's email cannot register as an attendee",
    hint:
      'This email belongs to a webinar panelist; panelists join with their panelist link (its tk), not by registering. ' +
      'Use another email, or join as the panelist.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_denied_register_with_panelist'],
    sdkText: 'Denied register use panelist email.',
  },
  3034: {
    code: 'webinar-login-required',
    category: ErrorCategory.permission,
    title: 'The webinar only admits signed-in Zoom users',
    hint:
      "Join as an authenticated user (pass the user's ZAK as zak, or an OBF token), or ask the host to drop the sign-in " +
      'requirement.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_webinar_enforce_login'],
  },
  3051: {
    code: 'login-required-zoom',
    category: ErrorCategory.permission,
    title: 'Signing in to Zoom is required to join',
    hint:
      "The meeting only admits authenticated users. Pass the attendee's ZAK as zak, or ask the host to relax the " +
      'authentication setting; the SDK also returns a sign-in URL with this error.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  3052: {
    code: 'login-required-domain',
    category: ErrorCategory.permission,
    title: 'Signing in with an authorised account is required to join',
    hint:
      'The meeting only admits users signed in with an account from specific domains. Join with a ZAK of such a user, ' +
      'or ask the host to change the authentication profile.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  3082: {
    code: 'real-name-required',
    category: ErrorCategory.permission,
    title: 'Real-name authentication is required',
    hint:
      "The meeting requires signed-in users with verified (real-name) accounts; join with such a user's ZAK or ask the " +
      'host to turn the requirement off.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_real_name', 'apac.errorcodes_login_required'],
  },
  3099: {
    code: 'registration-required',
    category: ErrorCategory.permission,
    title: 'This meeting requires registration',
    hint:
      "Register the attendee (registration page or the Zoom API) and pass the registrant's token as tk in the join " +
      'options.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_register'],
    sdkText: 'This meeting requires registration.',
  },
  3100: {
    code: 'login-required',
    category: ErrorCategory.permission,
    title: 'Signing in is required to join',
    hint:
      "The meeting only admits signed-in users (or this panelist email may not register). Pass the user's ZAK as zak, " +
      'or ask the host to allow guests.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required', 'apac.errorcodes_denied_register_with_panelist'],
    sdkText: 'Require login',
  },
  3116: {
    code: 'webinar-sign-in-unsupported',
    category: ErrorCategory.permission,
    title: 'Signing in to this webinar is not supported on the web',
    hint: 'The webinar needs a sign-in the web SDK cannot perform; join with the Zoom app, or ask the host to drop it.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_sign_webinar'],
    sdkText: "Dont' support sign in webinar",
  },
  3135: {
    code: 'panelist-tk-required',
    category: ErrorCategory.config,
    title: 'A panelist must join with their tk',
    hint: "Pass the panelist's tk (from the panelist invitation link) in the join options.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_panelist_tk'],
    sdkText: 'require tk parameter to join as a panelist',
  },
  3265: {
    code: 'start-with-token-unsupported',
    category: ErrorCategory.config,
    title: 'The meeting cannot be started with this token',
    hint:
      'The zak cannot start this meeting: fetch a fresh ZAK for the host user (GET /users/me/token?type=zak; it lasts ' +
      'about two hours) and sign with role 1.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_zak2'],
    sdkText: 'Token error',
  },
  3603: {
    code: 'web-client-disabled',
    category: ErrorCategory.permission,
    title: 'Joining from a web browser is not allowed',
    hint:
      "The host's account disables the web client for this meeting; an admin must allow joining from the browser, or " +
      'attendees use the Zoom app.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_webclient'],
    sdkText: 'Not support start or join meeting from web.',
  },
  3604: {
    code: 'webinar-needs-newer-sdk',
    category: ErrorCategory.sdk,
    title: 'This SDK version cannot join webinars',
    hint: 'Upgrade @zoom/meetingsdk (and its self-hosted assets) to the latest release.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_should_support_webinar_with_latest_version'],
    sdkText: "The current sdk version doesn't support webinar, please upgrade to the latest version.",
  },
  3606: {
    code: 'registration-webinar-unsupported',
    category: ErrorCategory.permission,
    title: 'This registration webinar cannot be joined this way',
    hint: "Register the attendee and pass the registrant's tk, or ask the host to remove registration.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_registration_webinar'],
    sdkText: 'Not support registration webinar',
  },
  3608: {
    code: 'tsp-audio-unsupported',
    category: ErrorCategory.meeting,
    title: 'Meetings with third-party (TSP) audio cannot be joined from the web',
    hint: "Join with the Zoom app, or ask the host to change the meeting's audio type.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_tsp'],
    sdkText: 'Not support start or join meeting from web, when you chose TSP as his audio in a meeting.',
  },
  3609: {
    code: 'webinar-start-from-web-disallowed',
    category: ErrorCategory.permission,
    title: 'Webinars cannot be started from the web',
    hint: 'Start the webinar from the Zoom app; the web SDK can then join it.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_allow_start_webinar_from_web'],
    sdkText: 'Not allow to start webinar from web.',
  },
  3610: {
    code: 'meeting-not-found',
    category: ErrorCategory.meeting,
    title: 'The meeting does not exist',
    hint:
      'Check the meeting number (digits only, no spaces); the meeting may have been deleted, or it was a one-off ' +
      'meeting that has ended.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_exist', 'apac.errorcodes_tk_expired'],
    sdkText: 'Meeting does not exist.',
  },
  3611: {
    code: 'browser-join-disallowed',
    category: ErrorCategory.permission,
    title: 'This meeting can only be joined from the Zoom app',
    hint:
      "The meeting's policy blocks joining from a browser; ask the host or admin to allow it, or join with the Zoom " +
      'desktop or mobile app.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_need_use_zoom_desktop_or_mobile'],
    sdkText: 'Unable join from browser, please join using the Zoom desktop client or mobile app.',
  },
  3620: {
    code: 'email-blocked',
    category: ErrorCategory.permission,
    title: "The attendee's email is blocked by the host's administrator",
    hint:
      'Use an email (or a domain) the host allows, or contact the host. The Component View also uses this number for an ' +
      'attendee removed from a webinar.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_denied_email'],
    sdkText: 'Email is blocked by Administrator.',
  },
  3621: {
    code: 'web-server-no-response',
    category: ErrorCategory.network,
    title: 'No response from the Zoom web server',
    hint: 'zoom.us did not answer in time; check the connection and proxies, then try again.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_no_response_from_web', 'apac.errorcodes_rwc_empty'],
    sdkText: 'No response from web, try again later.',
  },
  3622: {
    code: 'web-server-unreachable',
    category: ErrorCategory.network,
    title: 'Cannot connect to the Zoom web server',
    hint: 'The connection to zoom.us failed; check the network, firewall and proxies (allow *.zoom.us), then try again.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_rwc_error'],
    sdkText: 'Could not connect to Web Server error.',
  },
  3623: {
    code: 'zak-invalid',
    category: ErrorCategory.config,
    title: 'The ZAK token is invalid',
    hint:
      "The zak is wrong or expired: fetch a fresh ZAK for the meeting's host (or alternative host) — it lasts about two " +
      'hours — and pass it unchanged.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_zak'],
    sdkText: 'Token error',
  },
  3624: {
    code: 'host-account-required',
    category: ErrorCategory.permission,
    title: "Starting this webinar needs the host's or an alternative host's account",
    hint: "Start it with the ZAK of the webinar's host or an alternative host.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_email'],
    sdkText: 'Please use host/alternative email to start the webinar.',
  },
  3625: {
    code: 'host-inactive',
    category: ErrorCategory.meeting,
    title: "The meeting host's account is inactive",
    hint: "The host's account is deactivated or unlicensed; the host's admin must reactivate it.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_inactive'],
    sdkText: 'Meeting host is inactive.',
  },
  3627: {
    code: 'host-email-as-attendee',
    category: ErrorCategory.config,
    title: "The host's email was used to join as an attendee",
    hint: "Pass the attendee's own email in userEmail, or start as host with the host's ZAK.",
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_email_as_attendee'],
    sdkText: 'Host email as attendee',
  },
  3630: {
    code: 'simulive-unsupported',
    category: ErrorCategory.meeting,
    title: 'Simulive webinars cannot be joined from the web SDK',
    hint: 'Join with the Zoom app.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_support_simulive'],
  },
  3633: {
    code: 'api-rate-limited',
    category: ErrorCategory.sdk,
    title: 'Called too often (API limit reached)',
    hint: 'join and other calls are rate-limited (join: once per 10 s). Wait, then try once — do not retry in a loop.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_frequent_call'],
    sdkText: 'You have reached the API limit for this call.',
  },
  3634: {
    code: 'join-throttled-captcha',
    category: ErrorCategory.permission,
    title: 'Too many join attempts: Zoom requires a CAPTCHA',
    hint:
      'Zoom throttles this network or browser after repeated joins. Stop automatic retries and wait several minutes ' +
      'before joining again.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_frequent_join'],
    sdkText: 'You be limit by zoom, need to check recaptcha.',
  },
  3635: {
    code: 'wasm-download-failed',
    category: ErrorCategory.network,
    title: 'The media (WebAssembly) files could not be downloaded',
    hint:
      'A network, firewall, proxy or content blocker stops the .wasm and worker files: allow the asset origin (the ' +
      'self-hosted lib/av or *.zoom.us / the CloudFront fallback), serve .wasm as application/wasm, and send CORP/CORS ' +
      'headers when the page is cross-origin isolated. Then try again.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_wasm_fail'],
    sdkText: 'Download wasm files error, please check your network and firewall.',
  },
  3636: {
    code: 'zak-and-obf-token',
    category: ErrorCategory.config,
    title: 'zak and obfToken cannot be used together',
    hint: 'Pass either a ZAK (zak) or an OBF token (obfToken), never both.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf'],
    sdkText: 'Token error: obfToken and zak cannot be used simultaneously',
  },
  6024: {
    code: 'login-required-sso',
    category: ErrorCategory.permission,
    title: 'Signing in with single sign-on (SSO) is required to join',
    hint:
      "The meeting only admits users signed in through the host's SSO; join with such a user's ZAK, or ask the host to " +
      'change the authentication setting.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  13208: {
    code: 'simulive-ended',
    category: ErrorCategory.meeting,
    title: 'This simulive webinar has ended',
    hint: 'The webinar is over; nothing to join.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_unable_join_ended_simulive'],
    sdkText: 'You cannot join this webinar now because it is ended.',
  },
} as const satisfies ZoomErrorTable;
