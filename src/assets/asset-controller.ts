import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { memoizeImport } from '../lazy-import.js';
import type { Capabilities, ZoomCapabilitiesDetail } from './capabilities.js';
import { PreloadStrategy, schedulePreload } from './preload-trigger.js';
import type { AssetSettings, PreloadRun } from './preload-run.js';

type PreloadModule = typeof import('./preload-run.js');

/** Checking, planning, preloading and warming are only needed once a strategy fires: they stay out of the first load. */
const loadPreloadModule = memoizeImport((): Promise<PreloadModule> => import('./preload-run.js'));

export const AssetState = {
  idle: 'idle',
  preloading: 'preloading',
  /** What join needs is in, the SDK made ready in its realm; media files may still be downloading. */
  ready: 'ready',
  /** The asset path check failed: join will fail with the same error before the first SDK call. */
  failed: 'failed',
} as const;
export type AssetState = (typeof AssetState)[keyof typeof AssetState];

/**
 * One element's asset preloading. Eager and small: it waits for the `preload` strategy (intent, visible, idle,
 * eager) with nothing but a listener or an observer, then loads preload-run.ts, which checks the asset path, plans
 * the files for this device, preloads them, has the SDK made ready (`prepareSdk`) and fires `zoom-capabilities`,
 * `zoom-progress` and `zoom-warning`. The join calls prepareJoin(): it raises asset-path errors before the first SDK call
 * and waits (bounded) for what the join needs.
 */
export class AssetController implements ReactiveController {
  /** Which device the plan is for; tests swap it. Undefined: this browser. */
  static detect: (() => Capabilities) | undefined = undefined;
  /** A removed element keeps its downloads this long, so moving it in the DOM does not restart them. */
  static disconnectGraceMs = 500;

  state: AssetState = AssetState.idle;
  /** The latest `zoom-progress` fraction, for the element's progress bar. */
  progress?: number;

  private run?: PreloadRun;
  private schedule?: AbortController;
  private disconnectTimer?: ReturnType<typeof setTimeout>;
  /** Once a strategy fired, later setting changes preload at once: the user already showed intent. */
  private triggered = false;
  /** The settings of the last update, to tell what changed. */
  private seen?: { strategy: PreloadStrategy; filesKey: string };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => AssetSettings,
    /** Called when a strategy fires: the meeting warms its join code. */
    private readonly onTriggered: () => void,
    /** Makes the SDK ready for a join from `libUrl`, once the join's files are in. */
    private readonly prepareSdk: (libUrl: string, signal: AbortSignal) => Promise<void>,
  ) {
    host.addController(this);
    host.addEventListener('zoom-progress', (event) => {
      this.progress = event.detail.fraction;
      host.requestUpdate();
    });
  }

  /** The current run's plan of files. */
  get plan(): PreloadRun['plan'] {
    return this.run?.plan;
  }

  hostConnected(): void {
    clearTimeout(this.disconnectTimer);
    this.disconnectTimer = undefined;
    if (!this.run) this.reschedule();
  }

  hostDisconnected(): void {
    this.schedule?.abort();
    if (!this.run || this.disconnectTimer !== undefined) return;
    this.disconnectTimer = setTimeout(() => {
      this.disconnectTimer = undefined;
      // Downloads other elements still wait for go on; ours stop (see shared-download.ts).
      this.stopRun(msg('The element left the page'));
    }, AssetController.disconnectGraceMs);
  }

  /** Before each render: a new asset-path, view or virtual-background starts over; a new strategy reschedules. */
  hostUpdate(): void {
    const { strategy, ...files } = this.settings();
    const filesKey = JSON.stringify(files);
    const previous = this.seen;
    this.seen = { strategy, filesKey };
    if (!previous || (previous.strategy === strategy && previous.filesKey === filesKey) || !this.host.isConnected) return;
    if (previous.filesKey !== filesKey) this.stopRun(msg('The asset settings changed'));
    this.reschedule();
  }

  /**
   * For the join, after the attribute check and before the signature: rejects with the asset-path ZoomJoinError
   * (or the signal's reason); otherwise resolves once the join may start. With `preload="none"` it only checks.
   */
  async prepareJoin(signal: AbortSignal): Promise<void> {
    // If the preload code cannot load, the join goes on and the SDK fetches its files itself.
    const module = await loadPreloadModule().catch(() => undefined);
    await module?.prepareJoin(this.settings(), this.run, () => this.start(module, false), signal);
  }

  /** After a meeting, whose SDK realm went with it: a fresh run makes the SDK ready for the next join. */
  prepareAgain(): void {
    if (!this.run) return;
    this.stopRun(msg('A meeting ended'));
    this.reschedule();
  }

  /** The `zoom-capabilities` detail, worked out now if no preload ran yet; the join reads its `videoWebRtcMode`. */
  async capabilities(): Promise<ZoomCapabilitiesDetail> {
    return this.run?.capabilities ?? (await loadPreloadModule()).capabilitiesFor(this.settings(), AssetController.detect);
  }

  private reschedule(): void {
    this.schedule?.abort();
    const { strategy } = this.settings();
    if (this.run || strategy === PreloadStrategy.none || !this.host.isConnected) return;
    if (this.triggered) return void this.startWhenLoaded();
    this.schedule = new AbortController();
    schedulePreload(
      this.host,
      strategy,
      () => {
        this.triggered = true;
        this.onTriggered();
        this.startWhenLoaded();
      },
      { signal: this.schedule.signal },
    );
  }

  private startWhenLoaded(): void {
    loadPreloadModule()
      .then((module) => {
        if (this.host.isConnected && this.settings().strategy !== PreloadStrategy.none) this.start(module, true);
      })
      .catch(() => {
        // Preloading is an optimisation: if its code cannot load, the join still works without it.
      });
  }

  private start(module: PreloadModule, warm: boolean): PreloadRun | undefined {
    if (this.run) return this.run;
    const settings = this.settings();
    this.run = module.startPreloadRun(this.host, settings, {
      detect: AssetController.detect,
      onState: (state) => this.setState(state),
      prepareSdk: warm ? this.prepareSdk : undefined,
    });
    return this.run;
  }

  private stopRun(reason: string): void {
    this.run?.abort.abort(new DOMException(reason, 'AbortError'));
    this.run = undefined;
    this.setState(AssetState.idle);
  }

  private setState(state: AssetState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
