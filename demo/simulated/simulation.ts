import { ZoomJoin } from '../../src/index.js';
import type { EventLog } from '../app/event-log.js';
import type { Scenario } from './scenarios.js';
import { SimulatedAdapter } from './simulated-adapter.js';
import { SimulatedZoom } from './simulated-zoom.js';
import { blockMainThread, HeapLeak } from './stress.js';

const MB = 1024 * 1024;
const LEAK = { bytesPerStep: 8 * MB, intervalMs: 250, capBytes: 1024 * MB } as const;
const FREEZE_AFTER_JOIN_MS = 1000;
const FREEZE_MS = 3000;

/**
 * Simulated mode for one page: installs the simulated SDK as the element's adapter factory and runs the
 * scenario's after-join effects (a real heap leak, a real main-thread freeze).
 */
export function startSimulation(scenario: Scenario, log: EventLog): SimulatedZoom {
  const zoom = new SimulatedZoom(scenario);
  ZoomJoin.adapterFactory = (view) => new SimulatedAdapter(view, zoom);
  const leak = new HeapLeak();

  zoom.addEventListener('host-started', () => log.add('demo', 'host-started'));
  zoom.addEventListener('joined', () => {
    if (scenario.afterJoin === 'memory-leak') startLeak(leak, log);
    if (scenario.afterJoin === 'freeze') {
      setTimeout(() => {
        log.add('demo', 'freeze-start', { ms: FREEZE_MS });
        const blockedMs = Math.round(blockMainThread(FREEZE_MS));
        log.add('demo', 'freeze-end', { blockedMs });
      }, FREEZE_AFTER_JOIN_MS);
    }
  });

  const hostEnds = document.querySelector<HTMLButtonElement>('#host-ends');
  hostEnds?.addEventListener('click', () => zoom.active?.end());
  const release = document.querySelector<HTMLButtonElement>('#release-memory');
  if (release && scenario.afterJoin === 'memory-leak') {
    release.hidden = false;
    release.addEventListener('click', () => {
      leak.release();
      log.add('demo', 'heap-released');
    });
  }
  return zoom;
}

function startLeak(leak: HeapLeak, log: EventLog): void {
  log.add('demo', 'heap-leak-start', { mbPerSecond: (LEAK.bytesPerStep / MB) * (1000 / LEAK.intervalMs), capMb: LEAK.capBytes / MB });
  leak.start({
    ...LEAK,
    onStep: (retained) => {
      if (retained % (64 * MB) === 0) log.add('demo', 'heap-leak', { retainedMb: retained / MB });
    },
    onCap: (retained) => log.add('demo', 'heap-leak-capped', { retainedMb: retained / MB }),
  });
}
