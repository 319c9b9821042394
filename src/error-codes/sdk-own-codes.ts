import { msg } from '@lit/localize';
import { ErrorCategory } from '../zoom-join-error.js';
import type { ZoomErrorTable } from './types.js';

/**
 * Codes the SDK makes up in the page, before or without an answer from Zoom: `ZoomMtg.errorCodes` (Client View),
 * the Component View's client error enum (`CLIENT_*`), its offline code and its catch-alls.
 */
export const sdkOwnErrors = {
  '-3000': {
    code: 'connection-error',
    category: ErrorCategory.network,
    get title() {
      return msg('Cannot reach Zoom (connection error)');
    },
    get hint() {
      return msg("The browser could not reach Zoom's servers (zoom.us/wc/info or the meeting server) because the device is offline or a proxy, firewall, VPN or content blocker stops requests to *.zoom.us.");
    },
    get steps() {
      return [
        msg('Check that the device is online.'),
        msg("Allow *.zoom.us in the proxy, firewall, VPN and content blocker, and in the page's CSP connect-src."),
        msg('Try again.'),
      ];
    },
    retryable: true,
  },
  '-1': {
    code: 'sdk-rejected',
    category: ErrorCategory.sdk,
    get title() {
      return msg('The SDK refused the call');
    },
    get hint() {
      return msg('The SDK rejected init or join before contacting Zoom, and its reason says why (for example "zoomAppRoot cannot be falsy").');
    },
    get steps() {
      return [msg("Read the SDK's reason in the error message."), msg('Fix what the reason names.'), msg('Call init or join again.')];
    },
    retryable: false,
  },
  0: {
    code: 'success',
    category: ErrorCategory.sdk,
    get title() {
      return msg('Joined the meeting (not an error)');
    },
    get hint() {
      return msg('Code 0 means success, so a success callback or payload was handled as a failure.');
    },
    get steps() {
      return [msg("Treat errorCode 0 in the SDK's callbacks and payloads as success.")];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_success'],
    sdkText: 'Successfully joined the meeting.',
  },
  1: {
    code: 'join-failed',
    // Observed: this is what the Client View reports when zoom.us cannot be reached (its -3000), so the most
    // likely cause is the network; the hint names the rest. It is the Client View's catch-all.
    category: ErrorCategory.network,
    get title() {
      return msg('Failed to join the meeting');
    },
    get hint() {
      return msg('The Client View gives only this general failure when zoom.us cannot be reached, when join is called before init succeeded, and for answers it does not map.');
    },
    get steps() {
      return [
        msg('Check the connection and the browser console.'),
        msg('Try again.'),
        msg('If it repeats, check the signature and the meeting number.'),
      ];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_fail'],
    sdkText: 'Fail to join the meeting.',
  },
  2: {
    code: 'meeting-not-initialized',
    category: ErrorCategory.config,
    get title() {
      return msg('The meeting SDK is not initialised');
    },
    get hint() {
      return msg('join() was called before ZoomMtg.init() had succeeded, so the SDK has no meeting set up to join.');
    },
    get steps() {
      return [
        msg('Call setZoomJSLib, preLoadWasm and prepareWebSDK first.'),
        msg('Call ZoomMtg.init() and wait for its success callback.'),
        msg('Call join() only then.'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_init'],
    sdkText: 'Meeting not initialized.',
  },
  3: {
    code: 'not-supported',
    category: ErrorCategory.config,
    get title() {
      return msg('Not supported: unknown join parameters or a JWT-app API key');
    },
    get hint() {
      return msg('The Client View refuses join options it does not know, and any apiKey, because keys of the retired JWT app type are no longer accepted.');
    },
    get steps() {
      return [
        msg('Read the SDK\'s message ("Join parameters: … are invalid!") for the names of the unknown options.'),
        msg('Remove those options and any apiKey from the join options.'),
        msg("Sign with a Meeting SDK app's Client ID and Client Secret."),
      ];
    },
    retryable: false,
  },
  200: {
    code: 'meeting-info-failed',
    category: ErrorCategory.sdk,
    get title() {
      return msg('Zoom could not provide the meeting information');
    },
    get hint() {
      return msg('zoom.us/wc/info or the meeting server gave an answer the SDK does not map, and the SDK\'s reason carries Zoom\'s text ("connection error" there means the meeting server could not be reached).');
    },
    get steps() {
      return [
        msg('Try again.'),
        msg("If it repeats, read the SDK's reason in the error message."),
        msg('Check the signature and the meeting number.'),
      ];
    },
    retryable: true,
  },
  403: {
    code: 'service-offline',
    category: ErrorCategory.network,
    get title() {
      return msg('The Zoom service is temporarily offline');
    },
    get hint() {
      return msg("zoom.us answered 403 or 404, or not at all, so Zoom's service is down or a corporate proxy blocks zoom.us.");
    },
    get steps() {
      return [msg('Check status.zoom.us.'), msg('Check that no proxy blocks zoom.us.'), msg('Try again later.')];
    },
    retryable: true,
    sdkKeys: ['apac.errorcodes_offline'],
    sdkText: 'The service is temporarily offline.',
  },
  5000: {
    code: 'browser-unsupported',
    category: ErrorCategory.browser,
    get title() {
      return msg('This browser cannot run the meeting');
    },
    get hint() {
      return msg('The SDK found no usable audio and video support (WebAssembly, WebRTC, Web Audio) in this browser.');
    },
    get steps() {
      return [
        msg('Open the page in a current Chrome, Edge, Safari or Firefox, not in an in-app browser.'),
        msg('Check the supported versions at https://developers.zoom.us/docs/meeting-sdk/web/browser-support.'),
      ];
    },
    retryable: false,
  },
  5001: {
    code: 'assets-unreachable',
    category: ErrorCategory.assets,
    get title() {
      return msg("The SDK's dependent assets are not accessible");
    },
    get hint() {
      return msg('The SDK could not load js_media.min.js and its other files from the asset path, most often because the path is relative (the SDK then fetches from source.zoom.us) or the files are not served there.');
    },
    get steps() {
      return [
        msg('Set assetPath to an absolute http(s) URL of the self-hosted copy of node_modules/@zoom/meetingsdk/dist/lib/av, or to "CDN", "Global" or "CN" for Zoom\'s CDN.'),
        msg('Resolve a relative path with new URL(path, document.baseURI).href: a relative path is silently ignored.'),
        msg('Check that the files are served: no 404, the right MIME type, and CORS/CORP headers when the page is cross-origin isolated.'),
      ];
    },
    retryable: false,
  },
  5012: {
    code: 'duplicate-join',
    category: ErrorCategory.sdk,
    get title() {
      return msg('Join was called while a join is already under way');
    },
    get hint() {
      return msg('join was called again on a client whose join had not settled, and the SDK allows one join per 10 s.');
    },
    get steps() {
      return [
        msg('Call join once per client and wait for it to settle.'),
        msg('To join again, call leaveMeeting() and destroyClient() first.'),
      ];
    },
    retryable: false,
  },
  5013: {
    code: 'invalid-join-parameters',
    category: ErrorCategory.config,
    get title() {
      return msg('Invalid join parameters');
    },
    get hint() {
      return msg('The Component View rejected the join options: userName is empty, zak and obfToken were both given, or no key or signature reached the SDK.');
    },
    get steps() {
      return [msg("Read the SDK's reason in the error message: it names which one."), msg('Fix that option and join again.')];
    },
    retryable: false,
  },
  10000: {
    code: 'sdk-version-unsupported',
    category: ErrorCategory.sdk,
    get title() {
      return msg('This Meeting SDK version is no longer supported');
    },
    get hint() {
      return msg('Zoom refuses joins from this version of the Meeting SDK.');
    },
    get steps() {
      return [
        msg('Upgrade @zoom/meetingsdk to its latest release (zoom-join runs every ^5.0.0 || ^6.0.0; npx zoom-join doctor --sdk shows the installed one).'),
        msg('Update the self-hosted lib/ assets with it (zoom-join/vite copies them on build).'),
      ];
    },
    retryable: false,
    sdkKeys: ['apac.errorcodes_meeting_websdk_version_need_update', 'apac.websdk_enforce_update_content'],
    sdkText: 'The current sdk version is no longer supported, please upgrade to the latest version.',
  },
} as const satisfies ZoomErrorTable;

/**
 * The Component View numbers 1–3 differently from the Client View (its `OPERATION_TIMEOUT`, `INTERNAL_ERROR`,
 * `OPERATION_CANCELLED`), so these rows win over the main table when the failure came from that view.
 */
export const componentViewErrors = {
  1: {
    code: 'operation-timeout',
    category: ErrorCategory.network,
    get title() {
      return msg('The operation timed out');
    },
    get hint() {
      return msg('The SDK waited too long for Zoom to answer.');
    },
    get steps() {
      return [msg('Check the connection.'), msg('Try again.')];
    },
    retryable: true,
  },
  2: {
    code: 'sdk-internal-error',
    category: ErrorCategory.sdk,
    // The wording is the SDK's own description of INTERNAL_ERROR in its typings (embedded.d.ts).
    get title() {
      return msg('The remote service is temporarily unavailable');
    },
    get hint() {
      return msg('The SDK reported an internal error: the remote service is temporarily unavailable.');
    },
    get steps() {
      return [msg('Wait a moment.'), msg('Try again.')];
    },
    retryable: true,
  },
  3: {
    code: 'operation-cancelled',
    category: ErrorCategory.sdk,
    get title() {
      return msg('The operation was cancelled');
    },
    get hint() {
      return msg('A later call (leave, destroyClient or a new join) cancelled this operation.');
    },
    get steps() {
      return [
        msg('Ignore it if leaving or joining again was intended.'),
        msg('Otherwise, make sure nothing calls leave, destroyClient or join while this operation runs.'),
      ];
    },
    retryable: false,
  },
} as const satisfies ZoomErrorTable;
