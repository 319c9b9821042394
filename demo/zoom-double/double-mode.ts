/**
 * The page's side of the Zoom double: stores the scenario, registers the service worker (demo/zoom-double-sw.ts)
 * and resolves once the worker controls this page — before that the SDK's request would go to the real zoom.us,
 * so the demo adds its element (and with it the Join button) only then.
 */
import type { EventLog } from '../app/event-log.js';
import {
  clearStoredScenario,
  isDoubleReport,
  SERVICE_WORKER_URL,
  storeScenario,
  type ClaimMessage,
} from './scenario-store.js';
import type { ZoomDoubleScenario } from './wc-info.js';

/** Installing a module worker compiles its imports; this is generous for a cold dev server. */
const CONTROL_TIMEOUT_MS = 15_000;

/** Why the double cannot run here, in words for the person at the browser. */
class ZoomDoubleUnavailable extends Error {
  override name = 'ZoomDoubleUnavailable';
}

/**
 * Starts the double for `scenario` and says so on the scenario panel's `status` line. Resolves once the worker
 * controls this page, to `undefined`, or to why the double cannot run here. Its reports (answered / refused
 * requests) go to the log.
 */
export async function startZoomDouble(scenario: ZoomDoubleScenario, log: EventLog, status?: HTMLElement): Promise<string | undefined> {
  try {
    await installDouble(scenario, log);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.add('demo', 'zoom-double-unavailable', { reason });
    if (status) status.dataset.double = 'unavailable';
    return reason;
  }
  if (status) {
    status.dataset.double = 'ready';
    status.textContent = "The Zoom double controls this page: Join, and it answers the SDK's wc/info request.";
  }
  return undefined;
}

async function installDouble(scenario: ZoomDoubleScenario, log: EventLog): Promise<void> {
  const container = serviceWorkers();
  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!isDoubleReport(event.data)) return;
    const { action, url, method, scenario: id, http, errorCode } = event.data;
    log.add('demo', `zoom-double-${action}`, { scenario: id, method, url, http, errorCode });
  });
  // Before the worker can see any request of this page: it reads the scenario from here when the URL cannot tell.
  await storeScenario(scenario.id);
  await controlByDoubleWorker(container);
  log.add('demo', 'zoom-double-ready', { scenario: scenario.id, answer: scenario.answer, http: scenario.http ?? 200 });
}

function serviceWorkers(): ServiceWorkerContainer {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new ZoomDoubleUnavailable(
      'This browser offers no service worker on this address (they need https, localhost or 127.0.0.1). Open the ' +
        'demo at http://localhost:5173 or http://127.0.0.1:5173 to use the Zoom double.',
    );
  }
  return navigator.serviceWorker;
}

/**
 * Registers the double's worker (also the meeting mode's) and resolves once it controls this page; rejects with
 * why not, in words for the person at the browser.
 */
export async function controlByDoubleWorker(container = serviceWorkers()): Promise<void> {
  try {
    await container.register(SERVICE_WORKER_URL, { type: 'module', scope: '/', updateViaCache: 'none' });
  } catch (error) {
    throw new ZoomDoubleUnavailable(
      `The Zoom double's service worker did not install (${String(error)}). It is served by the demo's dev server ` +
        '(npm start), not by a production build: run npm start and reload.',
    );
  }
  await untilControlled(container);
}

function untilControlled(container: ServiceWorkerContainer): Promise<void> {
  if (container.controller) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new ZoomDoubleUnavailable(
          `The Zoom double's service worker did not take control of this page within ${CONTROL_TIMEOUT_MS / 1000} s. ` +
            'Reload the page; if that does not help, unregister it in DevTools → Application → Service workers.',
        ),
      );
    }, CONTROL_TIMEOUT_MS);
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    // First install: the worker claims this page when it activates. Already active (a hard reload started this
    // page uncontrolled): it claims when asked.
    void container.ready.then((registration) => registration.active?.postMessage({ type: 'zoom-double-claim' } satisfies ClaimMessage));
  });
}

/**
 * Real and simulated modes: remove the double, so the next load of any demo page talks to the network directly.
 * This page may still be controlled (the worker then passes its requests through), and other double-mode tabs
 * keep their worker until they reload.
 */
export async function stopZoomDouble(): Promise<void> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  await clearStoredScenario();
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(
    registrations
      .filter((registration) => {
        const script = registration.active ?? registration.waiting ?? registration.installing;
        return script !== null && new URL(script.scriptURL).pathname === SERVICE_WORKER_URL;
      })
      .map((registration) => registration.unregister()),
  );
}
