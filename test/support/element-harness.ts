import { fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { ZoomJoin } from '../../src/zoom-join.js';
import { fakeAdapters } from './fake-adapter.js';

/**
 * Fresh fake SDK adapters for every test, and every element that joined is made to leave afterwards, so the
 * page's one meeting slot is free for the next test.
 */
export function useFakeSdk(): { adapters: () => ReturnType<typeof fakeAdapters> } {
  let current = fakeAdapters();
  const touched = new Set<ZoomJoin>();
  const track = (event: Event) => touched.add(event.target as ZoomJoin);
  const originalFactory = ZoomJoin.adapterFactory;
  const originalDelay = ZoomJoin.teardownDelayMs;
  beforeEach(() => {
    current = fakeAdapters();
    ZoomJoin.adapterFactory = current.factory;
    ZoomJoin.teardownDelayMs = 30;
    document.addEventListener('zoom-status', track);
  });
  afterEach(async () => {
    document.removeEventListener('zoom-status', track);
    for (const element of touched) await element.leave().catch(() => undefined);
    touched.clear();
    await new Promise((resolve) => setTimeout(resolve, 50));
    ZoomJoin.adapterFactory = originalFactory;
    ZoomJoin.teardownDelayMs = originalDelay;
  });
  return { adapters: () => current };
}

/**
 * Renders `<zoom-join>` with the given attributes (an attribute whose value is null is left out). Preloading is
 * off unless asked for: these tests are about other things, and the default CDN is unreachable here.
 */
export async function renderZoomJoin(attributes: Record<string, string | null>): Promise<ZoomJoin> {
  const element = await fixture<ZoomJoin>(html`<zoom-join></zoom-join>`);
  for (const [name, value] of Object.entries({ preload: 'none', ...attributes })) {
    if (value !== null) element.setAttribute(name, value);
  }
  await element.updateComplete;
  return element;
}

/** Joins and returns the error it failed with (or undefined when it joined). */
export async function joinFailure(element: ZoomJoin) {
  const errorEvent = new Promise<CustomEvent>((resolve) =>
    element.addEventListener('zoom-error', (event) => resolve(event), { once: true }),
  );
  const outcome = await element.join().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome === undefined) return undefined;
  const event = await errorEvent;
  await element.updateComplete;
  return event.detail as import('../../src/zoom-join-error.js').ZoomJoinError;
}

export function errorPanelText(element: ZoomJoin): string {
  return element.shadowRoot?.querySelector('[part=error]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Makes every adapter the element creates from now on fail its `method` with `raw` (an SDK failure shape). */
export function failSdkWith(
  sdk: { adapters: () => ReturnType<typeof fakeAdapters> },
  method: 'load' | 'init' | 'join',
  raw: unknown,
): void {
  const make = sdk.adapters().factory;
  ZoomJoin.adapterFactory = (view) => {
    const adapter = make(view);
    adapter.failWith(method, raw);
    return adapter;
  };
}
