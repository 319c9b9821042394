import { expect } from '@open-wc/testing';
import type { ZoomMemoryDetail, ZoomMemoryWarningDetail } from '../../src/memory/memory-events.js';
import {
  GrowthWindow,
  leastSquaresSlope,
  lowerEnvelope,
  MemoryMonitor,
  type MemoryMonitorOptions,
} from '../../src/memory/memory-monitor.js';
import type { MemoryMonitorSettings } from '../../src/memory/memory-settings.js';
import type { MemorySampler } from '../../src/memory/samplers.js';
import {
  FakeClock,
  FakeLongTasks,
  FakeVisibility,
  ManualAsyncSampler,
  MB,
  ScriptedSampler,
  sawtooth,
} from './fakes.js';

interface Rig {
  clock: FakeClock;
  visibility: FakeVisibility;
  longTasks: FakeLongTasks;
  host: HTMLElement;
  monitor: MemoryMonitor;
  samples: ZoomMemoryDetail[];
  warnings: ZoomMemoryWarningDetail[];
}

/** A monitor on a fake clock, page and long-task source, recording its events. */
function rig(
  heap: ((elapsedMs: number) => number) | null,
  settings: Partial<MemoryMonitorSettings> = {},
  options: {
    longTasks?: boolean;
    limitBytes?: number;
    sampler?: (clock: FakeClock) => MemorySampler;
    extra?: Partial<MemoryMonitorOptions>;
  } = {},
): Rig {
  const clock = new FakeClock();
  const visibility = new FakeVisibility();
  const longTasks = new FakeLongTasks();
  const sampler = options.sampler
    ? options.sampler(clock)
    : heap
      ? new ScriptedSampler(clock, (elapsed) => ({
          usedBytes: heap(elapsed),
          ...(options.limitBytes !== undefined ? { limitBytes: options.limitBytes } : {}),
        }))
      : null;
  const host = document.createElement('div');
  const samples: ZoomMemoryDetail[] = [];
  const warnings: ZoomMemoryWarningDetail[] = [];
  host.addEventListener('zoom-memory', (event) => samples.push(event.detail));
  host.addEventListener('zoom-memory-warning', (event) => warnings.push(event.detail));
  const monitor = new MemoryMonitor(host, {
    settings,
    environment: { sampler, clock, visibility, longTasks: options.longTasks ? longTasks : null },
    ...options.extra,
  });
  return { clock, visibility, longTasks, host, monitor, samples, warnings };
}

const reasons = (warnings: readonly ZoomMemoryWarningDetail[]) => warnings.map((warning) => warning.reason);

describe('MemoryMonitor: growth', () => {
  it('flags a 10 MB/s leak within 5 s of the window filling, not before it fills', () => {
    const { clock, monitor, warnings } = rig((t) => 100 * MB + (10 * MB * t) / 1000);
    const start = clock.now();
    monitor.start();
    clock.advance(19_999);
    expect(warnings, 'the window is not full yet').to.be.empty;
    clock.advance(5_001);
    expect(reasons(warnings)).to.deep.equal(['growth']);
    const warning = warnings[0]!;
    expect(warning.at - (start + 20_000)).to.be.within(0, 5_000);
    if (warning.reason !== 'growth') throw new Error('unreachable');
    expect(warning.bytesPerSecond! / MB).to.be.closeTo(10, 0.5);
    expect(warning.threshold).to.equal(5 * MB);
    monitor.stop();
  });

  it('flags a 10 MB/s leak under a ±20 MB GC sawtooth within 5 s of the window filling', () => {
    for (const period of [3_000, 5_000, 8_000, 15_000]) {
      const tooth = sawtooth(0, 20 * MB, period, 700);
      const { clock, monitor, warnings } = rig((t) => 200 * MB + (10 * MB * t) / 1000 + tooth(t));
      const start = clock.now();
      monitor.start();
      clock.advance(25_000);
      expect(reasons(warnings), `period ${period}`).to.deep.equal(['growth']);
      expect(warnings[0]!.at - (start + 20_000), `period ${period}`).to.be.within(0, 5_000);
      monitor.stop();
    }
  });

  it('raises nothing for a steady heap with a ±20 MB GC sawtooth over 60 s, whatever its period and phase', () => {
    for (const period of [2_500, 3_300, 5_000, 6_500, 8_000, 12_000, 20_000, 45_000]) {
      for (const phase of [0, 900, 1_700]) {
        const { clock, monitor, warnings, samples } = rig(sawtooth(300 * MB, 20 * MB, period, phase));
        monitor.start();
        clock.advance(60_000);
        expect(warnings, `period ${period}, phase ${phase}`).to.be.empty;
        expect(samples).to.have.length(31);
        const slopes = samples.flatMap((sample) => sample.bytesPerSecond ?? []);
        expect(slopes.length).to.be.greaterThan(15);
        for (const slope of slopes) expect(Math.abs(slope) / MB).to.be.lessThan(5);
        monitor.stop();
      }
    }
  });

  it('does not compute growth from imprecise (rounded, cached) readings', () => {
    const { clock, monitor, warnings, samples } = rig(null, {}, {
      sampler: (clock) => new ScriptedSampler(clock, (t) => ({ usedBytes: 100 * MB + (50 * MB * t) / 1000 }), false),
    });
    expect(monitor.capabilities).to.deep.equal({ memory: 'custom', precise: false, freeze: 'heartbeat' });
    monitor.start();
    clock.advance(60_000);
    expect(warnings).to.be.empty;
    expect(samples).to.have.length(31);
    expect(monitor.bytesPerSecond).to.equal(null);
    monitor.stop();
  });

  it('reads a rebased step (the first full measurement on an isolated page) as a new baseline, not growth', () => {
    for (const rebased of [true, false]) {
      let stepped = false;
      const { clock, monitor, warnings } = rig(null, {}, {
        sampler: (clock) =>
          new ScriptedSampler(clock, (t) => {
            if (t < 10_000) return { usedBytes: 50 * MB };
            const first = !stepped;
            stepped = true;
            return { usedBytes: 250 * MB, ...(first && rebased ? { rebased: true } : {}) };
          }),
      });
      monitor.start();
      clock.advance(60_000);
      expect(reasons(warnings), `rebased: ${rebased}`).to.deep.equal(rebased ? [] : ['growth']);
      monitor.stop();
    }
  });

  it('clears the growth warning once the leak stops, and raises it again for a new leak', () => {
    let leaking = true;
    let level = 100 * MB;
    let last = 0;
    const { clock, monitor, warnings } = rig((t) => {
      if (leaking) level += (10 * MB * (t - last)) / 1000;
      last = t;
      return level;
    });
    monitor.start();
    clock.advance(30_000);
    expect(reasons(warnings)).to.deep.equal(['growth']);
    clock.advance(30_000);
    expect(reasons(warnings), 'once per condition').to.deep.equal(['growth']);
    leaking = false;
    clock.advance(40_000);
    expect(monitor.warnings, 'cleared').to.be.empty;
    leaking = true;
    clock.advance(30_000);
    expect(reasons(warnings)).to.deep.equal(['growth', 'growth']);
    monitor.stop();
  });
});

describe('growth window (the slope under the growth warning)', () => {
  it('least squares recovers a slope, even at epoch-scale times', () => {
    const t0 = Date.now();
    const points = [0, 1000, 2000, 3000].map((dt) => ({ at: t0 + dt, bytes: 5 * MB + 2 * dt }));
    expect(leastSquaresSlope(points)).to.be.closeTo(2, 1e-9);
    expect(leastSquaresSlope([{ at: 1, bytes: 1 }])).to.equal(null);
  });

  it('the lower envelope follows post-collection lows and leaves out points without a full look-ahead', () => {
    const points = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ at: i * 1000, bytes: i % 2 === 0 ? 100 : 140 }));
    const envelope = lowerEnvelope(points, 2000);
    expect(envelope.map((point) => point.at)).to.deep.equal([0, 1000, 2000, 3000, 4000]);
    expect(envelope.every((point) => point.bytes === 100)).to.equal(true);
  });

  it('fills once the samples span the window, even with jittered timers, and restarts after a long gap', () => {
    const window = new GrowthWindow({ windowMs: 10_000, cadenceMs: 1000 });
    for (let i = 0; i <= 9; i++) window.add({ at: i * 1000 + (i % 2 ? 60 : -60), bytes: i * MB });
    expect(window.full).to.equal(false);
    window.add({ at: 9_950, bytes: 10 * MB });
    expect(window.full).to.equal(true);
    for (let i = 11; i < 40; i++) window.add({ at: i * 1000 + (i % 2 ? 90 : -90), bytes: i * MB });
    expect(window.full).to.equal(true);
    expect(window.bytesPerSecond()! / MB).to.be.closeTo(1, 0.05);
    window.add({ at: 100_000, bytes: 50 * MB });
    expect(window.size).to.equal(1);
    expect(window.bytesPerSecond()).to.equal(null);
  });
});

describe('MemoryMonitor: budget and heap limit', () => {
  it('warns once when used memory passes memory-budget', () => {
    // 1 MB/s: well under the growth limit, so only the budget speaks.
    const { clock, monitor, warnings } = rig((t) => 100 * MB + (MB * t) / 1000, { budgetBytes: 150 * MB });
    monitor.start();
    clock.advance(49_000);
    expect(warnings).to.be.empty;
    clock.advance(4_000);
    expect(reasons(warnings)).to.deep.equal(['budget']);
    const warning = warnings[0]!;
    if (warning.reason !== 'budget') throw new Error('unreachable');
    expect(warning.threshold).to.equal(150 * MB);
    expect(warning.usedBytes).to.be.greaterThan(150 * MB);
    expect(warning.bytesPerSecond! / MB).to.be.closeTo(1, 0.1);
    clock.advance(60_000);
    expect(reasons(warnings), 'once while it stays above').to.deep.equal(['budget']);
    monitor.stop();
  });

  it('warns above 85% of the heap limit', () => {
    const limit = 1000 * MB;
    const { clock, monitor, warnings } = rig((t) => 800 * MB + (MB * t) / 1000, {}, { limitBytes: limit });
    monitor.start();
    clock.advance(48_000);
    expect(warnings).to.be.empty;
    clock.advance(4_000);
    expect(reasons(warnings)).to.deep.equal(['near-limit']);
    const warning = warnings[0]!;
    if (warning.reason !== 'near-limit') throw new Error('unreachable');
    expect(warning.limitBytes).to.equal(limit);
    expect(warning.threshold).to.equal(850 * MB);
    monitor.stop();
  });

  it('raises once per condition, ignores a sawtooth around the line, clears after a calm spell, raises again', () => {
    let base = 160 * MB;
    const tooth = sawtooth(0, 20 * MB, 5_000);
    const { clock, monitor, warnings } = rig((t) => base + tooth(t), { budgetBytes: 150 * MB });
    monitor.start();
    clock.advance(60_000);
    expect(reasons(warnings), 'a sawtooth crossing the budget raises once').to.deep.equal(['budget']);
    base = 100 * MB; // 80–120 MB: below 95% of the budget
    clock.advance(8_000);
    const active = monitor.warnings.map((entry) => entry.detail.reason);
    expect(active, 'needs half a window of calm').to.deep.equal(['budget']);
    clock.advance(6_000);
    expect(monitor.warnings, 'cleared').to.be.empty;
    base = 170 * MB;
    clock.advance(2_000);
    expect(reasons(warnings)).to.deep.equal(['budget', 'budget']);
    monitor.stop();
  });
});

describe('MemoryMonitor: running, pausing, stopping', () => {
  it('samples every memory-interval ms and emits zoom-memory with usedBytes, limitBytes, at and source', () => {
    const { clock, monitor, samples } = rig(() => 123 * MB, { intervalMs: 500 }, { limitBytes: 4000 * MB });
    monitor.start();
    expect(samples, 'first sample at once').to.have.length(1);
    clock.advance(2_000);
    expect(samples).to.have.length(5);
    expect(samples[1]).to.deep.equal({
      usedBytes: 123 * MB,
      limitBytes: 4000 * MB,
      at: samples[0]!.at + 500,
      source: 'custom',
    });
    monitor.stop();
    clock.advance(2_000);
    expect(samples).to.have.length(5);
  });

  it('dispatches bubbling, composed events (a listener on document hears them)', () => {
    const { monitor, host } = rig(() => 10 * MB);
    document.body.append(host);
    const heard: Event[] = [];
    const listener = (event: Event) => heard.push(event);
    document.addEventListener('zoom-memory', listener);
    monitor.start();
    monitor.stop();
    document.removeEventListener('zoom-memory', listener);
    host.remove();
    expect(heard).to.have.length(1);
    expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
  });

  it('pauses while the page is hidden and resumes, sampling at once, when it is shown', () => {
    const { clock, monitor, visibility, samples } = rig(() => 50 * MB);
    const sampler = () => samples.length;
    monitor.start();
    clock.advance(4_000);
    expect(sampler()).to.equal(3);
    visibility.set(true);
    expect(monitor.paused).to.equal(true);
    expect(clock.activeTimers, 'no timer while hidden').to.equal(0);
    clock.advance(60_000);
    expect(sampler(), 'no samples while hidden').to.equal(3);
    visibility.set(false);
    expect(monitor.paused).to.equal(false);
    expect(sampler()).to.equal(4);
    clock.advance(2_000);
    expect(sampler()).to.equal(5);
    monitor.stop();
  });

  it('starts paused on a hidden page', () => {
    const { clock, monitor, visibility, samples } = rig(() => 50 * MB);
    visibility.isHidden = true;
    monitor.start();
    clock.advance(10_000);
    expect(samples).to.be.empty;
    visibility.set(false);
    expect(samples).to.have.length(1);
    monitor.stop();
  });

  it('leaves no interval, timeout, observer or listener behind after stop()', () => {
    const { clock, monitor, visibility, longTasks } = rig(() => 50 * MB, {}, { longTasks: true });
    monitor.start();
    expect(clock.activeTimers).to.equal(1); // sampling; long tasks replace the heartbeat
    expect(longTasks.observerCount).to.equal(1);
    expect(visibility.listenerCount).to.equal(1);
    longTasks.emit(3_000); // arms the freeze episode's clearing timeout
    expect(clock.activeTimers).to.equal(2);
    monitor.stop();
    expect([clock.activeTimers, longTasks.observerCount, visibility.listenerCount]).to.deep.equal([0, 0, 0]);
    expect(monitor.running).to.equal(false);
  });

  it('runs nothing for memory when the browser has no memory API, and nothing at all with freeze detection off', () => {
    const a = rig(null);
    expect(a.monitor.capabilities.memory).to.equal('unsupported');
    a.monitor.start();
    a.clock.advance(10_000);
    expect(a.samples).to.be.empty;
    expect(a.clock.activeTimers, 'only the freeze heartbeat').to.equal(1);
    a.monitor.stop();

    const b = rig(null, { freezeThresholdMs: 0 });
    expect(b.monitor.capabilities).to.deep.equal({ memory: 'unsupported', precise: false, freeze: 'off' });
    b.monitor.start();
    expect(b.clock.activeTimers).to.equal(0);
    b.monitor.stop();
  });

  it('never overlaps two slow reads, and drops a read that settles after stop()', async () => {
    const sampler = new ManualAsyncSampler();
    const { clock, monitor, samples } = rig(null, {}, { sampler: () => sampler });
    monitor.start();
    clock.advance(10_000);
    expect(sampler.reads, 'one read in flight, ticks skipped').to.equal(1);
    sampler.settle(70 * MB);
    await Promise.resolve();
    await Promise.resolve();
    expect(samples.map((sample) => sample.usedBytes)).to.deep.equal([70 * MB]);
    expect(samples[0]!.source).to.equal('measureUserAgentSpecificMemory');
    clock.advance(2_000);
    expect(sampler.reads).to.equal(2);
    monitor.stop();
    sampler.settle(80 * MB);
    await Promise.resolve();
    await Promise.resolve();
    expect(samples, 'a read from a stopped run is dropped').to.have.length(1);
    monitor.start();
    clock.advance(2_000);
    expect(sampler.reads).to.equal(3);
    monitor.stop();
  });

  it('reconfigure() applies a new interval to a running monitor', () => {
    let settings: Partial<MemoryMonitorSettings> = { intervalMs: 2_000 };
    const { clock, monitor, samples } = rig(() => 10 * MB, {}, { extra: { settings: () => settings } });
    monitor.start();
    clock.advance(4_000);
    expect(samples).to.have.length(3);
    settings = { intervalMs: 500 };
    monitor.reconfigure();
    clock.advance(2_000);
    expect(samples.length).to.be.within(7, 8);
    monitor.stop();
  });
});

describe('MemoryMonitor: freeze', () => {
  it('notices a blocked main thread through the heartbeat (injected clock)', () => {
    const { clock, monitor, warnings } = rig(null);
    monitor.start();
    expect(monitor.capabilities.freeze).to.equal('heartbeat');
    clock.advance(1_000);
    clock.block(1_500);
    clock.advance(1_000);
    expect(warnings, 'under the threshold').to.be.empty;
    clock.block(2_500);
    expect(reasons(warnings)).to.deep.equal(['freeze']);
    const warning = warnings[0]!;
    if (warning.reason !== 'freeze') throw new Error('unreachable');
    expect(warning.detectedBy).to.equal('heartbeat');
    expect(warning.blockedMs).to.be.within(2_000, 2_500);
    monitor.stop();
  });

  it('warns once per freeze episode, and again after a calm window', () => {
    const { clock, monitor, warnings } = rig(null);
    monitor.start();
    clock.block(3_000);
    clock.advance(5_000);
    clock.block(3_000);
    expect(reasons(warnings), 'the second freeze belongs to the same episode').to.deep.equal(['freeze']);
    clock.advance(19_000);
    expect(monitor.warnings).to.have.length(1);
    clock.advance(2_000);
    expect(monitor.warnings, 'cleared after a window without freezes').to.be.empty;
    clock.block(3_000);
    expect(reasons(warnings)).to.deep.equal(['freeze', 'freeze']);
    monitor.stop();
  });

  it('uses long tasks where the browser reports them', () => {
    const { monitor, warnings, longTasks, clock } = rig(null, { freezeThresholdMs: 2_000 }, { longTasks: true });
    monitor.start();
    expect(monitor.capabilities.freeze).to.equal('longtask');
    expect(clock.activeTimers, 'no heartbeat').to.equal(0);
    longTasks.emit(1_200);
    expect(warnings).to.be.empty;
    longTasks.emit(2_612.4);
    expect(warnings).to.deep.equal([
      { reason: 'freeze', blockedMs: 2_612, detectedBy: 'longtask', threshold: 2_000, at: clock.now() },
    ]);
    monitor.stop();
  });
});

describe('MemoryMonitor: policy, SDK failures, banner state', () => {
  it('tells onWarning what the on-memory-pressure policy says, per reason', () => {
    const seen: string[] = [];
    const { clock, monitor, longTasks } = rig(
      (t) => 100 * MB + (MB * t) / 1000,
      { budgetBytes: 110 * MB, policy: 'leave' },
      {
        longTasks: true,
        extra: {
          onWarning: (warning, action) => seen.push(`${warning.reason}:${action.show}:${action.leave}`),
        },
      },
    );
    monitor.start();
    longTasks.emit(5_000);
    clock.advance(14_000);
    monitor.reportSdkOutOfMemory({ sdkCode: 205, sdkType: 'WasmOutOfMemory' });
    expect(seen).to.deep.equal(['freeze:true:false', 'budget:true:true', 'sdk-out-of-memory:true:true']);
    monitor.stop();
  });

  it('lets a page take over with preventDefault(): the element is told to do nothing', () => {
    const actions: unknown[] = [];
    const { monitor, host } = rig(null, {}, { extra: { onWarning: (_warning, action) => actions.push(action) } });
    host.addEventListener('zoom-memory-warning', (event) => event.preventDefault());
    monitor.reportSdkOutOfMemory();
    expect(actions).to.deep.equal([{ show: false, leave: false }]);
    expect(monitor.currentWarning).to.equal(undefined);
  });

  it('reports the SDK running out of memory once per run, with the latest reading', () => {
    const { monitor, warnings, clock } = rig(() => 900 * MB, {}, { limitBytes: 4000 * MB });
    monitor.start();
    monitor.reportSdkOutOfMemory({ sdkCode: 205, sdkType: 'WasmOutOfMemory', message: 'low on memory' });
    monitor.reportSdkOutOfMemory({ sdkCode: 204, sdkType: 'WebGlContextInvalid' });
    expect(warnings).to.deep.equal([
      {
        reason: 'sdk-out-of-memory',
        sdkCode: 205,
        sdkType: 'WasmOutOfMemory',
        message: 'low on memory',
        usedBytes: 900 * MB,
        limitBytes: 4000 * MB,
        at: clock.now(),
      },
    ]);
    monitor.stop();
    expect(monitor.currentWarning?.reason, 'still there after stop, to explain a leave').to.equal('sdk-out-of-memory');
    monitor.start();
    expect(monitor.currentWarning, 'a new run starts clean').to.equal(undefined);
    monitor.reportSdkOutOfMemory();
    expect(warnings).to.have.length(2);
    monitor.stop();
  });

  it('shows the most severe warning the policy shows; dismiss() hides it without raising it again', () => {
    const heap = (t: number) => 100 * MB + (MB * t) / 1000;
    const { clock, monitor, longTasks } = rig(heap, { budgetBytes: 101 * MB }, { longTasks: true });
    monitor.start();
    longTasks.emit(4_000);
    expect(monitor.currentWarning?.reason).to.equal('freeze');
    clock.advance(4_000);
    expect(monitor.warnings.map((entry) => entry.detail.reason)).to.deep.equal(['budget', 'freeze']);
    expect(monitor.currentWarning?.reason).to.equal('budget');
    monitor.dismiss('budget');
    expect(monitor.currentWarning?.reason).to.equal('freeze');
    monitor.dismiss();
    expect(monitor.currentWarning).to.equal(undefined);
    monitor.stop();
  });

  it('calls onChange (or the host’s requestUpdate) when warnings come and go', () => {
    let updates = 0;
    const { monitor, longTasks, clock } = rig(null, {}, { longTasks: true, extra: { onChange: () => updates++ } });
    monitor.start();
    longTasks.emit(3_000);
    expect(updates).to.equal(1);
    clock.advance(20_000);
    expect(updates).to.equal(2);
    monitor.stop();
  });
});
