/**
 * A realm of the SDK's own: a same-origin iframe with an empty document of its own, filling the box it is put in.
 * What the SDK adds to "the page" (globals, `<style>` in the head, `#zmmtg-root`, `onbeforeunload`) lands in the
 * frame's document instead, and removing the frame lets all of it — and the memory it holds — go.
 */

import { msg, str } from '@lit/localize';
import { emit } from '../events.js';
import { normalizeSdkError } from './normalize-error.js';
import { ErrorCategory, ZoomJoinError } from '../zoom-join-error.js';
import { servedSdkVersion } from '../assets/check-asset-path.js';
import { sdkRealmScripts } from './view-files.js';
import { realmPermissions } from './realm-permissions.js';

export { sdkRealmScripts, realmPermissions };

/** The frame's document: nothing but a body that fills it, so a view laid out "full page" fills the frame. */
const REALM_DOCUMENT =
  // l10n-ignore: markup without text
  '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;width:100%;height:100%;overflow:hidden}</style></head><body></body></html>';

export interface SdkRealm {
  readonly frame: HTMLIFrameElement;
  /** The frame's window: the SDK's globals live here, not on the page's `window`. */
  readonly window: Window & typeof globalThis;
  /** Runs a classic script in the realm; scripts loaded one after the other run in that order. */
  loadScript(url: string, signal?: AbortSignal): Promise<void>;
  /** Removes the frame; everything the SDK made in it goes with it. Idempotent. */
  discard(): void;
  /**
   * Calls `listener` once if the frame loses its document: moving a frame in the DOM (re-parenting the element,
   * as some frameworks do) reloads it, and everything the SDK had in it is gone.
   */
  onLost(listener: () => void): void;
  /** True once the frame lost the document the SDK was loaded into. */
  readonly lost: boolean;
}

export class SdkRealmError extends Error {
  override name = 'SdkRealmError';
}

/**
 * Creates the frame in `container` and resolves once its document is ready. Rejects with the signal's reason when
 * aborted (the frame is removed), and with an SdkRealmError when the frame gets no readable document of its own.
 * A `srcdoc` document is the page's own, so a Content-Security-Policy `frame-src` does not stop it (tested); the
 * page's `script-src` does apply inside it, as to the page.
 */
export function openSdkRealm(container: HTMLElement, options: { signal?: AbortSignal; loadTimeoutMs?: number } = {}): Promise<SdkRealm> {
  const { signal, loadTimeoutMs = 10_000 } = options;
  signal?.throwIfAborted();
  const frame = container.ownerDocument.createElement('iframe');
  frame.setAttribute('allow', realmPermissions(globalThis.crossOriginIsolated === true));
  frame.setAttribute('title', msg('Zoom meeting'));
  frame.style.cssText = 'display:block;width:100%;height:100%;border:0';
  frame.srcdoc = REALM_DOCUMENT;

  return new Promise<SdkRealm>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      frame.removeEventListener('load', onLoad);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown): void => {
      cleanup();
      frame.remove();
      reject(error);
    };
    const onAbort = (): void => fail(signal?.reason);
    const onLoad = (): void => {
      const realmWindow = frame.contentWindow as (Window & typeof globalThis) | null;
      // The initial about:blank may report a load of its own before the frame's document.
      if (isInitialBlank(realmWindow)) return;
      // Anything that swaps the frame's document (an error page of another origin) leaves it unreadable.
      let readable = false;
      try {
        readable = Boolean(realmWindow?.document.body) && realmWindow?.location.href === 'about:srcdoc';
      } catch {
        readable = false;
      }
      if (!realmWindow || !readable) {
        fail(new SdkRealmError(msg("The element's frame for the Zoom SDK did not get a document of its own.")));
        return;
      }
      cleanup();
      resolve(createRealm(frame, realmWindow));
    };
    const timer = setTimeout(
      () => fail(new SdkRealmError(msg(str`The element's frame did not load within ${loadTimeoutMs / 1000} s.`))),
      loadTimeoutMs,
    );
    frame.addEventListener('load', onLoad);
    signal?.addEventListener('abort', onAbort, { once: true });
    container.append(frame);
  });
}

function isInitialBlank(realmWindow: Window | null): boolean {
  try {
    return realmWindow?.location.href === 'about:blank';
  } catch {
    return false;
  }
}

function createRealm(frame: HTMLIFrameElement, realmWindow: Window & typeof globalThis): SdkRealm {
  const lostListeners = new Set<() => void>();
  let lost = false;
  // The document it was opened with has loaded, so every later load is a new document (the frame was moved).
  const onReload = (): void => {
    if (lost) return;
    lost = true;
    for (const listener of [...lostListeners]) listener();
  };
  frame.addEventListener('load', onReload);
  return {
    frame,
    window: realmWindow,
    get lost() {
      // A moved frame has a new window at once; its load event (which tells the listeners) comes later.
      return lost || frame.contentWindow !== realmWindow;
    },
    onLost(listener: () => void): void {
      lostListeners.add(listener);
    },
    loadScript(url: string, signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      const document = realmWindow.document;
      const script = document.createElement('script');
      // Classic scripts added by script run in insertion order only when async is off.
      script.async = false;
      script.src = url;
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          script.removeEventListener('load', onLoad);
          script.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
        };
        const onLoad = (): void => {
          done();
          resolve();
        };
        const onError = (): void => {
          done();
          reject(new SdkRealmError(msg(str`${url} could not be loaded into the element's frame.`)));
        };
        const onAbort = (): void => {
          done();
          reject(signal?.reason);
        };
        script.addEventListener('load', onLoad);
        script.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort, { once: true });
        document.head.append(script);
      });
    },
    discard(): void {
      lostListeners.clear();
      // This listener's closure holds the realm's window: left on the frame element, anything that still refers to
      // the removed element (a framework's old vnode, devtools, a test's handle) would keep the whole realm alive —
      // the SDK, its meeting, ~14 MB — after the frame is gone.
      frame.removeEventListener('load', onReload);
      frame.remove();
    },
  };
}

/** The globals each view's bundle may define in the realm (the package's Component View bundle and the CDN's differ). */
const SDK_REALM_GLOBALS = { component: ['ZoomMtgEmbedded', 'ReactWidgets'], client: ['ZoomMtg'] } as const;

/**
 * Loads `view`'s SDK into the realm and returns what its bundle defined (the Component View's client class, or
 * the Client View's `ZoomMtg`). Rejects with an SdkRealmError naming a script that did not load or a bundle that
 * defined nothing.
 */
export async function loadSdkIntoRealm(realm: SdkRealm, view: 'component' | 'client', libUrl: string, signal?: AbortSignal): Promise<unknown> {
  // Queued together: the browser fetches them in parallel and runs them in order (async = false).
  // A self-hosted copy's version is the one its asset check found (the Client View's bundle is named with it).
  await Promise.all(sdkRealmScripts(view, libUrl, servedSdkVersion(libUrl)).map((url) => realm.loadScript(url, signal)));
  const globals = realm.window as unknown as Record<string, unknown>;
  const api = SDK_REALM_GLOBALS[view].map((name) => globals[name]).find(Boolean);
  if (!api) throw new SdkRealmError(msg(str`The Zoom SDK's ${view} view bundle defined no ${SDK_REALM_GLOBALS[view].join(' / ')} in the element's frame.`));
  return api;
}

/**
 * Resolves once the browser is idle, or after `timeoutMs` at the latest (at once where there is no idle callback).
 * Not preload-trigger's scheduleIdle: sharing that first-load module with this lazy one splits it into a chunk of
 * its own, which costs the first load more than the few lines it would save.
 */
function whenIdle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** `meeting-frame-reloaded`: what a view reports when its frame lost the meeting (see `SdkRealm.onLost`). */
export function meetingFrameReloadedError(view: 'component' | 'client'): ZoomJoinError {
  return new ZoomJoinError({
    code: 'meeting-frame-reloaded',
    category: ErrorCategory.meeting,
    title: msg('The meeting ended because the element was moved'),
    message: msg("The browser reloaded the meeting's frame because <zoom-join> (or its meeting box) was moved in the page, and the meeting in it ended."),
    hint: msg('The meeting runs in a frame inside the element, and a browser reloads a frame that is moved in the document.'),
    steps: [msg('Keep the element in place while in a meeting (move what is around it instead).'), msg('Join again.')],
    retryable: true,
    view,
  });
}

/** A realm with a view's SDK loaded into it, and the API its bundle defined. */
export interface LoadedSdk<Api> {
  realm: SdkRealm;
  api: Api;
}

/**
 * An adapter's realm: prepared ahead of the join while the page is idle (the SDK loaded, js_media run in it) or
 * opened by the join itself, then used by one join and discarded with everything that join left behind.
 */
export class SdkRealmSlot<Api> {
  /** A realm being prepared or prepared, not yet taken by a join. */
  private prepared?: { root: HTMLElement; libUrl: string; abort: AbortController; loaded: Promise<LoadedSdk<Api>> };
  /** The realm a join took. */
  private taken?: LoadedSdk<Api>;

  /** The realm and SDK the current join took, until it is discarded. */
  get current(): LoadedSdk<Api> | undefined {
    return this.taken;
  }

  constructor(
    private readonly view: 'component' | 'client',
    private readonly isApi: (candidate: unknown) => candidate is Api,
    /** The view's own steps once its SDK is in; `ahead` when preparing, not joining. */
    private readonly setUp: (loaded: LoadedSdk<Api>, libUrl: string, signal: AbortSignal, ahead: boolean) => Promise<void>,
  ) {}

  /**
   * Opens a realm in `root` with the SDK loaded and set up, unless one for the same root and folder is already
   * there or a join holds one. Rejects when that fails (the join then opens its own) or `signal` aborts; either
   * way nothing of it stays.
   */
  async prepare(root: HTMLElement, libUrl: string, signal: AbortSignal): Promise<void> {
    if (this.taken) return;
    if (this.prepared?.root === root && this.prepared.libUrl === libUrl) {
      const { realm } = await this.prepared.loaded;
      if (!realm.lost) return;
    }
    this.discard();
    const abort = new AbortController();
    const onAbort = (): void => abort.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    // Loading and running megabytes of SDK is main-thread work: it waits for a moment the page does not need.
    const loaded = whenIdle().then(() => {
      abort.signal.throwIfAborted();
      return this.load(root, libUrl, abort.signal, true);
    });
    const prepared = { root, libUrl, abort, loaded };
    this.prepared = prepared;
    try {
      await loaded;
    } catch (error) {
      if (this.prepared === prepared) this.prepared = undefined;
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * The realm for a join: the prepared one when it is for this root and folder (waiting for it to finish),
   * otherwise a fresh one. Rejects with `sdk-load-failed`, or with the signal's reason.
   */
  async take(root: HTMLElement, libUrl: string, signal: AbortSignal): Promise<LoadedSdk<Api>> {
    const prepared = this.prepared;
    if (prepared?.root === root && prepared.libUrl === libUrl) {
      this.prepared = undefined;
      const onAbort = (): void => prepared.abort.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      // What the preparation could not do (or a frame moved since, which lost the SDK) the join tries once more.
      const loaded = await prepared.loaded.catch(() => undefined).finally(() => signal.removeEventListener('abort', onAbort));
      if (loaded && !loaded.realm.lost) return this.keep(loaded, signal);
      loaded?.realm.discard();
      signal.throwIfAborted();
    }
    this.discard();
    let loaded: LoadedSdk<Api>;
    try {
      loaded = await this.load(root, libUrl, signal, false);
    } catch (raw) {
      signal.throwIfAborted();
      throw normalizeSdkError(raw, { view: this.view, stage: 'load' });
    }
    return this.keep(loaded, signal);
  }

  /** The realm a join took, unless the join stopped meanwhile: then it goes, as leaving would have removed it. */
  private keep(loaded: LoadedSdk<Api>, signal: AbortSignal): LoadedSdk<Api> {
    if (signal.aborted) loaded.realm.discard();
    signal.throwIfAborted();
    this.taken = loaded;
    return loaded;
  }

  /** Removes the realm a join took, with everything the SDK made in it; a prepared one stays. */
  discardTaken(): void {
    this.taken?.realm.discard();
    this.taken = undefined;
  }

  /** Removes every realm of this slot, prepared or taken; the next join starts afresh. */
  discard(): void {
    const prepared = this.prepared;
    this.prepared = undefined;
    prepared?.abort.abort(new DOMException(msg('The realm was discarded'), 'AbortError'));
    void prepared?.loaded.then(
      ({ realm }) => realm.discard(),
      () => undefined,
    );
    this.discardTaken();
  }

  private async load(root: HTMLElement, libUrl: string, signal: AbortSignal, ahead: boolean): Promise<LoadedSdk<Api>> {
    let realm: SdkRealm | undefined;
    const discardOnAbort = (): void => realm?.discard();
    signal.addEventListener('abort', discardOnAbort, { once: true });
    try {
      realm = await openSdkRealm(root, { signal });
      // The page's one look at the frame before the SDK is in it (synchronous: listeners run before it loads).
      emit(root, 'zoom-frame', { window: realm.window, view: this.view });
      const api = await loadSdkIntoRealm(realm, this.view, libUrl, signal);
      if (!this.isApi(api)) throw new SdkRealmError(msg(str`The Zoom SDK's ${this.view} view bundle did not define the API the element uses in its frame.`));
      const loaded = { realm, api };
      await this.setUp(loaded, libUrl, signal, ahead);
      return loaded;
    } catch (error) {
      realm?.discard();
      throw error;
    } finally {
      signal.removeEventListener('abort', discardOnAbort);
    }
  }
}
