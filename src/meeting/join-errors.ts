/** Join failures the meeting controller raises itself; loaded with the join machinery, not the first load. */
import { ErrorCategory, ZoomJoinError } from '../errors.js';

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
