import { msg } from '@lit/localize';
import { ErrorCategory, type SdkView } from '../zoom-join-error.js';
import { zoomMeetingServerErrors } from './zoom-meeting-server.js';
import { componentViewErrors, sdkOwnErrors } from './sdk-own-codes.js';
import { zoomJoinCheckErrors } from './zoom-join-check.js';
import type { ZoomErrorDescription, ZoomErrorEntry, ZoomErrorTable } from './types.js';
import { zoomWebServiceErrors } from './zoom-web-service.js';

/** Every join code Meeting SDK for Web 6.2.0 can report, keyed by the SDK's number. */
export const zoomErrorTable: ZoomErrorTable = Object.freeze({
  ...sdkOwnErrors,
  ...zoomWebServiceErrors,
  ...zoomJoinCheckErrors,
  ...zoomMeetingServerErrors,
});

/** The Component View's own meaning of 1–3, which differ from the Client View's (see `componentViewErrors`). */
export { componentViewErrors };

/** Sorted list of the numbers in `zoomErrorTable`. */
export const knownZoomErrorCodes: readonly number[] = Object.freeze(
  Object.keys(zoomErrorTable)
    .map(Number)
    .sort((a, b) => a - b),
);

/**
 * What any number the table does not know gets, and any value the SDK fails with that nothing recognises (see
 * normalize-error.ts): one code for "the SDK failed and nothing here knows why". Honest, and not retryable because
 * nothing says it would help. Unknown numbers are a newer SDK or a server answer the SDK passes on unmapped.
 */
export const unknownZoomError: ZoomErrorEntry = Object.freeze({
  code: 'sdk-unknown',
  category: ErrorCategory.sdk,
  get title() {
    return msg('Unrecognised failure from the Zoom SDK');
  },
  get hint() {
    return msg('The Zoom SDK failed with a number or a value that has no known meaning, so its cause cannot be named here.');
  },
  get steps() {
    return Object.freeze([
    msg("Read what the SDK sent (the error's message and cause) and the SDK's own log line in the browser console."),
    msg("Search the Zoom number, if the error has one, in Zoom's Meeting SDK error-code list and the developer forum."),
  ]);
  },
  retryable: false,
});

/**
 * The meaning of an SDK error number. `view` matters only for 1–3, which the Component View uses for timeouts,
 * internal errors and cancellations rather than the Client View's FAIL / MEETING_NOT_INIT / NOT_SUPPORT.
 */
export function describeZoomError(sdkCode: number, view?: SdkView): ZoomErrorDescription {
  const entry = lookup(view === 'component' ? componentViewErrors : undefined, sdkCode) ??
    lookup(zoomErrorTable, sdkCode) ?? unknownZoomError;
  const description: ZoomErrorDescription = {
    code: entry.code,
    category: entry.category,
    title: entry.title,
    hint: entry.hint,
    steps: [...entry.steps],
    retryable: entry.retryable,
    sdkCode,
  };
  if (entry.sdkText !== undefined) description.sdkText = entry.sdkText;
  return description;
}

function lookup(table: ZoomErrorTable | undefined, sdkCode: number): ZoomErrorEntry | undefined {
  // Own keys only: a number like 0 must never reach Object.prototype, and NaN/fractions simply miss.
  return table !== undefined && Object.hasOwn(table, sdkCode) ? table[sdkCode] : undefined;
}
