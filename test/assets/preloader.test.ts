// The whole plan for this browser, preloaded against the local SDK files, then every file requested again the way
// the SDK requests it: nothing may come over the network twice. Also: progress, sharing between elements, abort,
// and a missing file.
import { expect } from '@open-wc/testing';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { checkAssetPath } from '../../src/assets/check-asset-path.js';
import { planAssets, type AssetPlan } from '../../src/assets/plan.js';
import { assetUrl, preloadAssets } from '../../src/assets/preloader.js';
import type { AssetProgress } from '../../src/assets/progress-tracker.js';
import { completedDownloads, forgetDownloads } from '../../src/assets/shared-download.js';
import { networkLog } from '../support/network-log.js';

const LIB = new URL('/node_modules/@zoom/meetingsdk/dist/lib', window.location.href).href;

function entries(url: string): PerformanceResourceTiming[] {
  return performance.getEntriesByName(url) as PerformanceResourceTiming[];
}
/** Entries whose body came over the network (cache hits: transferSize 0; 304s: headers only). */
function downloads(url: string): PerformanceResourceTiming[] {
  return entries(url).filter((entry) => entry.transferSize > 0 && entry.transferSize >= entry.encodedBodySize);
}

function sdkScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(url));
    document.head.append(script);
  });
}

/** Replays the SDK's own requests for the plan: js_media as a script, the rest as page fetches. */
async function replaySdkRequests(plan: AssetPlan): Promise<void> {
  for (const file of plan.files) {
    const url = assetUrl(LIB, file.path);
    if (file.request === 'script') await sdkScript(url);
    else await (await fetch(url, { priority: 'high' })).arrayBuffer();
  }
}

function checkProgress(seen: AssetProgress[], total: number): void {
  expect(seen.length).to.be.greaterThan(2);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i]!.fraction, `report ${i} does not go back`).to.be.at.least(seen[i - 1]!.fraction);
  }
  expect(seen.every((progress) => progress.fraction >= 0 && progress.fraction <= 1)).to.equal(true);
  expect(seen.filter((progress) => progress.fraction === 1)).to.have.length(1);
  expect(seen.at(-1)).to.deep.equal({ phase: 'assets', loaded: total, total, fraction: 1 });
  expect(seen.every((progress) => progress.phase === 'assets' && progress.total === total)).to.equal(true);
}

describe('preloadAssets (real Chromium, local SDK files)', function () {
  this.timeout(60000);

  before(() => {
    performance.setResourceTimingBufferSize(10000);
    forgetDownloads();
  });

  it('preloads the whole plan once for two elements; the SDK-style requests afterwards download nothing twice', async () => {
    const manifest = await checkAssetPath(LIB);
    // 8 cores, whatever this machine has, so the virtual-background files are in the plan too.
    const capabilities = { ...detectCapabilities(), hardwareConcurrency: 8 };
    const plan = planAssets({ view: 'component', capabilities, manifest, virtualBackground: 'preload' });
    expect(plan.sizesFrom).to.equal('manifest');
    expect(plan.files.some((file) => file.stage === 'virtual-background')).to.equal(true);
    await networkLog({ clear: true });
    const first: AssetProgress[] = [];
    const second: AssetProgress[] = [];
    const [a, b] = await Promise.all([
      preloadAssets(plan, LIB, { onProgress: (progress) => first.push(progress) }),
      preloadAssets(plan, LIB, { onProgress: (progress) => second.push(progress) }),
    ]);
    expect(a.failed).to.equal(0);
    expect(b.failed).to.equal(0);
    expect(a.files.map((file) => file.status)).to.deep.equal(plan.files.map(() => 'loaded'));
    checkProgress(first, plan.totalBytes);
    checkProgress(second, plan.totalBytes);
    // Every file reports the bytes really read, which match the manifest.
    for (const outcome of a.files) {
      const planned = plan.files.find((file) => file.path === outcome.path)!;
      expect(outcome.bytes, outcome.path).to.equal(planned.size);
    }

    await replaySdkRequests(plan);

    let doubleBytes = 0;
    for (const file of plan.files) {
      const url = assetUrl(LIB, file.path);
      const network = downloads(url);
      expect(network, `${file.path}: downloaded once`).to.have.length(1);
      doubleBytes += network.slice(1).reduce((sum, entry) => sum + entry.transferSize, 0);
    }
    expect(doubleBytes).to.equal(0);
    // Playwright's log of requests (it lists HTTP-cache hits too): each file shows our fetch and the SDK-style
    // request, scripts included (0 bytes above).
    // Playwright reports requests asynchronously: give the last ones a moment to reach the log.
    const counts = async (): Promise<Record<string, number>> => {
      const log = await networkLog();
      return Object.fromEntries(plan.files.map((file) => [file.path, log.filter((entry) => entry.url === assetUrl(LIB, file.path)).length]));
    };
    const wanted = Object.fromEntries(plan.files.map((file) => [file.path, 2]));
    let seen = await counts();
    for (let attempt = 0; attempt < 30 && JSON.stringify(seen) !== JSON.stringify(wanted); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await counts();
    }
    expect(seen).to.deep.equal(wanted);
    console.log(
      `preloaded ${plan.files.length} files, ${(plan.totalBytes / 1e6).toFixed(1)} MB; SDK-style re-requests: ` +
        plan.files.map((file) => `${file.path} ${entries(assetUrl(LIB, file.path)).map((entry) => entry.transferSize).join('/')}`).join(', '),
    );
  });

  it('a preload started again later is not repeated (module-level cache)', async () => {
    const plan = planAssets({ view: 'component', capabilities: detectCapabilities() });
    const before = plan.files.map((file) => entries(assetUrl(LIB, file.path)).length);
    const result = await preloadAssets(plan, LIB);
    expect(result.failed).to.equal(0);
    expect(plan.files.map((file) => entries(assetUrl(LIB, file.path)).length)).to.deep.equal(before);
  });

  it('abort: rejects, cancels what only it waited for, and progress still ends at 1', async () => {
    // The files of a device without SIMD: not fetched by the tests above.
    const plan = planAssets({ view: 'component', capabilities: { ...detectCapabilities(), wasmSimd: false, wasmThreads: false } });
    const fresh: AssetPlan = { ...plan, files: plan.files.filter((file) => file.stage === 'media') };
    const controller = new AbortController();
    const seen: AssetProgress[] = [];
    const running = preloadAssets(fresh, LIB, {
      signal: controller.signal,
      concurrency: 1,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.fraction > 0) controller.abort(new DOMException('element removed', 'AbortError'));
      },
    });
    let error: unknown;
    try {
      await running;
    } catch (caught) {
      error = caught;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(seen.at(-1)?.fraction).to.equal(1);
    const done = completedDownloads();
    const finished = fresh.files.filter((file) => done.includes(assetUrl(LIB, file.path)));
    expect(finished.length, 'nothing finished after the abort').to.be.lessThan(fresh.files.length);
  });

  it('a missing file is reported, does not reject the preload, and progress ends at 1', async () => {
    const plan = planAssets({ view: 'component', capabilities: detectCapabilities() });
    const broken: AssetPlan = {
      ...plan,
      files: [{ path: 'no-such-file.wasm', size: 1000, kind: 'wasm', stage: 'media', request: 'fetch' }],
    };
    const seen: AssetProgress[] = [];
    const result = await preloadAssets(broken, LIB, { onProgress: (progress) => seen.push(progress) });
    expect(result.failed).to.equal(1);
    expect(result.files[0]?.status).to.equal('failed');
    expect(String(result.files[0]?.error)).to.contain('HTTP 404');
    expect(seen.at(-1)?.fraction).to.equal(1);
  });
});
