/**
 * One element's preflight, loaded lazily once the element is on the page: runs the checks, fires `zoom-preflight`,
 * and runs them again whenever the camera or microphone permission changes (the user allowed it in the site
 * settings). It follows the element as a controller of its own: stopped while the element is off the page or
 * `preflight="none"`, started again when it is back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { runPreflight, type PreflightProbes } from './preflight.js';
import { renderPreflightPanel } from './preflight-panel.js';
import type { ZoomPreflightDetail } from './preflight-types.js';

export type PreflightHost = ReactiveControllerHost & HTMLElement & { view: string; preflight: string };

/** The `preflight` attribute as the attribute table reads it (that table stays in the first load, this does not). */
const modeOf = (host: PreflightHost): string => String(host.preflight ?? '').trim().toLowerCase();

class PreflightController implements ReactiveController {
  detail?: ZoomPreflightDetail;
  private running?: { stopped: boolean; watched: PermissionStatus[] };

  constructor(
    private readonly host: PreflightHost,
    private readonly probes?: PreflightProbes,
  ) {}

  /** A translation arrived: the event's texts are made again in it. */
  private readonly onLocaleReady = (event: Event): void => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready' && this.running) void this.check(this.running);
  };

  hostConnected(): void {
    window.addEventListener('lit-localize-status', this.onLocaleReady);
    this.hostUpdate();
  }

  hostUpdate(): void {
    if (!this.host.isConnected || modeOf(this.host) === 'none') this.hostDisconnected();
    else if (!this.running) void this.check((this.running = { stopped: false, watched: [] }));
  }

  hostDisconnected(): void {
    if (!this.host.isConnected) window.removeEventListener('lit-localize-status', this.onLocaleReady);
    if (!this.running) return;
    this.running.stopped = true;
    this.unwatch(this.running);
    this.running = undefined;
  }

  /** The pre-join panel, when `preflight="panel"` and something stands in the way. */
  panel(): unknown {
    return modeOf(this.host) === 'panel' && this.running ? renderPreflightPanel(this.detail) : undefined;
  }

  private unwatch(run: { watched: PermissionStatus[] }): void {
    for (const status of run.watched) status.onchange = null;
    run.watched = [];
  }

  private async check(run: { stopped: boolean; watched: PermissionStatus[] }): Promise<void> {
    const result = await runPreflight(this.host.view, this.probes);
    if (run.stopped) return;
    this.unwatch(run);
    run.watched = result.statuses;
    for (const status of run.watched) status.onchange = () => void this.check(run);
    this.detail = result.detail;
    this.host.requestUpdate();
    emit(this.host, 'zoom-preflight', result.detail);
  }
}

/** Adds the preflight to the element; returns what renders its panel. */
export function attachPreflight(host: PreflightHost, probes?: PreflightProbes): () => unknown {
  const controller = new PreflightController(host, probes);
  host.addController(controller);
  return () => controller.panel();
}
