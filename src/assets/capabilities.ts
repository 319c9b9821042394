/**
 * What this browser can run, probed the way the SDK probes it, so the asset plan picks the same files the SDK will
 * (detectCapabilities), and which SDK features that allows, for `zoom-capabilities` (describeCapabilities).
 * Every probe is injectable: tests describe a device instead of depending on the machine they run on.
 */
import { msg, str } from '@lit/localize';
import { deviceKindOf, type DeviceKind } from '../device/device-kind.js';

export interface Capabilities {
  /** WebAssembly SIMD validates (the SDK's `simd` tag: audio_simd, video_simd, ...). */
  wasmSimd: boolean;
  /** The WebAssembly threads proposal (shared memory, atomics) validates. Says nothing about SharedArrayBuffer. */
  wasmThreads: boolean;
  /** A SharedArrayBuffer exists and can be posted to another context; Chromium requires cross-origin isolation. */
  sharedArrayBuffer: boolean;
  crossOriginIsolated: boolean;
  /** Major version of the Chromium engine (Chrome, Edge, Opera, ...); undefined for other engines. */
  chromiumVersion?: number;
  android: boolean;
  offscreenCanvas: boolean;
  hardwareConcurrency?: number;
  /** `navigator.deviceMemory` in GiB (Chromium only, rounded and capped by the browser); undefined elsewhere. */
  deviceMemory?: number;
  /** The user asked for reduced data (`navigator.connection.saveData`): preload only what join needs. */
  saveData: boolean;
  /** Phone, tablet or desktop (device-kind.ts): what `view="auto"` decides by, and what the SDK offers there. */
  device: DeviceKind;
  /** `navigator.mediaDevices.getDisplayMedia` exists: the browser can capture a screen to share (none on phones). */
  displayMedia: boolean;
}

/** The parts of `navigator` read here, typed structurally (userAgentData and deviceMemory are not in every lib). */
export interface NavigatorLike {
  userAgent?: string;
  maxTouchPoints?: number;
  hardwareConcurrency?: number;
  deviceMemory?: number;
  connection?: { saveData?: boolean };
  userAgentData?: { brands?: ReadonlyArray<{ brand: string; version: string }>; mobile?: boolean; platform?: string };
}

export interface CapabilityProbes {
  validateWasm: (bytes: Uint8Array<ArrayBuffer>) => boolean;
  navigator: NavigatorLike;
  crossOriginIsolated: boolean;
  /** True when a SharedArrayBuffer can be created and posted (the SDK's own check before choosing threads). */
  canPostSharedArrayBuffer: () => boolean;
  offscreenCanvas: boolean;
  /** `navigator.mediaDevices.getDisplayMedia` is a function (absent on phones, and on any insecure page). */
  displayMedia: boolean;
}

// The same minimal modules the SDK validates (wasm-feature-detect's): a v128 instruction, and an atomic op on a
// shared memory. Using the SDK's exact probes keeps our file choice and its own from ever disagreeing.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11]);
const THREADS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0, 26, 11,
]);

function defaultValidateWasm(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

function defaultCanPostSharedArrayBuffer(): boolean {
  try {
    if (typeof SharedArrayBuffer !== 'function' || typeof MessageChannel !== 'function') return false;
    // Creating one is not enough: without isolation Chromium still refuses to post it.
    new MessageChannel().port1.postMessage(new SharedArrayBuffer(1));
    return true;
  } catch {
    return false;
  }
}

function defaultProbes(): CapabilityProbes {
  const hasWindow = typeof window !== 'undefined';
  return {
    validateWasm: defaultValidateWasm,
    navigator: typeof navigator === 'undefined' ? {} : (navigator as NavigatorLike),
    crossOriginIsolated: hasWindow && window.crossOriginIsolated === true,
    canPostSharedArrayBuffer: defaultCanPostSharedArrayBuffer,
    offscreenCanvas: typeof OffscreenCanvas === 'function',
    displayMedia: typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function',
  };
}

const CHROMIUM_BRANDS = /^(Chromium|Google Chrome|Microsoft Edge|Opera|Brave)$/i;

/** Client hints first (they survive UA reduction), then the UA string. */
export function chromiumVersionOf(nav: NavigatorLike): number | undefined {
  const brands = nav.userAgentData?.brands ?? [];
  const brand = brands.find((entry) => CHROMIUM_BRANDS.test(entry.brand));
  if (brand) {
    const major = Number.parseInt(brand.version, 10);
    if (Number.isFinite(major)) return major;
  }
  const match = /(?:Chrome|Chromium|CriOS|HeadlessChrome)\/(\d+)/.exec(nav.userAgent ?? '');
  return match ? Number(match[1]) : undefined;
}

function isAndroid(nav: NavigatorLike): boolean {
  if (nav.userAgentData?.platform) return /android/i.test(nav.userAgentData.platform);
  const ua = nav.userAgent ?? '';
  return /android/i.test(ua) && !/like android/i.test(ua);
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

export function detectCapabilities(overrides: Partial<CapabilityProbes> = {}): Capabilities {
  const probes: CapabilityProbes = { ...defaultProbes(), ...overrides };
  const nav = probes.navigator;
  const chromiumVersion = chromiumVersionOf(nav);
  const hardwareConcurrency = positiveNumber(nav.hardwareConcurrency);
  const deviceMemory = positiveNumber(nav.deviceMemory);
  return {
    wasmSimd: probes.validateWasm(SIMD_PROBE),
    wasmThreads: probes.validateWasm(THREADS_PROBE),
    sharedArrayBuffer: probes.canPostSharedArrayBuffer(),
    crossOriginIsolated: probes.crossOriginIsolated,
    android: isAndroid(nav),
    offscreenCanvas: probes.offscreenCanvas,
    saveData: nav.connection?.saveData === true,
    device: deviceKindOf(nav),
    displayMedia: probes.displayMedia,
    // Part of the zoom-capabilities detail: what a browser does not report is left out, not set to undefined.
    ...(chromiumVersion !== undefined ? { chromiumVersion } : {}),
    ...(hardwareConcurrency !== undefined ? { hardwareConcurrency } : {}),
    ...(deviceMemory !== undefined ? { deviceMemory } : {}),
  };
}

export interface FeatureState {
  enabled: boolean;
  /** Why it is off (or how it is on), for the page's own UI or logs. */
  reason?: string;
}

/** The `zoom-capabilities` detail: which SDK features this page and device get. */
export interface ZoomCapabilitiesDetail {
  crossOriginIsolated: boolean;
  /** Phone, tablet or desktop: on phones and tablets `view="auto"` runs the Client View. */
  device: DeviceKind;
  features: {
    galleryView: FeatureState;
    virtualBackground: FeatureState;
    hd720p: FeatureState;
    noiseSuppression: FeatureState;
    multithreadedWasm: FeatureState;
    /** Sharing the user's screen (seeing others' shares works everywhere). */
    screenShare: FeatureState;
  };
  /**
   * What the signature should carry as `video_webrtc_mode`: 1 (WebRTC video) when the page is not cross-origin
   * isolated — the only way to get gallery view there — else 0.
   */
  videoWebRtcMode: 0 | 1;
  capabilities: Capabilities;
}

function isolationHint(): string {
  return msg('serve the page with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp');
}

/**
 * Why a feature is off because of the device itself, not the page's set-up. js_media 6.2.0's own
 * `isSupportVirtualBackground()` answers false on mobile devices (unless Zoom turns it on for the account), and the
 * Client View lays phones out in a mobile layout of its own rather than the desktop gallery. A function: the texts
 * follow the locale of the moment.
 */
function deviceReasons() {
  return {
    noDisplayMedia: msg('this browser cannot capture a screen (no navigator.mediaDevices.getDisplayMedia)'),
    screenShare: msg('Zoom does not offer sharing a screen from phone and tablet browsers'),
    virtualBackground: msg("the SDK's media code turns virtual backgrounds off on phones and tablets"),
    galleryView: msg("phones and tablets get the Client View's mobile layout (the active speaker and a strip of videos), not the gallery view"),
  };
}

/** `zoom-warning` codes for what this device cannot do, one per feature. */
export type DeviceWarningCode = 'device-no-screen-share' | 'device-no-virtual-background' | 'device-no-gallery-view';

/**
 * One warning per feature the device itself rules out (not the page: a missing cross-origin isolation is the page's
 * to fix and stays in `zoom-capabilities`), so a page can tell its users before they look for it.
 */
export function deviceWarnings(detail: ZoomCapabilitiesDetail): Array<{ code: DeviceWarningCode; message: string }> {
  // A desktop without screen capture (a page over plain http, say) is the page's to fix: zoom-capabilities says so.
  if (detail.device === 'desktop') return [];
  const { screenShare, virtualBackground, galleryView } = detail.features;
  const reasons: readonly string[] = Object.values(deviceReasons());
  const deviceReason = (state: FeatureState): boolean => !state.enabled && reasons.includes(state.reason ?? '');
  const warnings: Array<{ code: DeviceWarningCode; message: string }> = [];
  if (deviceReason(screenShare)) {
    warnings.push({ code: 'device-no-screen-share', message: msg(str`Screen sharing is not available here: ${screenShare.reason!}.`) });
  }
  if (deviceReason(virtualBackground)) {
    warnings.push({ code: 'device-no-virtual-background', message: msg(str`Virtual backgrounds are not available here: ${virtualBackground.reason!}.`) });
  }
  if (deviceReason(galleryView)) {
    warnings.push({ code: 'device-no-gallery-view', message: msg(str`Gallery view is not available here: ${galleryView.reason!}.`) });
  }
  return warnings;
}

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
  const mobile = capabilities.device !== 'desktop';

  const reasons = deviceReasons();
  const multithreadedWasm = threads ? on() : off(isolated ? msg('WebAssembly threads are not supported') : msg(str`needs SharedArrayBuffer: ${isolationHint()}`));
  const galleryView = mobile
    ? off(reasons.galleryView)
    : isolated
      ? on()
      : on(msg('through WebRTC video (video_webrtc_mode=1 in the signature), as the page is not cross-origin isolated'));
  // Feature detection first: phones have no getDisplayMedia. An emulated or unusual one that has it still gets no
  // screen sharing from Zoom's mobile layout.
  const screenShare = !capabilities.displayMedia ? off(reasons.noDisplayMedia) : mobile ? off(reasons.screenShare) : on();
  const noiseSuppression = !isolated
    ? off(msg(str`needs SharedArrayBuffer: ${isolationHint()}`))
    : capabilities.wasmSimd
      ? on()
      : off(msg('needs WebAssembly SIMD'));

  let virtualBackground: FeatureState;
  if (mobile) virtualBackground = off(reasons.virtualBackground);
  else if (!capabilities.offscreenCanvas) virtualBackground = off(msg('needs OffscreenCanvas'));
  else if (cores <= 2) virtualBackground = off(msg('needs more than 2 CPU cores'));
  else if (!isolated && !options.enforceVirtualBackground) virtualBackground = off(msg(str`needs SharedArrayBuffer (or virtual-background="enforce"): ${isolationHint()}`));
  else virtualBackground = on();

  let hd720p: FeatureState;
  if (!threads) hd720p = off(isolated ? msg('needs WebAssembly threads') : msg(str`needs SharedArrayBuffer: ${isolationHint()}`));
  else if (cores < 4) hd720p = off(msg('needs at least 4 CPU cores'));
  else hd720p = on(cores > 7 ? undefined : msg('if the GPU decodes VP9 in hardware (js_media decides on join)'));

  return {
    crossOriginIsolated: capabilities.crossOriginIsolated,
    device: capabilities.device,
    features: { galleryView, virtualBackground, hd720p, noiseSuppression, multithreadedWasm, screenShare },
    videoWebRtcMode: isolated ? 0 : 1,
    capabilities,
  };
}
