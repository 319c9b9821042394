import { msg, str } from '@lit/localize';
import type { SdkView } from '../zoom-join-error.js';
import { BUILTIN_MANIFEST, BUILTIN_MANIFEST_VERSION } from './builtin-manifest.js';
import type { Capabilities } from './capabilities.js';
import type { AssetManifest } from './manifest.js';
import { SdkFile } from './sdk-files.js';

export type AssetKind = 'js' | 'wasm' | 'other';
/**
 * When the SDK asks for a file: `join` — on join(), before `wc/info` (the only stage observable offline);
 * `media` — after `wc/info` succeeds, when js_media starts its workers; `virtual-background` — when a background is
 * applied or enforced.
 */
export type AssetStage = 'join' | 'media' | 'virtual-background';
/**
 * How the SDK requests the file, which decides how a preload must request it to be reused: `script` — a classic
 * `<script src>` (no-cors; `crossorigin=anonymous` only on cross-origin-isolated pages); `fetch` — `fetch(url)` from
 * the page (cors mode, same-origin credentials): js_media's `download()` for worker code and its
 * `downloadAndCompileWebAssembly()` for wasm both run in the page, not in the workers.
 */
export type RequestStyle = 'script' | 'fetch';

export interface PlannedAsset {
  /** Path under `<lib>/av/`. */
  path: string;
  /** Bytes, from the asset path's manifest or the built-in table; 0 when neither knows the file. */
  size: number;
  kind: AssetKind;
  stage: AssetStage;
  request: RequestStyle;
}

export type VirtualBackgroundMode = 'off' | 'preload' | 'enforce';

export interface AssetWarning {
  code:
    | 'vb-skipped-low-memory'
    | 'save-data-media-skipped'
    | 'asset-sizes-unknown'
    | 'asset-preload-incomplete'
    | 'warm-failed'
    | 'attribute-invalid';
  message: string;
}

export interface AssetPlan {
  sdkVersion: string;
  view: SdkView;
  files: PlannedAsset[];
  totalBytes: number;
  sizesFrom: 'manifest' | 'builtin' | 'none';
  warnings: AssetWarning[];
}

export interface PlanOptions {
  view: SdkView;
  capabilities: Capabilities;
  /** Defaults to the version the built-in size table describes. */
  sdkVersion?: string;
  virtualBackground?: VirtualBackgroundMode;
  /** The asset path's `av/manifest.json`, when it could be read (preferred over the built-in sizes). */
  manifest?: AssetManifest;
}

/** Thresholds Zoom documents for virtual background; below them the download (~3.5 MB) and the model's RAM are waste. */
export const VB_MIN_CORES = 4;
export const VB_MIN_DEVICE_MEMORY_GB = 4;

function kindOf(path: string): AssetKind {
  return path.endsWith('.js') ? 'js' : path.endsWith('.wasm') ? 'wasm' : 'other';
}

/**
 * The worker/wasm pairs js_media 6.2.0 starts after `wc/info`, by the same tests in the same order as its own
 * selection (its video decode/encode and sharing set-up, and the SDK's `preloadDependentAssets` branch): SIMD and
 * threads, where threads need a postable SharedArrayBuffer, i.e. cross-origin isolation in Chromium.
 */
export function mediaFiles(capabilities: Capabilities): SdkFile[] {
  const simd = capabilities.wasmSimd;
  const threads = capabilities.wasmThreads && capabilities.sharedArrayBuffer;
  const audio = simd ? [SdkFile.audioSimdWorker, SdkFile.audioSimdWasm] : [SdkFile.audioWorker, SdkFile.audioWasm];
  const chromiumAbove100 = (capabilities.chromiumVersion ?? 0) > 100 && !capabilities.android;
  let video: SdkFile[];
  if (simd && threads && chromiumAbove100) {
    // One worker decodes video and sharing: no separate sharing worker is started.
    video = [SdkFile.videoShareWorker, SdkFile.videoMtSimdWasm];
  } else if (simd && threads) {
    video = [SdkFile.videoMtSimdWorker, SdkFile.sharingMtSimdWorker, SdkFile.videoMtSimdWasm];
  } else if (threads) {
    video = [SdkFile.videoMtWorker, SdkFile.sharingMtWorker, SdkFile.videoMtWasm];
  } else if (simd) {
    video = [SdkFile.videoSimdWorker, SdkFile.sharingSimdWorker, SdkFile.videoSimdWasm];
  } else {
    video = [SdkFile.videoWorker, SdkFile.sharingWorker, SdkFile.videoWasm];
  }
  return [...audio, ...video, SdkFile.netThread];
}

/** The virtual-background worker, TensorFlow.js, the model, and the wasm backend tf falls back to without WebGL. */
export function virtualBackgroundFiles(capabilities: Capabilities): SdkFile[] {
  const files: SdkFile[] = [SdkFile.vbWorker, SdkFile.vbTf, SdkFile.vbModel];
  if (capabilities.wasmSimd) {
    const threads = capabilities.wasmThreads && capabilities.sharedArrayBuffer;
    files.push(SdkFile.vbWasmBackend, threads ? SdkFile.vbWasmThreadedSimd : SdkFile.vbWasmSimd);
  }
  return files;
}

export function canAffordVirtualBackground(capabilities: Capabilities): boolean {
  const cores = capabilities.hardwareConcurrency ?? 0;
  const memory = capabilities.deviceMemory;
  return cores >= VB_MIN_CORES && (memory === undefined || memory >= VB_MIN_DEVICE_MEMORY_GB);
}

export function planAssets(options: PlanOptions): AssetPlan {
  const { view, capabilities, manifest } = options;
  const sdkVersion = options.sdkVersion ?? BUILTIN_MANIFEST_VERSION;
  const warnings: AssetWarning[] = [];
  const builtin = sdkVersion === BUILTIN_MANIFEST_VERSION ? (BUILTIN_MANIFEST as Record<string, { size: number }>) : undefined;
  const sizesFrom: AssetPlan['sizesFrom'] = manifest ? 'manifest' : builtin ? 'builtin' : 'none';
  if (sizesFrom === 'none') {
    warnings.push({
      code: 'asset-sizes-unknown',
      message: msg(str`No manifest and no built-in size table for SDK ${sdkVersion}: progress counts files instead of bytes.`),
    });
  }

  const entries: Array<[SdkFile, AssetStage, RequestStyle]> = [[SdkFile.jsMedia, 'join', 'script']];
  // The Client View's prepareWebSDK injects tp.min.js as a script too (Component View loads it only for some meetings).
  if (view === 'client') entries.push([SdkFile.transport, 'join', 'script']);
  // Save-Data: megabytes of media files the user may never need are exactly what they asked us not to spend.
  if (capabilities.saveData) {
    warnings.push({
      code: 'save-data-media-skipped',
      message: msg('Save-Data is on: only the files join needs are preloaded; the SDK fetches the media files once in the meeting.'),
    });
  } else {
    for (const file of mediaFiles(capabilities)) entries.push([file, 'media', 'fetch']);
  }

  const vbMode = options.virtualBackground ?? 'off';
  if (vbMode !== 'off' && !capabilities.saveData) {
    if (canAffordVirtualBackground(capabilities)) {
      for (const file of virtualBackgroundFiles(capabilities)) entries.push([file, 'virtual-background', 'fetch']);
    } else {
      warnings.push({
        code: 'vb-skipped-low-memory',
        message:
          capabilities.deviceMemory === undefined
            ? msg(str`Virtual background files were not preloaded: this device reports ${capabilities.hardwareConcurrency ?? '?'} cores; preloading needs ≥ ${VB_MIN_CORES} cores and ≥ ${VB_MIN_DEVICE_MEMORY_GB} GB.`)
            : msg(str`Virtual background files were not preloaded: this device reports ${capabilities.hardwareConcurrency ?? '?'} cores and ${capabilities.deviceMemory} GB of memory; preloading needs ≥ ${VB_MIN_CORES} cores and ≥ ${VB_MIN_DEVICE_MEMORY_GB} GB.`),
      });
    }
  }

  const files = entries.map(([path, stage, request]): PlannedAsset => {
    const size = manifest?.[path]?.size ?? builtin?.[path]?.size ?? 0;
    return { path, size, kind: kindOf(path), stage, request };
  });
  return {
    sdkVersion,
    view,
    files,
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    sizesFrom,
    warnings,
  };
}
