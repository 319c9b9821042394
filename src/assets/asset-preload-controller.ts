import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SdkView } from '../zoom-join-error.js';
import { emit } from '../events.js';
import { detectCapabilities, type Capabilities } from './capabilities.js';
import { checkAssetPathOnce } from './check-asset-path.js';
import { describeCapabilities, type ZoomCapabilitiesDetail } from './isolation.js';
import type { LibLocation } from './lib-url.js';
import type { AssetManifest } from './manifest.js';
import { planAssets, type AssetPlan, type VirtualBackgroundMode } from './plan.js';
import { preloadAssets, type PreloadResult } from './preloader.js';
import { PreloadStrategy, schedulePreload } from './preload-trigger.js';
import { warmJsMedia, warmSkipReason, type WarmResult } from './warm.js';

export interface AssetSettings {
  strategy: PreloadStrategy;
  /** From resolveLibLocation(); undefined when `asset-path` is invalid (join reports that, preloading just waits). */
  location: LibLocation | undefined;
  view: SdkView;
  virtualBackground: VirtualBackgroundMode;
  /** Run js_media before the click (Component View only). Default true. */
  warm?: boolean;
}

export const AssetState = {
  idle: 'idle',
  preloading: 'preloading',
  /** What join needs (js_media, warmed) is in; media files may still be downloading. */
  ready: 'ready',
  /** The asset path check failed: join will fail with the same error before any SDK call. */
  failed: 'failed',
} as const;
export type AssetState = (typeof AssetState)[keyof typeof AssetState];

export interface AssetPreloadRun {
  key: string;
  abort: AbortController;
  /** Settles when join may start (js_media in, warm-up done or given up); never rejects. */
  joinReady: Promise<void>;
  /** The whole preload; never rejects. */
  finished: Promise<PreloadResult | undefined>;
}

/** How long join waits for an unfinished preload of js_media before it lets the SDK fetch it itself. */
const JOIN_WAIT_CAP_MS = 15000;

function keyOf(settings: AssetSettings): string {
  const { location, view, virtualBackground } = settings;
  return JSON.stringify([location?.libUrl, view, virtualBackground, settings.warm ?? true]);
}

/** Resolves when `promise` settles or after `ms`, rejects with the signal's reason on abort; cleans up either way. */
function waitBounded(promise: Promise<unknown>, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => {
      done();
      resolve();
    };
    promise.then(settle, settle);
  });
}

function quietly<T>(promise: Promise<T>): Promise<T | undefined> {
  return promise.then(
    (value) => value,
    () => undefined,
  );
}

/**
 * Owns asset preloading for one element: schedules it per the `preload` strategy, checks the asset path, plans the
 * files for this device, preloads them (shared page-wide), warms js_media, and reports `zoom-capabilities`,
 * `zoom-progress` and `zoom-warning`. The join flow calls prepareJoin(): it raises asset-path errors before any SDK
 * call and waits (bounded) for what join needs.
 */
export class AssetPreloadController implements ReactiveController {
  /** Which device the plan is for; tests swap it. */
  static detect: () => Capabilities = () => detectCapabilities();

  state: AssetState = AssetState.idle;
  capabilities?: ZoomCapabilitiesDetail;
  plan?: AssetPlan;
  warmResult?: WarmResult;
  preloadResult?: PreloadResult;

  /** A removed element keeps its downloads this long, so moving it in the DOM does not restart them. */
  static disconnectGraceMs = 500;

  private schedule?: AbortController;
  private run?: AssetPreloadRun;
  private connected = false;
  private disconnectTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => AssetSettings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.disconnectTimer !== undefined) {
      clearTimeout(this.disconnectTimer);
      this.disconnectTimer = undefined;
    }
    this.reschedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.schedule?.abort();
    this.schedule = undefined;
    if (!this.run || this.disconnectTimer !== undefined) return;
    this.disconnectTimer = setTimeout(() => {
      this.disconnectTimer = undefined;
      // Downloads other elements still wait for go on; ours stop (see shared-download.ts).
      this.run?.abort.abort(new DOMException('The element left the page', 'AbortError'));
      this.run = undefined;
      this.setState(AssetState.idle);
    }, AssetPreloadController.disconnectGraceMs);
  }

  /** Call from the host's `updated()` when preload, asset-path, view or virtual-background changed. */
  settingsChanged(): void {
    if (!this.connected) return;
    if (this.run && this.run.key !== keyOf(this.settings())) {
      this.run.abort.abort(new DOMException('The asset settings changed', 'AbortError'));
      this.run = undefined;
      this.setState(AssetState.idle);
    }
    this.reschedule();
  }

  /** Starts preloading now, whatever the strategy (idempotent for unchanged settings). */
  start(options: { warm?: boolean } = {}): AssetPreloadRun | undefined {
    const settings = this.settings();
    const key = keyOf(settings);
    if (this.run?.key === key) return this.run;
    if (!settings.location) return undefined;
    this.run?.abort.abort(new DOMException('The asset settings changed', 'AbortError'));
    this.run = this.startRun(settings, key, options.warm ?? settings.warm ?? true);
    return this.run;
  }

  /**
   * The `zoom-capabilities` detail, computed now if no preload ran yet (preload="none"): the join reads its
   * `videoWebRtcMode` for the signature request.
   */
  currentCapabilities(): ZoomCapabilitiesDetail {
    this.capabilities ??= describeCapabilities(AssetPreloadController.detect(), {
      enforceVirtualBackground: this.settings().virtualBackground === 'enforce',
    });
    return this.capabilities;
  }

  /**
   * For the join flow, after readJoinConfig() and before the signature: rejects with the asset-path ZoomJoinError
   * (or the signal's reason); otherwise resolves once join may start. With `preload="none"` it only checks.
   */
  async prepareJoin(signal: AbortSignal): Promise<void> {
    const settings = this.settings();
    const location = settings.location;
    if (!location) return;
    if (location.selfHosted) await checkAssetPathOnce(location.libUrl, { signal });
    if (settings.strategy === PreloadStrategy.none && !this.run) return;
    // A strategy that has not fired yet (no hover before auto-join, say): preload now but do not warm — running
    // js_media here would only delay the join the SDK is about to start.
    const run = this.run ?? this.start({ warm: false });
    if (run) await waitBounded(run.joinReady, JOIN_WAIT_CAP_MS, signal);
  }

  private reschedule(): void {
    this.schedule?.abort();
    const settings = this.settings();
    if (this.run || settings.strategy === PreloadStrategy.none) return;
    this.schedule = new AbortController();
    schedulePreload(this.host, settings.strategy, () => void this.start(), { signal: this.schedule.signal });
  }

  private startRun(settings: AssetSettings, key: string, warm: boolean): AssetPreloadRun {
    const abort = new AbortController();
    const { signal } = abort;
    const location = settings.location as LibLocation;
    this.setState(AssetState.preloading);

    const capabilities = AssetPreloadController.detect();
    this.capabilities = describeCapabilities(capabilities, { enforceVirtualBackground: settings.virtualBackground === 'enforce' });
    emit(this.host, 'zoom-capabilities', this.capabilities);

    const manifest: Promise<AssetManifest | undefined> = location.selfHosted
      ? checkAssetPathOnce(location.libUrl, { signal })
      : Promise.resolve(undefined);

    const planned = manifest.then((found) => {
      const plan = planAssets({
        view: settings.view,
        capabilities,
        virtualBackground: settings.virtualBackground,
        ...(found ? { manifest: found } : {}),
      });
      this.plan = plan;
      for (const warning of plan.warnings) emit(this.host, 'zoom-warning', warning);
      return plan;
    });
    planned.catch(() => {
      // The asset path is broken: preload nothing; prepareJoin() raises the same error when the user joins.
      if (!signal.aborted && this.run?.abort === abort) this.setState(AssetState.failed);
    });

    const finished = quietly(
      planned.then((plan) =>
        preloadAssets(plan, location.libUrl, {
          signal,
          crossOriginIsolated: capabilities.crossOriginIsolated,
          onProgress: (progress) => emit(this.host, 'zoom-progress', progress),
        }),
      ),
    ).then((result) => {
      if (result && !signal.aborted) {
        this.preloadResult = result;
        if (result.failed > 0) {
          emit(this.host, 'zoom-warning', {
            code: 'asset-preload-incomplete',
            message: `${result.failed} of ${result.files.length} SDK files could not be preloaded; the SDK will fetch them itself.`,
          });
        }
      }
      return result;
    });

    const joinReady = quietly(
      planned
        .then((plan) => preloadAssets(plan, location.libUrl, { signal, stages: ['join'], crossOriginIsolated: capabilities.crossOriginIsolated }))
        .then(async () => {
          if (!warm || settings.view !== 'component' || warmSkipReason()) return;
          try {
            this.warmResult = await warmJsMedia(location.libUrl, { signal, crossOriginIsolated: capabilities.crossOriginIsolated });
          } catch (error) {
            if (signal.aborted) throw error;
            emit(this.host, 'zoom-warning', { code: 'warm-failed', message: 'js_media could not be run ahead of the join; the join goes on without it.' });
          }
        }),
    ).then(() => {
      if (!signal.aborted && this.run?.abort === abort && this.state === AssetState.preloading) this.setState(AssetState.ready);
    });

    return { key, abort, joinReady, finished };
  }

  private setState(state: AssetState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
