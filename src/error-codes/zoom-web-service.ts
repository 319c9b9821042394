import { msg } from '@lit/localize';
import { ErrorCategory } from '../zoom-join-error.js';
import type { ZoomErrorTable } from './types.js';

/**
 * Answers of Zoom's web service (zoom.us/wc/info and the sign-in checks) as the SDK maps them: 3000–3636 and the
 * sign-in codes the Component View passes through (3051, 3052, 6024).
 */
export const zoomWebServiceErrors = {
  // Zoom answers 124 when the tk it got is expired; the Client View reports it as 3610 with this text, the Component
  // View as its catch-all 200 with the text.
  124: {
    code: 'tk-expired',
    category: ErrorCategory.config,
    get title() {
      return msg('The registration token (tk) has expired');
    },
    get hint() {
      return msg('The tk passed to join belongs to a registration that has expired or was cancelled.');
    },
    get steps() {
      return [
        msg("Get the registrant's current join link and take its tk parameter, or register again."),
        msg('Set the new value as the tk property.'),
        msg('Join again.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_tk_expired'],
    sdkText: 'Token has expired.',
  },
  3000: {
    // One public code for "already in a meeting", wherever the other meeting is: Zoom's 3000 here, and the element's
    // own checks for another <zoom-join> on this page and this meeting in another tab (src/error-codes/element-own-codes.ts).
    // Not about email: Zoom's public error page swaps 3000 and 3005; the SDK's own strings (sdkKeys) say this.
    code: 'another-meeting-in-progress',
    category: ErrorCategory.meeting,
    get title() {
      return msg('Zoom says another meeting is already in progress');
    },
    get hint() {
      return msg('Zoom says this browser session or this user is already in a meeting (in another tab, or an earlier join that was never left) or, when starting as host, that the host is running another meeting.');
    },
    get steps() {
      return [
        msg('Leave the other meeting: close the other tab, or call leaveMeeting() and then destroyClient().'),
        msg("When starting as host, end the host's other meeting."),
        msg('Join again.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_has_in_progress', 'apac.errorcodes_meeting_has_in_progress'],
    sdkText: 'Already has other meetings in progress.',
  },
  3001: {
    // The SDK usually reports this answer as 3610 (its maps turn apac.errorcodes_not_exist into 3610).
    code: 'meeting-not-found',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting does not exist');
    },
    get hint() {
      return msg('No meeting has this number: it is mistyped, the meeting was deleted, or it was a one-off meeting that has ended.');
    },
    get steps() {
      return [msg('Check the meeting number (digits only, no spaces).'), msg('Ask the organiser for the current meeting number.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_exist'],
    sdkText: 'Meeting does not exist.',
  },
  3003: {
    code: 'not-host',
    category: ErrorCategory.permission,
    get title() {
      return msg('You are not the meeting host');
    },
    get hint() {
      return msg("Joining as host (role 1 in the signature) needs the host user's ZAK, and this join has none or another user's.");
    },
    get steps() {
      return [msg("Pass the host user's ZAK in the zak option to start as host."), msg('Sign attendees with role 0.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_host'],
    sdkText: 'You are not the meeting host.',
  },
  3004: {
    code: 'wrong-passcode',
    category: ErrorCategory.config,
    get title() {
      return msg('The meeting passcode is wrong');
    },
    get hint() {
      return msg("The passcode does not match the meeting's passcode, which is case-sensitive.");
    },
    get steps() {
      return [
        msg('Pass the passcode exactly as in the invitation (the passcode attribute, or the password/passWord option).'),
        msg('Pass an empty passcode for a meeting without one.'),
        msg('Ask attendees to re-enter it.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_wrong_pass'],
    sdkText: 'Meeting Passcode wrong.',
  },
  3005: {
    // Zoom's public error page lists this meaning under 3000; the SDK reports it as 3005.
    code: 'email-required',
    category: ErrorCategory.config,
    get title() {
      return msg('An email address is required to join (webinar)');
    },
    get hint() {
      return msg("Webinars (and meetings that ask for it) need the attendee's email, and none was given.");
    },
    get steps() {
      return [msg("Pass the attendee's email in the userEmail join option (the user-email attribute).")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_require_email', 'apac.errorcodes_email_require'],
    sdkText: 'User email is required.',
  },
  3008: {
    code: 'meeting-not-started',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting has not started');
    },
    get hint() {
      return msg('The host has not started the meeting, and joining before the host is turned off.');
    },
    get steps() {
      return [
        msg('Wait and try again (keep a waiting screen up).'),
        msg('Ask the host to start the meeting.'),
        msg("Ask the host to enable 'Allow participants to join before host' if attendees should not wait."),
      ];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_not_start'],
    sdkText: 'Meeting has not started',
  },
  3009: {
    code: 'removed-by-host',
    category: ErrorCategory.permission,
    get title() {
      return msg('You were removed from this meeting');
    },
    get hint() {
      return msg('The host removed this participant, and Zoom blocks rejoining the same meeting unless the account allows removed participants to rejoin.');
    },
    get steps() {
      return [msg('Contact the host.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_be_removed'],
    sdkText: 'Be removed.',
  },
  3010: {
    code: 'role-missing',
    category: ErrorCategory.signature,
    get title() {
      return msg('The signature has no role');
    },
    get hint() {
      return msg("The signature's payload has no role claim.");
    },
    get steps() {
      return [
        msg('Add role to the signature payload as a number: 0 for an attendee, 1 for the host.'),
        msg("Pass the host's zak as well when signing with role 1."),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_role_type'],
    sdkText: 'Role type is required.',
  },
  3032: {
    code: 'panelist-email-registration-denied',
    category: ErrorCategory.permission,
    get title() {
      return msg("A panelist's email cannot register as an attendee");
    },
    get hint() {
      return msg('This email belongs to a webinar panelist, and panelists join with their panelist link (its tk) instead of registering.');
    },
    get steps() {
      return [msg('Join as the panelist, with the tk from the panelist link.'), msg('Or register with another email.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_denied_register_with_panelist'],
    sdkText: 'Denied register use panelist email.',
  },
  3034: {
    code: 'webinar-login-required',
    category: ErrorCategory.permission,
    get title() {
      return msg('The webinar only admits signed-in Zoom users');
    },
    get hint() {
      return msg('The webinar only admits users signed in to Zoom, and this join is anonymous.');
    },
    get steps() {
      return [
        msg("Join as an authenticated user: pass the user's ZAK as zak, or an OBF token as obfToken."),
        msg('Or ask the host to drop the sign-in requirement.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_webinar_enforce_login'],
  },
  3051: {
    code: 'login-required-zoom',
    category: ErrorCategory.permission,
    get title() {
      return msg('Signing in to Zoom is required to join');
    },
    get hint() {
      return msg('The meeting only admits users signed in to Zoom (the SDK also returns a sign-in URL with this error).');
    },
    get steps() {
      return [msg("Pass the attendee's ZAK as zak."), msg('Or ask the host to relax the authentication setting.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  3052: {
    code: 'login-required-domain',
    category: ErrorCategory.permission,
    get title() {
      return msg('Signing in with an authorised account is required to join');
    },
    get hint() {
      return msg('The meeting only admits users signed in with an account from specific domains.');
    },
    get steps() {
      return [msg('Join with the ZAK of a user from an allowed domain.'), msg('Or ask the host to change the authentication profile.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  3082: {
    code: 'real-name-required',
    category: ErrorCategory.permission,
    get title() {
      return msg('Real-name authentication is required');
    },
    get hint() {
      return msg('The meeting requires signed-in users with verified (real-name) accounts.');
    },
    get steps() {
      return [msg("Join with a verified user's ZAK."), msg('Or ask the host to turn the requirement off.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_real_name', 'apac.errorcodes_login_required'],
  },
  3099: {
    code: 'registration-required',
    category: ErrorCategory.permission,
    get title() {
      return msg('This meeting requires registration');
    },
    get hint() {
      return msg("The meeting requires registration, and this join carries no registrant's token.");
    },
    get steps() {
      return [
        msg('Register the attendee (on the registration page or with the Zoom API).'),
        msg("Pass the registrant's token as tk in the join options."),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_register'],
    sdkText: 'This meeting requires registration.',
  },
  3100: {
    code: 'login-required',
    category: ErrorCategory.permission,
    get title() {
      return msg('Signing in is required to join');
    },
    get hint() {
      return msg('The meeting only admits signed-in users, or this panelist email may not register.');
    },
    get steps() {
      return [msg("Pass the user's ZAK as zak."), msg('Or ask the host to allow guests.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required', 'apac.errorcodes_denied_register_with_panelist'],
    sdkText: 'Require login',
  },
  3116: {
    code: 'webinar-sign-in-unsupported',
    category: ErrorCategory.permission,
    get title() {
      return msg('Signing in to this webinar is not supported on the web');
    },
    get hint() {
      return msg('The webinar needs a sign-in that the web SDK cannot perform.');
    },
    get steps() {
      return [msg('Join with the Zoom app.'), msg('Or ask the host to drop the sign-in.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_sign_webinar'],
    sdkText: "Dont' support sign in webinar",
  },
  3135: {
    code: 'panelist-tk-required',
    category: ErrorCategory.config,
    get title() {
      return msg('A panelist must join with their tk');
    },
    get hint() {
      return msg('A panelist must join with the tk of their panelist invitation, and none was given.');
    },
    get steps() {
      return [msg("Pass the panelist's tk (from the panelist invitation link) in the join options.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_panelist_tk'],
    sdkText: 'require tk parameter to join as a panelist',
  },
  3265: {
    code: 'start-with-token-unsupported',
    category: ErrorCategory.config,
    get title() {
      return msg('The meeting cannot be started with this token');
    },
    get hint() {
      return msg("The zak cannot start this meeting: it has expired (a ZAK lasts about two hours) or is not the host user's.");
    },
    get steps() {
      return [msg('Fetch a fresh ZAK for the host user (GET /users/me/token?type=zak).'), msg('Sign with role 1 and pass the ZAK as zak.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_zak2'],
    sdkText: 'Token error',
  },
  3603: {
    code: 'web-client-disabled',
    category: ErrorCategory.permission,
    get title() {
      return msg('Joining from a web browser is not allowed');
    },
    get hint() {
      return msg("The host's account disables the web client for this meeting.");
    },
    get steps() {
      return [msg("Ask an admin of the host's account to allow joining from the browser."), msg('Meanwhile, join with the Zoom app.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_webclient'],
    sdkText: 'Not support start or join meeting from web.',
  },
  3604: {
    code: 'webinar-needs-newer-sdk',
    category: ErrorCategory.sdk,
    get title() {
      return msg('This SDK version cannot join webinars');
    },
    get hint() {
      return msg('This version of the Meeting SDK cannot join webinars.');
    },
    get steps() {
      return [msg('Upgrade @zoom/meetingsdk to the latest release.'), msg('Update its self-hosted assets with it.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_should_support_webinar_with_latest_version'],
    sdkText: "The current sdk version doesn't support webinar, please upgrade to the latest version.",
  },
  3606: {
    code: 'registration-webinar-unsupported',
    category: ErrorCategory.permission,
    get title() {
      return msg('This registration webinar cannot be joined this way');
    },
    get hint() {
      return msg("The webinar requires registration, and this join carries no registrant's token.");
    },
    get steps() {
      return [msg("Register the attendee and pass the registrant's tk."), msg('Or ask the host to remove registration.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_registration_webinar'],
    sdkText: 'Not support registration webinar',
  },
  3608: {
    code: 'tsp-audio-unsupported',
    category: ErrorCategory.meeting,
    get title() {
      return msg('Meetings with third-party (TSP) audio cannot be joined from the web');
    },
    get hint() {
      return msg('The meeting uses third-party (TSP) audio, which the web SDK cannot join.');
    },
    get steps() {
      return [msg('Join with the Zoom app.'), msg("Or ask the host to change the meeting's audio type.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_support_tsp'],
    sdkText: 'Not support start or join meeting from web, when you chose TSP as his audio in a meeting.',
  },
  3609: {
    code: 'webinar-start-from-web-disallowed',
    category: ErrorCategory.permission,
    get title() {
      return msg('Webinars cannot be started from the web');
    },
    get hint() {
      return msg('Zoom does not let the web SDK start a webinar, only join one.');
    },
    get steps() {
      return [msg('Start the webinar from the Zoom app.'), msg('Then join it with the web SDK.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_not_allow_start_webinar_from_web'],
    sdkText: 'Not allow to start webinar from web.',
  },
  3610: {
    code: 'meeting-not-found',
    category: ErrorCategory.meeting,
    get title() {
      return msg('The meeting does not exist');
    },
    get hint() {
      return msg('No meeting has this number: it is mistyped, the meeting was deleted, or it was a one-off meeting that has ended.');
    },
    get steps() {
      return [msg('Check the meeting number (digits only, no spaces).'), msg('Ask the organiser for the current invitation.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_exist', 'apac.errorcodes_tk_expired'],
    sdkText: 'Meeting does not exist.',
  },
  3611: {
    code: 'browser-join-disallowed',
    category: ErrorCategory.permission,
    get title() {
      return msg('This meeting can only be joined from the Zoom app');
    },
    get hint() {
      return msg("The meeting's policy blocks joining from a browser.");
    },
    get steps() {
      return [msg('Ask the host or admin to allow joining from the browser.'), msg('Or join with the Zoom desktop or mobile app.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_need_use_zoom_desktop_or_mobile'],
    sdkText: 'Unable join from browser, please join using the Zoom desktop client or mobile app.',
  },
  3620: {
    code: 'email-blocked',
    category: ErrorCategory.permission,
    get title() {
      return msg("The attendee's email is blocked by the host's administrator");
    },
    get hint() {
      return msg("The host's administrator blocks this attendee's email address or its domain (the Component View also reports an attendee removed from a webinar this way).");
    },
    get steps() {
      return [msg('Use an email address (or domain) the host allows.'), msg('Or contact the host.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_denied_email'],
    sdkText: 'Email is blocked by Administrator.',
  },
  3621: {
    code: 'web-server-no-response',
    category: ErrorCategory.network,
    get title() {
      return msg('No response from the Zoom web server');
    },
    get hint() {
      return msg('zoom.us did not answer in time.');
    },
    get steps() {
      return [msg('Check the connection and any proxy.'), msg('Try again.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_no_response_from_web', 'apac.errorcodes_rwc_empty'],
    sdkText: 'No response from web, try again later.',
  },
  3622: {
    code: 'web-server-unreachable',
    category: ErrorCategory.network,
    get title() {
      return msg('Cannot connect to the Zoom web server');
    },
    get hint() {
      return msg('The connection to zoom.us failed.');
    },
    get steps() {
      return [msg('Check the network, firewall and proxies.'), 'Allow *.zoom.us.', msg('Try again.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_rwc_error'],
    sdkText: 'Could not connect to Web Server error.',
  },
  3623: {
    code: 'zak-invalid',
    category: ErrorCategory.config,
    get title() {
      return msg('The ZAK token is invalid');
    },
    get hint() {
      return msg('The zak is wrong or has expired (a ZAK lasts about two hours).');
    },
    get steps() {
      return [msg("Fetch a fresh ZAK for the meeting's host (or an alternative host)."), msg('Pass it unchanged as zak.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_zak'],
    sdkText: 'Token error',
  },
  3624: {
    code: 'host-account-required',
    category: ErrorCategory.permission,
    get title() {
      return msg("Starting this webinar needs the host's or an alternative host's account");
    },
    get hint() {
      return msg("Only the webinar's host or an alternative host may start this webinar.");
    },
    get steps() {
      return [msg("Start it with the ZAK of the webinar's host or an alternative host.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_email'],
    sdkText: 'Please use host/alternative email to start the webinar.',
  },
  3625: {
    code: 'host-inactive',
    category: ErrorCategory.meeting,
    get title() {
      return msg("The meeting host's account is inactive");
    },
    get hint() {
      return msg("The host's account is deactivated or unlicensed.");
    },
    get steps() {
      return [msg("Ask the host's admin to reactivate the account.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_inactive'],
    sdkText: 'Meeting host is inactive.',
  },
  3627: {
    code: 'host-email-as-attendee',
    category: ErrorCategory.config,
    get title() {
      return msg("The host's email was used to join as an attendee");
    },
    get hint() {
      return msg("The host's email address was used to join as an attendee.");
    },
    get steps() {
      return [msg("Pass the attendee's own email in userEmail."), msg("Or start as host with the host's ZAK.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_host_email_as_attendee'],
    sdkText: 'Host email as attendee',
  },
  3630: {
    code: 'simulive-unsupported',
    category: ErrorCategory.meeting,
    get title() {
      return msg('Simulive webinars cannot be joined from the web SDK');
    },
    get hint() {
      return msg('This is a simulive webinar, which the web SDK cannot join.');
    },
    get steps() {
      return [msg('Join with the Zoom app.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_support_simulive'],
  },
  3633: {
    code: 'api-rate-limited',
    category: ErrorCategory.sdk,
    get title() {
      return msg('Called too often (API limit reached)');
    },
    get hint() {
      return msg('join and other calls are rate-limited (join: once per 10 s), and this call came too soon.');
    },
    get steps() {
      return [msg('Wait at least 10 s.'), msg('Try once: do not retry in a loop.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_frequent_call'],
    sdkText: 'You have reached the API limit for this call.',
  },
  3634: {
    code: 'join-throttled-captcha',
    category: ErrorCategory.permission,
    get title() {
      return msg('Too many join attempts: Zoom requires a CAPTCHA');
    },
    get hint() {
      return msg('Zoom throttles this network or browser after repeated joins and now asks for a CAPTCHA.');
    },
    get steps() {
      return [msg('Stop automatic retries.'), msg('Wait several minutes before joining again.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_frequent_join'],
    sdkText: 'You be limit by zoom, need to check recaptcha.',
  },
  3635: {
    code: 'wasm-download-failed',
    category: ErrorCategory.network,
    get title() {
      return msg('The media (WebAssembly) files could not be downloaded');
    },
    get hint() {
      return msg('A network, firewall, proxy or content blocker stops the .wasm and worker files.');
    },
    get steps() {
      return [
        msg('Allow the asset origin: the self-hosted lib/av, or *.zoom.us and the CloudFront fallback.'),
        msg('Serve .wasm files as application/wasm.'),
        msg('Send CORP/CORS headers when the page is cross-origin isolated.'),
        msg('Try again.'),
      ];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_wasm_fail'],
    sdkText: 'Download wasm files error, please check your network and firewall.',
  },
  3636: {
    code: 'zak-and-obf-token',
    category: ErrorCategory.config,
    get title() {
      return msg('zak and obfToken cannot be used together');
    },
    get hint() {
      return msg('The join carries both a ZAK and an OBF token, and Zoom accepts only one of them.');
    },
    get steps() {
      return [msg('Pass either a ZAK (zak) or an OBF token (obfToken), never both.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_obf'],
    sdkText: 'Token error: obfToken and zak cannot be used simultaneously',
  },
  6024: {
    code: 'login-required-sso',
    category: ErrorCategory.permission,
    get title() {
      return msg('Signing in with single sign-on (SSO) is required to join');
    },
    get hint() {
      return msg("The meeting only admits users signed in through the host's single sign-on (SSO).");
    },
    get steps() {
      return [
        msg("Join with the ZAK of a user signed in through the host's SSO."),
        msg('Or ask the host to change the authentication setting.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_login_required'],
    sdkText: 'Require login',
  },
  13208: {
    code: 'simulive-ended',
    category: ErrorCategory.meeting,
    get title() {
      return msg('This simulive webinar has ended');
    },
    get hint() {
      return msg('The simulive webinar is over, so there is nothing to join.');
    },
    get steps() {
      return [msg('Ask the organiser whether there is a later session.')];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_web_unable_join_ended_simulive'],
    sdkText: 'You cannot join this webinar now because it is ended.',
  },
} as const satisfies ZoomErrorTable;
