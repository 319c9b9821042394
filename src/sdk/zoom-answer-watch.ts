import type { ZoomAnswer } from '../error-codes/zoom-answers.js';

/**
 * Watches the SDK's request to Zoom's join web service (`POST https://zoom.us/api/v1/wc/info`, an XHR in both views
 * of SDK 6.x; a JSONP GET, a script tag calling a global callback, in 5.x) and reports what Zoom answered. Both views lose information on the way to their callbacks — the Component View
 * turns most of Zoom's numbers into 200, the Client View into 1, or never calls back at all — so the answer itself
 * is the only reliable witness of why a join failed. Read-only: requests and answers are not changed, and only the
 * answer's status fields are read (never the request, which carries the signature).
 */

const WC_INFO_PATH = /^https:\/\/(?:[a-z0-9-]+\.)*zoom\.us\/api\/v1\/wc\/info(?:[?#]|$)/i;

export type ZoomAnswerListener = (answer: ZoomAnswer) => void;

interface Patched {
  original: XMLHttpRequest['open'];
  patch: XMLHttpRequest['open'];
  listeners: Set<ZoomAnswerListener>;
  jsonp: MutationObserver;
}

/** One patch per realm (the page, or an iframe the SDK runs in), shared by every watcher in it. */
const patches = new WeakMap<typeof XMLHttpRequest, Patched>();

const MAX_TEXT = 300;

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** The status fields of an answer body (JSON text or an already parsed object); only the HTTP status if neither. */
export function readZoomAnswer(httpStatus: number, body: unknown): ZoomAnswer {
  const answer: ZoomAnswer = { httpStatus };
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return answer;
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return answer;
  const record = parsed as Record<string, unknown>;
  if (typeof record.status === 'boolean') answer.status = record.status;
  const errorCode = numberOf(record.errorCode);
  if (errorCode !== undefined) answer.errorCode = errorCode;
  if (typeof record.errorMessage === 'string' && record.errorMessage !== '') {
    answer.errorMessage = record.errorMessage.slice(0, MAX_TEXT);
  }
  const result = record.result;
  if (typeof result === 'object' && result !== null) {
    const rsRes = (result as Record<string, unknown>).rsRes;
    if (typeof rsRes === 'object' && rsRes !== null) {
      const rsCode = numberOf((rsRes as Record<string, unknown>).errorCode);
      if (rsCode !== undefined) answer.rsResErrorCode = rsCode;
    }
  }
  return answer;
}

function report(listeners: Set<ZoomAnswerListener>, answer: ZoomAnswer): void {
  for (const listener of [...listeners]) {
    try {
      listener(answer);
    } catch {
      // A listener's bug must not break the SDK's own request handling.
    }
  }
}

/** The global a JSONP request to wc/info names as its callback, if `node` is such a script. */
function jsonpCallbackOf(node: Node): string | undefined {
  if (node.nodeName !== 'SCRIPT') return undefined;
  const src = (node as HTMLScriptElement).src;
  if (!WC_INFO_PATH.test(src)) return undefined;
  try {
    return new URL(src).searchParams.get('callback') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * SDK 5.x's JSONP ask: a script tag whose answer calls a global the SDK defined before adding the tag. The observer
 * runs before the script can load, and wraps that global so the answer is read first and then handed on unchanged.
 */
function watchJsonp(realm: Window & typeof globalThis, listeners: Set<ZoomAnswerListener>): MutationObserver {
  const globals = realm as unknown as Record<string, unknown>;
  const observer = new realm.MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        const name = jsonpCallbackOf(node);
        const callback = name === undefined ? undefined : globals[name];
        if (name === undefined || typeof callback !== 'function') continue;
        globals[name] = function (this: unknown, ...args: unknown[]): unknown {
          report(listeners, readZoomAnswer(200, args[0]));
          return (callback as (...rest: unknown[]) => unknown).apply(this, args);
        };
      }
    }
  });
  observer.observe(realm.document, { childList: true, subtree: true });
  return observer;
}

/**
 * Calls `listener` with every wc/info answer seen in `realm` until the returned function is called. The patch on
 * `XMLHttpRequest.prototype.open` (and the JSONP observer) is removed when the last watcher of the realm stops.
 */
export function watchZoomAnswers(realm: Window & typeof globalThis, listener: ZoomAnswerListener): () => void {
  const Xhr = realm.XMLHttpRequest;
  let patched = patches.get(Xhr);
  if (!patched) {
    const original = Xhr.prototype.open;
    const listeners = new Set<ZoomAnswerListener>();
    const patch = function open(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>): void {
      const url = String(args[1]);
      if (WC_INFO_PATH.test(url)) {
        // readystatechange reaches DONE before load and loadend: the SDK settles its join from its load handler
        // (in microtasks right after it), so a later event would be heard only after the SDK had reported.
        const onDone = (): void => {
          if (this.readyState !== XMLHttpRequest.DONE) return;
          this.removeEventListener('readystatechange', onDone);
          let body: unknown;
          try {
            body = this.responseType === '' || this.responseType === 'text' ? this.responseText : this.response;
          } catch {
            body = undefined;
          }
          report(listeners, readZoomAnswer(this.status, body));
        };
        this.addEventListener('readystatechange', onDone);
      }
      // Same arguments, same `this`: the SDK's request goes out exactly as it asked.
      return (original as (...rest: unknown[]) => void).apply(this, args);
    } as XMLHttpRequest['open'];
    patched = { original, patch, listeners, jsonp: watchJsonp(realm, listeners) };
    patches.set(Xhr, patched);
    Xhr.prototype.open = patch;
  }
  const state = patched;
  state.listeners.add(listener);
  return () => {
    state.listeners.delete(listener);
    // Restored only if nobody patched `open` after us; otherwise the idle patch stays (it only forwards).
    if (state.listeners.size === 0 && Xhr.prototype.open === state.patch) {
      Xhr.prototype.open = state.original;
      state.jsonp.disconnect();
      patches.delete(Xhr);
    }
  };
}
