import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MemoryMonitor } from '../memory/memory-monitor.js';
import type { MemoryAttributes } from '../memory/memory-settings.js';
import type { SdkMemoryFailure } from '../sdk/sdk-memory-failure.js';
import { memoizeImport } from '../lazy-import.js';

type MemoryModule = typeof import('../memory/index.js');

/** The monitor is only needed once a meeting is on its way, so it stays out of the element's first load. */
const loadMemoryModule = memoizeImport((): Promise<MemoryModule> => import('../memory/index.js'));

/** The element: its memory attributes are read straight from its properties (same names). */
export interface MemoryWatchHost extends ReactiveControllerHost, HTMLElement, MemoryAttributes {
  /** The `on-memory-pressure="leave"` policy asked the element to leave. */
  leaveForMemoryPressure(): void;
}

/**
 * Starts the memory monitor (src/memory/) while the element preloads, joins or is joined, loading it on first
 * use, and stops it otherwise. If the monitor cannot load, the meeting goes on without it.
 */
/** Not a controller itself: the monitor it creates is one, and follows connect/disconnect on its own. */
export class MemoryWatch {
  private monitor?: MemoryMonitor;
  private module?: MemoryModule;
  private wanted = false;

  constructor(private readonly host: MemoryWatchHost) {}

  sync(active: boolean): void {
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
            if (action.leave) this.host.leaveForMemoryPressure();
          },
        });
        if (this.wanted && this.host.isConnected) this.monitor.start();
      })
      .catch(() => {
        // Without the monitor there is no memory watch, which is no reason to stop a meeting.
      });
  }

  reconfigure(): void {
    this.monitor?.reconfigure();
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
