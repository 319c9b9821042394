import assert from 'node:assert/strict';
import type { DemoPage } from './browser.js';

/** The statuses of a join attempt; preloading/ready (preload strategies) and idle may come and go around them. */
const JOIN_STATUSES = new Set(['signing', 'joining', 'joined', 'error', 'leaving', 'left']);

export function joinPath(statuses: readonly string[]): string[] {
  return statuses.filter((status) => JOIN_STATUSES.has(status));
}

export const MAIN = '#stage zoom-join';

export async function clickJoin(demo: DemoPage): Promise<void> {
  await demo.page.locator(`${MAIN} [part=join-button]`).click();
}

export async function waitForStatus(demo: DemoPage, status: string, timeout = 20_000, element = MAIN): Promise<void> {
  await demo.page.locator(`${element}[status="${status}"]`).waitFor({ timeout });
}

/** Joins and waits until the join settles (joined or error); returns the final status. */
export async function joinAndSettle(demo: DemoPage, timeout = 20_000): Promise<string> {
  await clickJoin(demo);
  await demo.page.locator(`${MAIN}:is([status=joined], [status=error])`).waitFor({ timeout });
  return (await demo.page.locator(MAIN).getAttribute('status')) ?? '';
}

export interface ErrorDetail {
  code: string;
  category: string;
  title: string;
  message: string;
  hint: string;
  retryable: boolean;
  sdkCode?: number;
}

/** The one zoom-error the main element fired. */
export async function theError(demo: DemoPage): Promise<ErrorDetail> {
  const errors = (await demo.events('zoom-error')).filter((event) => event.target === '');
  assert.equal(errors.length, 1, `exactly one zoom-error, got ${errors.length}`);
  return errors[0]?.detail as ErrorDetail;
}

/** The element's error panel (shadow part), as the user reads it. */
export async function errorPanelText(demo: DemoPage, element = MAIN): Promise<string> {
  return demo.page.locator(`${element} [part=error]`).innerText();
}

/** Texts of the demo's own log entries named `name` (their JSON detail). */
export async function logEntries(demo: DemoPage, name: string): Promise<string[]> {
  return demo.page.locator(`#event-log li[data-event="${name}"] code`).allInnerTexts();
}

export async function badge(demo: DemoPage): Promise<string> {
  return (await demo.page.locator('#status-badge').getAttribute('data-status')) ?? '';
}

/** Whether `<zoom-join>` has a memory monitor yet: any property whose name starts with "memory". */
export async function elementHasMemoryMonitor(demo: DemoPage): Promise<boolean> {
  return demo.page.evaluate(() => {
    const ctor = customElements.get('zoom-join') as (CustomElementConstructor & { elementProperties?: Map<PropertyKey, unknown> }) | undefined;
    if (!ctor) return false;
    const names = new Set<string>();
    for (let proto: object | null = ctor.prototype as object; proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
    }
    for (const key of ctor.elementProperties?.keys() ?? []) names.add(String(key));
    return [...names].some((name) => /^memory/i.test(name));
  });
}
