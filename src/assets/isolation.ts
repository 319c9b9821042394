import type { Capabilities } from './capabilities.js';

export interface FeatureState {
  enabled: boolean;
  /** Why it is off (or how it is on), for the page's own UI or logs. */
  reason?: string;
}

/** The `zoom-capabilities` detail: which SDK features this page and device get. */
export interface ZoomCapabilitiesDetail {
  crossOriginIsolated: boolean;
  features: {
    galleryView: FeatureState;
    virtualBackground: FeatureState;
    hd720p: FeatureState;
    noiseSuppression: FeatureState;
    multithreadedWasm: FeatureState;
  };
  /**
   * What the signature should carry as `video_webrtc_mode`: 1 (WebRTC video) when the page is not cross-origin
   * isolated — the only way to get gallery view there — else 0.
   */
  videoWebRtcMode: 0 | 1;
  capabilities: Capabilities;
}

const ISOLATION_HINT = 'serve the page with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp';

/**
 * What Zoom documents and js_media 6.2.0 checks: without SharedArrayBuffer (i.e. without cross-origin isolation in
 * Chromium) the multithreaded wasm, noise suppression and Chromium's virtual background (unless enforced) are off,
 * and gallery view needs WebRTC video. 720p also needs ≥ 4 cores (js_media: > 7, or ≥ 4 with VP9 hardware decode).
 */
export function describeCapabilities(capabilities: Capabilities, options: { enforceVirtualBackground?: boolean } = {}): ZoomCapabilitiesDetail {
  const isolated = capabilities.crossOriginIsolated && capabilities.sharedArrayBuffer;
  const threads = isolated && capabilities.wasmThreads;
  const cores = capabilities.hardwareConcurrency ?? 0;
  const off = (reason: string): FeatureState => ({ enabled: false, reason });
  const on = (reason?: string): FeatureState => (reason ? { enabled: true, reason } : { enabled: true });

  const multithreadedWasm = threads ? on() : off(isolated ? 'WebAssembly threads are not supported' : `needs SharedArrayBuffer: ${ISOLATION_HINT}`);
  const galleryView = isolated ? on() : on('through WebRTC video (video_webrtc_mode=1 in the signature), as the page is not cross-origin isolated');
  const noiseSuppression = !isolated
    ? off(`needs SharedArrayBuffer: ${ISOLATION_HINT}`)
    : capabilities.wasmSimd
      ? on()
      : off('needs WebAssembly SIMD');

  let virtualBackground: FeatureState;
  if (!capabilities.offscreenCanvas) virtualBackground = off('needs OffscreenCanvas');
  else if (cores <= 2) virtualBackground = off('needs more than 2 CPU cores');
  else if (!isolated && !options.enforceVirtualBackground) virtualBackground = off(`needs SharedArrayBuffer (or virtual-background="enforce"): ${ISOLATION_HINT}`);
  else virtualBackground = on();

  let hd720p: FeatureState;
  if (!threads) hd720p = off(isolated ? 'needs WebAssembly threads' : `needs SharedArrayBuffer: ${ISOLATION_HINT}`);
  else if (cores < 4) hd720p = off('needs at least 4 CPU cores');
  else hd720p = on(cores > 7 ? undefined : 'if the GPU decodes VP9 in hardware (js_media decides on join)');

  return {
    crossOriginIsolated: capabilities.crossOriginIsolated,
    features: { galleryView, virtualBackground, hd720p, noiseSuppression, multithreadedWasm },
    videoWebRtcMode: isolated ? 0 : 1,
    capabilities,
  };
}
