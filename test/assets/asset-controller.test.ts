// The controller the element uses, on a minimal Lit host, in real Chromium against the local SDK files: events,
// states, warming, and the asset-path errors that must come before any SDK call.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import { AssetController, AssetState } from '../../src/assets/asset-controller.js';
import type { AssetSettings } from '../../src/assets/preload-run.js';
import type { ZoomCapabilitiesDetail, ZoomProgressDetail, ZoomWarningDetail } from '../../src/assets/asset-events.js';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { forgetAssetPathChecks } from '../../src/assets/check-asset-path.js';
import { ZoomJoinError } from '../../src/zoom-join-error.js';
import { FakeAdapter } from '../support/fake-adapter.js';
import { networkLog } from '../support/network-log.js';

const LIB_PATH = '/node_modules/@zoom/meetingsdk/dist/lib';
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class AssetTestHost extends LitElement {
  settings: AssetSettings = { strategy: 'none', assetPath: '', view: 'component', virtualBackground: 'off' };
  /** What the element's meeting does to make the SDK ready; each test sets its own. */
  prepareSdk?: (libUrl: string, signal: AbortSignal) => Promise<void>;
  readonly assets = new AssetController(
    this,
    () => this.settings,
    () => undefined,
    (libUrl, signal) => this.prepareSdk?.(libUrl, signal) ?? Promise.resolve(),
  );
}
customElements.define('asset-test-host', AssetTestHost);

async function host(settings: Partial<AssetSettings>): Promise<AssetTestHost> {
  const element = document.createElement('asset-test-host') as AssetTestHost;
  element.settings = { strategy: 'eager', assetPath: LIB_PATH, view: 'component', virtualBackground: 'off', ...settings };
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(element);
  return element;
}

/** The join flow as the element runs it: asset check first, then the SDK adapter. */
async function joinFlow(element: AssetTestHost, adapter: FakeAdapter): Promise<unknown> {
  const abort = new AbortController();
  try {
    await element.assets.prepareJoin(abort.signal);
    await adapter.load();
    return undefined;
  } catch (error) {
    return error;
  }
}

function answerManifestWith(body: string, contentType = 'application/json'): void {
  const realFetch = window.fetch.bind(window);
  sinon.stub(window, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/av/manifest.json')) return Promise.resolve(new Response(body, { headers: { 'content-type': contentType } }));
    return realFetch(input, init);
  });
}

describe('AssetController', function () {
  this.timeout(60000);
  const originalDetect = AssetController.detect;

  beforeEach(() => forgetAssetPathChecks());
  afterEach(() => {
    sinon.restore();
    AssetController.detect = originalDetect;
  });

  it('eager: zoom-capabilities, then zoom-progress to 1, the SDK made ready, state ready; join then waits for nothing', async () => {
    await networkLog({ clear: true });
    const capabilities: ZoomCapabilitiesDetail[] = [];
    const progress: ZoomProgressDetail[] = [];
    const states: string[] = [];
    const element = document.createElement('asset-test-host') as AssetTestHost;
    element.addEventListener('zoom-capabilities', (event) => capabilities.push(event.detail));
    element.addEventListener('zoom-progress', (event) => progress.push(event.detail));
    element.settings = { strategy: 'eager', assetPath: LIB_PATH, view: 'component', virtualBackground: 'off' };
    // The SDK is made ready once the join's files are in; `ready` waits for it.
    const prepared: Array<{ libUrl: string; progressSeen: number }> = [];
    let finishPreparing = (): void => undefined;
    element.prepareSdk = async (libUrl) => {
      // Recorded, not asserted here: a throw in this callback would only become a warning.
      prepared.push({ libUrl, progressSeen: progress.length });
      await new Promise<void>((resolve) => (finishPreparing = resolve));
    };
    const observe = setInterval(() => {
      if (states.at(-1) !== element.assets.state) states.push(element.assets.state);
    }, 5);
    document.body.append(element);

    await waitUntil(() => progress.at(-1)?.fraction === 1, 'progress reached 1', { timeout: 30000 });
    await waitUntil(() => prepared.length === 1, 'the SDK is being made ready', { timeout: 30000 });
    await tick(100);
    expect(element.assets.state, 'not ready while the SDK is being made ready').to.equal(AssetState.preloading);
    finishPreparing();
    await waitUntil(() => element.assets.state === AssetState.ready, 'ready', { timeout: 30000 });
    clearInterval(observe);
    expect(states).to.deep.equal(['idle', 'preloading', 'ready'].slice(states[0] === 'idle' ? 0 : 1));
    expect(capabilities).to.have.length(1);
    expect(capabilities[0]?.crossOriginIsolated).to.equal(false);
    expect(capabilities[0]?.videoWebRtcMode).to.equal(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).to.be.at.least(progress[i - 1]!.fraction);
    expect(progress.filter((detail) => detail.fraction === 1)).to.have.length(1);
    expect(element.assets.plan?.sizesFrom).to.equal('manifest');
    expect(prepared.map((call) => call.libUrl)).to.deep.equal([new URL(LIB_PATH, location.href).href]);
    expect(prepared[0]!.progressSeen, 'made ready after the preload started').to.be.greaterThan(0);

    const started = performance.now();
    await element.assets.prepareJoin(new AbortController().signal);
    expect(performance.now() - started).to.be.lessThan(1000);
    const manifestRequests = (await networkLog()).filter((request) => request.url.endsWith('/av/manifest.json'));
    expect(manifestRequests, 'the check is shared by preload and join').to.have.length(1);
    element.remove();
  });

  it('the SDK cannot be made ready ahead: zoom-warning warm-failed, and the element is ready all the same', async () => {
    const element = document.createElement('asset-test-host') as AssetTestHost;
    element.settings = { strategy: 'eager', assetPath: LIB_PATH, view: 'component', virtualBackground: 'off' };
    element.prepareSdk = () => Promise.reject(new Error('no frame'));
    const warnings: ZoomWarningDetail[] = [];
    element.addEventListener('zoom-warning', (event) => warnings.push(event.detail));
    document.body.append(element);
    await waitUntil(() => element.assets.state === AssetState.ready, 'ready', { timeout: 30000 });
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['warm-failed']);
    expect(warnings[0]!.message).to.contain('the join loads it itself');
    element.remove();
  });

  it('virtual-background="preload" on a 2-core device: zoom-warning vb-skipped-low-memory, no vb files', async () => {
    AssetController.detect = () => ({ ...detectCapabilities(), hardwareConcurrency: 2, deviceMemory: 8 });
    const element = document.createElement('asset-test-host') as AssetTestHost;
    element.settings = { strategy: 'eager', assetPath: LIB_PATH, view: 'component', virtualBackground: 'preload' };
    const warning = oneEvent(element, 'zoom-warning');
    document.body.append(element);
    const detail: ZoomWarningDetail = (await warning).detail;
    expect(detail.code).to.equal('vb-skipped-low-memory');
    expect(element.assets.plan?.files.some((file) => file.stage === 'virtual-background')).to.equal(false);
    element.remove();
  });

  it('preload="none": nothing is fetched until join; join only checks the asset path', async () => {
    // Elements of earlier tests keep their runs for the disconnect grace: let them end before the log starts.
    await tick(AssetController.disconnectGraceMs + 300);
    await networkLog({ clear: true });
    const element = await host({ strategy: 'none' });
    await tick(800);
    expect((await networkLog()).filter((request) => request.url.includes('/av/'))).to.deep.equal([]);
    expect(element.assets.state).to.equal(AssetState.idle);
    await element.assets.prepareJoin(new AbortController().signal);
    expect((await element.assets.capabilities()).videoWebRtcMode, 'known without a preload').to.equal(1);
    // Playwright's request events reach the log on their own channel: wait for it to catch up before comparing.
    let av: Array<string | undefined> = [];
    await waitUntil(async () => {
      av = (await networkLog()).filter((request) => request.url.includes('/av/')).map((request) => new URL(request.url).pathname.split('/av/')[1]);
      return av.length > 0;
    }, 'the check reached the log', { timeout: 5000 }).catch(() => undefined);
    expect(av).to.deep.equal(['manifest.json']);
  });

  it('a 404 asset path fails the join with asset-path-invalid before any SDK call', async () => {
    const element = await host({ strategy: 'eager', assetPath: '/node_modules/@zoom/meetingsdk/dist/no-such-lib' });
    await waitUntil(() => element.assets.state === AssetState.failed, 'the preload saw the broken path');
    const adapter = new FakeAdapter();
    const error = await joinFlow(element, adapter);
    expect(error).to.be.instanceOf(ZoomJoinError);
    expect((error as ZoomJoinError).code).to.equal('asset-path-invalid');
    expect((error as ZoomJoinError).category).to.equal('assets');
    expect((error as ZoomJoinError).message).to.contain('HTTP 404');
    expect(adapter.calls, 'the SDK was never touched').to.deep.equal([]);
  });

  it('an asset path answering HTML (SPA fallback) fails with asset-path-invalid', async () => {
    answerManifestWith('<!doctype html><html><body>app</body></html>', 'text/html');
    const element = await host({ strategy: 'none', assetPath: '/spa/lib' });
    const adapter = new FakeAdapter();
    const error = (await joinFlow(element, adapter)) as ZoomJoinError;
    expect(error.code).to.equal('asset-path-invalid');
    expect(error.message).to.contain('HTML');
    expect(adapter.calls).to.deep.equal([]);
  });

  it('a manifest from another SDK version fails with asset-version-mismatch before any SDK call', async () => {
    const manifest = (await (await fetch(`${LIB_PATH}/av/manifest.json`)).json()) as Record<string, { hash: string; size: number }>;
    manifest['js_media.min.js'] = { ...manifest['js_media.min.js']!, hash: '0'.repeat(64) };
    answerManifestWith(JSON.stringify(manifest));
    const element = await host({ strategy: 'none', assetPath: '/other-version/lib' });
    const adapter = new FakeAdapter();
    const error = (await joinFlow(element, adapter)) as ZoomJoinError;
    expect(error.code).to.equal('asset-version-mismatch');
    expect(error.category).to.equal('assets');
    expect(error.retryable).to.equal(false);
    expect(adapter.calls).to.deep.equal([]);
  });

  it("Zoom's CDN (no asset-path): no manifest check, nothing requested from Zoom with preload none", async () => {
    await networkLog({ clear: true });
    const element = await host({ strategy: 'none', assetPath: '' });
    await element.assets.prepareJoin(new AbortController().signal);
    expect((await networkLog()).filter((request) => request.url.includes('zoom.us'))).to.deep.equal([]);
  });

  it('leaving the page stops the run after the grace period; moving the element keeps it', async () => {
    AssetController.disconnectGraceMs = 50;
    try {
      const element = await host({ strategy: 'eager', assetPath: '/node_modules/@zoom/meetingsdk/dist/lib' });
      await tick();
      const parent = element.parentElement!;
      parent.append(element); // a move: disconnect + connect in one task
      await tick(100);
      expect(element.assets.state).to.not.equal(AssetState.idle);
      element.remove();
      await tick(100);
      expect(element.assets.state).to.equal(AssetState.idle);
    } finally {
      AssetController.disconnectGraceMs = 500;
    }
  });

  it('intent on the host: starts on pointerenter; a settings change drops the run and re-plans at once', async () => {
    const element = await host({ strategy: 'intent' });
    await tick(200);
    expect(element.assets.state).to.equal(AssetState.idle);
    element.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => element.assets.state === AssetState.ready, 'ready');
    const capabilities = oneEvent(element, 'zoom-capabilities');
    element.settings = { ...element.settings, view: 'client' };
    element.requestUpdate();
    await element.updateComplete;
    expect(element.assets.plan?.view, 'the component-view run is gone').to.not.equal('component');
    // The user already showed intent: no second pointerenter is needed.
    await capabilities;
    await waitUntil(() => element.assets.plan?.view === 'client', 'client plan');
    expect(element.assets.plan?.files.map((file) => file.path)).to.include('tp.min.js');
  });
});
