import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumVersionOf, describeCapabilities, detectCapabilities, deviceWarnings, type CapabilityProbes } from '../../../src/assets/capabilities.js';
import { device, isolated } from './devices.js';

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36';
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** The SIMD probe module has opcode prefix 253 (0xfd); the threads probe 254 (0xfe). */
const isSimdProbe = (bytes: Uint8Array): boolean => bytes.includes(253);

function probes(overrides: Partial<CapabilityProbes> = {}): Partial<CapabilityProbes> {
  return {
    validateWasm: () => true,
    navigator: { userAgent: CHROME_UA, hardwareConcurrency: 8, deviceMemory: 8 },
    crossOriginIsolated: false,
    canPostSharedArrayBuffer: () => false,
    offscreenCanvas: true,
    displayMedia: true,
    ...overrides,
  };
}

describe('detectCapabilities (injected probes)', () => {
  test('desktop Chrome, not isolated', () => {
    assert.deepEqual(detectCapabilities(probes()), {
      wasmSimd: true,
      wasmThreads: true,
      sharedArrayBuffer: false,
      crossOriginIsolated: false,
      android: false,
      offscreenCanvas: true,
      saveData: false,
      chromiumVersion: 126,
      hardwareConcurrency: 8,
      deviceMemory: 8,
      device: 'desktop',
      displayMedia: true,
    });
  });

  test('isolated: SharedArrayBuffer postable', () => {
    const capabilities = detectCapabilities(probes({ crossOriginIsolated: true, canPostSharedArrayBuffer: () => true }));
    assert.equal(capabilities.sharedArrayBuffer, true);
    assert.equal(capabilities.crossOriginIsolated, true);
  });

  test('SIMD and threads are probed separately with the two SDK modules', () => {
    const onlySimd = detectCapabilities(probes({ validateWasm: isSimdProbe }));
    assert.equal(onlySimd.wasmSimd, true);
    assert.equal(onlySimd.wasmThreads, false);
    const onlyThreads = detectCapabilities(probes({ validateWasm: (bytes) => !isSimdProbe(bytes) }));
    assert.equal(onlyThreads.wasmSimd, false);
    assert.equal(onlyThreads.wasmThreads, true);
  });

  test('Firefox and Safari: no Chromium version, no deviceMemory', () => {
    for (const userAgent of [FIREFOX_UA, SAFARI_UA]) {
      const capabilities = detectCapabilities(probes({ navigator: { userAgent, hardwareConcurrency: 4 } }));
      assert.equal(capabilities.chromiumVersion, undefined);
      assert.equal(capabilities.deviceMemory, undefined);
      assert.equal(capabilities.android, false);
    }
  });

  test('Android from the UA or from client hints', () => {
    assert.equal(detectCapabilities(probes({ navigator: { userAgent: ANDROID_UA } })).android, true);
    const hinted = detectCapabilities(
      probes({ navigator: { userAgent: CHROME_UA, userAgentData: { brands: [], mobile: true, platform: 'Android' } } }),
    );
    assert.equal(hinted.android, true);
  });

  test('Save-Data from navigator.connection', () => {
    assert.equal(detectCapabilities(probes({ navigator: { userAgent: CHROME_UA, connection: { saveData: true } } })).saveData, true);
    assert.equal(detectCapabilities(probes({ navigator: { userAgent: CHROME_UA, connection: {} } })).saveData, false);
  });

  test('nonsense hardware values are dropped instead of trusted', () => {
    const capabilities = detectCapabilities(probes({ navigator: { userAgent: CHROME_UA, hardwareConcurrency: 0, deviceMemory: Number.NaN } }));
    assert.equal(capabilities.hardwareConcurrency, undefined);
    assert.equal(capabilities.deviceMemory, undefined);
  });

  test('in Node (no window, no OffscreenCanvas) the real probes run without throwing', () => {
    const capabilities = detectCapabilities();
    assert.equal(capabilities.wasmSimd, true, 'Node 20 validates SIMD');
    assert.equal(capabilities.crossOriginIsolated, false);
  });
});

describe('chromiumVersionOf', () => {
  test('client hints: Chromium, Google Chrome, Microsoft Edge brands; GREASE brands ignored', () => {
    assert.equal(chromiumVersionOf({ userAgentData: { brands: [{ brand: 'Not:A-Brand', version: '8' }, { brand: 'Chromium', version: '156' }] } }), 156);
    assert.equal(chromiumVersionOf({ userAgentData: { brands: [{ brand: 'Microsoft Edge', version: '124' }] } }), 124);
    assert.equal(chromiumVersionOf({ userAgentData: { brands: [{ brand: 'Google Chrome', version: '101' }] } }), 101);
  });

  test('UA fallback, including headless and iOS Chrome', () => {
    assert.equal(chromiumVersionOf({ userAgent: CHROME_UA }), 126);
    assert.equal(chromiumVersionOf({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0 Safari/537.36' }), 156);
    assert.equal(chromiumVersionOf({ userAgent: 'Mozilla/5.0 (iPhone) CriOS/120.0 Mobile' }), 120);
    assert.equal(chromiumVersionOf({ userAgent: FIREFOX_UA }), undefined);
    assert.equal(chromiumVersionOf({}), undefined);
  });
});

const enabled = (detail: ReturnType<typeof describeCapabilities>): Record<string, boolean> =>
  Object.fromEntries(Object.entries(detail.features).map(([name, state]) => [name, state.enabled]));

describe('describeCapabilities (zoom-capabilities detail)', () => {
  test('not isolated: WebRTC video recommended; threads, noise suppression, VB, 720p off', () => {
    const detail = describeCapabilities(device());
    assert.equal(detail.videoWebRtcMode, 1);
    assert.equal(detail.crossOriginIsolated, false);
    assert.deepEqual(enabled(detail), {
      galleryView: true,
      virtualBackground: false,
      hd720p: false,
      noiseSuppression: false,
      multithreadedWasm: false,
      screenShare: true,
    });
    assert.match(detail.features.galleryView.reason ?? '', /video_webrtc_mode=1/);
    assert.match(detail.features.multithreadedWasm.reason ?? '', /Cross-Origin-Opener-Policy: same-origin/);
  });

  test('isolated 8-core device: everything on, WebAssembly video (mode 0)', () => {
    const detail = describeCapabilities(device(isolated));
    assert.equal(detail.videoWebRtcMode, 0);
    assert.deepEqual(enabled(detail), {
      galleryView: true,
      virtualBackground: true,
      hd720p: true,
      noiseSuppression: true,
      multithreadedWasm: true,
      screenShare: true,
    });
    assert.equal(detail.features.galleryView.reason, undefined);
  });

  test('isolated but 2 cores: no 720p, no virtual background', () => {
    const detail = describeCapabilities(device({ ...isolated, hardwareConcurrency: 2 }));
    assert.equal(detail.features.hd720p.enabled, false);
    assert.equal(detail.features.virtualBackground.enabled, false);
    assert.equal(detail.features.multithreadedWasm.enabled, true);
  });

  test('isolated 4 cores: 720p depends on VP9 hardware decode (said in the reason)', () => {
    const detail = describeCapabilities(device({ ...isolated, hardwareConcurrency: 4 }));
    assert.equal(detail.features.hd720p.enabled, true);
    assert.match(detail.features.hd720p.reason ?? '', /VP9/);
  });

  test('enforced virtual background works without isolation; no OffscreenCanvas never does', () => {
    assert.equal(describeCapabilities(device(), { enforceVirtualBackground: true }).features.virtualBackground.enabled, true);
    const noCanvas = describeCapabilities(device({ ...isolated, offscreenCanvas: false }), { enforceVirtualBackground: true });
    assert.equal(noCanvas.features.virtualBackground.enabled, false);
  });

  test('isolated without SIMD: no noise suppression; without threads: no multithreading, no 720p', () => {
    assert.equal(describeCapabilities(device({ ...isolated, wasmSimd: false })).features.noiseSuppression.enabled, false);
    const noThreads = describeCapabilities(device({ ...isolated, wasmThreads: false }));
    assert.equal(noThreads.features.multithreadedWasm.enabled, false);
    assert.equal(noThreads.features.hd720p.enabled, false);
  });

  test('the detail carries the capabilities it was computed from', () => {
    const capabilities = device();
    assert.equal(describeCapabilities(capabilities).capabilities, capabilities);
  });

  test('phones and tablets: no screen sharing, virtual background or gallery view, each with a device warning', () => {
    const phone = describeCapabilities(device({ ...isolated, device: 'phone', android: true, displayMedia: false }));
    assert.deepEqual(
      [phone.features.screenShare.enabled, phone.features.virtualBackground.enabled, phone.features.galleryView.enabled],
      [false, false, false],
    );
    assert.match(phone.features.screenShare.reason ?? '', /getDisplayMedia/, 'feature detection names the missing API');
    assert.deepEqual(deviceWarnings(phone).map((warning) => warning.code), ['device-no-screen-share', 'device-no-virtual-background', 'device-no-gallery-view']);
    // A phone whose browser has getDisplayMedia (Chromium's mobile emulation) still gets none from Zoom's mobile layout.
    const emulated = describeCapabilities(device({ device: 'phone', displayMedia: true }));
    assert.match(emulated.features.screenShare.reason ?? '', /phone and tablet/);
    assert.equal(emulated.device, 'phone');
  });

  test('desktop: no device warnings, even where the page (not the device) turns features off', () => {
    assert.deepEqual(deviceWarnings(describeCapabilities(device())), []);
    assert.deepEqual(deviceWarnings(describeCapabilities(device({ ...isolated, hardwareConcurrency: 2 }))), []);
    // An insecure page has no getDisplayMedia: the page's to fix, so zoom-capabilities says it, not a device warning.
    const insecure = describeCapabilities(device({ displayMedia: false }));
    assert.equal(insecure.features.screenShare.enabled, false);
    assert.deepEqual(deviceWarnings(insecure), []);
  });
});
