import type { SignatureRequestOptions } from '../../src/index.js';

export const SCENARIO_IDS = [
  'success',
  'invalid-signature',
  'expired-signature',
  'wrong-meeting-number',
  'not-started',
  'wrong-passcode',
  'assets-unreachable',
  'slow-assets',
  'endpoint-down',
  'endpoint-html',
  'endpoint-timeout',
  'memory-leak',
  'freeze',
  'second-tab',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface Scenario {
  id: ScenarioId;
  label: string;
  /** What QA should see; shown on the page next to the scenario. */
  expect: string;
  /** The element's signature-endpoint; the demo's reference signer by default. */
  signatureEndpoint: string;
  signatureRequest?: SignatureRequestOptions;
  /** Extra `<zoom-join>` attributes for this scenario. */
  attributes?: Readonly<Record<string, string>>;
  /** How the simulated SDK's asset download goes. */
  assets: 'fast' | 'slow' | 'unreachable';
  /** The simulated Zoom web service's refusal of the join, if any (an SDK join error code). */
  zoomRefuses?: number;
  /** Refuses with `zoomRefuses` only until the host starts the meeting, this long after the first attempt. */
  hostStartsAfterMs?: number;
  /** What happens in the page once joined. */
  afterJoin?: 'memory-leak' | 'freeze';
}

const SIGNER = '/api/sim/signature';

export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  success: {
    id: 'success',
    label: 'Joins',
    expect: 'signing → joining (assets progress to 100%) → joined; the simulated meeting shows in the element.',
    signatureEndpoint: SIGNER,
    assets: 'fast',
  },
  'invalid-signature': {
    id: 'invalid-signature',
    label: 'Signature invalid (3712)',
    expect:
      'The signature is well formed — signed with an OAuth app\'s credentials — so it passes the in-page check; ' +
      'then Zoom refuses it: error 3712, and the panel says to sign with a Meeting SDK app, not OAuth.',
    signatureEndpoint: '/api/sim/signature-oauth',
    assets: 'fast',
    zoomRefuses: 3712,
  },
  'expired-signature': {
    id: 'expired-signature',
    label: 'Signature expired (3705)',
    expect: "Zoom judges the signature expired by its own clock (the signing server's clock is off): error 3705.",
    signatureEndpoint: SIGNER,
    assets: 'fast',
    zoomRefuses: 3705,
  },
  'wrong-meeting-number': {
    id: 'wrong-meeting-number',
    label: 'Meeting number wrong (3706)',
    expect: 'Zoom answers that the meeting number is wrong: error 3706.',
    signatureEndpoint: SIGNER,
    assets: 'fast',
    zoomRefuses: 3706,
  },
  'not-started': {
    id: 'not-started',
    label: 'Meeting not started (3008), then the host starts it',
    expect: 'Error 3008 with a Retry button; the host starts the meeting 4 s after the first try, and Retry then joins.',
    signatureEndpoint: SIGNER,
    assets: 'fast',
    zoomRefuses: 3008,
    hostStartsAfterMs: 4000,
  },
  'wrong-passcode': {
    id: 'wrong-passcode',
    label: 'Passcode wrong (3004)',
    expect: 'Zoom refuses the passcode: error 3004.',
    signatureEndpoint: SIGNER,
    assets: 'fast',
    zoomRefuses: 3004,
  },
  'assets-unreachable': {
    id: 'assets-unreachable',
    label: 'SDK assets unreachable (5001)',
    expect: "The SDK's files answer 404: error 5001, assets category, with the asset-path hint.",
    signatureEndpoint: SIGNER,
    assets: 'unreachable',
    // The simulated SDK downloads (and fails) the files itself; the element's own preloading would mask that.
    attributes: { preload: 'none' },
  },
  'slow-assets': {
    id: 'slow-assets',
    label: 'Slow asset download',
    expect: 'About 7 MB at ~1.5 MB/s: the progress bar moves file by file to 100%, then joined.',
    signatureEndpoint: SIGNER,
    assets: 'slow',
    // One progress stream, the simulated SDK's throttled download: the element's own preloading stays off.
    attributes: { preload: 'none' },
  },
  'endpoint-down': {
    id: 'endpoint-down',
    label: 'Signature endpoint down (503)',
    expect: 'The endpoint answers 503 (retried twice): error signature-http-status, retryable.',
    signatureEndpoint: '/api/sim/endpoint-down',
    assets: 'fast',
  },
  'endpoint-html': {
    id: 'endpoint-html',
    label: 'Signature endpoint answers HTML',
    expect: 'The endpoint path serves a web page: error signature-not-json with the "HTML page" hint.',
    signatureEndpoint: '/api/sim/endpoint-html',
    assets: 'fast',
  },
  'endpoint-timeout': {
    id: 'endpoint-timeout',
    label: 'Signature endpoint never answers',
    expect: 'Two attempts of 3 s each (signatureRequest = {timeoutMs: 3000, retries: 1}): error signature-timeout.',
    signatureEndpoint: '/api/sim/endpoint-timeout',
    signatureRequest: { timeoutMs: 3000, retries: 1 },
    assets: 'fast',
  },
  'memory-leak': {
    id: 'memory-leak',
    label: 'Memory leak in the page',
    expect:
      'Joined, then the page retains ~32 MB/s (up to 1 GB): the memory chart rises; the element warns ' +
      '(zoom-memory-warning: growth, or passing memory-budget="256" MB) once its memory monitor has landed.',
    signatureEndpoint: SIGNER,
    attributes: { 'memory-budget': '256' },
    assets: 'fast',
    afterJoin: 'memory-leak',
  },
  freeze: {
    id: 'freeze',
    label: 'Main thread frozen',
    expect:
      'Joined, then the main thread is blocked for 3 s: the log shows main-thread-blocked of ~3000 ms, and the ' +
      "element's memory monitor (once landed) a zoom-memory-warning with reason freeze.",
    signatureEndpoint: SIGNER,
    assets: 'fast',
    afterJoin: 'freeze',
  },
  'second-tab': {
    id: 'second-tab',
    label: 'Same meeting in a second tab',
    expect:
      'Join here, then "Open in another tab": the second tab should refuse with another-meeting-in-progress, "another ' +
      'tab" (cross-tab lock). "Add a second element" in this page gets another-meeting-in-progress, "on this page".',
    signatureEndpoint: SIGNER,
    assets: 'fast',
  },
};

export function isScenarioId(value: string | null): value is ScenarioId {
  return value !== null && (SCENARIO_IDS as readonly string[]).includes(value);
}
