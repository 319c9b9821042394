/** Asset preloading: the public surface (re-exported from the package entry when integrated). */
export { AssetPreloadController, AssetState, type AssetSettings, type AssetPreloadRun } from './asset-preload-controller.js';
export type {
  ZoomAssetEventDetails,
  ZoomCapabilitiesDetail,
  ZoomCapabilitiesEvent,
  ZoomProgressDetail,
  ZoomProgressEvent,
  ZoomWarningDetail,
  ZoomWarningEvent,
} from './asset-events.js';
export { detectCapabilities, chromiumVersionOf, type Capabilities, type CapabilityProbes, type NavigatorLike } from './capabilities.js';
export { checkAssetPath, checkAssetPathOnce, type CheckAssetPathOptions } from './check-asset-path.js';
export { describeCapabilities, type FeatureState } from './isolation.js';
export { resolveLibLocation, type LibLocation } from './lib-url.js';
export { parseManifest, manifestUrl, type AssetManifest, type ManifestEntry } from './manifest.js';
export {
  planAssets,
  mediaFiles,
  virtualBackgroundFiles,
  canAffordVirtualBackground,
  type AssetPlan,
  type AssetKind,
  type AssetStage,
  type AssetWarning,
  type PlannedAsset,
  type PlanOptions,
  type RequestStyle,
  type VirtualBackgroundMode,
} from './plan.js';
export { preloadAssets, assetUrl, type PreloadOptions, type PreloadOutcome, type PreloadResult } from './preloader.js';
export { PreloadStrategy, DEFAULT_PRELOAD_STRATEGY, parsePreloadStrategy, schedulePreload, type ScheduleOptions } from './preload-trigger.js';
export { ProgressTracker, type AssetProgress, type ProgressListener } from './progress-tracker.js';
export { warmJsMedia, warmSkipReason, type WarmOptions, type WarmResult } from './warm.js';
export { parseVirtualBackgroundMode } from './virtual-background.js';
