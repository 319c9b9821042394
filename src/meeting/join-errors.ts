/** Join failures the meeting controller raises itself; loaded with the join machinery, not the first load. */
import { unknownZoomError } from '../error-codes/describe.js';
import { anotherMeetingOnThisPage, joinCancelled } from '../error-codes/element.js';
import type { ZoomErrorEntry } from '../error-codes/types.js';
import { ErrorCategory, ZoomJoinError } from '../errors.js';

function fromEntry(entry: ZoomErrorEntry, message: string, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: entry.code,
    category: entry.category,
    title: entry.title,
    message,
    hint: entry.hint,
    steps: entry.steps,
    retryable: entry.retryable,
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** A second element on the page tried to join while the first is in a meeting (see page-meeting.ts). */
export function anotherMeetingOnThisPageError(): ZoomJoinError {
  return fromEntry(anotherMeetingOnThisPage, 'Another <zoom-join> on this page is already in a meeting.');
}

/** The join was aborted by leave() or by the element's removal (not reported as zoom-error). */
export function cancelledError(): ZoomJoinError {
  return fromEntry(joinCancelled, 'The join was cancelled: the element left the page or leave() was called.');
}

/** The `on-memory-pressure="leave"` policy stopped a join in progress. */
export function memoryPressureError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'memory-pressure',
    category: ErrorCategory.memory,
    title: 'The join was stopped: memory ran low',
    message: 'The join was stopped because the page was running out of memory (on-memory-pressure="leave").',
    hint: 'This page was running out of memory, so the join was stopped before the tab could crash.',
    steps: ['Close other tabs and apps.', 'Turn off virtual background.', 'Join again.'],
    retryable: true,
  });
}

/**
 * Something that is not a ZoomJoinError escaped the join flow (a bug: the flow normalises every failure). The same
 * code as every failure nothing recognises; retryable, because the fault is in the page's code path, not in the
 * SDK's answer, and another try costs nothing.
 */
export function unexpectedError(raw: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: unknownZoomError.code,
    category: ErrorCategory.sdk,
    title: 'The join failed unexpectedly',
    message: 'The join failed unexpectedly.',
    hint: 'The join failed in a way that has no known cause.',
    steps: ['Try again.', 'If it repeats, read the details in the browser console.'],
    retryable: true,
    cause: raw,
  });
}
