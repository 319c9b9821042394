import { sleep } from '../abort.js';
import type { JoinPhase } from '../events.js';
import type { ZoomStatus } from '../status.js';
import { ZoomJoinError } from '../zoom-join-error.js';
import { authorizedUserWaitLine, authorizedUserWaitStep } from './join-errors.js';

/**
 * How long the element waits before asking Zoom again whether the meeting can be joined now (the host started it,
 * the authorising user is in): soon at first, then less often. The Client View's own waiting page asks every 30 s;
 * the Component View allows one join per 10 s.
 */
export const JOIN_AGAIN_DELAYS_MS = [10_000, 15_000, 20_000, 30_000] as const;

/** What a join waits on before it is tried again. */
export type JoinWait =
  /** The meeting has not started (3008), with `wait-for-host`. The user's time, not the join's. */
  | { kind: 'host' }
  /** The signature endpoint wants the visitor signed in with Zoom. The user's time, not the join's. */
  | { kind: 'sign-in'; url: string }
  /** Zoom's 4017: the user the OBF token joins on behalf of is not in the meeting yet. Counts against join-timeout. */
  | { kind: 'authorized-user' };

/** Which wait, if any, a refused try leads to. */
export function waitAfter(error: unknown, waitForHost: boolean): JoinWait | undefined {
  if (!(error instanceof ZoomJoinError)) return undefined;
  if (error.code === 'meeting-not-started' && waitForHost) return { kind: 'host' };
  if (error.code === 'sign-in-required' && error.signInUrl) return { kind: 'sign-in', url: error.signInUrl };
  if (error.code === 'authorized-user-not-in-meeting') return { kind: 'authorized-user' };
  return undefined;
}

/** The status while a join waits, by what it waits on. (Words, not status.ts's table: this chunk loads lazily.) */
const waitingStatus = {
  host: 'waiting-for-host',
  'sign-in': 'waiting-for-sign-in',
  'authorized-user': 'waiting-for-authorized-user',
} as const satisfies Record<JoinWait['kind'], ZoomStatus>;

/** What a wait shows: the status, and for the authorising user the status line's detail and the timeout's facts. */
export interface JoinWaitView {
  status: ZoomStatus;
  detail?: string;
  progress?: { step: string; authorizedUser: { name?: string } };
}

/** The join a wait belongs to, as the element's controller lends it. */
export interface JoinWaitHost {
  readonly run: { pauseTimeout(): void; resumeTimeout(): void };
  readonly timing: { begin(phase: JoinPhase): void };
  /** Clears what a refused try left: its frame (when `frame`) and its hold on this meeting in the browser. */
  clearTry(frame: boolean): Promise<void>;
  show(view: JoinWaitView): void;
  /** Whom an OBF token of the last try joins on behalf of, when the endpoint named them. */
  onBehalfOf(): string | undefined;
}

export interface JoinWaitOptions {
  signal: AbortSignal;
  waitForHost: boolean;
  host: JoinWaitHost;
  /** Resolves once the visitor has signed in with Zoom (rejects when `signal` aborts). */
  untilSignedIn(url: string, signal: AbortSignal): Promise<void>;
  delaysMs?: readonly number[];
}

/**
 * `join`, tried again while Zoom or the signature endpoint says "not yet": the meeting has not started, the visitor
 * must sign in with Zoom first, or the user they join on behalf of is not in the meeting. Ends when a try joins,
 * fails otherwise, or `signal` stops it.
 */
export async function joinWithWaits(join: () => Promise<void>, options: JoinWaitOptions): Promise<void> {
  const { signal, host, delaysMs = JOIN_AGAIN_DELAYS_MS } = options;
  for (let timed = 0; ; ) {
    let wait: JoinWait | undefined;
    try {
      await join();
      return;
    } catch (error) {
      wait = signal.aborted ? undefined : waitAfter(error, options.waitForHost);
      if (!wait) throw error;
    }
    // The visitor's own time (signing in, the host starting) is not the join's; Zoom's 4017 counts.
    if (wait.kind !== 'authorized-user') host.run.pauseTimeout();
    // A sign-in is asked before the SDK ran: its prepared frame stays for the next try.
    await host.clearTry(wait.kind !== 'sign-in');
    host.timing.begin('waiting');
    host.show(viewOf(wait, host.onBehalfOf()));
    if (wait.kind === 'sign-in') await options.untilSignedIn(wait.url, signal);
    else await sleep(delaysMs[Math.min(timed++, delaysMs.length - 1)] ?? 30_000, signal);
    host.run.resumeTimeout();
    host.timing.begin('signature');
    host.show({ status: 'signing' });
  }
}

function viewOf(wait: JoinWait, name: string | undefined): JoinWaitView {
  const status = waitingStatus[wait.kind];
  if (wait.kind !== 'authorized-user') return { status };
  return {
    status,
    ...(name ? { detail: authorizedUserWaitLine(name) } : {}),
    progress: { step: authorizedUserWaitStep(name), authorizedUser: name ? { name } : {} },
  };
}
