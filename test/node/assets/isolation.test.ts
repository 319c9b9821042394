import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { device, isolated } from './devices.js';
import { describeCapabilities } from '../../../src/assets/isolation.js';

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
});
