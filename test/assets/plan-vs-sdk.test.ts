// The plan against what the real SDK does, offline, with no preloading: a Component View join with a well-formed
// fake signature fetches js_media from the asset path, fails at wc/info (-3000), and fetches nothing else from av/.
// That is all of the plan that can be observed here: the `media` stage (workers, wasm) is only requested after a
// successful wc/info, so it is checked against the SDK's code instead (test/node/assets/sdk-bundle.test.ts) and
// against js_media's own capability verdicts below.
import { expect } from '@open-wc/testing';
import { detectCapabilities } from '../../src/assets/capabilities.js';
import { planAssets } from '../../src/assets/plan.js';
import { networkLog } from '../support/network-log.js';
import { joinRealSdkOffline } from './real-sdk-offline-join.js';

const LIB = new URL('/node_modules/@zoom/meetingsdk/dist/lib', window.location.href).href;
/** What an offline join ends in, without warming. */
const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface JsMediaUtil {
  isSDKSupportSIMD?: () => Promise<boolean> | boolean;
  isSDKSupportMultiThread?: () => Promise<boolean> | boolean;
}

describe('plan vs the real SDK (Component View, offline)', function () {
  this.timeout(60000);

  it("join fetches exactly the plan's join stage from av/ (js_media as a script), then fails with -3000", async () => {
    await networkLog({ clear: true });
    const { error, cleanUp } = await joinRealSdkOffline(LIB, 'Plan check');
    expect(error.cause).to.deep.include({ type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 });
    await tick(2000); // anything the SDK starts after the failure lands in the log too

    const log = await networkLog();
    const prefix = `${LIB}/av/`;
    const av = log.filter((request) => request.url.startsWith(prefix));
    const plan = planAssets({ view: 'component', capabilities: detectCapabilities() });
    const joinStage = plan.files.filter((file) => file.stage === 'join');
    expect([...new Set(av.map((request) => request.url.slice(prefix.length)))]).to.deep.equal(joinStage.map((file) => file.path));
    expect(av.map((request) => request.resourceType)).to.deep.equal(joinStage.map(() => 'script'));
    expect(joinStage.map((file) => file.request)).to.deep.equal(['script']);
    const mediaStage = plan.files.filter((file) => file.stage === 'media').map((file) => `${prefix}${file.path}`);
    expect(log.filter((request) => mediaStage.includes(request.url)), 'media files wait for wc/info').to.deep.equal([]);
    expect(log.some((request) => request.url.includes('/wc/info')), 'it did try wc/info').to.equal(true);
    console.log(`SDK requests from lib/: ${log.filter((request) => request.url.startsWith(LIB)).map((request) => request.url.slice(LIB.length)).join(', ')}`);
    await cleanUp();
  });

  it("js_media's own SIMD and multithread verdicts agree with detectCapabilities", async () => {
    const util = (window as Window & { JsMediaSDK_Instance?: { util?: JsMediaUtil } }).JsMediaSDK_Instance?.util;
    const capabilities = detectCapabilities();
    if (!util || typeof util.isSDKSupportSIMD !== 'function' || typeof util.isSDKSupportMultiThread !== 'function') {
      // Recorded rather than failed: js_media's util is internal and may change shape between SDK versions.
      console.log(`js_media util exposes: ${util ? Object.keys(util).slice(0, 40).join(',') : 'nothing'}`);
      return;
    }
    expect(await util.isSDKSupportSIMD()).to.equal(capabilities.wasmSimd);
    expect(await util.isSDKSupportMultiThread()).to.equal(capabilities.wasmThreads && capabilities.sharedArrayBuffer);
  });
});
