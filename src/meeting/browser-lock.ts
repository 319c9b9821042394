/**
 * One meeting per browser: the same meeting open twice in one browser (two tabs, two elements) puts the same
 * person in twice — echo between the two, the camera and microphone contended, twice the memory. A lock keyed by
 * meeting number, shared by every tab, frame and window of the origin, makes the second join fail fast and
 * clearly instead.
 *
 * The Web Locks API does it properly: the browser releases a lock when its holder's document goes away, crash
 * included. It is missing in insecure contexts (plain `http:` other than localhost) and older browsers; there a
 * BroadcastChannel protocol stands in. It is liveness-based — a holder must answer a claim — so a closed or
 * crashed tab, whose channel is gone, frees its meeting too; its weak spot is a holder whose main thread is too
 * busy to answer within the timeout, which then lets a duplicate through.
 */
import { msg } from '@lit/localize';
import { meetingOpenInAnotherTab } from '../error-codes/element-own-codes.js';
import { ZoomJoinError } from '../zoom-join-error.js';

export interface MeetingLock {
  /** Gives the meeting up for other tabs and elements. Safe to call more than once. */
  release(): void;
}

export type MeetingLockMechanism = 'web-locks' | 'broadcast-channel';

export interface AcquireMeetingLockOptions {
  /**
   * Aborting rejects a pending acquisition with the signal's reason, and releases a lock already granted through
   * this call: pass the join's signal and a cancelled join frees the meeting by itself.
   */
  signal?: AbortSignal;
  /** Forces one mechanism (tests; pages that know better). The default picks Web Locks when present. */
  mechanism?: MeetingLockMechanism;
  /** BroadcastChannel only: how long to wait for another holder to answer. */
  answerTimeoutMs?: number;
}

const LOCK_PREFIX = 'zoom-join:meeting:';
const CHANNEL_NAME = 'zoom-join:meeting-locks';
/** Other tabs answer from their own event loop; a busy one can take a while. */
const DEFAULT_ANSWER_TIMEOUT_MS = 150;

/** Digits only, so "123 4567 8901" and "12345678901" are the same meeting. */
export function meetingLockName(meetingNumber: string): string {
  return LOCK_PREFIX + meetingNumber.replace(/\D/g, '');
}

export function meetingLockMechanism(): MeetingLockMechanism | null {
  if (typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function') {
    return 'web-locks';
  }
  return typeof BroadcastChannel === 'function' ? 'broadcast-channel' : null;
}

/**
 * Resolves with the lock, or with null when a meeting with this number is already live elsewhere in this
 * browser (another element, tab or frame of the same origin). Where neither mechanism exists it always succeeds:
 * a missing guard must not stop anyone from joining.
 */
export async function acquireMeetingLock(
  meetingNumber: string,
  options: AcquireMeetingLockOptions = {},
): Promise<MeetingLock | null> {
  const { signal } = options;
  signal?.throwIfAborted();
  const name = meetingLockName(meetingNumber);
  const mechanism = options.mechanism ?? meetingLockMechanism();
  const lock =
    mechanism === 'web-locks'
      ? await acquireWebLock(name)
      : mechanism === 'broadcast-channel'
        ? await acquireBroadcastLock(name, options.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS)
        : { release: () => undefined };
  if (!lock) return null;
  return bindToSignal(lock, signal);
}

/**
 * What the element reports when `acquireMeetingLock` resolved null and `allow-duplicate` is not set: the public
 * code every "already in a meeting" failure shares, with this case's title, message and steps.
 */
export function meetingOpenInAnotherTabError(): ZoomJoinError {
  const entry = meetingOpenInAnotherTab;
  return new ZoomJoinError({
    code: entry.code,
    category: entry.category,
    title: entry.title,
    message: msg('The same meeting is already open in another tab, window or element of this browser.'),
    hint: entry.hint,
    steps: entry.steps,
    retryable: entry.retryable,
  });
}

/** Release once; release on abort; stop listening for abort on release. */
function bindToSignal(lock: MeetingLock, signal: AbortSignal | undefined): MeetingLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    signal?.removeEventListener('abort', release);
    lock.release();
  };
  if (signal?.aborted) {
    release();
    signal.throwIfAborted();
  }
  signal?.addEventListener('abort', release, { once: true });
  return { release };
}

/**
 * Web Locks releases asynchronously, after the holder's promise settles. Without waiting for that, leaving a
 * meeting and joining it again at once from the same document would find the meeting still locked — by itself.
 */
const releasing = new Map<string, Promise<unknown>>();

async function acquireWebLock(name: string): Promise<MeetingLock | null> {
  await releasing.get(name);
  // The lock lives as long as the callback's promise is pending; `release` settles it. (`ifAvailable` cannot be
  // combined with a signal in the Web Locks API, and does not wait anyway; the caller's signal is handled above.)
  return new Promise<MeetingLock | null>((resolve, reject) => {
    const request = navigator.locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock === null) {
        resolve(null);
        return undefined;
      }
      return new Promise<void>((releaseHeld) =>
        resolve({
          release: () => {
            const released = request.then(
              () => undefined,
              () => undefined,
            );
            releasing.set(name, released);
            void released.then(() => {
              if (releasing.get(name) === released) releasing.delete(name);
            });
            releaseHeld();
          },
        }),
      );
    });
    request.catch(reject);
  });
}

type LockMessage =
  | { type: 'claim'; name: string; id: string }
  | { type: 'held'; name: string; id: string };

/** Locks held by this document, answered without a round trip (a channel never hears its own messages). */
const heldHere = new Set<string>();

/**
 * BroadcastChannel stand-in. A claimant announces a claim and listens for a while: a holder answers `held`; of
 * claimants racing each other the lowest id wins (each repeats its claim to later ones), so at most one gets it.
 */
async function acquireBroadcastLock(name: string, answerTimeoutMs: number): Promise<MeetingLock | null> {
  if (heldHere.has(name)) return null;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  let lost = false;
  let held = false;

  const onMessage = (event: MessageEvent<LockMessage>) => {
    const message = event.data;
    if (!message || message.name !== name || message.id === id) return;
    if (message.type === 'held') {
      if (!held) lost = true;
    } else if (held) {
      channel.postMessage({ type: 'held', name, id } satisfies LockMessage);
    } else if (message.id < id) {
      lost = true;
    } else if (!lost) {
      // A later claimant missed our claim (its channel did not exist yet): say it again so it sees it loses.
      channel.postMessage({ type: 'claim', name, id } satisfies LockMessage);
    }
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ type: 'claim', name, id } satisfies LockMessage);
  await new Promise((resolve) => setTimeout(resolve, answerTimeoutMs));

  // Checked again after the wait: another element of this document may have won meanwhile.
  if (lost || heldHere.has(name)) {
    channel.close();
    return null;
  }
  held = true;
  heldHere.add(name);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(name);
    channel.removeEventListener('message', onMessage);
    channel.close();
    globalThis.removeEventListener?.('pagehide', release);
  };
  // What Web Locks does by itself: a page that goes away (closed, navigated, put in the back/forward cache)
  // no longer holds its meeting.
  globalThis.addEventListener?.('pagehide', release);
  return { release };
}
