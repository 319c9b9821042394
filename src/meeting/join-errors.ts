/** Join failures the meeting controller raises itself; loaded with the join machinery, not the first load. */
import { zoomCodeOfAnswer, type ZoomAnswer } from '../error-codes/zoom-answers.js';
import { ErrorCategory, ZoomJoinError } from '../errors.js';
import type { SdkPrompt } from '../sdk/adapter.js';

/** A second element on the page tried to join while the first is in a meeting (see page-meeting.ts). */
export function anotherMeetingActiveError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'another-meeting-active',
    category: ErrorCategory.meeting,
    message: 'Another <zoom-join> on this page is already in a meeting.',
    hint: 'The Zoom SDK runs one meeting per page: leave the other meeting first, or remove the other element.',
    retryable: true,
  });
}

/** The join was aborted by leave() or by the element's removal (not reported as zoom-error). */
export function cancelledError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'join-cancelled',
    category: ErrorCategory.sdk,
    message: 'The join was cancelled: the element left the page or leave() was called.',
    hint: 'Call join() again when the element is back on the page.',
    retryable: true,
  });
}

/** The `on-memory-pressure="leave"` policy stopped a join in progress. */
export function memoryPressureError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'memory-pressure',
    category: ErrorCategory.memory,
    message: 'The join was stopped because the page was running out of memory (on-memory-pressure="leave").',
    hint: 'Close other tabs or apps, turn off virtual background, then join again.',
    retryable: true,
  });
}

/** Something that is not a ZoomJoinError escaped the join flow (a bug: the flow normalises every failure). */
export function unexpectedError(raw: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: 'sdk-unknown',
    category: ErrorCategory.sdk,
    message: 'The join failed unexpectedly.',
    hint: 'Try again; if it repeats, the browser console has the details.',
    retryable: true,
    cause: raw,
  });
}

/** What a join that ran out of time had reached, for its message. */
export interface JoinTimeoutFacts {
  timeoutMs: number;
  step: string;
  /** What Zoom's join web service answered, if the SDK got that far. */
  zoomAnswer?: ZoomAnswer;
  /** The form the SDK was still showing (Client View). */
  prompt?: SdkPrompt;
}

const promptWords: Record<SdkPrompt, string> = {
  'passcode-prompt': 'the meeting passcode',
  'registration-prompt': 'a registration',
};

/** `join-timeout`: the whole join, click to joined, took longer than the element's `join-timeout`. */
export function joinTimeoutError(facts: JoinTimeoutFacts): ZoomJoinError {
  const seconds = Math.round(facts.timeoutMs / 100) / 10;
  let zoomPart = '';
  if (facts.prompt !== undefined) {
    zoomPart = ` The Zoom SDK was still asking for ${promptWords[facts.prompt]} in its own window.`;
  } else if (facts.zoomAnswer !== undefined) {
    const code = zoomCodeOfAnswer(facts.zoomAnswer);
    const text = facts.zoomAnswer.errorMessage === undefined ? '' : ` ("${facts.zoomAnswer.errorMessage.slice(0, 120)}")`;
    zoomPart =
      code === undefined
        ? " Zoom's join web service had admitted the join; the meeting server did not answer in time."
        : ` Zoom answered ${code}${text} at wc/info, but the SDK never reported it.`;
  }
  return new ZoomJoinError({
    code: 'join-timeout',
    category: ErrorCategory.network,
    message: `The join did not finish within ${seconds} s; it was ${facts.step}.${zoomPart}`,
    hint:
      'A step of the join hung: usually a slow or filtered network to *.zoom.us, or a form of the Zoom SDK nobody ' +
      'filled in. Check the connection and try again; raise join-timeout (milliseconds, 0 for no limit) if joins are ' +
      'just slow here.',
    retryable: true,
  });
}
