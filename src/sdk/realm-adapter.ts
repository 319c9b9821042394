import { msg } from '@lit/localize';
import type { SdkAdapter, SdkCommand, SdkEventListener, SdkInitOptions, SdkJoinOptions, SdkMeetingEnd, SdkMeetingInfo, SdkPrepareOptions, ZoomSdk } from './adapter.js';
import { normalizeSdkError } from './normalize-error.js';
import { meetingFrameReloadedError, type SdkRealmSlot } from './sdk-realm.js';
import { joinWatchingZoom } from './watched-join.js';

/**
 * Resolves on a later task. A view's leave() removes its frame only then: leave() may be reached from inside one of
 * the SDK's own callbacks (the host ended the meeting), and removing the frame the SDK is still running in from
 * there crashes the whole tab (the Client View, every time) — from a later task it never did.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How long the SDK gets to answer a command in the meeting (mute, end) before it counts as refused. */
const COMMAND_ANSWER_MS = 10_000;

/** `promise`, or a rejection saying the SDK did not answer `what` in time. */
export function answeredWithin<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The Zoom SDK did not answer ${what} within ${COMMAND_ANSWER_MS / 1000} s`)), COMMAND_ANSWER_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * What both SDK views share: a frame of their own (an SdkRealmSlot, prepared ahead or opened by the join), the
 * SDK's API and window taken from it for one join, whether that join is in the meeting, and the page's listeners.
 * Each view adds its own init, join and leave.
 */
export abstract class RealmAdapter<Api> implements SdkAdapter {
  abstract readonly view: 'component' | 'client';
  protected abstract readonly slot: SdkRealmSlot<Api>;
  protected joined = false;
  /** The connection dropped and the SDK is re-establishing it: an end that comes meanwhile is a lost connection. */
  protected reconnecting = false;
  private readonly listeners = new Set<SdkEventListener>();
  /** Settles when the meeting under way is over for this page (ended by the SDK's report, or left). */
  private over?: { promise: Promise<void>; resolve: () => void };
  /** How the meeting ended for this page, when the SDK said. */
  private ending?: SdkMeetingEnd;
  /** The host holds the user in the waiting room. */
  protected held = false;
  private admitted?: () => void;
  private endJoin?: (error: unknown) => void;

  /** The SDK in the frame this join took (the slot holds it). */
  protected get api(): Api | undefined {
    return this.slot.current?.api;
  }

  private get realmWindow(): (Window & typeof globalThis) | undefined {
    return this.slot.current?.realm.window;
  }

  prepare(options: SdkPrepareOptions, signal: AbortSignal): Promise<void> {
    return this.slot.prepare(options.root, options.libUrl, signal);
  }

  /** The frame prepared for this root (or a fresh one, the SDK loaded into it). */
  async load(options: SdkPrepareOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.discardRealm();
    const { realm, api } = await this.slot.take(options.root, options.libUrl, signal);
    realm.onLost(() => this.onRealmLost(api));
  }

  abstract init(options: SdkInitOptions, signal: AbortSignal): Promise<void>;
  abstract join(options: SdkJoinOptions, signal: AbortSignal): Promise<void>;
  abstract leave(): Promise<void>;
  abstract meetingInfo(): Promise<SdkMeetingInfo>;
  abstract sdk(): ZoomSdk | undefined;
  abstract command(command: SdkCommand): Promise<void>;

  /**
   * A view's init in the frame load() took. Whatever fails leaves as a ZoomJoinError of stage `init` and takes the
   * frame with it; a join stopped meanwhile (left, removed, timed out) has no use for the frame either.
   */
  protected async initInRealm(signal: AbortSignal, initialise: (api: Api, realmWindow: Window & typeof globalThis) => Promise<void>): Promise<void> {
    signal.throwIfAborted();
    const { api, realmWindow } = this;
    if (!api || !realmWindow) throw new Error(`The ${this.view} view's load() must resolve before init()`);
    try {
      await initialise(api, realmWindow);
      signal.throwIfAborted();
    } catch (raw) {
      this.discardRealm();
      signal.throwIfAborted();
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    }
  }

  /**
   * A view's join, watching Zoom's answer in the frame's own XMLHttpRequest. In the meeting once it resolves,
   * unless the frame went meanwhile; a join the element stopped waiting for is left by the element's leave().
   */
  protected async joinInRealm(signal: AbortSignal, secrets: readonly string[], invoke: (api: Api) => Promise<unknown>): Promise<void> {
    signal.throwIfAborted();
    const { api, realmWindow } = this;
    if (!api || !realmWindow) throw new Error(`The ${this.view} view's init() must resolve before join()`);
    // The meeting may end for the user before the SDK calls the join done (removed from its waiting room).
    const endedFirst = new Promise<never>((_, reject) => {
      this.endJoin = reject;
    });
    // Told after the join settled otherwise, nobody listens any more.
    endedFirst.catch(() => undefined);
    try {
      await joinWatchingZoom(() => Promise.race([invoke(api), endedFirst]), { view: this.view, realm: realmWindow, secrets, notify: (event) => this.notify(event) });
    } finally {
      this.endJoin = undefined;
    }
    if (this.api !== api) return;
    this.joined = true;
    let resolve = (): void => undefined;
    const promise = new Promise<void>((settle) => {
      resolve = settle;
    });
    this.over = { promise, resolve };
    signal.throwIfAborted();
    // Both views call the join done while the host still holds the user in the waiting room: the join goes on
    // until the host lets them in (or the meeting ends for them there).
    if (this.isHeld()) await this.admission(signal);
  }

  /** Whether the host holds the user in the waiting room now; a view may read the SDK to tell. */
  protected isHeld(): boolean {
    return this.held;
  }

  /** A view's reading of the SDK: the user is (or is no longer) held in the waiting room. */
  protected setHeld(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.notify({ type: 'waiting-room', held });
    if (!held) this.admitted?.();
  }

  /**
   * A view's reading of the SDK: the meeting ended for the user. In the meeting that is `meeting-ended`; before the
   * join is done (held in the waiting room) it ends the join, as Zoom's 3009 (removed) or 4004 (ended).
   */
  protected meetingEnded(reason: SdkMeetingEnd): void {
    // Told on the next task, never from inside the SDK's own callback: what the page does then (discard the frame,
    // abort the next preparation, make an error) would run under the SDK's feet, and every Error made there would
    // capture the SDK's functions in its stack — an abort reason or error the page keeps would then hold the old
    // frame's whole window (measured: +17 MB, until the next meeting).
    if (this.joined) {
      this.joined = false;
      setTimeout(() => this.notify({ type: 'meeting-ended', reason }), 0);
    } else {
      const endJoin = this.endJoin;
      setTimeout(() => endJoin?.(this.endedInWaitingRoomError(reason)), 0);
    }
  }

  /**
   * A view's reading of the SDK: Zoom refused the join, and the SDK said so only to its listeners (the Client View
   * calls neither join callback then). The join rejects with what the SDK said, on the next task.
   */
  protected joinRefused(said: unknown): void {
    const endJoin = this.endJoin;
    if (!this.joined) setTimeout(() => endJoin?.(said), 0);
  }

  private endedInWaitingRoomError(reason: SdkMeetingEnd | undefined): unknown {
    // Removed from the waiting room (Zoom's 3009), or the meeting ended before the user got in (4004).
    const errorCode = reason === 'removed' ? 3009 : reason === 'authorized-user-left' ? 4019 : 4004;
    return normalizeSdkError({ type: 'JOIN_MEETING_FAILED', reason: msg('The meeting ended in the waiting room'), errorCode }, { view: this.view, stage: 'join' });
  }

  private async admission(signal: AbortSignal): Promise<void> {
    const over = this.over?.promise;
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.admitted = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      void over?.then(() => {
        signal.removeEventListener('abort', onAbort);
        reject(this.endedInWaitingRoomError(this.ending));
      });
    }).finally(() => {
      this.admitted = undefined;
    });
    signal.throwIfAborted();
  }

  async destroy(): Promise<void> {
    this.discardRealm();
    this.slot.discard();
  }

  subscribe(listener: SdkEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A command that ends the meeting (`end`): the SDK's answer, or the meeting's end, whichever comes first — the
   * Component View's endMeeting() never settles once the meeting it ended is gone.
   */
  protected untilOver(answer: Promise<unknown>): Promise<unknown> {
    return this.over ? Promise.race([answer, this.over.promise]) : answer;
  }

  protected notify(event: Parameters<SdkEventListener>[0]): void {
    if (event.type === 'meeting-ended') {
      this.ending = event.reason;
      this.over?.resolve();
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Drops the frame a join used and all the SDK made in it; a prepared one stays for the next join. */
  protected discardRealm(): void {
    this.over?.resolve();
    this.over = undefined;
    // A join stopped while the SDK still runs it never settles: what would end it must not keep its frame alive.
    this.endJoin = undefined;
    this.admitted = undefined;
    this.ending = undefined;
    this.held = false;
    this.joined = false;
    this.reconnecting = false;
    this.slot.discardTaken();
  }

  /** The frame was moved while in the meeting: the meeting in it is gone, and the page must hear of it. */
  private onRealmLost(api: Api): void {
    if (api !== this.api || !this.joined) return;
    this.joined = false;
    this.notify({ type: 'connection-failed', error: meetingFrameReloadedError(this.view) });
  }
}
