import { clientViewPrompts, zoomCodeOfAnswer, type ZoomAnswer } from '../error-codes/zoom-answers.js';
import type { SdkView } from '../zoom-join-error.js';
import type { SdkAdapterEvent } from './adapter.js';
import { normalizeSdkError, unreportedZoomAnswerError } from './normalize-error.js';
import { watchZoomAnswers } from './zoom-answer-watch.js';

export interface WatchedJoinOptions {
  view: SdkView;
  /** The window the SDK runs in: its XMLHttpRequest carries the SDK's request to Zoom. */
  realm: Window & typeof globalThis;
  secrets: readonly string[];
  notify(event: SdkAdapterEvent): void;
}

/**
 * How long the SDK gets, after Zoom refused the join, to report it before the adapter reports it itself. With the
 * real SDK here, every case that calls back at all ended 1–5 s after the click (answer included); 4 s after the
 * answer leaves room for a loaded machine without keeping a never-reported refusal waiting long.
 */
export const SDK_REPORT_GRACE_MS = 4000;

/**
 * Runs the SDK's join while watching Zoom's answer to it. The SDK's own report wins when it comes; a refusal it
 * never reports (the Client View, given an answer it cannot read, waits forever) is reported from Zoom's answer
 * after a grace period; a form the Client View shows instead of failing (passcode, registration) is announced as a
 * prompt and the join keeps waiting for the user. Every failure leaves as a ZoomJoinError with Zoom's number
 * recovered where the SDK lost it.
 */
export async function joinWatchingZoom(invoke: () => Promise<unknown>, options: WatchedJoinOptions): Promise<void> {
  const { view, secrets, notify } = options;
  let answer: ZoomAnswer | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let reportUnreported: ((error: unknown) => void) | undefined;
  const unreported = new Promise<never>((_, reject) => {
    reportUnreported = reject;
  });
  // Nobody may be listening when the SDK itself settles first.
  unreported.catch(() => undefined);

  const stopWatching = watchZoomAnswers(options.realm, (seen) => {
    answer = seen;
    notify({ type: 'zoom-answered', answer: seen });
    const code = zoomCodeOfAnswer(seen);
    if (code === undefined) return;
    const prompt = view === 'client' ? clientViewPrompts[code] : undefined;
    if (prompt !== undefined) {
      notify({ type: 'prompt', prompt, sdkCode: code });
      return;
    }
    clearTimeout(graceTimer);
    graceTimer = setTimeout(() => {
      reportUnreported?.(unreportedZoomAnswerError(seen, { view, stage: 'join', secrets }));
    }, SDK_REPORT_GRACE_MS);
  });
  try {
    await Promise.race([invoke(), unreported]);
  } catch (raw) {
    // An answer whose events are still being dispatched is heard before the SDK's report is read.
    await new Promise((resolve) => setTimeout(resolve, 0));
    throw normalizeSdkError(raw, { view, stage: 'join', secrets, zoomAnswer: answer });
  } finally {
    clearTimeout(graceTimer);
    stopWatching();
  }
}
