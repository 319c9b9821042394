// Each `preload` strategy in real Chromium against the locally served SDK files: the preload starts when (and only
// when) the strategy says, and the SDK's later request for the same file — made the way the SDK makes it — is
// served from cache instead of downloaded again (Resource Timing: one entry with bytes on the wire).
// Each strategy preloads a different file, so one test's download cannot make another's look cached.
import { expect } from '@open-wc/testing';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { planAssets, type AssetPlan } from '../../src/assets/plan.js';
import { PreloadStrategy, schedulePreload } from '../../src/assets/preload-trigger.js';
import { assetUrl, preloadAssets } from '../../src/assets/preloader.js';
import { forgetDownloads } from '../../src/assets/shared-download.js';

const LIB = new URL('/node_modules/@zoom/meetingsdk/dist/lib', window.location.href).href;
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes that came over the network for `url` (a cache hit has transferSize 0; a 304 only headers). */
function downloads(url: string): PerformanceResourceTiming[] {
  return (performance.getEntriesByName(url) as PerformanceResourceTiming[]).filter(
    (entry) => entry.transferSize > 0 && entry.transferSize >= entry.encodedBodySize,
  );
}

/** The SDK's request for a worker or wasm file: js_media's download()/downloadAndCompileWebAssembly() fetch from the page. */
async function sdkFetch(url: string): Promise<number> {
  const response = await fetch(url, { priority: 'high' });
  return (await response.arrayBuffer()).byteLength;
}

/** The SDK's request for js_media: a classic script without crossorigin (this page is not isolated). */
function sdkScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

/** A one-file plan, so every strategy works on a file of its own. */
function planOf(path: string): AssetPlan {
  const plan = planAssets({ view: 'component', capabilities: detectCapabilities(), virtualBackground: 'preload' });
  const all = planAssets({ view: 'component', capabilities: { ...detectCapabilities(), wasmSimd: false, wasmThreads: false } });
  const file = [...plan.files, ...all.files].find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} is in no plan for this browser`);
  return { ...plan, files: [file], totalBytes: file.size };
}

function makeHost(style = ''): HTMLElement {
  const host = document.createElement('div');
  host.tabIndex = 0;
  host.style.cssText = `display:block;width:200px;height:100px;${style}`;
  document.body.append(host);
  return host;
}

interface Scheduled {
  ran: () => boolean;
  preloaded: Promise<void>;
  abort: AbortController;
}

/** schedulePreload with a run that preloads `path`. */
function schedule(host: HTMLElement, strategy: PreloadStrategy, path: string): Scheduled {
  const abort = new AbortController();
  let ran = false;
  let done: () => void = () => undefined;
  const preloaded = new Promise<void>((resolve) => (done = resolve));
  schedulePreload(
    host,
    strategy,
    () => {
      ran = true;
      void preloadAssets(planOf(path), LIB).then(() => done());
    },
    { signal: abort.signal },
  );
  return { ran: () => ran, preloaded, abort };
}

describe('preload strategies (real Chromium, local SDK files)', function () {
  this.timeout(30000);
  const hosts: HTMLElement[] = [];
  const makeTracked = (style = ''): HTMLElement => {
    const host = makeHost(style);
    hosts.push(host);
    return host;
  };

  before(() => {
    performance.setResourceTimingBufferSize(10000);
    forgetDownloads();
  });
  afterEach(() => {
    for (const host of hosts.splice(0)) host.remove();
  });

  it('eager: starts right after the caller returns, adds nothing to the head; the SDK script then runs js_media without a second download', async () => {
    const url = assetUrl(LIB, 'js_media.min.js');
    const added: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) added.push(...record.addedNodes);
    });
    observer.observe(document.head, { childList: true });
    const scheduled = schedule(makeTracked(), PreloadStrategy.eager, 'js_media.min.js');
    expect(scheduled.ran(), 'not synchronously').to.equal(false);
    await tick();
    expect(scheduled.ran()).to.equal(true);
    await scheduled.preloaded;
    observer.disconnect();
    // No <link rel=preload>: the SDK runs the script in the element's frame, and the browser warns about a page's
    // preload link nobody in the page uses.
    expect(added, 'nothing added to the head').to.deep.equal([]);
    await sdkScript(url);
    expect(downloads(url)).to.have.length(1);
    expect((window as Window & { JsMediaSDK_Instance?: unknown }).JsMediaSDK_Instance).to.exist;
  });

  it('idle: starts when the page is idle (within the timeout), not synchronously', async () => {
    const url = assetUrl(LIB, 'audio_simd.min.js');
    const scheduled = schedule(makeTracked(), PreloadStrategy.idle, 'audio_simd.min.js');
    expect(scheduled.ran()).to.equal(false);
    await scheduled.preloaded;
    expect(scheduled.ran()).to.equal(true);
    expect(downloads(url)).to.have.length(1);
    expect(await sdkFetch(url)).to.be.greaterThan(400_000);
    expect(downloads(url), 'the SDK-style fetch came from the HTTP cache').to.have.length(1);
  });

  it('intent: nothing until the pointer enters; then preloads; the later SDK fetch is a cache hit', async () => {
    const url = assetUrl(LIB, 'video_simd.min.js');
    const host = makeTracked();
    const scheduled = schedule(host, PreloadStrategy.intent, 'video_simd.min.js');
    await tick(300);
    expect(scheduled.ran()).to.equal(false);
    expect(performance.getEntriesByName(url)).to.have.length(0);
    host.dispatchEvent(new PointerEvent('pointerenter'));
    host.dispatchEvent(new PointerEvent('pointerenter'));
    await scheduled.preloaded;
    await sdkFetch(url);
    expect(downloads(url)).to.have.length(1);
  });

  it('intent: keyboard focus inside the element also counts', async () => {
    const host = makeTracked();
    const button = document.createElement('button');
    host.append(button);
    const scheduled = schedule(host, PreloadStrategy.intent, 'net_thread.min.js');
    await tick(100);
    expect(scheduled.ran()).to.equal(false);
    button.focus();
    await scheduled.preloaded;
    const url = assetUrl(LIB, 'net_thread.min.js');
    await sdkFetch(url);
    expect(downloads(url)).to.have.length(1);
  });

  it('visible: nothing while far below the fold; preloads once scrolled into view', async () => {
    const url = assetUrl(LIB, 'sharing_simd.min.js');
    const host = makeTracked('margin-top:6000px');
    const scheduled = schedule(host, PreloadStrategy.visible, 'sharing_simd.min.js');
    await tick(300);
    expect(scheduled.ran()).to.equal(false);
    host.scrollIntoView();
    await scheduled.preloaded;
    window.scrollTo(0, 0);
    await sdkFetch(url);
    expect(downloads(url)).to.have.length(1);
  });

  it('visible: wasm too — a preloaded .wasm compiles from cache (the SDK uses compileStreaming on fetch)', async () => {
    const url = assetUrl(LIB, 'video.simd.wasm');
    const scheduled = schedule(makeTracked(), PreloadStrategy.visible, 'video.simd.wasm');
    await scheduled.preloaded;
    const module = await WebAssembly.compileStreaming(fetch(url, { priority: 'high' }));
    expect(WebAssembly.Module.exports(module).length).to.be.greaterThan(0);
    expect(downloads(url)).to.have.length(1);
  });

  it('none: never starts', async () => {
    const host = makeTracked();
    const scheduled = schedule(host, PreloadStrategy.none, 'video_s.min.js');
    host.dispatchEvent(new PointerEvent('pointerenter'));
    await tick(2500);
    expect(scheduled.ran()).to.equal(false);
    expect(performance.getEntriesByName(assetUrl(LIB, 'video_s.min.js'))).to.have.length(0);
  });

  it('abort removes listeners, observers and timers: nothing runs afterwards', async () => {
    const farHost = makeTracked('margin-top:6000px');
    const host = makeTracked();
    const runs: string[] = [];
    const abort = new AbortController();
    for (const strategy of [PreloadStrategy.eager, PreloadStrategy.idle, PreloadStrategy.intent] as const) {
      schedulePreload(host, strategy, () => runs.push(strategy), { signal: abort.signal, idleTimeoutMs: 50 });
    }
    schedulePreload(farHost, PreloadStrategy.visible, () => runs.push('visible'), { signal: abort.signal });
    abort.abort();
    host.dispatchEvent(new PointerEvent('pointerenter'));
    host.dispatchEvent(new FocusEvent('focusin'));
    farHost.scrollIntoView();
    await tick(500);
    window.scrollTo(0, 0);
    expect(runs).to.deep.equal([]);
  });

  it('runs at most once however often the trigger fires', async () => {
    const host = makeTracked();
    let runs = 0;
    const abort = new AbortController();
    schedulePreload(host, PreloadStrategy.intent, () => runs++, { signal: abort.signal });
    for (let i = 0; i < 5; i++) host.dispatchEvent(new PointerEvent('pointerenter'));
    host.dispatchEvent(new PointerEvent('pointerdown'));
    await tick(50);
    expect(runs).to.equal(1);
  });
});
