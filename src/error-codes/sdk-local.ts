import { ErrorCategory } from '../errors.js';
import type { ZoomErrorTable } from './types.js';

/**
 * Codes the SDK makes up in the page, before or without an answer from Zoom: `ZoomMtg.errorCodes` (Client View),
 * the Component View's client error enum (`CLIENT_*`), its offline code and its catch-alls.
 */
export const sdkLocalErrors = {
  '-3000': {
    code: 'connection-error',
    category: ErrorCategory.network,
    title: 'Cannot reach Zoom (connection error)',
    hint:
      "The browser could not reach Zoom's servers (zoom.us/wc/info or the meeting server): the device is offline, or a " +
      'proxy, firewall, VPN or content blocker stops requests to *.zoom.us. Check the connection and allow *.zoom.us, then ' +
      'try again.',
    retryable: true,
  },
  '-1': {
    code: 'sdk-rejected',
    category: ErrorCategory.sdk,
    title: 'The SDK refused the call',
    hint:
      'The SDK rejected init or join before contacting Zoom; its reason says why (for example "zoomAppRoot cannot be ' +
      'falsy"). Fix what the reason names and call again.',
    retryable: false,
  },
  0: {
    code: 'success',
    category: ErrorCategory.sdk,
    title: 'Joined the meeting (not an error)',
    hint: 'Code 0 means success; if it arrived as an error, a success callback or payload was handled as a failure.',
    retryable: false,
    sdkKeys: ['apac.errorcodes_success'],
    sdkText: 'Successfully joined the meeting.',
  },
  1: {
    code: 'join-failed',
    // Observed: this is what the Client View reports when zoom.us cannot be reached (its -3000), so the most
    // likely cause is the network; the hint names the rest.
    category: ErrorCategory.network,
    title: 'Failed to join the meeting',
    hint:
      "The Client View's catch-all. Offline it is all you get; it also covers join called before init succeeded and " +
      'answers the SDK does not map. Check the connection and the browser console, then try again; if it repeats, check ' +
      'the signature and the meeting number.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_fail'],
    sdkText: 'Fail to join the meeting.',
  },
  2: {
    code: 'meeting-not-initialized',
    category: ErrorCategory.config,
    title: 'The meeting SDK is not initialised',
    hint:
      'Call ZoomMtg.init() and wait for its success callback before join() (setZoomJSLib, preLoadWasm and prepareWebSDK ' +
      'come first).',
    retryable: false,
    sdkKeys: ['apac.errorcodes_not_init'],
    sdkText: 'Meeting not initialized.',
  },
  3: {
    code: 'not-supported',
    category: ErrorCategory.config,
    title: 'Not supported: unknown join parameters or a JWT-app API key',
    hint:
      'The Client View rejects join options it does not know ("Join parameters: … are invalid!" names them) and any ' +
      'apiKey: keys of the retired JWT app type are refused. Remove those options and sign with a Meeting SDK app\'s ' +
      'Client ID and Client Secret.',
    retryable: false,
  },
  200: {
    code: 'meeting-info-failed',
    category: ErrorCategory.sdk,
    title: 'Zoom could not provide the meeting information',
    hint:
      'A catch-all for answers from zoom.us/wc/info or the meeting server that the SDK does not map; the SDK\'s reason ' +
      'carries Zoom\'s text ("connection error" here means the meeting server could not be reached). Try again; if it ' +
      'repeats, read the reason and check the signature and the meeting number.',
    retryable: true,
  },
  403: {
    code: 'service-offline',
    category: ErrorCategory.network,
    title: 'The Zoom service is temporarily offline',
    hint:
      'zoom.us answered 403/404 or not at all. Check status.zoom.us and try again later; a corporate proxy that blocks ' +
      'zoom.us produces the same answer.',
    retryable: true,
    sdkKeys: ['apac.errorcodes_offline'],
    sdkText: 'The service is temporarily offline.',
  },
  5000: {
    code: 'browser-unsupported',
    category: ErrorCategory.browser,
    title: 'This browser cannot run the meeting',
    hint:
      'The SDK found no usable audio/video support (WebAssembly, WebRTC, Web Audio). Use a current Chrome, Edge, Safari ' +
      'or Firefox outside in-app browsers; see https://developers.zoom.us/docs/meeting-sdk/web/browser-support.',
    retryable: false,
  },
  5001: {
    code: 'assets-unreachable',
    category: ErrorCategory.assets,
    title: "The SDK's dependent assets are not accessible",
    hint:
      'The SDK could not load js_media.min.js and the other files from its asset path. assetPath must be an absolute ' +
      'http(s) URL to the self-hosted copy of node_modules/@zoom/meetingsdk/dist/lib/av (or "CDN"/"Global"/"CN" for ' +
      "Zoom's CDN). A relative path is silently ignored: the SDK then fetches from source.zoom.us and fails here — " +
      'resolve it with new URL(path, document.baseURI).href. Also check that the files are served (no 404, correct ' +
      'MIME type, CORS/CORP headers when cross-origin isolated).',
    retryable: false,
  },
  5012: {
    code: 'duplicate-join',
    category: ErrorCategory.sdk,
    title: 'Join was called while a join is already under way',
    hint:
      'Call join once per client and wait for it to settle (the SDK also allows one join per 10 s); to join again, call ' +
      'leaveMeeting() and destroyClient() first.',
    retryable: false,
  },
  5013: {
    code: 'invalid-join-parameters',
    category: ErrorCategory.config,
    title: 'Invalid join parameters',
    hint:
      'The Component View rejected the join options: an empty userName, zak and obfToken together, or no key/signature ' +
      'reached the SDK. The reason names which one.',
    retryable: false,
  },
  10000: {
    code: 'sdk-version-unsupported',
    category: ErrorCategory.sdk,
    title: 'This Meeting SDK version is no longer supported',
    hint:
      'Zoom refuses joins from this SDK version: upgrade @zoom/meetingsdk (and the self-hosted lib/av assets with it) to ' +
      'the latest release.',
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
    hint: 'The SDK waited too long for Zoom to answer; check the connection and try again.',
    retryable: true,
  },
  2: {
    code: 'sdk-internal-error',
    category: ErrorCategory.sdk,
    title: 'The remote service is temporarily unavailable',
    hint: 'The SDK reported an internal error (its typings: "the remote service is temporarily unavailable"); try again.',
    retryable: true,
  },
  3: {
    code: 'operation-cancelled',
    category: ErrorCategory.sdk,
    title: 'The operation was cancelled',
    hint: 'A later call (leave, destroyClient, a new join) cancelled this one; nothing to fix unless it was unintended.',
    retryable: false,
  },
} as const satisfies ZoomErrorTable;
