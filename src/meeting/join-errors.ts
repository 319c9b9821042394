/** Join failures the meeting controller raises itself; loaded with the join machinery, not the first load. */
import { msg, str } from '@lit/localize';
import { unknownZoomError } from '../error-codes/describe-zoom-error.js';
import { anotherMeetingOnThisPage, joinCancelled } from '../error-codes/element-own-codes.js';
import type { ZoomErrorEntry } from '../error-codes/types.js';
import { zoomCodeOfAnswer, type ZoomAnswer } from '../error-codes/zoom-answers.js';
import { ErrorCategory, ZoomJoinError } from '../zoom-join-error.js';
import { isAbortError } from '../abort.js';
import type { SdkCommand, SdkPrompt } from '../sdk/adapter.js';

/** Why a join was stopped when it was not the user: the `join-timeout`, or the `on-memory-pressure="leave"` policy. */
export type JoinStop = 'timeout' | 'memory-pressure';

function fromEntry(entry: ZoomErrorEntry, message: string, cause?: unknown): ZoomJoinError {
  return new ZoomJoinError({
    code: entry.code,
    category: entry.category,
    title: entry.title,
    message,
    hint: entry.hint,
    steps: entry.steps,
    retryable: entry.retryable,
    cause,
  });
}

/** A second element on the page tried to join while the first is in a meeting (the SDK is one per page). */
export function anotherMeetingOnThisPageError(): ZoomJoinError {
  return fromEntry(anotherMeetingOnThisPage, msg('Another <zoom-join> on this page is already in a meeting.'));
}

/** The join was aborted by leave() or by the element's removal (not reported as zoom-error). */
export function cancelledError(): ZoomJoinError {
  return fromEntry(joinCancelled, msg('The join was cancelled: the element left the page or leave() was called.'));
}

/** Each command as a verb phrase, for "Could not …" (getters: the words follow the locale at use). */
const commandNames: Record<SdkCommand, string> = {
  get mute() {
    return msg('mute the microphone');
  },
  get unmute() {
    return msg('unmute the microphone');
  },
  get end() {
    return msg('end the meeting');
  },
};

/** `mute()`, `unmute()` or `end()` while the element is in no meeting. */
export function notInMeetingError(command: SdkCommand): ZoomJoinError {
  return new ZoomJoinError({
    code: 'not-in-meeting',
    category: ErrorCategory.meeting,
    title: msg('Not in a meeting'),
    message: msg(str`Could not ${commandNames[command]}: <zoom-join> is not in a meeting.`),
    hint: msg('Meeting controls work only while the status is joined or reconnecting.'),
    steps: [msg('Join first, or wait for zoom-joined.')],
    retryable: false,
  });
}

/** The SDK refused (or did not answer) a command in the meeting; its own words are in the message. */
export function meetingCommandError(command: SdkCommand, raw: unknown): ZoomJoinError {
  const said = raw instanceof Error ? raw.message : typeof raw === 'object' && raw ? JSON.stringify(raw) : String(raw);
  return new ZoomJoinError({
    code: 'meeting-command-failed',
    category: ErrorCategory.meeting,
    title: msg(str`The Zoom SDK did not ${commandNames[command]}`),
    message: msg(str`The Zoom SDK did not ${commandNames[command]}: ${said.slice(0, 300)}`),
    hint: command === 'end' ? msg('Only the host can end a meeting for everyone.') : msg('The SDK mutes only a user whose audio is connected.'),
    steps: command === 'end' ? [msg('Join as the host (meeting-role 1 with a zak) to end the meeting.')] : [msg('Join the audio first, then try again.')],
    retryable: true,
    cause: raw,
  });
}

/** The `on-memory-pressure="leave"` policy stopped a join in progress. */
export function memoryPressureError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'memory-pressure',
    category: ErrorCategory.memory,
    title: msg('The join was stopped: memory ran low'),
    message: msg('The join was stopped because the page was running out of memory (on-memory-pressure="leave").'),
    hint: msg('This page was running out of memory, so the join was stopped before the tab could crash.'),
    steps: [msg('Close other tabs and apps.'), msg('Turn off virtual background.'), msg('Join again.')],
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
    title: msg('The join failed unexpectedly'),
    message: msg('The join failed unexpectedly.'),
    hint: msg('The join failed in a way that has no known cause.'),
    steps: [msg('Try again.'), msg('If it repeats, read the details in the browser console.')],
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
  /** Zoom kept answering 4017: the Zoom user the OBF token joins on behalf of (named, when the endpoint named them) was not in. */
  authorizedUser?: { name?: string };
}

const promptWords: Record<SdkPrompt, string> = {
  get 'passcode-prompt'() {
    return msg('the meeting passcode');
  },
  get 'registration-prompt'() {
    return msg('a registration');
  },
};

/** `join-timeout`: the whole join, click to joined, took longer than the element's `join-timeout`. */
export function joinTimeoutError(facts: JoinTimeoutFacts): ZoomJoinError {
  const seconds = Math.round(facts.timeoutMs / 100) / 10;
  if (facts.authorizedUser) return authorizedUserTimeoutError(seconds, facts.authorizedUser.name);
  let zoomPart = '';
  if (facts.prompt !== undefined) {
    zoomPart = msg(str` The Zoom SDK was still asking for ${promptWords[facts.prompt]} in its own window.`);
  } else if (facts.zoomAnswer !== undefined) {
    const code = zoomCodeOfAnswer(facts.zoomAnswer);
    const text = facts.zoomAnswer.errorMessage === undefined ? '' : ` ("${facts.zoomAnswer.errorMessage.slice(0, 120)}")`;
    zoomPart =
      code === undefined
        ? msg(" Zoom's join web service had admitted the join; the meeting server did not answer in time.")
        : msg(str` Zoom answered ${code}${text} at wc/info, but the SDK never reported it.`);
  }
  return new ZoomJoinError({
    code: 'join-timeout',
    category: ErrorCategory.network,
    message: msg(str`The join did not finish within ${seconds} s; it was ${facts.step}.${zoomPart}`),
    title: msg('The join took too long'),
    hint: msg('A step of the join hung: usually a slow or filtered network to *.zoom.us, or a form of the Zoom SDK nobody filled in.'),
    steps: [
      msg('Check the connection to *.zoom.us and try again.'),
      msg('If joins are just slow here, raise join-timeout (milliseconds, 0 for no limit).'),
    ],
    retryable: true,
  });
}

/** The step a join is on while it waits for the user an OBF token joins on behalf of. */
export function authorizedUserWaitStep(name: string | undefined): string {
  return name === undefined
    ? msg("waiting for the Zoom user who signed in to be in the meeting (Zoom's 4017)")
    : msg(str`waiting for ${name} to be in the meeting (Zoom's 4017)`);
}

/** What the status line adds while the join waits for that user, when the endpoint named them. */
export function authorizedUserWaitLine(name: string): string {
  return msg(str`${name} must be in the meeting before you can join on their behalf`);
}

function authorizedUserTimeoutError(seconds: number, name: string | undefined): ZoomJoinError {
  const who = name ?? msg('the Zoom user who signed in');
  return new ZoomJoinError({
    code: 'join-timeout',
    category: ErrorCategory.meeting,
    sdkCode: 4017,
    title: name === undefined ? msg('The signed-in Zoom user did not join the meeting in time') : msg(str`${name} did not join the meeting in time`),
    message: msg(str`The join did not finish within ${seconds} s: Zoom kept answering 4017, because ${who} was not in the meeting.`),
    hint:
      msg('Zoom admits a join made on behalf of a Zoom user (an OBF token) only while that user is in the meeting, and they did not join in time.'),
    steps: [
      msg(str`Ask ${who} to join the meeting first (with the Zoom app or another tab).`),
      msg('Join again; raise join-timeout (milliseconds) to wait longer.'),
    ],
    retryable: true,
  });
}

/** What the status line adds while the Client View shows one of its forms. */
export const promptTexts: Record<SdkPrompt, { line: string; warning: string }> = {
  'passcode-prompt': {
    get line() {
      return msg('Zoom is asking for the meeting passcode');
    },
    get warning() {
      return msg('Zoom refused the passcode (3004) and the Zoom SDK now asks for it in its own window: enter the passcode there, or set the right one on the element and join again.');
    },
  },
  'registration-prompt': {
    get line() {
      return msg('Zoom is asking you to register for this meeting');
    },
    get warning() {
      return msg("This meeting requires registration (3099) and the Zoom SDK now offers its registration form: register there, or pass the registrant's tk and join again.");
    },
  },
};

/**
 * What a failed join reports: the stop's own error for a timeout or a memory-pressure leave, the error itself, or
 * undefined for a join the user (or the element's removal) cancelled — the element goes back to idle, quietly.
 */
export function failedJoinError(
  raw: unknown,
  signal: AbortSignal,
  stoppedBy: JoinStop | undefined,
  facts: JoinTimeoutFacts,
): ZoomJoinError | undefined {
  if (stoppedBy === 'memory-pressure') return memoryPressureError();
  if (stoppedBy === 'timeout') return joinTimeoutError(facts);
  if (signal.aborted || isAbortError(raw)) return undefined;
  return raw instanceof ZoomJoinError ? raw : unexpectedError(raw);
}

/** Both the zak and the obfToken property are set: the SDK refuses such a join with a bare Error. */
export function zakAndObfTokenError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'tokens-conflict',
    category: ErrorCategory.config,
    title: msg('Both zak and obfToken are set'),
    message: msg('The element has both a zak and an obfToken; Zoom joins with one of them.'),
    hint: msg('Zoom refuses a join that carries both a ZAK and an OBF token.'),
    steps: [msg('Set obfToken to join on behalf of a Zoom user who is in the meeting, or zak to join as them, not both.')],
  });
}
