/**
 * A realm of the SDK's own: a same-origin iframe with an empty document of its own, filling the box it is put in.
 * What the SDK adds to "the page" (globals, `<style>` in the head, `#zmmtg-root`, `onbeforeunload`) lands in the
 * frame's document instead, and removing the frame lets all of it — and the memory it holds — go.
 */

import { normalizeSdkError } from './normalize-error.js';
import { SDK_CDN_LIB_URL, SDK_VERSION } from './version.js';

/**
 * What a meeting needs from the browser, named in the frame's `allow` attribute. A same-origin frame has them by
 * default; the attribute, which is what the browser goes by, keeps that explicit.
 */
const DELEGATED_FEATURES = ['camera', 'microphone', 'display-capture', 'fullscreen', 'autoplay', 'clipboard-write'];

/**
 * The frame's `allow` attribute. `cross-origin-isolated` is delegated only where the page is isolated itself, so
 * that SharedArrayBuffer (the SDK's threads, noise suppression, 720p) is there inside the frame exactly when the
 * page has it.
 */
export function realmPermissions(pageIsolated: boolean): string {
  return [...DELEGATED_FEATURES, ...(pageIsolated ? ['cross-origin-isolated'] : [])].join('; ');
}

/** The frame's document: nothing but a body that fills it, so a view laid out "full page" fills the frame. */
const REALM_DOCUMENT =
  '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;width:100%;height:100%;overflow:hidden}</style></head><body></body></html>';

export interface SdkRealm {
  readonly frame: HTMLIFrameElement;
  /** The frame's window: the SDK's globals live here, not on the page's `window`. */
  readonly window: Window & typeof globalThis;
  /** Runs a classic script in the realm; scripts loaded one after the other run in that order. */
  loadScript(url: string, signal?: AbortSignal): Promise<void>;
  /** Removes the frame; everything the SDK made in it goes with it. Idempotent. */
  discard(): void;
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
  frame.setAttribute('title', 'Zoom meeting');
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
        fail(new SdkRealmError("The element's frame for the Zoom SDK did not get a document of its own."));
        return;
      }
      cleanup();
      resolve(createRealm(frame, realmWindow));
    };
    const timer = setTimeout(
      () => fail(new SdkRealmError(`The element's frame did not load within ${loadTimeoutMs / 1000} s.`)),
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
  return {
    frame,
    window: realmWindow,
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
          reject(new SdkRealmError(`${url} could not be loaded into the element's frame.`));
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
      frame.remove();
    },
  };
}

/**
 * The classic scripts that put a view's SDK into a realm, in order: the vendor libraries it expects as globals
 * (from `lib/vendor/`), then the view's bundle from the folder above `lib/` — the package's `dist/` when
 * self-hosted, the version's folder on Zoom's CDN (where the Component View bundle has another name).
 */
export function sdkRealmScripts(view: 'component' | 'client', libUrl: string): string[] {
  const lib = libUrl.replace(/\/+$/, '');
  const dist = lib.replace(/\/lib$/, '');
  const fromCdn = lib === SDK_CDN_LIB_URL;
  if (view === 'component') {
    const bundle = fromCdn ? `zoom-meeting-embedded-${SDK_VERSION}.min.js` : 'zoomus-websdk-embedded.umd.min.js';
    return [`${lib}/vendor/react.min.js`, `${lib}/vendor/react-dom.min.js`, `${dist}/${bundle}`];
  }
  // The UMD build of the Client View cannot find its externals as globals; this bundle reads React, Redux and
  // ReduxThunk from them, as Zoom's own CDN sample loads it.
  const vendors = ['react', 'react-dom', 'redux', 'redux-thunk', 'lodash'].map((name) => `${lib}/vendor/${name}.min.js`);
  return [...vendors, `${dist}/zoom-meeting-${SDK_VERSION}.min.js`];
}

/** The global each view's bundle defines in the realm. */
export const SDK_REALM_GLOBALS = { component: 'ReactWidgets', client: 'ZoomMtg' } as const;

/**
 * Loads `view`'s SDK into the realm and returns what its bundle defined (the Component View's client class, or
 * the Client View's `ZoomMtg`). Rejects with an SdkRealmError naming a script that did not load or a bundle that
 * defined nothing.
 */
export async function loadSdkIntoRealm(realm: SdkRealm, view: 'component' | 'client', libUrl: string, signal?: AbortSignal): Promise<unknown> {
  // Queued together: the browser fetches them in parallel and runs them in order (async = false).
  await Promise.all(sdkRealmScripts(view, libUrl).map((url) => realm.loadScript(url, signal)));
  const api: unknown = (realm.window as unknown as Record<string, unknown>)[SDK_REALM_GLOBALS[view]];
  if (!api) throw new SdkRealmError(`The Zoom SDK's ${view} view bundle defined no ${SDK_REALM_GLOBALS[view]} in the element's frame.`);
  return api;
}

/**
 * What a realm adapter's init starts with: a fresh frame in `root` with `view`'s SDK loaded into it. On failure the
 * frame is discarded and the failure leaves as `sdk-load-failed` (the same failure, and fix, as the SDK's module
 * not loading in the page) — or as the signal's reason when the join was stopped meanwhile.
 */
export async function openRealmWithSdk<Api>(
  root: HTMLElement,
  view: 'component' | 'client',
  libUrl: string,
  isApi: (candidate: unknown) => candidate is Api,
  signal: AbortSignal,
): Promise<{ realm: SdkRealm; api: Api }> {
  let realm: SdkRealm | undefined;
  try {
    realm = await openSdkRealm(root, { signal });
    const api = await loadSdkIntoRealm(realm, view, libUrl, signal);
    if (!isApi(api)) throw new SdkRealmError(`The Zoom SDK's ${view} view bundle did not define the API the element uses in its frame.`);
    return { realm, api };
  } catch (raw) {
    realm?.discard();
    signal.throwIfAborted();
    throw normalizeSdkError(raw, { view, stage: 'load' });
  }
}
