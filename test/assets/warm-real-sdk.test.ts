// Warming with the real SDK, offline: js_media is preloaded and run before the click, then a real Component View
// join still ends exactly as it does without warming (-3000 at wc/info; plan-vs-sdk.test.ts is the baseline), and
// js_media crosses the network once although both the warm-up and the SDK load it.
import { expect } from '@open-wc/testing';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { planAssets } from '../../src/assets/plan.js';
import { assetUrl, preloadAssets } from '../../src/assets/preloader.js';
import { warmJsMedia, warmSkipReason } from '../../src/assets/warm.js';
import { networkLog } from '../support/network-log.js';
import { joinRealSdkOffline } from './real-sdk-offline-join.js';

const LIB = new URL('/node_modules/@zoom/meetingsdk/dist/lib', window.location.href).href;

interface MemoryPerformance {
  memory?: { usedJSHeapSize: number };
}

describe('warming js_media with the real SDK (Component View, offline)', function () {
  this.timeout(60000);

  it('warm, then a real join: same -3000 failure, js_media downloaded once, cost recorded', async () => {
    performance.setResourceTimingBufferSize(10000);
    await networkLog({ clear: true });
    const url = assetUrl(LIB, 'js_media.min.js');
    expect(warmSkipReason()).to.equal(undefined);

    const heapBefore = (performance as Performance & MemoryPerformance).memory?.usedJSHeapSize ?? 0;
    const plan = planAssets({ view: 'component', capabilities: detectCapabilities() });
    await preloadAssets(plan, LIB, { stages: ['join'] });
    const warm = await warmJsMedia(LIB);
    const heapAfter = (performance as Performance & MemoryPerformance).memory?.usedJSHeapSize ?? 0;
    expect(warm.status).to.equal('warmed');
    expect(await warmJsMedia(LIB), 'warming twice shares the first result').to.equal(warm);
    expect(warmSkipReason()).to.equal('already-loaded');

    const { error, joinStartedAt, cleanUp } = await joinRealSdkOffline(LIB, 'Warm check');
    expect(error.cause).to.deep.include({ type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 });

    const timings = performance.getEntriesByName(url) as PerformanceResourceTiming[];
    const downloads = timings.filter((entry) => entry.transferSize > 0 && entry.transferSize >= entry.encodedBodySize);
    expect(downloads, 'js_media crossed the network once').to.have.length(1);
    const log = await networkLog();
    const wcInfo = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/wc/info'));
    const wcInfoAt = wcInfo ? wcInfo.startTime - joinStartedAt : Number.NaN;
    console.log(
      `warm-up ${Math.round(warm.durationMs)} ms; heap +${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB (warm.heapDeltaBytes ${((warm.heapDeltaBytes ?? 0) / 1e6).toFixed(1)} MB); ` +
        `join → wc/info ${Math.round(wcInfoAt)} ms; js_media requests seen: ${log.filter((request) => request.url === url).length}, ` +
        `transfer sizes: ${timings.map((entry) => entry.transferSize).join('/')}`,
    );
    await cleanUp();
  });
});
