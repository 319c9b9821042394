import type { Capabilities } from '../../../src/assets/capabilities.js';

/** A desktop Chromium 130, 8 cores, 8 GB, not isolated: the most common visitor; tests override what they vary. */
export function device(overrides: Partial<Capabilities> = {}): Capabilities {
  return {
    wasmSimd: true,
    wasmThreads: true,
    sharedArrayBuffer: false,
    crossOriginIsolated: false,
    chromiumVersion: 130,
    android: false,
    offscreenCanvas: true,
    hardwareConcurrency: 8,
    deviceMemory: 8,
    saveData: false,
    device: 'desktop',
    displayMedia: true,
    ...overrides,
  };
}

/** What cross-origin isolation changes (COOP + COEP): SharedArrayBuffer becomes usable. */
export const isolated = { sharedArrayBuffer: true, crossOriginIsolated: true };
