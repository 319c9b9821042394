import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomJoinError } from '../../src/zoom-join-error.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import type { SdkView } from '../../src/zoom-join-error.js';
import { testSignature } from '../support/test-signature.js';
import { answerZoomWith } from '../support/zoom-double.js';
import { RELATIVE_ASSET_PATH } from './real-sdk-support.js';

export type Outcome =
  | { kind: 'error'; error: ZoomJoinError; ms: number }
  | { kind: 'warning'; code: string; message: string; ms: number }
  | { kind: 'none'; ms: number };

/**
 * Joins with the real SDK while the Zoom double answers wc/info for `scenario`; resolves with the first zoom-error
 * or zoom-warning (a Client View prompt) within `limitMs`, then removes the element.
 */
export async function joinAgainst(scenario: string, view: SdkView, limitMs = 15000, assetPath = RELATIVE_ASSET_PATH): Promise<Outcome> {
  await answerZoomWith(scenario);
  const element = await fixture<ZoomJoin>(
    html`<zoom-join view=${view} meeting-number="12345678901" user-name="Double test" asset-path=${assetPath} preload="none"></zoom-join>`,
  );
  element.signature = testSignature({ meetingNumber: '12345678901' });
  const started = performance.now();
  const outcome = await new Promise<Outcome>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'none', ms: performance.now() - started }), limitMs);
    element.addEventListener('zoom-error', (event) => {
      clearTimeout(timer);
      resolve({ kind: 'error', error: event.detail, ms: performance.now() - started });
    });
    element.addEventListener('zoom-warning', (event) => {
      if (event.detail.code !== 'passcode-prompt' && event.detail.code !== 'registration-prompt') return;
      clearTimeout(timer);
      resolve({ kind: 'warning', code: event.detail.code, message: event.detail.message, ms: performance.now() - started });
    });
    element.join().catch(() => undefined);
  });
  await element.leave().catch(() => undefined);
  element.remove();
  // The removed element tears down after its grace period; the next join starts from a released page.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  return outcome;
}

/** What a frame running join-in-frame.ts posts back. */
export interface FrameOutcome {
  kind: 'error' | 'warning' | 'none';
  code?: string;
  category?: string;
  retryable?: boolean;
  sdkCode?: number;
  view?: string;
  message?: string;
  hint?: string;
  /** The error panel's text, as the person sees it. */
  panel?: string;
  status?: string;
  ms: number;
}

/**
 * Joins with the real SDK in a fresh same-origin frame (its own realm, so its own SDK singleton) while the Zoom
 * double answers wc/info for `scenario` (page routing covers the page's frames too).
 */
export async function joinInFrame(scenario: string | 'hang', view: SdkView, limitMs = 15000, search = ''): Promise<FrameOutcome> {
  await answerZoomWith(scenario);
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const started = performance.now();
  const outcome = await new Promise<FrameOutcome>((resolve) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      resolve({ kind: 'none', ms: performance.now() - started });
    }, limitMs);
    function onMessage(event: MessageEvent): void {
      if (event.source !== frame.contentWindow || !(event.data as { joinInFrame?: boolean })?.joinInFrame) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(event.data as FrameOutcome);
    }
    window.addEventListener('message', onMessage);
    frame.src = `/test/sdk/frames/join-in-frame.html?view=${view}${search}`;
    document.body.append(frame);
  });
  frame.remove();
  return outcome;
}
