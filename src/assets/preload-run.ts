/**
 * One preload, loaded lazily by AssetController once a strategy fires (or a join starts): checks a self-hosted
 * asset path, plans the files for this device, preloads them (shared page-wide), has the SDK made ready in its
 * realm, and reports `zoom-capabilities`, `zoom-progress` and `zoom-warning` on the element.
 */
import { msg, str } from '@lit/localize';
import { waitBounded } from '../abort.js';
import { emit } from '../events.js';
import { describeCapabilities, detectCapabilities, deviceWarnings, type Capabilities, type ZoomCapabilitiesDetail } from './capabilities.js';
import { checkAssetPathOnce } from './check-asset-path.js';
import { cdnSdkVersion, usableSdkVersion } from '../sdk/version.js';
import { resolveLibLocation } from './lib-url.js';
import type { AssetManifest } from './manifest.js';
import { planAssets, type AssetPlan, type VirtualBackgroundMode } from './plan.js';
import type { PreloadStrategy } from './preload-trigger.js';
import { preloadAssets, type PreloadResult } from './preloader.js';
import { resolveView } from '../device/device-kind.js';

/** What the controller reads from its element, already checked against the attribute table. */
export interface AssetSettings {
  strategy: PreloadStrategy;
  /** The `asset-path` attribute as given (empty: Zoom's CDN). */
  assetPath: string;
  /** The `sdk-version` attribute as given (unset or unusable: the version served, or the newest tested on Zoom's CDN). */
  sdkVersion?: string;
  /** The `view` attribute as given: `auto` (or anything unknown) is the view Zoom supports on this device (device-kind.ts). */
  view: string;
  virtualBackground: VirtualBackgroundMode;
}

/** The states a preload run reports (the controller's AssetState, but for `idle`, which is before any run). */
type RunState = 'preloading' | 'ready' | 'failed';

/**
 * How long a join waits for an unfinished preparation before it goes on. (A frame that is still loading the SDK
 * is then awaited by the adapter that takes it; join-timeout bounds the whole join.)
 */
const JOIN_WAIT_CAP_MS = 15000;

export interface PreloadRun {
  abort: AbortController;
  capabilities: ZoomCapabilitiesDetail;
  plan?: AssetPlan;
  preloadResult?: PreloadResult;
  /** Settles when the join may start (js_media in, the SDK made ready or given up); never rejects. */
  joinReady: Promise<void>;
  /** The whole preload; never rejects. */
  finished: Promise<PreloadResult | undefined>;
}

function quietly<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.then(
    (value) => value,
    () => undefined,
  );
}

/** The `zoom-capabilities` detail for these settings on this device (`detect` stands in for the device in tests). */
export function capabilitiesFor(settings: AssetSettings, detect: (() => Capabilities) | undefined): ZoomCapabilitiesDetail {
  return describeCapabilities((detect ?? detectCapabilities)(), {
    enforceVirtualBackground: settings.virtualBackground === 'enforce',
  });
}

/**
 * Before the signature: checks a self-hosted asset path (rejecting with its ZoomJoinError), then waits, bounded,
 * for the preload to have what the join needs. With `preload="none"` and no run it only checks; a strategy that has
 * not fired yet (no hover before auto-join, say) preloads now without warming — running js_media here would only
 * delay the join the SDK is about to start.
 */
export async function prepareJoin(
  settings: AssetSettings,
  current: PreloadRun | undefined,
  startWithoutWarming: () => PreloadRun | undefined,
  signal: AbortSignal,
): Promise<void> {
  const sdkVersion = usableSdkVersion(settings.sdkVersion);
  const location = resolveLibLocation(settings.assetPath, document.baseURI, sdkVersion);
  if (!location) return;
  if (location.selfHosted) await checkAssetPathOnce(location.libUrl, { signal, sdkVersion });
  if (settings.strategy === 'none' && !current) return;
  const run = current ?? startWithoutWarming();
  if (run) await waitBounded(run.joinReady, JOIN_WAIT_CAP_MS, signal);
}

/** The elements that heard their device's warnings. */
const devicesWarned = new WeakSet<HTMLElement>();

/** Starts a preload; undefined when `asset-path` is not a URL (the join reports that, preloading just waits). */
export function startPreloadRun(
  host: HTMLElement,
  settings: AssetSettings,
  options: {
    detect: (() => Capabilities) | undefined;
    onState: (state: RunState) => void;
    /**
     * Gets the SDK ready for the join in its realm (loaded, js_media run), once the join's files are in. Undefined
     * for a preload a join starts itself: the join is about to load the SDK.
     */
    prepareSdk?: ((libUrl: string, signal: AbortSignal) => Promise<void>) | undefined;
  },
): PreloadRun | undefined {
  const sdkVersion = usableSdkVersion(settings.sdkVersion);
  const location = resolveLibLocation(settings.assetPath, document.baseURI, sdkVersion);
  if (!location) return undefined;
  const abort = new AbortController();
  const { signal } = abort;
  let state: RunState = 'preloading';
  const onState = (next: RunState): void => {
    // A broken asset path stays failed; an aborted run reports nothing.
    if (signal.aborted || state === 'failed') return;
    state = next;
    options.onState(next);
  };
  options.onState(state);

  const device = (options.detect ?? detectCapabilities)();
  const run: PreloadRun = {
    abort,
    capabilities: describeCapabilities(device, { enforceVirtualBackground: settings.virtualBackground === 'enforce' }),
    joinReady: Promise.resolve(),
    finished: Promise.resolve(undefined),
  };
  emit(host, 'zoom-capabilities', run.capabilities);
  // What the device cannot do does not change: said once per element, not again with every preload after a meeting.
  if (!devicesWarned.has(host)) {
    devicesWarned.add(host);
    for (const warning of deviceWarnings(run.capabilities)) emit(host, 'zoom-warning', warning);
  }

  // Zoom's CDN: the version its URL names, sizes from the built-in table when that is the one it describes.
  const served: Promise<{ manifest?: AssetManifest; version?: string }> = location.selfHosted
    ? checkAssetPathOnce(location.libUrl, { signal, sdkVersion })
    : Promise.resolve({ version: cdnSdkVersion(location.libUrl) });

  const planned = served.then(({ manifest, version }) => {
    const plan = planAssets({ view: resolveView(settings.view), capabilities: device, virtualBackground: settings.virtualBackground, manifest, sdkVersion: version });
    run.plan = plan;
    for (const warning of plan.warnings) emit(host, 'zoom-warning', warning);
    return plan;
  });
  // The asset path is broken: preload nothing; prepareJoin() raises the same error when the user joins.
  planned.catch(() => onState('failed'));

  run.finished = quietly(
    planned.then((plan) =>
      preloadAssets(plan, location.libUrl, {
        signal,
        onProgress: (progress) => emit(host, 'zoom-progress', progress),
      }),
    ),
  ).then((result) => {
    if (result && !signal.aborted) {
      run.preloadResult = result;
      if (result.failed > 0) {
        emit(host, 'zoom-warning', {
          code: 'asset-preload-incomplete',
          message: msg(str`${result.failed} of ${result.files.length} SDK files could not be preloaded; the SDK will fetch them itself.`),
        });
      }
    }
    return result;
  });

  run.joinReady = quietly(
    planned
      .then((plan) => preloadAssets(plan, location.libUrl, { signal, stages: ['join'] }))
      .then(async () => {
        const { prepareSdk } = options;
        if (!prepareSdk) return;
        try {
          await prepareSdk(location.libUrl, signal);
        } catch (error) {
          if (signal.aborted) throw error;
          emit(host, 'zoom-warning', {
            code: 'warm-failed',
            message: msg('The Zoom SDK could not be made ready ahead of the join; the join loads it itself and reports what fails.'),
          });
        }
      }),
  ).then(() => onState('ready'));

  return run;
}
