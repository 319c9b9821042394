import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSupport } from '../../../src/preflight/browser-support.js';
import { runPreflight, type PreflightProbes } from '../../../src/preflight/preflight.js';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const EDGE_OLD = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:158.0) Gecko/20100101 Firefox/158.0';
const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15';
const IPHONE_17 = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const CHROME_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 26_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/150.0.0.0 Mobile/15E148 Safari/604.1';
const OPERA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 OPR/120.0.0.0';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko';

describe("browserSupport (Zoom's list for the Meeting SDK for Web)", () => {
  test('listed browsers at or above the minimum are supported; below it they are not', () => {
    assert.deepEqual(browserSupport({ userAgent: CHROME }), { name: 'Chrome', version: 156, supported: true, minimum: 154 });
    assert.deepEqual(browserSupport({ userAgent: EDGE_OLD }), { name: 'Edge', version: 130, supported: false, minimum: 154 });
    assert.deepEqual(browserSupport({ userAgent: FIREFOX }), { name: 'Firefox', version: 158, supported: true, minimum: 157 });
    assert.deepEqual(browserSupport({ userAgent: SAFARI_MAC }), { name: 'Safari', version: 26, supported: true, minimum: 18 });
  });

  test('iOS: every browser is Safari underneath, so the iOS version decides', () => {
    assert.deepEqual(browserSupport({ userAgent: IPHONE_17 }), { name: 'Safari on iOS', version: 17, supported: false, minimum: 18 });
    assert.deepEqual(browserSupport({ userAgent: CHROME_IOS }), { name: 'Chrome on iOS', version: 26, supported: true, minimum: 18 });
    // iPadOS asking for the desktop site: a Macintosh with touch points, Safari's version.
    assert.deepEqual(browserSupport({ userAgent: SAFARI_MAC, maxTouchPoints: 5 }), { name: 'Safari on iOS', version: 26, supported: true, minimum: 18 });
  });

  test('browsers Zoom does not list are named, unsupported, without a minimum', () => {
    assert.deepEqual(browserSupport({ userAgent: OPERA }), { name: 'Opera', version: 120, supported: false });
    assert.deepEqual(browserSupport({ userAgent: IE11 }), { name: 'Internet Explorer', version: 11, supported: false });
    assert.deepEqual(browserSupport({ userAgent: '' }), { name: 'an unknown browser', supported: false });
  });
});

function probes(overrides: Partial<PreflightProbes> = {}): PreflightProbes {
  return {
    secureContext: true,
    navigator: { userAgent: CHROME },
    featurePolicy: { allowsFeature: () => true, features: () => ['camera', 'microphone', 'display-capture', 'fullscreen', 'autoplay', 'clipboard-write'] },
    permission: async () => ({ state: 'prompt' }),
    ...overrides,
  };
}

describe('runPreflight (injected probes)', () => {
  test('nothing in the way: no problems, the resolved view', async () => {
    const { detail } = await runPreflight('auto', probes());
    assert.deepEqual(detail.problems, []);
    assert.equal(detail.view, 'component');
    assert.equal(detail.device, 'desktop');
  });

  test('a policy that blocks the camera is the problem, not the denied permission that follows from it', async () => {
    const { detail } = await runPreflight('auto', probes({
      featurePolicy: { allowsFeature: (feature) => feature !== 'camera' && feature !== 'display-capture', features: () => ['camera', 'microphone', 'display-capture'] },
      permission: async (name) => ({ state: name === 'camera' ? 'denied' : 'granted' }),
    }));
    assert.deepEqual(detail.problems.map((problem) => problem.code), ['camera-blocked', 'screen-share-blocked']);
    assert.equal(detail.permissionsPolicy.fullscreen, 'unknown', 'a feature the browser does not know');
  });

  test('no Permissions Policy API, no Permissions API: unknown and unsupported, not problems', async () => {
    const { detail } = await runPreflight('client', probes({ featurePolicy: undefined, permission: async () => ({ state: 'unsupported' }) }));
    assert.deepEqual(detail.problems, []);
    assert.equal(detail.permissionsPolicy.camera, 'unknown');
    assert.deepEqual([detail.camera, detail.microphone, detail.view], ['unsupported', 'unsupported', 'client']);
  });

  test('an insecure page blocks; each problem says what to do', async () => {
    const { detail } = await runPreflight('auto', probes({ secureContext: false, navigator: { userAgent: IPHONE_17 }, permission: async () => ({ state: 'denied' }) }));
    assert.deepEqual(detail.problems.map((problem) => [problem.code, problem.blocking]), [
      ['insecure-context', true],
      ['camera-denied', false],
      ['microphone-denied', false],
      ['browser-outdated', false],
    ]);
    for (const problem of detail.problems) assert.ok(problem.steps.length > 0, `${problem.code} has steps`);
    assert.equal(detail.view, 'client', 'an iPhone gets the Client View');
  });
});
