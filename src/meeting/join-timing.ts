import { emit, type JoinOutcome, type JoinPhase } from '../events.js';
import type { SdkView } from '../zoom-join-error.js';
import { resolveView } from '../device/device-kind.js';

/**
 * One join's timing: every phase becomes a User Timing measure `zoom-join:<phase>` (and the whole join
 * `zoom-join`), so it shows in the browser's Performance panel, and the join ends with one `zoom-timing` event.
 */
export class JoinTiming {
  private readonly phases: Partial<Record<JoinPhase, number>> = {};
  private current?: { phase: JoinPhase; start: number };
  private finished = false;

  private readonly view: SdkView;

  constructor(
    private readonly host: HTMLElement & { view: string },
    /** When the join was asked for (`performance.now()`). */
    private readonly started: number,
  ) {
    // The view this join runs (`auto` decided for this device), also for a join that fails before its config is read.
    this.view = resolveView(host.view);
  }

  /** Ends the phase under way (when there is one) and starts `phase`. */
  begin(phase: JoinPhase): void {
    this.endPhase();
    if (!this.finished) this.current = { phase, start: performance.now() };
  }

  /** Ends the join: measures what is open and fires `zoom-timing` on the element, once. */
  finish(outcome: JoinOutcome): void {
    if (this.finished) return;
    this.endPhase();
    this.finished = true;
    const end = performance.now();
    measure('zoom-join', this.started, end, { view: this.view, outcome });
    emit(this.host, 'zoom-timing', { phases: { ...this.phases }, total: end - this.started, view: this.view, outcome });
  }

  private endPhase(): void {
    if (!this.current) return;
    const { phase, start } = this.current;
    this.current = undefined;
    const end = performance.now();
    measure(`zoom-join:${phase}`, start, end, { view: this.view });
    this.phases[phase] = (this.phases[phase] ?? 0) + (end - start);
  }
}

function measure(name: string, start: number, end: number, detail: Record<string, string>): void {
  try {
    performance.measure(name, { start, end, detail });
  } catch {
    // A browser without User Timing Level 3 still gets the event.
  }
}
