import type { Scenario } from './scenarios.js';

export interface SimulatedMeeting {
  /** The simulated host ends the meeting; the element hears `meeting-ended` from its adapter. */
  end(): void;
}

/**
 * The simulated Zoom service for one page and one scenario. It outlives adapters: the element disposes its adapter
 * after every failure and asks `ZoomJoin.adapterFactory` for a new one, so state such as "the host started the
 * meeting" lives here.
 *
 * Events: `host-started`; `joined` and `left` (detail: the SimulatedMeeting).
 */
export class SimulatedZoom extends EventTarget {
  private firstAttemptAt?: number;
  private hostTimer?: ReturnType<typeof setTimeout>;
  private started: boolean;
  active?: SimulatedMeeting;

  constructor(readonly scenario: Scenario) {
    super();
    this.started = scenario.hostStartsAfterMs === undefined;
  }

  get hostStarted(): boolean {
    return this.started;
  }

  /** When the host will start the meeting (ms since the epoch), once the first join has been tried. */
  get hostStartsAt(): number | undefined {
    const after = this.scenario.hostStartsAfterMs;
    return after === undefined || this.firstAttemptAt === undefined ? undefined : this.firstAttemptAt + after;
  }

  /** Zoom's answer to a join (what `POST /wc/info` decides): an SDK error code, or undefined to admit. */
  answerJoin(): number | undefined {
    if (this.firstAttemptAt === undefined) {
      this.firstAttemptAt = Date.now();
      const after = this.scenario.hostStartsAfterMs;
      if (after !== undefined) {
        this.hostTimer = setTimeout(() => {
          this.started = true;
          this.dispatchEvent(new Event('host-started'));
        }, after);
      }
    }
    if (this.scenario.hostStartsAfterMs !== undefined) return this.started ? undefined : this.scenario.zoomRefuses;
    return this.scenario.zoomRefuses;
  }

  joined(meeting: SimulatedMeeting): void {
    this.active = meeting;
    this.dispatchEvent(new CustomEvent('joined', { detail: meeting }));
  }

  left(meeting: SimulatedMeeting): void {
    if (this.active !== meeting) return;
    this.active = undefined;
    this.dispatchEvent(new CustomEvent('left', { detail: meeting }));
  }

  dispose(): void {
    clearTimeout(this.hostTimer);
  }
}
