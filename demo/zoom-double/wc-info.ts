/**
 * A double of Zoom's join web service: the answers `POST https://zoom.us/api/v1/wc/info` gives when it refuses a
 * join, in the shapes the Meeting SDK 6.2.0 bundles branch on. Used by the browser tests (Playwright routing) and by
 * the demo's "real SDK, Zoom double" mode (a service worker); nothing here reaches zoom.us.
 *
 * How the SDK reads an answer `{status, errorCode, errorMessage, result}` (read from its bundles):
 * - Component View (`meetingInfoEpic`, zoomus-websdk-embedded.umd.min.js): success when `status === true` with a
 *   `result` whose `rsRes` (if any) has a truthy status; 3051/3052/6024/3110/3099 go down the success path too and
 *   reject with a URL (sign-in, registration). Of the failures it special-cases 3004, 3008 (also as
 *   `result.rsRes.errorCode`), -3000, 200 (its text is looked up in the signature table below → 3704–3713), 3000
 *   (its text is looked up in the en-US strings → 3000, 3005, 3603, 3611, 10000, …), 3139 and 3129 (waiting for the
 *   host → 3008). **Every other code becomes `{reason: errorMessage, errorCode: 200}`**: Zoom's number is lost.
 * - Client View (`fetchRemoteSDKMeetingInfoEpic` and the join task, zoom-meeting-6.2.0.min.js): failure when
 *   `status` is not true, or when `result && errorMessage && !result.mid`. The join `error` callback gets
 *   `{method: 'join', status: false, result: errorMessage, ...K3(errorCode, errorMessage)}` where K3 maps 200 + the
 *   signature text → 3704–3715, 3000 + text → the 3000 family, and other numbers through its own tables, else
 *   `{errorCode: 1, errorMessage: 'Fail to join the meeting.'}`. A text `result` makes it try to read the answer
 *   as meeting data, which throws inside an rxjs pipe: no callback at all.
 */

/** The body of a wc/info answer, as Zoom sends it. */
export interface WcInfoAnswer {
  status: boolean;
  errorCode: number;
  errorMessage: string;
  result: unknown;
}

/** One way Zoom's web service can answer; `http` other than 200 answers with that HTTP status. */
export interface ZoomDoubleScenario {
  id: string;
  label: string;
  /** Zoom's number for this refusal, as the SDK documents it (3712, 3705, …). */
  zoomCode: number;
  /** Which SDK branch this answer exercises (see the comment above). */
  shape: 'signature-text' | 'web-text' | 'code' | 'rs-res' | 'code-as-final' | 'text-result' | 'http-error';
  http?: number;
  answer: WcInfoAnswer;
}

/**
 * Zoom's own wording of the signature check's refusals, sent with errorCode 200; both bundles hold this exact table
 * and map its texts to 3704–3713.
 */
export const signatureCheckTexts: Readonly<Record<number, string>> = {
  3704: 'The api key is wrong.',
  3705: 'The signature has expired.',
  3706: 'The meeting number is wrong.',
  3707: 'The meeting number is not found.',
  3708: 'The role is not applicable.',
  3709: 'The meeting host is not found.',
  3710: "The account don't enable API.",
  3711: "Can not be host in other account's meeting.",
  3712: 'Invalid signature.',
  3713: 'No permission',
};

/** The SDK's en-US strings (lib/lang/en-US.json) that the 3000 answers carry and both views look up. */
export const webServiceTexts: Readonly<Record<number, string>> = {
  3000: 'Already has other meetings in progress.',
  3005: 'User email is required.',
  3603: 'Not support start or join meeting from web.',
  3611: 'Unable join from browser, please join using the Zoom desktop client or mobile app.',
  10000: 'The current sdk version is no longer supported, please upgrade to the latest version.',
};

function refusal(errorCode: number, errorMessage: string, result: unknown = null): WcInfoAnswer {
  return { status: false, errorCode, errorMessage, result };
}

function signatureRefusal(id: string, label: string, zoomCode: number): ZoomDoubleScenario {
  const text = signatureCheckTexts[zoomCode] ?? '';
  return { id, label, zoomCode, shape: 'signature-text', answer: refusal(200, text) };
}

function webRefusal(id: string, label: string, zoomCode: number): ZoomDoubleScenario {
  const text = webServiceTexts[zoomCode] ?? '';
  return { id, label, zoomCode, shape: 'web-text', answer: refusal(3000, text) };
}

function codeRefusal(id: string, label: string, zoomCode: number, text: string): ZoomDoubleScenario {
  return { id, label, zoomCode, shape: 'code', answer: refusal(zoomCode, text) };
}

/** Every refusal the double can give, by id. */
export const zoomDoubleScenarios: readonly ZoomDoubleScenario[] = [
  signatureRefusal('invalid-signature', 'Signature invalid (3712)', 3712),
  signatureRefusal('expired-signature', 'Signature expired (3705)', 3705),
  signatureRefusal('wrong-meeting-number', 'Meeting number wrong (3706)', 3706),
  signatureRefusal('meeting-number-not-found', 'Meeting number not found (3707)', 3707),
  signatureRefusal('sdk-key-invalid', 'App key not valid (3704)', 3704),
  signatureRefusal('role-invalid', 'Role not applicable (3708)', 3708),
  webRefusal('another-meeting', 'Another meeting in progress (3000)', 3000),
  webRefusal('email-required', 'Email required (3005)', 3005),
  webRefusal('sdk-version', 'SDK version no longer supported (10000)', 10000),
  webRefusal('browser-join-disallowed', 'Join from the Zoom app only (3611)', 3611),
  codeRefusal('meeting-not-found', 'Meeting does not exist (3001)', 3001, 'Meeting does not exist.'),
  codeRefusal('not-started', 'Meeting not started (3008)', 3008, 'Meeting has not started'),
  codeRefusal('wrong-passcode', 'Passcode wrong (3004)', 3004, 'Meeting Passcode wrong.'),
  codeRefusal('not-host', 'Not the host (3003)', 3003, 'You are not the meeting host.'),
  codeRefusal('removed', 'Removed by the host (3009)', 3009, 'Be removed.'),
  codeRefusal('join-throttled', 'Too many joins: captcha (3634)', 3634, 'You be limit by zoom, need to check recaptcha.'),
  codeRefusal(
    'anonymous-join-disallowed',
    'Anonymous join not allowed (4012)',
    4012,
    'This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.',
  ),
  codeRefusal('registration-required', 'Registration required (3099)', 3099, 'https://zoom.us/webinar/register/WN_double'),
  codeRefusal('login-required', 'Sign-in required (3100)', 3100, 'Require login'),
  codeRefusal('tk-expired', 'Registration token expired (124)', 124, 'Token has expired.'),
  {
    id: 'waiting-for-host',
    label: 'Waiting for the host (rsRes 3008)',
    zoomCode: 3008,
    shape: 'rs-res',
    answer: { status: true, errorCode: 0, errorMessage: '', result: { rsRes: { status: false, errorCode: 3008 } } },
  },
  // Zoom's final number as errorCode with the SDK's own wording: both views collapse it (200 / 1), only the text
  // survives.
  { id: 'invalid-signature-as-3712', label: 'Signature invalid, answered as 3712', zoomCode: 3712, shape: 'code-as-final', answer: refusal(3712, 'Signature is invalid.') },
  { id: 'expired-signature-as-3705', label: 'Signature expired, answered as 3705', zoomCode: 3705, shape: 'code-as-final', answer: refusal(3705, 'The signature has expired.') },
  // The forum thread's callback had a text result: the Client View then never calls back.
  {
    id: 'invalid-signature-text-result',
    label: 'Signature invalid, with a text result',
    zoomCode: 3712,
    shape: 'text-result',
    answer: refusal(200, 'Invalid signature.', 'Invalid signature.'),
  },
  {
    id: 'service-unavailable',
    label: 'Join service down (HTTP 503)',
    zoomCode: -3000,
    shape: 'http-error',
    http: 503,
    answer: refusal(503, 'Service Unavailable'),
  },
];

export function zoomDoubleScenario(id: string): ZoomDoubleScenario | undefined {
  return zoomDoubleScenarios.find((scenario) => scenario.id === id);
}

/** Matches the SDK's join request and nothing else of Zoom's. */
export const WC_INFO_URL = /^https:\/\/(?:[a-z0-9-]+\.)*zoom\.us\/api\/v1\/wc\/info(?:[?#]|$)/;

/** Any request to a Zoom host (the double refuses everything it does not answer). */
export const ZOOM_HOST_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)(?::\d+)?\//;

/**
 * The HTTP answer to the SDK's request: JSON, readable cross-origin with credentials from `origin` (the SDK's XHR is
 * `crossDomain` and sometimes credentialed, so `*` would be refused).
 */
export function wcInfoResponse(scenario: ZoomDoubleScenario, origin: string): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: scenario.http ?? 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'cache-control': 'no-store',
    },
    body: JSON.stringify(scenario.answer),
  };
}
