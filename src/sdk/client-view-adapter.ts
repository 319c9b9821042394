import type { SdkAdapter, SdkEventListener, SdkInitOptions, SdkJoinOptions } from './adapter.js';
import { ErrorCategory, ZoomJoinError } from '../zoom-join-error.js';
import { normalizeSdkError } from './normalize-error.js';
import { memoizeImport } from '../lazy-import.js';
import { hasFunctions, secretsOf, unwrapModule } from './sdk-module.js';
import { openRealmWithSdk, type SdkRealm } from './sdk-realm.js';
import { joinWatchingZoom } from './watched-join.js';

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
  return hasFunctions(candidate, ['setZoomJSLib', 'preLoadWasm', 'prepareWebSDK', 'init', 'join', 'leaveMeeting']);
}

/** Loads (and so evaluates) the Client View module ahead of a join. */
export const loadClientViewApi = memoizeImport(async (): Promise<ClientViewApi> => {
  const module: unknown = await import('@zoom/meetingsdk');
  const api =
    unwrapModule(module, isClientViewApi) ??
    unwrapModule((module as { ZoomMtg?: unknown }).ZoomMtg, isClientViewApi) ??
    unwrapModule((module as { default?: { ZoomMtg?: unknown } }).default?.ZoomMtg, isClientViewApi);
  if (!api) throw new Error('@zoom/meetingsdk did not export ZoomMtg');
  return api;
});

/** The Client View is page-global: its preparation and status listener must happen once per page. */
let preparedLibUrl: string | undefined;
/**
 * Observed with 6.2.0: after one join in a page, a second `ZoomMtg.join()` never calls back (the SDK logs "the
 * mainTaskType is not exist"), whether or not leaveMeeting or init ran in between. Leaving reloads the page (the
 * leaveUrl), so only a failed join leaves the page in that state.
 */
let joinAttempted = false;

/** `client-view-reload-required`: a second join in a page the Client View already joined from. */
export function clientViewReloadRequiredError(): ZoomJoinError {
  return new ZoomJoinError({
    code: 'client-view-reload-required',
    category: ErrorCategory.sdk,
    title: 'The Zoom Client View cannot join again in this page',
    message: 'The Zoom Client View already tried to join in this page and cannot start a second join until the page reloads.',
    hint: 'The Zoom Client View runs one join per page load, and this page already used it.',
    steps: ['Reload the page and join again.', 'To retry without reloading, use view="component", which can join again.'],
    retryable: false,
    view: 'client',
  });
}
const statusListeners = new Set<(status: number) => void>();
let statusListenerInstalled = false;

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

export interface ClientViewOptions {
  /**
   * Run the Client View in a frame of its own inside the root (see sdk-realm.ts): its full-page layout fills the
   * frame instead of the page, every join gets a fresh realm (so a second join needs no reload), and leaving
   * discards it with everything the SDK made.
   */
  realm?: boolean;
}

export class ClientViewAdapter implements SdkAdapter {
  readonly view = 'client' as const;
  private api?: ClientViewApi;
  private joined = false;
  /** The frame the SDK runs in, with `realm: true`. */
  private realm?: SdkRealm;

  constructor(private readonly options: ClientViewOptions = {}) {}
  private readonly listeners = new Set<SdkEventListener>();
  private pageBeforeUnload: OnBeforeUnloadEventHandler | undefined;

  private readonly onMeetingStatus = (status: number): void => {
    if (this.joined && status === MeetingStatus.disconnected) {
      this.joined = false;
      for (const listener of [...this.listeners]) listener({ type: 'meeting-ended' });
    }
  };

  async load(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    // In a realm the SDK is loaded by init(), which knows where the frame goes and where the SDK is served.
    if (this.options.realm) return;
    try {
      this.api = await loadClientViewApi();
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'load' });
    }
  }

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.options.realm) return this.initInRealm(options, signal);
    const api = this.requireApi();
    try {
      this.pageBeforeUnload ??= window.onbeforeunload;
      if (preparedLibUrl !== options.libUrl) {
        api.setZoomJSLib(options.libUrl, '/av');
        await api.preLoadWasm();
        await api.prepareWebSDK();
        preparedLibUrl = options.libUrl;
      }
      this.installStatusListener(api);
      await callbackToPromise((o) => api.init(o), {
        leaveUrl: window.location.href,
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    } finally {
      this.restorePageBeforeUnload();
    }
  }

  /** A fresh frame in the root with the Client View loaded, prepared and initialised in it. */
  private async initInRealm(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    this.discardRealm();
    const { realm, api } = await openRealmWithSdk(options.root, 'client', options.libUrl, isClientViewApi, signal);
    this.realm = realm;
    this.api = api;
    try {
      api.setZoomJSLib(options.libUrl, '/av');
      await api.preLoadWasm();
      await api.prepareWebSDK();
      // This realm's own listener: it goes with the frame.
      api.inMeetingServiceListener('onMeetingStatus', (payload: unknown) => {
        const status = (payload as { meetingStatus?: unknown } | null)?.meetingStatus;
        if (typeof status === 'number') this.onMeetingStatus(status);
      });
      await callbackToPromise((o) => api.init(o), {
        // Leaving navigates the frame, not the page.
        leaveUrl: 'about:blank',
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
    } catch (raw) {
      this.discardRealm();
      signal.throwIfAborted();
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    }
  }

  /** Drops the frame and all the SDK made in it; the next init starts a fresh one. */
  private discardRealm(): void {
    this.api = undefined;
    this.joined = false;
    this.realm?.discard();
    this.realm = undefined;
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const api = this.requireApi();
    // A realm is a fresh page for the SDK: the one-join-per-page limit is the page's, not the realm's.
    if (!this.realm && joinAttempted) throw clientViewReloadRequiredError();
    if (!this.realm) joinAttempted = true;
    const secrets = secretsOf(options);
    try {
      const joinOptions = {
        signature: options.signature,
        meetingNumber: options.meetingNumber,
        userName: options.userName,
        passWord: options.passcode ?? '',
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.sdkKey ? { sdkKey: options.sdkKey } : {}),
        ...(options.userEmail ? { userEmail: options.userEmail } : {}),
        ...(options.zak ? { zak: options.zak } : {}),
        ...(options.tk ? { tk: options.tk } : {}),
        ...(options.obfToken ? { obfToken: options.obfToken } : {}),
      };
      await joinWatchingZoom(() => callbackToPromise((o) => api.join(o), joinOptions), {
        view: this.view,
        realm: this.realm?.window ?? window,
        secrets,
        notify: (event) => {
          for (const listener of [...this.listeners]) listener(event);
        },
      });
      if (signal.aborted) {
        // The element stopped waiting while the SDK was still joining: leave what it joined.
        await callbackToPromise((o) => api.leaveMeeting(o), {}).catch(() => undefined);
        throw signal.reason;
      }
      this.joined = true;
    } catch (raw) {
      // A join the SDK still runs (a prompt it shows, an answer it never reported) must not linger on the page;
      // leaveMeeting may never call back then, so it gets a moment, not a promise to wait on.
      await settleWithin(callbackToPromise((o) => api.leaveMeeting(o), {}), LEAVE_WAIT_MS);
      signal.throwIfAborted();
      throw raw;
    } finally {
      this.restorePageBeforeUnload();
    }
  }

  async leave(): Promise<void> {
    if (this.realm) {
      // Whatever the meeting left behind goes with its frame; the next join gets a fresh one.
      if (this.api && this.joined) await settleWithin(callbackToPromise((o) => this.api!.leaveMeeting(o), {}), LEAVE_WAIT_MS);
      this.discardRealm();
      return;
    }
    if (!this.api || !this.joined) return;
    const api = this.api;
    this.joined = false;
    try {
      await callbackToPromise((o) => api.leaveMeeting(o), {});
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'leave' });
    }
  }

  async destroy(): Promise<void> {
    if (this.realm) {
      this.discardRealm();
      return;
    }
    this.joined = false;
    this.restorePageBeforeUnload();
    statusListeners.delete(this.onMeetingStatus);
    // The Client View cannot be unloaded from a page; hiding its full-page root gives the page back.
    const root = document.getElementById('zmmtg-root');
    if (root) root.style.display = 'none';
  }

  subscribe(listener: SdkEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * prepareWebSDK (and, observed, later steps) assign window.onbeforeunload, which would make the browser ask
   * "leave site?" on the page's behalf; the page's own handler (or none) must survive.
   */
  private restorePageBeforeUnload(): void {
    if (this.pageBeforeUnload !== undefined) window.onbeforeunload = this.pageBeforeUnload;
  }

  private installStatusListener(api: ClientViewApi): void {
    statusListeners.add(this.onMeetingStatus);
    if (statusListenerInstalled || typeof api.inMeetingServiceListener !== 'function') return;
    statusListenerInstalled = true;
    // The SDK offers no way to remove this listener, so one page-wide listener fans out to live adapters.
    api.inMeetingServiceListener('onMeetingStatus', (payload: unknown) => {
      const status = (payload as { meetingStatus?: unknown } | null)?.meetingStatus;
      if (typeof status !== 'number') return;
      for (const listener of [...statusListeners]) listener(status);
    });
  }

  private requireApi(): ClientViewApi {
    if (!this.api) throw new Error('ClientViewAdapter.load() must resolve before init() and join()');
    return this.api;
  }
}
