import { msg } from '@lit/localize';
import { ErrorCategory } from '../zoom-join-error.js';
import type { ZoomErrorEntry } from './types.js';
import { zoomWebServiceErrors } from './zoom-web-service.js';

/**
 * Texts of failures the element finds itself that share a public code with a failure the SDK reports: one code per
 * meaning, so a page switches on the meaning, and the message and steps say which case it is.
 */

/**
 * "Already in a meeting" has one code wherever the other meeting is — Zoom's 3000 (this user or browser session,
 * seen by Zoom), another <zoom-join> on this page, or this meeting in another tab of this browser — because the fix
 * is the same: leave the other meeting, then join. These two are retryable, unlike 3000: the element's own check is
 * instant and clears the moment the other meeting is left, while Zoom may hold on to a stale session for a while and
 * a Retry button would invite hammering a rate-limited join.
 */
const alreadyInAMeeting = zoomWebServiceErrors[3000].code;

export const anotherMeetingOnThisPage: ZoomErrorEntry = Object.freeze({
  code: alreadyInAMeeting,
  category: ErrorCategory.meeting,
  get title() {
    return msg('Another meeting is already open on this page');
  },
  get hint() {
    return msg('Another <zoom-join> on this page is already in a meeting, and the Zoom SDK runs one meeting per page.');
  },
  get steps() {
    return Object.freeze([msg('Leave the meeting in the other element, or remove that element.'), msg('Join again.')]);
  },
  retryable: true,
});

export const meetingOpenInAnotherTab: ZoomErrorEntry = Object.freeze({
  code: alreadyInAMeeting,
  category: ErrorCategory.meeting,
  get title() {
    return msg('This meeting is already open in another tab');
  },
  get hint() {
    return msg('This meeting is already open in another tab, window or element of this browser, and joining it twice would put the same person in twice.');
  },
  get steps() {
    return Object.freeze([
    msg('Switch to the tab or window that has the meeting.'),
    msg('Or leave the meeting there, then join again here.'),
  ]);
  },
  retryable: true,
});

/**
 * A join that was stopped on purpose — leave(), the element's removal, a newer join — whether the element noticed
 * (its abort signal) or the SDK rejected with an AbortError of its own. Retryable: the same join, started again,
 * may well succeed.
 */
export const joinCancelled: ZoomErrorEntry = Object.freeze({
  code: 'join-cancelled',
  category: ErrorCategory.sdk,
  get title() {
    return msg('The join was cancelled');
  },
  get hint() {
    return msg('The join was cancelled because the element left the page, leave() was called or a newer join started.');
  },
  get steps() {
    return Object.freeze([msg('Join again if the cancel was not intended.')]);
  },
  retryable: true,
});
