import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AssetPreloadController, AssetState } from '../assets/asset-preload-controller.js';
import type { ZoomCapabilitiesDetail } from '../assets/isolation.js';
import { parsePreloadStrategy, PreloadStrategy, schedulePreload } from '../assets/preload-trigger.js';
import { memoizeImport } from '../lazy-import.js';

type AssetsModule = typeof import('../assets/index.js');

/** Planning, preloading and warming are only needed once a strategy fires, so they stay out of the first load. */
const loadAssetsModule = memoizeImport((): Promise<AssetsModule> => import('../assets/index.js'));

/** The element's asset attributes, as given. */
export interface AssetAttributes {
  preload: string;
  assetPath: string;
  view: string;
  virtualBackground: string;
}

/**
 * The element's side of asset preloading: waits for the `preload` strategy (intent, visible, idle, eager) with
 * nothing but a listener or an observer, then loads src/assets/ and hands over to its AssetPreloadController.
 * Join calls prepareJoin(), which loads it at once if no strategy fired.
 */
export class AssetWatch implements ReactiveController {
  private controller?: AssetPreloadController;
  private creating?: Promise<AssetPreloadController>;
  private schedule?: AbortController;
  /** Once a strategy fired, later setting changes preload at once: the user already showed intent. */
  private triggered = false;
  /** The latest `zoom-progress` fraction, for the element's progress bar. */
  progress?: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly attributes: () => AssetAttributes,
    /** Called when a strategy fires: the element warms its own join code and the SDK module too. */
    private readonly onTriggered: () => void = () => undefined,
  ) {
    host.addController(this);
    host.addEventListener('zoom-progress', (event) => {
      this.progress = event.detail.fraction;
      host.requestUpdate();
    });
  }

  get state(): AssetState | undefined {
    return this.controller?.state;
  }

  hostConnected(): void {
    if (!this.controller) this.reschedule();
  }

  hostDisconnected(): void {
    this.schedule?.abort();
    this.schedule = undefined;
  }

  /** Call when `preload`, `asset-path`, `view` or `virtual-background` changed. */
  settingsChanged(): void {
    if (this.controller) this.controller.settingsChanged();
    else this.reschedule();
  }

  /** Before the signature: raises asset-path errors and waits (bounded) for what the join needs. */
  async prepareJoin(signal: AbortSignal): Promise<void> {
    let controller: AssetPreloadController;
    try {
      controller = await this.ensureController();
    } catch {
      return; // The preload code could not load: the join goes on and the SDK fetches its files itself.
    }
    await controller.prepareJoin(signal);
  }

  /** `zoom-capabilities` as of now; the join reads `videoWebRtcMode` from it. */
  async capabilities(): Promise<ZoomCapabilitiesDetail> {
    return (await this.ensureController()).currentCapabilities();
  }

  private reschedule(): void {
    this.schedule?.abort();
    this.schedule = undefined;
    const strategy = parsePreloadStrategy(this.attributes().preload);
    if (strategy === PreloadStrategy.none || !this.host.isConnected) return;
    this.schedule = new AbortController();
    schedulePreload(
      this.host,
      strategy,
      () => {
        this.triggered = true;
        this.onTriggered();
        void this.ensureController().catch(() => {
          // Preloading is an optimisation: if its code cannot load, the join still works without it.
        });
      },
      { signal: this.schedule.signal },
    );
  }

  private ensureController(): Promise<AssetPreloadController> {
    if (this.controller) return Promise.resolve(this.controller);
    this.creating ??= loadAssetsModule().then((module) => {
      this.schedule?.abort();
      this.controller ??= new module.AssetPreloadController(this.host, () => {
        const attributes = this.attributes();
        const strategy = module.parsePreloadStrategy(attributes.preload);
        return {
          strategy: this.triggered && strategy !== module.PreloadStrategy.none ? module.PreloadStrategy.eager : strategy,
          location: module.resolveLibLocation(attributes.assetPath, document.baseURI),
          view: attributes.view === 'client' ? 'client' : 'component',
          virtualBackground: module.parseVirtualBackgroundMode(attributes.virtualBackground),
        };
      });
      return this.controller;
    });
    this.creating.catch(() => {
      this.creating = undefined;
    });
    return this.creating;
  }
}
