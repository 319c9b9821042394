import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chromiumVersionOf, detectCapabilities, type CapabilityProbes } from '../../../src/assets/capabilities.js';

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
