/**
 * Debian's Chromium through playwright-core, and a fresh page per test that records every zoom-* event the
 * document sees (they are composed and bubble), page errors, and the requests it made.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium as launchDebianChromium } from '../../../scripts/chromium.mjs';

export const RESULTS_DIR = fileURLToPath(new URL('../../../test-results/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return launchDebianChromium([
    // Offline on purpose, even on a machine with internet: no host but the local dev server resolves, so the
    // real SDK meets the same "connection error" everywhere and no test ever reaches zoom.us.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ]);
}

export interface RecordedEvent {
  type: string;
  detail: unknown;
  /** id of the dispatching element, '' for the main one. */
  target: string;
  at: number;
}

export interface DemoPage {
  page: Page;
  context: BrowserContext;
  pageErrors: string[];
  /** "METHOD url" of every request the page made. */
  requests: string[];
  /** Bodies of every text-like response (HTML, JS, JSON, text) the page received, with their URLs. */
  responseTexts(): Promise<Array<{ url: string; text: string }>>;
  events(type?: string): Promise<RecordedEvent[]>;
  /** `zoom-status` values of the main element, in order. */
  statuses(): Promise<string[]>;
  close(): Promise<void>;
}

const RECORDED_EVENTS = [
  'zoom-status',
  'zoom-joined',
  'zoom-left',
  'zoom-error',
  'zoom-signature-warning',
  'zoom-warning',
  'zoom-progress',
  'zoom-memory',
  'zoom-memory-warning',
  'zoom-timing',
];

/** Runs in the page before any of its scripts. */
function recordEvents(types: string[]): void {
  const recorded: Array<{ type: string; detail: unknown; target: string; at: number }> = [];
  (window as unknown as { __e2eEvents: typeof recorded }).__e2eEvents = recorded;
  for (const type of types) {
    document.addEventListener(
      type,
      (event) => {
        const detail = (event as CustomEvent).detail as unknown;
        let copy: unknown;
        try {
          copy = JSON.parse(JSON.stringify(detail ?? null)) as unknown;
        } catch {
          copy = String(detail);
        }
        const target = event.target instanceof Element ? event.target.id : '';
        recorded.push({ type, detail: copy, target, at: performance.now() });
      },
      true,
    );
  }
}

/** A fresh context (no cache, storage or locks shared with other tests) and page on `url`, once the demo is ready. */
export async function openDemo(browser: Browser, url: string): Promise<DemoPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(recordEvents, RECORDED_EVENTS);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const bodies: Array<Promise<{ url: string; text: string }>> = [];
  page.on('response', (response) => {
    if (!/json|html|javascript|text\//.test(response.headers()['content-type'] ?? '')) return;
    bodies.push(response.text().then((text) => ({ url: response.url(), text }), () => ({ url: response.url(), text: '' })));
  });
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
  const events = async (type?: string): Promise<RecordedEvent[]> => {
    const all = await page.evaluate(() => (window as unknown as { __e2eEvents: RecordedEvent[] }).__e2eEvents);
    return type ? all.filter((event) => event.type === type) : all;
  };
  return {
    page,
    context,
    pageErrors,
    requests,
    responseTexts: () => Promise.all(bodies),
    events,
    async statuses() {
      return (await events('zoom-status'))
        .filter((event) => event.target === '')
        .map((event) => (event.detail as { status: string }).status);
    },
    close: () => context.close(),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
