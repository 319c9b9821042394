import type { SdkInitOptions, SdkJoinOptions } from './adapter.js';
import { hasFunctions, sdkJoinOptions, secretsOf } from './sdk-module.js';
import { SdkRealmSlot } from './sdk-realm.js';
import { RealmAdapter } from './realm-adapter.js';

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
  inMeetingServiceListener(event: string, callback: (payload: unknown) => void): void;
}

function isClientViewApi(candidate: unknown): candidate is ClientViewApi {
  return hasFunctions(candidate, ['setZoomJSLib', 'preLoadWasm', 'prepareWebSDK', 'init', 'join', 'leaveMeeting', 'inMeetingServiceListener']);
}

function callbackToPromise(invoke: (options: CallbackOptions) => void, options: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    invoke({ ...options, success: resolve, error: reject });
  });
}

const LEAVE_WAIT_MS = 2000;

/** Waits for `promise` at most `ms`; never rejects. */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise.then(() => undefined, () => undefined), wait]).finally(() => clearTimeout(timer));
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
  protected readonly slot = new SdkRealmSlot<ClientViewApi>('client', isClientViewApi, async ({ api }, libUrl) => {
    // The SDK's own preparation (its WebAssembly and js_media): ahead of the click when prepared in idle.
    api.setZoomJSLib(libUrl, '/av');
    await api.preLoadWasm();
    await api.prepareWebSDK();
    // This realm's own listener: it goes with the frame.
    api.inMeetingServiceListener('onMeetingStatus', (payload: unknown) => {
      const status = (payload as { meetingStatus?: unknown } | null)?.meetingStatus;
      if (api === this.api && this.joined && status === MeetingStatus.disconnected) {
        this.joined = false;
        this.notify({ type: 'meeting-ended' });
      }
    });
  });

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    return this.initInRealm(signal, (api) =>
      callbackToPromise((o) => api.init(o), {
        // Leaving navigates the frame, not the page.
        leaveUrl: 'about:blank',
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      }).then(() => undefined),
    );
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    const joinOptions = sdkJoinOptions(options, 'passWord');
    return this.joinInRealm(signal, secretsOf(options), (api) => callbackToPromise((o) => api.join(o), joinOptions));
  }

  async leave(): Promise<void> {
    const { api, joined } = this;
    this.joined = false;
    // Zoom hears of the leave at once; whatever the meeting left behind goes with its frame. leaveMeeting may
    // never call back (a join the SDK still runs, a form it shows), so it gets a moment, not a promise to wait on.
    if (api && joined) await settleWithin(callbackToPromise((o) => api.leaveMeeting(o), {}), LEAVE_WAIT_MS);
    this.discardRealm();
  }
}
