/**
 * Every public error code <zoom-join> can raise, collected from the code itself — the SDK tables, the SDK message
 * rules and error types, and every factory of the element's own errors called with sample input — and the Markdown
 * of docs/errors.md made from it, so the page cannot drift from what the element does.
 *
 *   node --import tsx scripts/error-code-docs.ts            # print the generated part
 *   node --import tsx scripts/error-code-docs.ts --write    # rewrite it in docs/errors.md (npm run docs:errors)
 *   node --import tsx scripts/error-code-docs.ts --check    # exit 1 when docs/errors.md is stale
 *
 * It reads src/ (through tsx) rather than dist/: no build is needed, and the factories' texts are not public API.
 * test/node/error-code-docs.test.ts fails when docs/errors.md and the code disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkAssetPath, TIMED_OUT } from '../src/assets/check-asset-path.js';
import { VERSION_WITNESS } from '../src/assets/sdk-files.js';
import { readJoinConfig, type JoinInputs } from '../src/config/join-config.js';
import {
  componentViewErrors,
  sdkErrorTypes,
  sdkMessageRules,
  unknownZoomError,
  zoomErrorTable,
  type ZoomErrorEntry,
} from '../src/error-codes/index.js';
import { anotherMeetingOnThisPage, joinCancelled, meetingOpenInAnotherTab } from '../src/error-codes/element-own-codes.js';
import { ZoomJoinError, type SignatureProblem } from '../src/zoom-join-error.js';
import { meetingOpenInAnotherTabError } from '../src/meeting/browser-lock.js';
import { joinCodeLoadFailedError } from '../src/meeting/join-code-load-error.js';
import { JoinStep } from '../src/meeting/join-flow.js';
import {
  anotherMeetingOnThisPageError,
  cancelledError,
  meetingCommandError,
  memoryPressureError,
  notInMeetingError,
  zakAndObfTokenError,
  joinTimeoutError,
  unexpectedError,
} from '../src/meeting/join-errors.js';
import { memoryWarningTexts } from '../src/memory/memory-texts.js';
import { normalizeSdkError } from '../src/sdk/normalize-error.js';
import { meetingFrameReloadedError } from '../src/sdk/sdk-realm.js';
import { checkSignature } from '../src/signature/check-signature.js';
import { inspectSignature, SignatureProblemCode } from '../src/signature/inspect.js';
import {
  answerTooLargeError,
  endpointMissingError,
  httpStatusError,
  missingSignatureError,
  networkError,
  notJsonError,
  originRefusedError,
  providerFailedError,
  requestInvalidError,
  signInRequiredError,
  timeoutError,
  tokensConflictError,
} from '../src/signature/signature-errors.js';

/** Where a code comes from, as the docs name it. */
export type ErrorSource = 'Zoom number' | 'SDK message' | 'SDK error type' | 'SDK failure' | 'element';

/** One way to meet a code: a table row or an error a factory made. */
export interface ErrorSample {
  readonly code: string;
  readonly category: string;
  readonly retryable: boolean;
  readonly title: string;
  readonly message?: string;
  readonly hint: string;
  readonly steps: readonly string[];
  readonly source: ErrorSource;
  /** The Zoom number (or SDK error type) behind it, as the docs show it. */
  readonly zoom?: string;
}

function fromEntry(entry: ZoomErrorEntry, source: ErrorSource, zoom?: string): ErrorSample {
  return {
    code: entry.code,
    category: entry.category,
    retryable: entry.retryable,
    title: entry.title,
    hint: entry.hint,
    steps: entry.steps,
    source,
    ...(zoom !== undefined ? { zoom } : {}),
  };
}

function fromError(error: ZoomJoinError, source: ErrorSource = 'element'): ErrorSample {
  return {
    code: error.code,
    category: error.category,
    retryable: error.retryable,
    title: error.title,
    message: error.message,
    hint: error.hint,
    steps: error.steps,
    source,
    ...(error.sdkCode !== undefined ? { zoom: String(error.sdkCode) } : {}),
  };
}

/** The rows of the SDK tables, as describeZoomError and normalizeSdkError use them. */
export function tableSamples(): ErrorSample[] {
  const samples: ErrorSample[] = [];
  for (const [key, entry] of Object.entries(zoomErrorTable)) {
    // 1–3 are the Client View's meanings; the Component View's own rows follow.
    const number = Number(key);
    samples.push(fromEntry(entry, 'Zoom number', number >= 1 && number <= 3 ? `${key} (Client View)` : key));
  }
  for (const [key, entry] of Object.entries(componentViewErrors)) {
    samples.push(fromEntry(entry, 'Zoom number', `${key} (Component View)`));
  }
  samples.push(fromEntry(unknownZoomError, 'Zoom number', 'any other'));
  for (const rule of sdkMessageRules) samples.push(fromEntry(rule.entry, 'SDK message'));
  for (const [type, entry] of Object.entries(sdkErrorTypes)) samples.push(fromEntry(entry, 'SDK error type', type));
  // The element's own cases of codes shared with the SDK.
  for (const entry of [anotherMeetingOnThisPage, meetingOpenInAnotherTab, joinCancelled]) {
    samples.push(fromEntry(entry, 'element'));
  }
  return samples;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const NOW = 1_700_000_000;

/** A token with these claims; inspectSignature decodes and never verifies, so any third part will do. */
function token(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  return `${base64url(header)}.${base64url(payload)}.c2lnbmF0dXJl`;
}

const validClaims = { appKey: 'client-id', sdkKey: 'client-id', mn: '1234567890', role: 0, iat: NOW - 30, exp: NOW + 7200, tokenExp: NOW + 7200 };

/** Signatures that, between them, raise every problem inspectSignature knows. */
export function signatureProblemSamples(): SignatureProblem[] {
  const expected = { meetingNumber: '1234567890', role: 0, sdkKey: 'client-id', now: NOW };
  const tokens: Array<[string, typeof expected | Partial<typeof expected>]> = [
    ['not-a-jwt', expected],
    [token(validClaims, { alg: 'RS256' }), expected],
    [token({ ...validClaims, appKey: undefined, sdkKey: undefined }), expected],
    [token({ ...validClaims, appKey: undefined }), expected],
    [token({ ...validClaims, sdkKey: 'other' }), expected],
    [token({ ...validClaims, appKey: 'other', sdkKey: 'other' }), expected],
    [token({ ...validClaims, mn: undefined }), expected],
    [token({ ...validClaims, mn: '123-abc' }), expected],
    [token({ ...validClaims, mn: '999999999' }), expected],
    [token({ ...validClaims, role: 5 }), expected],
    [token({ ...validClaims, role: '0' }), expected],
    [token({ ...validClaims, role: 1 }), expected],
    [token({ ...validClaims, iat: 'soon' }), expected],
    [token({ ...validClaims, iat: NOW + 3600, exp: NOW + 7200 }), expected],
    [token({ ...validClaims, iat: NOW * 1000, exp: NOW * 1000 + 7_200_000 }), expected],
    [token({ ...validClaims, iat: NOW - 7200, exp: NOW - 60, tokenExp: NOW - 60 }), expected],
    [token({ ...validClaims, exp: NOW + 60, tokenExp: NOW + 60 }), expected],
    [token({ ...validClaims, tokenExp: 'later' }), expected],
    [token({ ...validClaims, tokenExp: NOW }), expected],
    [token({ ...validClaims, video_webrtc_mode: 2 }), expected],
  ];
  const inspected = tokens.flatMap(([jwt, expectations]) => inspectSignature(jwt, expectations).problems);
  // Judged by this device's clock alone (no serverTime), the time findings are warnings: one long past, one far ahead.
  const FUTURE = 4_000_000_000;
  const byDeviceClock = [
    token({ ...validClaims, iat: NOW - 7200, exp: NOW - 60, tokenExp: NOW - 60 }),
    token({ ...validClaims, iat: FUTURE, exp: FUTURE + 7200, tokenExp: FUTURE + 7200 }),
  ].flatMap((jwt) => checkSignature(jwt, { meetingNumber: '1234567890', role: 0, sdkKey: 'client-id' }));
  return [...inspected, ...byDeviceClock];
}

const ENDPOINT = 'https://auth.example/signature';
const LIB = 'https://app.example/zoom-sdk/lib';

const validInputs: JoinInputs = {
  meetingNumber: '1234567890',
  userName: 'Ada',
  userEmail: '',
  passcode: '',
  password: '',
  meetingRole: '0',
  view: 'component',
  lang: 'en-US',
  assetPath: '',
  signatureEndpoint: '',
};

/** Attribute values readJoinConfig refuses, one per check. */
const badInputs: Array<Partial<JoinInputs>> = [
  { meetingNumber: '' },
  { meetingNumber: 'https://zoom.us/j/1' },
  { userName: ' ' },
  { userEmail: 'not-an-email' },
  { meetingRole: 'host' },
  { getAttribute: (name) => (name === 'role' ? '1' : null) },
  { view: 'embedded' },
  { assetPath: 'javascript:alert(1)' },
  { signatureEndpoint: 'mailto:a@example.com' },
];

async function assetSamples(): Promise<ErrorSample[]> {
  const json = { 'content-type': 'application/json' };
  const answers: Array<() => Response | Promise<Response>> = [
    () => Promise.reject(new TypeError('Failed to fetch')),
    () => new Response('Not found', { status: 404 }),
    () => new Response('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } }),
    () => new Response('{not json', { headers: json }),
    // A manifest without the file whose hash tells the version…
    () => new Response(JSON.stringify({ 'other.js': { hash: 'a'.repeat(64), size: 1 } }), { headers: json }),
    // …and one of another SDK version.
    () => new Response(JSON.stringify({ [VERSION_WITNESS]: { hash: 'f'.repeat(64), size: 1 } }), { headers: json }),
  ];
  const samples: ErrorSample[] = [];
  for (const answer of answers) {
    const fetch = (async () => answer()) as unknown as typeof globalThis.fetch;
    try {
      await checkAssetPath(LIB, { fetch });
      throw new Error('error-code-docs: the asset check accepted a bad answer');
    } catch (error) {
      if (!(error instanceof ZoomJoinError)) throw error;
      samples.push(fromError(error));
    }
  }
  // The timeout needs 15 s of silence to provoke; its texts are the same code's, with this advice.
  const [first] = samples;
  if (first) samples.push({ ...first, message: 'The asset path did not answer within 15 s.', ...TIMED_OUT });
  return samples;
}

/** Every error the element raises itself, made by its own factories. */
export async function elementSamples(): Promise<ErrorSample[]> {
  const samples: ErrorSample[] = [];
  for (const bad of badInputs) {
    const result = readJoinConfig({ ...validInputs, ...bad }, 'https://app.example/');
    if (!(result instanceof ZoomJoinError)) throw new Error(`error-code-docs: readJoinConfig accepted ${JSON.stringify(bad)}`);
    samples.push(fromError(result));
  }
  samples.push(...(await assetSamples()));
  samples.push(
    fromError(endpointMissingError()),
    fromError(requestInvalidError(ENDPOINT, new TypeError('Invalid header name'))),
    fromError(networkError(ENDPOINT, 3, new TypeError('Failed to fetch'))),
    fromError(timeoutError(ENDPOINT, 10_000, 3)),
    fromError(originRefusedError(ENDPOINT, 'https://app.example', 3)),
    ...[400, 401, 403, 404, 405, 418, 422, 429, 500, 503].map((status) =>
      fromError(httpStatusError(ENDPOINT, status, '', '', 1)),
    ),
    fromError(notJsonError(ENDPOINT, 200, '<!doctype html>', true)),
    fromError(notJsonError(ENDPOINT, 200, 'OK', false)),
    fromError(missingSignatureError(ENDPOINT, '{"token": "[redacted]"}')),
    fromError(answerTooLargeError(ENDPOINT, 200, 64 * 1024)),
    fromError(providerFailedError('threw: backend down')),
    fromError(signInRequiredError(ENDPOINT, 'https://app.example/zoom/sign-in')),
    fromError(tokensConflictError(ENDPOINT)),
    fromError(zakAndObfTokenError()),
  );
  try {
    checkSignature('not-a-jwt', { meetingNumber: '1234567890', role: 0 });
    throw new Error('error-code-docs: checkSignature accepted "not-a-jwt"');
  } catch (error) {
    if (!(error instanceof ZoomJoinError)) throw error;
    samples.push(fromError(error));
  }
  samples.push(
    fromError(anotherMeetingOnThisPageError()),
    fromError(meetingOpenInAnotherTabError()),
    fromError(cancelledError()),
    fromError(memoryPressureError()),
    fromError(notInMeetingError('mute')),
    fromError(meetingCommandError('end', { type: 'INSUFFICIENT_PRIVILEGES', reason: 'only host can do the operation', errorCode: 5007 })),
    fromError(meetingCommandError('mute', { type: 'OPERATION_TIMEOUT', errorCode: 1 })),
    fromError(meetingFrameReloadedError('component')),
    fromError(joinTimeoutError({ timeoutMs: 60000, step: JoinStep.join })),
    fromError(joinTimeoutError({ timeoutMs: 60000, step: JoinStep.join, authorizedUser: { name: 'Grace Hopper' } })),
    fromError(unexpectedError(new Error('a bug'))),
    fromError(joinCodeLoadFailedError(new TypeError('Failed to fetch dynamically imported module'))),
    fromError(normalizeSdkError(new TypeError('Failed to fetch dynamically imported module'), { view: 'component', stage: 'load' }), 'SDK failure'),
    fromError(normalizeSdkError(new DOMException('The operation was aborted.', 'AbortError'), { view: 'component', stage: 'join' }), 'SDK failure'),
    fromError(normalizeSdkError(Symbol('odd'), { view: 'client', stage: 'join' }), 'SDK failure'),
  );
  return samples;
}

/** Every sample: the tables first, then the element's own errors. */
export async function errorSamples(): Promise<ErrorSample[]> {
  return [...tableSamples(), ...(await elementSamples())];
}

/**
 * One line for codes met in several forms (several titles, or both retryable and not): what they share, and when
 * Retry is offered. Every such code must be here — the docs test checks it — so the one line stays true.
 */
export const combinedMeanings: Readonly<Record<string, { meaning: string; retryable?: string }>> = {
  'another-meeting-in-progress': {
    meaning:
      'Already in a meeting: another `<zoom-join>` on this page, this meeting in another tab of this browser, or ' +
      '(Zoom 3000) this user or browser session; the message says which',
    retryable: 'yes on this page or another tab; no for Zoom 3000',
  },
  'sdk-unknown': {
    meaning: 'The Zoom SDK failed with a number or value that has no known meaning, or the join failed unexpectedly',
    retryable: 'no for an SDK failure; yes for an unexpected one',
  },
  'sdk-load-failed': {
    meaning: "The Zoom SDK's files, or the element's own join code, could not be loaded",
    retryable: "yes for the SDK's files (the next join loads them into a fresh frame); no for the join code (reload the page)",
  },
  'signature-http-status': {
    meaning: 'The signature endpoint answered an HTTP error status; the title names it and the steps fit it',
    retryable: 'yes for 429 and 5xx; no otherwise',
  },
  'join-timeout': {
    meaning:
      'The join did not finish within join-timeout: a step hung (the message names it), or Zoom kept answering 4017 ' +
      'because the Zoom user an OBF token joins on behalf of was not in the meeting',
  },
  'signature-not-json': { meaning: 'The signature endpoint answered an HTML page, other text or nothing instead of JSON' },
  'asset-path-invalid': {
    meaning: "The asset-path attribute is not an http(s) URL, or the SDK's files were not found at it",
    retryable: 'no for a bad attribute; yes when the files were not found',
  },
  'role-invalid': { meaning: 'The role attribute is not 0 or 1, or (Zoom 3708) the role in the signature is not allowed' },
  'user-email-invalid': { meaning: 'The email address (the user-email attribute, or the SDK\'s userEmail) is invalid' },
  'signature-missing': {
    meaning: 'No signature reached the SDK, or the signature endpoint answered JSON without a "signature" string',
  },
  'invalid-parameter': { meaning: 'The SDK rejected a join parameter; the message names it' },
  'meeting-not-found': { meaning: 'No meeting has this number (3610: or the registrant\'s tk has expired)' },
  'meeting-command-failed': {
    meaning: "The Zoom SDK refused (or did not answer) mute(), unmute() or end() in the meeting; the message quotes it",
  },
  'join-cancelled': { meaning: 'The join was cancelled: the element left the page, leave() was called or a newer join started' },
};

/** What zoom-warning's `code` can be; nothing failed. */
export const warningCodes: Readonly<Record<string, string>> = {
  'attribute-invalid': 'A tuning attribute has a value the element cannot use; the message names it, and the default applies',
  'vb-skipped-low-memory': 'Virtual background files were not preloaded: the device has fewer than 4 cores or 4 GB',
  'save-data-media-skipped': 'Save-Data is on: only the files join needs were preloaded',
  'asset-sizes-unknown': 'No manifest and no built-in size table: progress counts files instead of bytes',
  'asset-preload-incomplete': 'Some SDK files could not be preloaded; the SDK fetches them itself',
  'warm-failed': 'js_media could not be run ahead of the join; the join goes on without it',
  'passcode-prompt': 'Zoom refused the passcode (3004) and the Client View asks for it in its own window; the join waits, bounded by join-timeout',
  'registration-prompt': 'The meeting requires registration (3099) and the Client View shows its registration form; the join waits, bounded by join-timeout',
  'device-no-screen-share': 'This device cannot share its screen: a phone or tablet, or a browser without getDisplayMedia (said once per element)',
  'device-no-virtual-background': 'Phones and tablets get no virtual background: the SDK turns it off there (said once per element)',
  'device-no-gallery-view': "Phones and tablets get the Client View's mobile layout instead of the gallery view (said once per element)",
  'sdk-option-invalid':
    "An option in componentViewOptions / clientViewOptions is not one the installed SDK's types allow (unknown name, wrong kind, a page element as popper anchor, bad JSON); the message names its path, and it is left out",
  'sdk-option-managed': 'An SDK option the element sets itself (leaveUrl, language, patchJsMedia, …) was given; the message says what to use instead, and it is left out',
  'sdk-option-callback-failed': 'A function given in the SDK options threw (or rejected) when the SDK called it; the error is also logged, and the meeting goes on',
  'lang-next-join': 'lang changed during a meeting: neither view of the SDK can switch its language then, so it applies from the next join',
};

/** What each signature problem means, in `problems` of signature-rejected-locally and zoom-signature-warning. */
export const problemMeanings: Readonly<Record<string, string>> = {
  malformed: 'The signature is not a JWT (empty, whitespace, "Bearer", not three parts, not JSON)',
  alg: 'Not signed with HS256',
  'missing-app-key': 'Neither appKey nor sdkKey',
  'sdk-key-only': 'sdkKey but no appKey',
  'app-key-mismatch': 'appKey and sdkKey differ, or name another app than the page expects',
  'missing-meeting-number': 'No mn claim',
  'meeting-number-format': 'mn holds more than digits',
  'meeting-number-mismatch': 'Signed for another meeting than the page joins',
  'role-invalid': 'role missing, or not 0 or 1',
  'role-type': 'role is a string',
  'role-mismatch': 'Signed for another role than the page joins with',
  'claim-type': 'iat, exp or tokenExp missing or not a number',
  'iat-future': "Issued in the future (a clock, or milliseconds); a warning when only this device's clock could judge it",
  expired: "exp has passed; a warning when only this device's clock could judge it (no readable Date header)",
  lifetime: 'exp − iat outside 1800–172800 s',
  'token-exp': 'tokenExp less than 1800 s after iat',
  'video-webrtc-mode': 'video_webrtc_mode is not 0 or 1',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** Text that may hold angle brackets: outside code spans a table cell would read them as HTML. */
const plain = (text: string): string =>
  cell(text.split('`').map((part, index) => (index % 2 === 0 ? part.replace(/</g, '&lt;') : part)).join('`'));

function byCode(samples: readonly ErrorSample[]): Map<string, ErrorSample[]> {
  const groups = new Map<string, ErrorSample[]>();
  for (const sample of samples) groups.set(sample.code, [...(groups.get(sample.code) ?? []), sample]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function zoomOrder(label: string): number {
  const number = Number.parseInt(label, 10);
  return Number.isNaN(number) ? Number.POSITIVE_INFINITY : number;
}

/** Codes whose samples disagree on title or retryable, yet have no combined meaning: the docs test lists them. */
export function codesNeedingCombinedMeaning(samples: readonly ErrorSample[]): string[] {
  return [...byCode(samples)]
    .filter(([code, group]) => {
      const combined = combinedMeanings[code];
      const titles = new Set(group.map((sample) => sample.title));
      const retryable = new Set(group.map((sample) => sample.retryable));
      return (titles.size > 1 && combined === undefined) || (retryable.size > 1 && combined?.retryable === undefined);
    })
    .map(([code]) => code);
}

const START = '<!-- error-codes:start (generated by scripts/error-code-docs.ts: npm run docs:errors) -->';
const END = '<!-- error-codes:end -->';

/** The generated part of docs/errors.md, markers included. */
export async function renderErrorCodeDocs(): Promise<string> {
  const samples = await errorSamples();
  const missing = codesNeedingCombinedMeaning(samples);
  if (missing.length > 0) throw new Error(`error-code-docs: give ${missing.join(', ')} a line in combinedMeanings`);
  const lines = [
    START,
    '',
    '## Errors (`zoom-error`)',
    '',
    '| code | category | retryable | Zoom number / SDK type | raised from | meaning |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [code, group] of byCode(samples)) {
    const categories = [...new Set(group.map((sample) => sample.category))].join(', ');
    const retryableValues = new Set(group.map((sample) => sample.retryable));
    const combined = combinedMeanings[code];
    const retryable =
      retryableValues.size > 1 ? (combined?.retryable ?? 'varies') : retryableValues.has(true) ? 'yes' : 'no';
    const zoom = [...new Set(group.flatMap((sample) => (sample.zoom === undefined ? [] : [sample.zoom])))]
      .sort((a, b) => zoomOrder(a) - zoomOrder(b))
      .join(', ');
    const sources = [...new Set(group.map((sample) => sample.source))].join(', ');
    const meaning = combined?.meaning ?? group[0]!.title;
    lines.push(`| \`${code}\` | ${categories} | ${cell(retryable)} | ${cell(zoom) || '—'} | ${sources} | ${plain(meaning)} |`);
  }
  lines.push('', '## Warnings (`zoom-warning`): nothing failed', '', '| code | meaning |', '| --- | --- |');
  for (const [code, meaning] of Object.entries(warningCodes).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${code}\` | ${plain(meaning)} |`);
  }
  const severities = new Map<string, Set<string>>();
  for (const problem of signatureProblemSamples()) {
    severities.set(problem.code, (severities.get(problem.code) ?? new Set()).add(problem.severity));
  }
  lines.push(
    '',
    '## Signature problems (`problems` of `signature-rejected-locally` and of `zoom-signature-warning`)',
    '',
    'Errors stop the join before Zoom is asked; warnings are reported and the join goes on.',
    '',
    '| code | severity | meaning |',
    '| --- | --- | --- |',
  );
  for (const code of Object.values(SignatureProblemCode)) {
    const severity = [...(severities.get(code) ?? [])].sort().join(', ') || '—';
    lines.push(`| \`${code}\` | ${severity} | ${plain(problemMeanings[code] ?? '')} |`);
  }
  lines.push(
    '',
    '## Memory warnings (`zoom-memory-warning` `reason`)',
    '',
    '| reason | banner title |',
    '| --- | --- |',
  );
  for (const [reason, text] of Object.entries(memoryWarningTexts)) lines.push(`| \`${reason}\` | ${plain(text.title)} |`);
  lines.push('', END);
  return lines.join('\n');
}

export const DOCS_PATH = fileURLToPath(new URL('../docs/errors.md', import.meta.url));
export const CODE_LIST_PATH = fileURLToPath(new URL('../src/error-codes/error-code-list.ts', import.meta.url));

/** src/error-codes/error-code-list.ts: every code a ZoomJoinError can carry, as a type pages can switch on. */
export async function renderErrorCodeList(): Promise<string> {
  const codes = [...byCode(await errorSamples()).keys()].sort();
  return [
    '// Generated by scripts/error-code-docs.ts (npm run docs:errors) from the tables and error factories of src/.',
    '',
    '/** Every code a `ZoomJoinError` can carry: a typo in a page\'s `switch (error.code)` fails to compile. */',
    'export type ZoomJoinErrorCode =',
    ...codes.map((code, index) => `  | '${code}'${index === codes.length - 1 ? ';' : ''}`),
    '',
  ].join('\n');
}

/** docs/errors.md with its generated part replaced by `generated`. */
export function withGenerated(document: string, generated: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`error-code-docs: ${DOCS_PATH} lacks the markers`);
  return document.slice(0, start) + generated + document.slice(end + END.length);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const generated = await renderErrorCodeDocs();
  const mode = process.argv[2];
  if (mode === '--write' || mode === '--check') {
    const current = readFileSync(DOCS_PATH, 'utf8');
    const next = withGenerated(current, generated);
    const currentList = readFileSync(CODE_LIST_PATH, 'utf8');
    const nextList = await renderErrorCodeList();
    const stale = next !== current || nextList !== currentList;
    if (mode === '--write') {
      if (next !== current) writeFileSync(DOCS_PATH, next);
      if (nextList !== currentList) writeFileSync(CODE_LIST_PATH, nextList);
      console.log(`error-code-docs: ${stale ? 'wrote docs/errors.md and src/error-codes/error-code-list.ts' : 'up to date'}`);
    } else if (stale) {
      console.error('error-code-docs: docs/errors.md or src/error-codes/error-code-list.ts is stale; run npm run docs:errors');
      process.exit(1);
    }
  } else {
    console.log(generated);
  }
}
