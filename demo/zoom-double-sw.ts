/**
 * The Zoom double for the demo's "real SDK + Zoom double" mode (`?mode=double&scenario=<id>`): a module service
 * worker that answers the real Meeting SDK's `POST https://zoom.us/api/v1/wc/info` with the scenario's refusal
 * (demo/zoom-double/wc-info.ts), so QA sees the element's diagnosis of the answer the real SDK got.
 *
 * - wc/info (and its CORS preflight, should the SDK ever send one): the scenario's answer.
 * - any other request to a Zoom host: a network error, which is what the SDK meets offline (the Component View's
 *   JSONP retry after a 503 fails that way too). Nothing reaches Zoom.
 * - everything else: not touched (no respondWith), so the browser fetches it as if there were no worker.
 *
 * The meeting mode (`?mode=meeting`, demo/meeting-mode/) uses this worker too: the SDK frames its pages register are
 * answered by the dev server's meeting double of their session instead (meeting-mode/worker-forward.ts), every
 * request of theirs to a Zoom host included.
 *
 * Pages in another mode stay under this worker until it is unregistered (its scope is the whole demo); their Zoom
 * requests go to the network unchanged, so real mode still talks to the real Zoom.
 *
 * Served by Vite's dev server at /zoom-double-sw.ts (this folder is the demo's root), hence scope `/` without a
 * Service-Worker-Allowed header.
 */
import {
  isClaimMessage,
  readStoredScenario,
  scenarioOfPage,
  type DoubleReport,
} from './zoom-double/scenario-store.js';
import { WC_INFO_URL, ZOOM_HOST_URL, wcInfoResponse, type ZoomDoubleScenario } from './zoom-double/wc-info.js';
import { parseFrameRegistration } from './meeting-mode/meeting-api.js';
import { forwardToDouble, rememberFrame, sessionOfFrame } from './meeting-mode/worker-forward.js';

// The project compiles against the DOM library only (it cannot be combined with WebWorker's): the few service
// worker types this file uses, as the platform defines them.
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
}
interface ClientLike {
  readonly url: string;
  readonly frameType: 'top-level' | 'nested' | 'auxiliary' | 'none';
  readonly type: 'window' | 'worker' | 'sharedworker';
  postMessage(message: unknown): void;
}
interface ServiceWorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: {
    get(id: string): Promise<ClientLike | undefined>;
    matchAll(options: { type: 'window' }): Promise<readonly ClientLike[]>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEventLike) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;

// A new version (the file changed under `npm start`) takes over at once: a waiting worker would leave QA testing
// the old answers until every demo tab is closed.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
// Controls the page that registered it without a reload; the page waits for that before it offers Join.
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
// After a hard reload (Shift+Reload) the page starts uncontrolled although this worker is active: it asks.
worker.addEventListener('message', (event) => {
  if (isClaimMessage(event.data)) event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  const url = event.request.url;
  const frameOfSession = url.startsWith(worker.location.origin) ? parseFrameRegistration(url) : undefined;
  if (frameOfSession) event.respondWith(rememberFrame(event.clientId, frameOfSession, clientExists));
  else if (ZOOM_HOST_URL.test(url)) event.respondWith(answerZoom(event));
});

/** A meeting-mode frame's request goes to its session's double; any other, to the scenario's answer or refusal. */
async function answerZoom(event: FetchEventLike): Promise<Response> {
  const session = await sessionOfFrame(event.clientId);
  if (session) return forwardToDouble(session, event.request);
  return respond(event, WC_INFO_URL.test(event.request.url) ? answer : refuse);
}

async function clientExists(id: string): Promise<boolean> {
  return (await worker.clients.get(id)) !== undefined;
}

type Reply = (request: Request, scenario: ZoomDoubleScenario) => { response: Response; report: DoubleReport };

/** The scenario's reply for a double-mode page; the real network for pages in other modes. */
async function respond(event: FetchEventLike, reply: Reply): Promise<Response> {
  const client = event.clientId ? await worker.clients.get(event.clientId) : undefined;
  // The element runs the SDK in a frame of its own (about:srcdoc): the page that frame is in is the one to answer for.
  // A frame's client does not say which page holds it, so with several double-mode tabs open the first one's
  // scenario answers (and every one of them hears the report); QA walks one scenario at a time, in one tab.
  const pages = client?.url === 'about:srcdoc' ? await doubleModePages() : client ? [client] : [];
  const scenario = await scenarioFor(pages, client);
  if (!scenario) return fetch(event.request);
  const { response, report } = reply(event.request, scenario);
  // Only pages listen; a worker's messages belong to whoever started it (the SDK), not to the demo.
  for (const page of pages) if (page.type === 'window') page.postMessage(report);
  return response;
}

/** The demo's top-level pages in double mode. */
async function doubleModePages(): Promise<ClientLike[]> {
  const windows = await worker.clients.matchAll({ type: 'window' });
  return windows.filter((candidate) => candidate.frameType === 'top-level' && scenarioOfPage(candidate.url) !== undefined);
}

async function scenarioFor(pages: readonly ClientLike[], client: ClientLike | undefined): Promise<ZoomDoubleScenario | undefined> {
  const [page] = pages;
  if (client?.type === 'window') {
    if (!page) return undefined;
    const fromPage = scenarioOfPage(page.url);
    if (fromPage === undefined) return undefined;
    if (fromPage) return fromPage;
  }
  return readStoredScenario();
}

const answer: Reply = (request, scenario) => {
  // Same origin as the page, so the worker's own origin stands in when the request carries none.
  const origin = request.headers.get('origin') ?? worker.location.origin;
  const base = { type: 'zoom-double-report', action: 'answered', url: request.url, method: request.method, scenario: scenario.id } as const;
  if (request.method === 'OPTIONS') {
    const headers = {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'content-type',
      'access-control-allow-methods': 'POST',
    };
    return { response: new Response(null, { status: 204, headers }), report: { ...base, http: 204 } };
  }
  const { status, headers, body } = wcInfoResponse(scenario, origin);
  return {
    response: new Response(body, { status, headers }),
    report: { ...base, http: status, errorCode: scenario.answer.errorCode },
  };
};

const refuse: Reply = (request, scenario) => ({
  response: Response.error(),
  report: { type: 'zoom-double-report', action: 'refused', url: request.url, method: request.method, scenario: scenario.id },
});
