import type { SdkCommand, SdkInitOptions, SdkJoinOptions, SdkMeetingInfo, ZoomParticipant, ZoomSdk } from './adapter.js';
import { hasFunctions, sdkJoinOptions, secretsOf } from './sdk-module.js';
import { SdkRealmSlot } from './sdk-realm.js';
import { cdnSdkVersion } from './version.js';
import { DEFAULT_SDK_LANGUAGE } from './languages.js';
import { answeredWithin, nextTask, RealmAdapter } from './realm-adapter.js';
import { END_REASON_AUTHORIZED_USER_LEFT, watchMeetingEndReasons } from './rwg-end-watch.js';
import { intoRealm } from './options/into-realm.js';

interface CallbackOptions {
  success?: (result: unknown) => void;
  error?: (error: unknown) => void;
  [key: string]: unknown;
}

/** The members of `ZoomMtg` we use, typed structurally. */
interface ClientViewApi {
  setZoomJSLib(path: string, dir: string): void;
  preLoadWasm(): unknown;
  prepareWebSDK(): unknown;
  init(options: CallbackOptions): void;
  join(options: CallbackOptions): void;
  leaveMeeting(options: CallbackOptions): void;
  endMeeting(options: CallbackOptions): void;
  mute(options: CallbackOptions): void;
  getCurrentUser(options: CallbackOptions): void;
  getCurrentMeetingInfo(options: CallbackOptions): void;
  inMeetingServiceListener(event: string, callback: (payload: unknown) => void): void;
  i18n: { load(language: string): unknown; reload(language: string): unknown };
}

function isClientViewApi(candidate: unknown): candidate is ClientViewApi {
  return hasFunctions(candidate, [
    'setZoomJSLib',
    'preLoadWasm',
    'prepareWebSDK',
    'init',
    'join',
    'leaveMeeting',
    'endMeeting',
    'mute',
    'getCurrentUser',
    'getCurrentMeetingInfo',
    'inMeetingServiceListener',
  ]) && hasFunctions((candidate as { i18n?: unknown }).i18n, ['load', 'reload']);
}

/** The fields of a Client View attendee the element reads. */
interface ClientViewUser {
  userId: number;
  userName?: string;
  isHost?: boolean;
  isCoHost?: boolean | string;
  isHold?: boolean;
  bHold?: boolean;
  /** True for the user of this page. */
  self?: boolean;
}

function participantOf(user: ClientViewUser): ZoomParticipant {
  return {
    id: user.userId,
    name: user.userName ?? '',
    // isCoHost is '' (not false) for attendees.
    role: user.isHost === true ? 'host' : user.isCoHost === true ? 'co-host' : 'attendee',
    inWaitingRoom: user.isHold === true || user.bHold === true,
    isYou: user.self === true,
  };
}

/** `onUserLeave`'s `reasonCode` for the user of this page removed by the host (the SDK's documented enum). */
const KICKED_OUT_FROM_MEETING = 6;
const KICKED_OUT_FROM_WAITING_ROOM = 7;

function callbackToPromise(invoke: (options: CallbackOptions) => void, options: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    invoke({ ...options, success: resolve, error: reject });
  });
}

/** How long a Client View callback (leaveMeeting, getCurrentUser, …) gets: it may never come. */
const CALLBACK_WAIT_MS = 2000;

/** The options each realm's SDK was initialised with ahead of the join (a realm goes with its frame). */
const initialisedWith = new WeakMap<ClientViewApi, string>();

function initOptions(selfHosted: boolean, enforceVirtualBackground: boolean): Record<string, unknown> {
  return {
    // Leaving navigates the frame, not the page.
    leaveUrl: 'about:blank',
    patchJsMedia: !selfHosted,
    leaveOnPageUnload: true,
    // The user clicked Join on the element already: Zoom's preview page would ask for a second click.
    disablePreview: true,
    // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
    ...(enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
  };
}

/** Waits for `promise` at most `ms`: its value, or undefined when it failed or took longer; never rejects. */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.then((value) => value, () => undefined), wait]).finally(() => clearTimeout(timer));
}

/** The `result` of a Client View callback's answer (`{method, status, result, …}`). */
function resultOf<T>(answer: unknown): T | undefined {
  return (answer as { result?: T } | null | undefined)?.result;
}

/** `onMeetingStatus` values from the SDK's documentation. */
const MeetingStatus = { connecting: 1, connected: 2, disconnected: 3, reconnecting: 4 } as const;

/**
 * The Client View, run in a realm of its own (see sdk-realm.ts): its full-page layout fills a frame inside the
 * element's box instead of the page, `window.onbeforeunload` and `#zmmtg-root` are the frame's, and every join
 * gets a fresh realm — so a second join needs no page reload, which the Client View in a page cannot do.
 */
export class ClientViewAdapter extends RealmAdapter<ClientViewApi> {
  readonly view = 'client' as const;
  protected readonly slot = new SdkRealmSlot<ClientViewApi>('client', isClientViewApi, async ({ api, realm }, libUrl, _signal, ahead) => {
    // Its listeners tell one "ended" for the host ending the meeting and for Zoom's 4019: the server's reason tells.
    watchMeetingEndReasons(realm.window, (reason) => {
      if (api === this.api) this.endReason = reason;
    });
    // The SDK's own preparation (its WebAssembly and js_media): ahead of the click when prepared in idle.
    api.setZoomJSLib(libUrl, '/av');
    await api.preLoadWasm();
    await api.prepareWebSDK();
    // Its init too (~0.7 s on the click otherwise), with the options of a join in English without SDK options or
    // enforced virtual background; a join that needs others takes a fresh frame (see init).
    if (ahead) {
      const options = initOptions(cdnSdkVersion(libUrl) === undefined, false);
      await callbackToPromise((o) => api.init(o), options);
      initialisedWith.set(api, JSON.stringify(options));
    }
    // This realm's own listeners: they go with the frame.
    api.inMeetingServiceListener('onMeetingStatus', (payload: unknown) => {
      const { meetingStatus: status, errorCode } = (payload ?? {}) as { meetingStatus?: unknown; errorCode?: unknown };
      if (api !== this.api) return;
      // Zoom refused the join (4012–4018: a token missing or not accepted): the SDK's dialog says so to the
      // listeners only, and neither join callback ever comes.
      if (!this.joined && !this.held && status === MeetingStatus.disconnected && typeof errorCode === 'number') {
        this.joinRefused({ method: 'join', status: false, ...(payload as object) });
        return;
      }
      // Held in the waiting room, the SDK may end before its join is done (the host removed the user from there).
      if (!(this.joined || this.held)) return;
      if (status === MeetingStatus.disconnected) {
        this.meetingEnded(
          this.reconnecting
            ? 'connection-lost'
            : this.removed
              ? 'removed'
              : this.endReason === END_REASON_AUTHORIZED_USER_LEFT
                ? 'authorized-user-left'
                : 'ended',
        );
      } else if (status === MeetingStatus.reconnecting) {
        // The host let the user in from the waiting room: the SDK reconnects to the meeting proper.
        if (this.held) return;
        this.reconnecting = true;
        this.notify({ type: 'connection', state: 'reconnecting' });
      } else if (status === MeetingStatus.connected) {
        this.reconnecting = false;
        this.notify({ type: 'connection', state: 'connected' });
      }
    });
    api.inMeetingServiceListener('onUserLeave', (payload: unknown) => {
      if (api !== this.api) return;
      const user = payload as (Partial<ClientViewUser> & { reasonCode?: unknown }) | null;
      // The page's own user leaves with a reason code and no user; another participant leaves as their user.
      if (typeof user?.userId === 'number') this.roster.delete(user.userId);
      else if (user?.reasonCode === KICKED_OUT_FROM_MEETING || user?.reasonCode === KICKED_OUT_FROM_WAITING_ROOM) this.removed = true;
      this.tellParticipants();
    });
    // getAttendeeslist() answers once and then no more while in the meeting (6.2.0): the roster is kept from the
    // listeners, whose payloads are whole users.
    for (const name of ['onUserJoin', 'onUserUpdate']) {
      api.inMeetingServiceListener(name, (payload: unknown) => {
        const user = payload as ClientViewUser | null;
        if (api !== this.api || typeof user?.userId !== 'number') return;
        this.roster.set(user.userId, { ...this.roster.get(user.userId), ...user });
        if (user.self === true && typeof user.isHold === 'boolean') this.setHeld(user.isHold);
        this.tellParticipants();
      });
    }
    api.inMeetingServiceListener('onUserIsInWaitingRoom', (payload: unknown) => {
      const change = payload as { self?: boolean; isInWaitingRoom?: boolean } | null;
      if (api === this.api && change?.self === true && typeof change.isInWaitingRoom === 'boolean') this.setHeld(change.isInWaitingRoom);
    });
  });
  /** The host removed the user: the meeting's end that follows is a removal. */
  private removed = false;
  /** The reason of the meeting server's last "you are out" message (7939), when the frame's socket carried one. */
  private endReason?: number;

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    const wanted = initOptions(options.selfHosted, options.enforceVirtualBackground === true);
    const { sdkOptions } = options;
    const ahead = this.api && initialisedWith.get(this.api);
    const sameAsAhead = !sdkOptions && ahead === JSON.stringify(wanted) && options.language === DEFAULT_SDK_LANGUAGE;
    // ZoomMtg.init a second time in a frame, with other options, never lets the join through (observed with the
    // page's options): a frame initialised ahead with options (or a language) this join does not want is replaced
    // by a fresh one.
    if (ahead !== undefined && !sameAsAhead) await this.load(options, signal);
    return this.initInRealm(signal, async (api, realmWindow) => {
      // Its texts come from lib/lang/<language>.json, loaded before init (the SDK reads them as it builds its UI).
      if (options.language !== DEFAULT_SDK_LANGUAGE) {
        await api.i18n.load(options.language);
        await api.i18n.reload(options.language);
      }
      if (sameAsAhead) return;
      // The page's options win: the element's own (leaveUrl, patchJsMedia, …) are never among them, and the
      // page may turn Zoom's preview page back on.
      const page = sdkOptions ? (intoRealm(sdkOptions, realmWindow) as Record<string, unknown>) : {};
      await callbackToPromise((o) => api.init(o), { ...wanted, ...page });
    });
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    this.removed = false;
    this.endReason = undefined;
    this.roster.clear();
    const joinOptions = sdkJoinOptions(options, 'passWord');
    return this.joinInRealm(signal, secretsOf(options), (api) => callbackToPromise((o) => api.join(o), joinOptions));
  }

  async meetingInfo(): Promise<SdkMeetingInfo> {
    const api = this.api;
    if (!api || !this.joined) return {};
    const [user, meeting] = await Promise.all([
      settleWithin(callbackToPromise((o) => api.getCurrentUser(o), {}), CALLBACK_WAIT_MS).then(resultOf<{ currentUser?: ClientViewUser }>),
      settleWithin(callbackToPromise((o) => api.getCurrentMeetingInfo(o), {}), CALLBACK_WAIT_MS).then(resultOf<{ meetingTopic?: string }>),
    ]);
    const you = user?.currentUser;
    if (you) this.roster.set(you.userId, { ...this.roster.get(you.userId), ...you, self: true });
    this.tellParticipants();
    return { ...(meeting?.meetingTopic ? { topic: meeting.meetingTopic } : {}), ...(you ? { userId: you.userId, role: participantOf(you).role } : {}) };
  }

  /** Everyone the SDK told of since the join started, by user id. */
  private readonly roster = new Map<number, ClientViewUser>();

  private tellParticipants(): void {
    if (this.joined) this.notify({ type: 'participants', participants: [...this.roster.values()].map(participantOf) });
  }

  sdk(): ZoomSdk | undefined {
    // Our structural view of ZoomMtg is the SDK's own object: handed out as the SDK types it.
    return this.api && this.joined ? { view: 'client', ZoomMtg: this.api as unknown as Extract<ZoomSdk, { view: 'client' }>['ZoomMtg'] } : undefined;
  }

  async command(command: SdkCommand): Promise<void> {
    const api = this.api;
    if (!api || !this.joined) throw new Error('The Zoom SDK is not in a meeting');
    if (command === 'end') {
      await answeredWithin(this.untilOver(callbackToPromise((o) => api.endMeeting(o), {})), command);
      return;
    }
    const you = [...this.roster.values()].find((user) => user.self === true)?.userId;
    await answeredWithin(callbackToPromise((o) => api.mute(o), { userId: you, mute: command === 'mute' }), command);
  }

  async leave(): Promise<void> {
    const { api, joined } = this;
    this.joined = false;
    // Zoom hears of the leave at once; whatever the meeting left behind goes with its frame. leaveMeeting may
    // never call back (a join the SDK still runs, a form it shows), so it gets a moment, not a promise to wait on.
    if (api && joined) await settleWithin(callbackToPromise((o) => api.leaveMeeting(o), {}), CALLBACK_WAIT_MS);
    await nextTask();
    this.discardRealm();
  }
}
