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
    title: 'Cannot reach Zoom (connection error)',
    hint:
      "The browser could not reach Zoom's servers (zoom.us/wc/info or the meeting server) because the device is " +
      'offline or a proxy, firewall, VPN or content blocker stops requests to *.zoom.us.',
    steps: [
      'Check that the device is online.',
      "Allow *.zoom.us in the proxy, firewall, VPN and content blocker, and in the page's CSP connect-src.",
      'Try again.',
    ],
    retryable: true,
  },
  '-1': {
    code: 'sdk-rejected',
    category: ErrorCategory.sdk,
    title: 'The SDK refused the call',
    hint:
      'The SDK rejected init or join before contacting Zoom, and its reason says why (for example "zoomAppRoot ' +
      'cannot be falsy").',
    steps: ["Read the SDK's reason in the error message.", 'Fix what the reason names.', 'Call init or join again.'],
    retryable: false,
  },
  0: {
    code: 'success',
    category: ErrorCategory.sdk,
    title: 'Joined the meeting (not an error)',
    hint: 'Code 0 means success, so a success callback or payload was handled as a failure.',
    steps: ["Treat errorCode 0 in the SDK's callbacks and payloads as success."],
    retryable: false,
    sdkKeys: ['apac.errorcodes_success'],
    sdkText: 'Successfully joined the meeting.',
  },
  1: {
    code: 'join-failed',
    // Observed: this is what the Client View reports when zoom.us cannot be reached (its -3000), so the most
    // likely cause is the network; the hint names the rest. It is the Client View's catch-all.
    category: ErrorCategory.network,
    title: 'Failed to join the meeting',
    hint:
      'The Client View gives only this general failure when zoom.us cannot be reached, when join is called before ' +
      'init succeeded, and for answers it does not map.',
    steps: [
      'Check the connection and the browser console.',
      'Try again.',
      'If it repeats, check the signature and the meeting number.',
    ],
    retryable: true,
    sdkKeys: ['apac.errorcodes_fail'],
    sdkText: 'Fail to join the meeting.',
  },
  2: {
    code: 'meeting-not-initialized',
    category: ErrorCategory.config,
    title: 'The meeting SDK is not initialised',
    hint: 'join() was called before ZoomMtg.init() had succeeded, so the SDK has no meeting set up to join.',
    steps: [
      'Call setZoomJSLib, preLoadWasm and prepareWebSDK first.',
      'Call ZoomMtg.init() and wait for its success callback.',
      'Call join() only then.',
    ],
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_init'],
    sdkText: 'Meeting not initialized.',
  },
  3: {
    code: 'not-supported',
    category: ErrorCategory.config,
    title: 'Not supported: unknown join parameters or a JWT-app API key',
    hint:
      'The Client View refuses join options it does not know, and any apiKey, because keys of the retired JWT app ' +
      'type are no longer accepted.',
    steps: [
      'Read the SDK\'s message ("Join parameters: … are invalid!") for the names of the unknown options.',
      'Remove those options and any apiKey from the join options.',
      "Sign with a Meeting SDK app's Client ID and Client Secret.",
    ],
    retryable: false,
  },
  200: {
    code: 'meeting-info-failed',
    category: ErrorCategory.sdk,
    title: 'Zoom could not provide the meeting information',
    hint:
      'zoom.us/wc/info or the meeting server gave an answer the SDK does not map, and the SDK\'s reason carries ' +
      'Zoom\'s text ("connection error" there means the meeting server could not be reached).',
    steps: [
      'Try again.',
      "If it repeats, read the SDK's reason in the error message.",
      'Check the signature and the meeting number.',
    ],
    retryable: true,
  },
  403: {
    code: 'service-offline',
    category: ErrorCategory.network,
    title: 'The Zoom service is temporarily offline',
    hint:
      'zoom.us answered 403 or 404, or not at all, so Zoom\'s service is down or a corporate proxy blocks zoom.us.',
    steps: ['Check status.zoom.us.', 'Check that no proxy blocks zoom.us.', 'Try again later.'],
    retryable: true,
    sdkKeys: ['apac.errorcodes_offline'],
    sdkText: 'The service is temporarily offline.',
  },
  5000: {
    code: 'browser-unsupported',
    category: ErrorCategory.browser,
    title: 'This browser cannot run the meeting',
    hint: 'The SDK found no usable audio and video support (WebAssembly, WebRTC, Web Audio) in this browser.',
    steps: [
      'Open the page in a current Chrome, Edge, Safari or Firefox, not in an in-app browser.',
      'Check the supported versions at https://developers.zoom.us/docs/meeting-sdk/web/browser-support.',
    ],
    retryable: false,
  },
  5001: {
    code: 'assets-unreachable',
    category: ErrorCategory.assets,
    title: "The SDK's dependent assets are not accessible",
    hint:
      'The SDK could not load js_media.min.js and its other files from the asset path, most often because the path ' +
      'is relative (the SDK then fetches from source.zoom.us) or the files are not served there.',
    steps: [
      'Set assetPath to an absolute http(s) URL of the self-hosted copy of node_modules/@zoom/meetingsdk/dist/lib/av, ' +
        'or to "CDN", "Global" or "CN" for Zoom\'s CDN.',
      'Resolve a relative path with new URL(path, document.baseURI).href: a relative path is silently ignored.',
      'Check that the files are served: no 404, the right MIME type, and CORS/CORP headers when the page is ' +
        'cross-origin isolated.',
    ],
    retryable: false,
  },
  5012: {
    code: 'duplicate-join',
    category: ErrorCategory.sdk,
    title: 'Join was called while a join is already under way',
    hint: 'join was called again on a client whose join had not settled, and the SDK allows one join per 10 s.',
    steps: [
      'Call join once per client and wait for it to settle.',
      'To join again, call leaveMeeting() and destroyClient() first.',
    ],
    retryable: false,
  },
  5013: {
    code: 'invalid-join-parameters',
    category: ErrorCategory.config,
    title: 'Invalid join parameters',
    hint:
      'The Component View rejected the join options: userName is empty, zak and obfToken were both given, or no ' +
      'key or signature reached the SDK.',
    steps: ["Read the SDK's reason in the error message: it names which one.", 'Fix that option and join again.'],
    retryable: false,
  },
  10000: {
    code: 'sdk-version-unsupported',
    category: ErrorCategory.sdk,
    title: 'This Meeting SDK version is no longer supported',
    hint: 'Zoom refuses joins from this version of the Meeting SDK.',
    steps: [
      'Upgrade @zoom/meetingsdk to its latest release (zoom-join runs every ^5.0.0 || ^6.0.0; npx zoom-join doctor --sdk shows the installed one).',
      'Update the self-hosted lib/ assets with it (zoom-join/vite copies them on build).',
    ],
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
    title: 'The operation timed out',
    hint: 'The SDK waited too long for Zoom to answer.',
    steps: ['Check the connection.', 'Try again.'],
    retryable: true,
  },
  2: {
    code: 'sdk-internal-error',
    category: ErrorCategory.sdk,
    // The wording is the SDK's own description of INTERNAL_ERROR in its typings (embedded.d.ts).
    title: 'The remote service is temporarily unavailable',
    hint: 'The SDK reported an internal error: the remote service is temporarily unavailable.',
    steps: ['Wait a moment.', 'Try again.'],
    retryable: true,
  },
  3: {
    code: 'operation-cancelled',
    category: ErrorCategory.sdk,
    title: 'The operation was cancelled',
    hint: 'A later call (leave, destroyClient or a new join) cancelled this operation.',
    steps: [
      'Ignore it if leaving or joining again was intended.',
      'Otherwise, make sure nothing calls leave, destroyClient or join while this operation runs.',
    ],
    retryable: false,
  },
} as const satisfies ZoomErrorTable;
