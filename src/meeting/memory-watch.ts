import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ZoomJoinState } from '../attributes.js';
import type { MemoryMonitor } from '../memory/memory-monitor.js';
import type { SdkMemoryFailure } from '../sdk/sdk-memory-failure.js';
import { memoizeImport } from '../lazy-import.js';

type MemoryModule = typeof import('../memory/index.js');

/** The monitor is only needed once a meeting is on its way, so it stays out of the element's first load. */
const loadMemoryModule = memoizeImport((): Promise<MemoryModule> => import('../memory/index.js'));

type MemoryHost = ReactiveControllerHost & ZoomJoinState;

/**
 * Starts the memory monitor (src/memory/) while the meeting is prepared, joined or under way, loading it on first
 * use, and stops it otherwise. If the monitor cannot load, the meeting goes on without it. Not a controller itself:
 * the monitor it creates is one, and follows connect/disconnect on its own.
 */
export class MemoryWatch {
  private monitor?: MemoryMonitor;
  private module?: MemoryModule;
  private wanted = false;
  private settingsKey?: string;

  constructor(
    private readonly host: MemoryHost,
    /** The `on-memory-pressure="leave"` policy asks the meeting to leave. */
    private readonly leaveForMemoryPressure: () => void,
  ) {}

  /** Before each render: runs the monitor while `active`, and hands it changed settings. */
  update(active: boolean): void {
    const { memoryInterval, memoryGrowthLimit, memoryBudget, freezeThreshold, onMemoryPressure } = this.host;
    const key = JSON.stringify([memoryInterval, memoryGrowthLimit, memoryBudget, freezeThreshold, onMemoryPressure]);
    if (key !== this.settingsKey) {
      this.settingsKey = key;
      this.monitor?.reconfigure();
    }
    this.wanted = active;
    if (!active) {
      this.monitor?.stop();
      return;
    }
    if (this.monitor) {
      this.monitor.start();
      return;
    }
    loadMemoryModule()
      .then((module) => {
        if (this.monitor) return;
        this.module = module;
        this.monitor = new module.MemoryMonitor(this.host, {
          settings: () => module.readMemorySettings(this.host),
          onWarning: (_warning, action) => {
            if (action.leave) this.leaveForMemoryPressure();
          },
        });
        if (this.wanted && this.host.isConnected) this.monitor.start();
      })
      .catch(() => {
        // Without the monitor there is no memory watch, which is no reason to stop a meeting.
      });
  }

  reportSdkFailure(failure: SdkMemoryFailure): void {
    this.monitor?.reportSdkOutOfMemory(failure);
  }

  renderWarning(): TemplateResult | typeof nothing {
    const warning = this.monitor?.currentWarning;
    if (!warning || !this.module) return nothing;
    return this.module.renderMemoryWarning(warning, { onDismiss: () => this.monitor?.dismiss() });
  }
}
