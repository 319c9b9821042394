/**
 * Where the page and the Zoom double's service worker agree on the scenario. Imported by both, so it uses only
 * what a window and a service worker share (Cache Storage, URL, Response).
 *
 * The service worker may be stopped between any two requests and started again (Chromium stops idle workers after
 * ~30 s), so its globals cannot hold the scenario. Two durable sources, in this order:
 * 1. the URL of the page that made the request (`?mode=double&scenario=<id>`): each tab keeps its own scenario,
 *    and a page in another mode (real, simulated) is never answered by the double;
 * 2. the entry the double-mode page writes into Cache Storage on every load: for requests whose client is not a
 *    page (a worker the SDK starts) or whose page URL names no scenario.
 */
import { zoomDoubleScenario, zoomDoubleScenarios, type ZoomDoubleScenario } from './wc-info.js';

export const DOUBLE_MODE = 'double';
export const SCENARIO_CACHE = 'zoom-double';
/** A cache key only: nothing is ever requested at this path. */
export const SCENARIO_KEY = '/__zoom-double/scenario';
/** Served by the demo's Vite dev server from demo/zoom-double-sw.ts; at the root so its scope can be the whole demo. */
export const SERVICE_WORKER_URL = '/zoom-double-sw.ts';

/** The first scenario stands in for an unknown or missing id (as `success` does in simulated mode). */
export function chooseDoubleScenario(id: string | null): ZoomDoubleScenario {
  const fallback = zoomDoubleScenarios[0];
  if (!fallback) throw new Error('demo/zoom-double/wc-info.ts lists no scenarios');
  return (id !== null && zoomDoubleScenario(id)) || fallback;
}

/**
 * What a page URL says: `undefined` for a page in another mode (the double must stay out of its way), the
 * scenario if the URL names a known one, else `null` (ask the stored entry).
 */
export function scenarioOfPage(pageUrl: string): ZoomDoubleScenario | null | undefined {
  const params = new URL(pageUrl).searchParams;
  if (params.get('mode') !== DOUBLE_MODE) return undefined;
  return zoomDoubleScenario(params.get('scenario') ?? '') ?? null;
}

export async function storeScenario(id: string): Promise<void> {
  const cache = await caches.open(SCENARIO_CACHE);
  await cache.put(
    SCENARIO_KEY,
    new Response(JSON.stringify({ id }), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }),
  );
}

export async function readStoredScenario(): Promise<ZoomDoubleScenario | undefined> {
  const cache = await caches.open(SCENARIO_CACHE);
  const stored = await cache.match(SCENARIO_KEY);
  if (!stored) return undefined;
  try {
    const body = (await stored.json()) as { id?: unknown };
    return typeof body.id === 'string' ? zoomDoubleScenario(body.id) : undefined;
  } catch {
    return undefined;
  }
}

/** Other modes forget the stored scenario, so a worker request from their pages is never answered by the double. */
export async function clearStoredScenario(): Promise<void> {
  await caches.delete(SCENARIO_CACHE);
}

/** page → worker: take control of the page now (after a hard reload a page starts uncontrolled). */
export interface ClaimMessage {
  type: 'zoom-double-claim';
}

/** worker → page: what the double did with one of the page's requests to Zoom, for the demo's event log. */
export interface DoubleReport {
  type: 'zoom-double-report';
  action: 'answered' | 'refused';
  url: string;
  method: string;
  scenario: string;
  /** The HTTP status of the answer (absent for a refused request: a network error). */
  http?: number;
  /** The answer's `errorCode` (absent for a refused request). */
  errorCode?: number;
}

export function isDoubleReport(data: unknown): data is DoubleReport {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'zoom-double-report';
}

export function isClaimMessage(data: unknown): data is ClaimMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'zoom-double-claim';
}
