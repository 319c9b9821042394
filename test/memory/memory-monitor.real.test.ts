/**
 * The monitor against the real thing: Chromium's performance.memory, Long Tasks API, timers, visibility events
 * and a Lit host. Sizes and intervals are small so each test takes a few seconds.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import sinon from 'sinon';
import type { ZoomMemoryDetail, ZoomMemoryWarningDetail } from '../../src/memory/memory-events.js';
import { MemoryMonitor } from '../../src/memory/memory-monitor.js';
import {
  detectMemorySampler,
  performanceMemorySampler,
  userAgentSpecificMemorySampler,
} from '../../src/memory/samplers.js';
import { MB } from './fakes.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function busyLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Deliberately blocking the main thread.
  }
}

function record(host: EventTarget) {
  const samples: ZoomMemoryDetail[] = [];
  const warnings: ZoomMemoryWarningDetail[] = [];
  host.addEventListener('zoom-memory', (event) => samples.push((event as CustomEvent<ZoomMemoryDetail>).detail));
  host.addEventListener('zoom-memory-warning', (event) =>
    warnings.push((event as CustomEvent<ZoomMemoryWarningDetail>).detail),
  );
  return { samples, warnings };
}

class MemoryProbe extends LitElement {
  monitor = new MemoryMonitor(this, { settings: { intervalMs: 200 } });
}
customElements.define('memory-probe', MemoryProbe);

describe('MemoryMonitor in real Chromium', () => {
  afterEach(() => sinon.restore());

  it('picks performance.memory on this (not cross-origin isolated, http) page, with precise readings', () => {
    expect(crossOriginIsolated).to.equal(false);
    expect(userAgentSpecificMemorySampler()).to.equal(null);
    const sampler = detectMemorySampler();
    expect(sampler?.source).to.equal('performance.memory');
    expect(sampler?.precise).to.equal(true);
    const reading = performanceMemorySampler()!.read();
    if ('then' in reading) throw new Error('performance.memory reads synchronously');
    expect(reading.usedBytes).to.be.greaterThan(MB);
    expect(reading.limitBytes).to.be.greaterThan(reading.usedBytes);
  });

  it('sees a really growing heap rise and raises growth and budget warnings', async () => {
    const retained: number[][] = [];
    const host = document.createElement('div');
    const { samples, warnings } = record(host);
    const first = (performanceMemorySampler()!.read() as { usedBytes: number }).usedBytes;
    const monitor = new MemoryMonitor(host, {
      settings: { intervalMs: 200, windowMs: 2_000, budgetBytes: first + 60 * MB },
    });
    monitor.start();
    // 8 MB of doubles every 200 ms: a 40 MB/s leak the collector cannot reclaim.
    const leak = setInterval(() => retained.push(new Array<number>(MB).fill(retained.length + 0.5)), 200);
    try {
      await waitUntil(
        () => warnings.some((w) => w.reason === 'growth') && warnings.some((w) => w.reason === 'budget'),
        'growth and budget warnings',
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      clearInterval(leak);
      monitor.stop();
    }
    const used = samples.map((sample) => sample.usedBytes);
    expect(used[used.length - 1]! - used[0]!).to.be.greaterThan(40 * MB);
    expect(samples.every((sample) => sample.source === 'performance.memory')).to.equal(true);
    const growth = warnings.find((w) => w.reason === 'growth')!;
    if (growth.reason !== 'growth') throw new Error('unreachable');
    expect(growth.bytesPerSecond! / MB).to.be.within(10, 80);
    retained.length = 0;
  });

  it('notices a really blocked main thread (2.5 s busy loop, threshold 2000) through long tasks', async () => {
    const host = document.createElement('div');
    const { warnings } = record(host);
    const monitor = new MemoryMonitor(host, { settings: { freezeThresholdMs: 2_000 } });
    expect(monitor.capabilities.freeze).to.equal('longtask');
    monitor.start();
    await sleep(50);
    busyLoop(2_500);
    await waitUntil(() => warnings.length > 0, 'freeze warning', { timeout: 5_000 });
    monitor.stop();
    const warning = warnings[0]!;
    if (warning.reason !== 'freeze') throw new Error(`expected freeze, got ${warning.reason}`);
    expect(warning.detectedBy).to.equal('longtask');
    expect(warning.blockedMs).to.be.within(2_400, 5_000);
  });

  it('notices the same busy loop through the heartbeat when long tasks are not available', async () => {
    const host = document.createElement('div');
    const { warnings } = record(host);
    const monitor = new MemoryMonitor(host, {
      settings: { freezeThresholdMs: 2_000 },
      environment: { longTasks: null, sampler: null },
    });
    monitor.start();
    await sleep(400);
    busyLoop(2_500);
    await waitUntil(() => warnings.length > 0, 'freeze warning', { timeout: 5_000 });
    monitor.stop();
    const warning = warnings[0]!;
    if (warning.reason !== 'freeze') throw new Error(`expected freeze, got ${warning.reason}`);
    expect(warning.detectedBy).to.equal('heartbeat');
    expect(warning.blockedMs).to.be.within(2_000, 5_000);
  });

  it('pauses on a real visibilitychange to hidden and resumes when visible again', async () => {
    const host = document.createElement('div');
    const { samples } = record(host);
    const monitor = new MemoryMonitor(host, { settings: { intervalMs: 100 } });
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    try {
      monitor.start();
      await sleep(350);
      state = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      expect(monitor.paused).to.equal(true);
      const whenHidden = samples.length;
      await sleep(400);
      expect(samples.length).to.equal(whenHidden);
      state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      expect(samples.length).to.equal(whenHidden + 1);
    } finally {
      monitor.stop();
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    }
    expect(document.visibilityState).to.equal('visible');
  });

  it('leaves no real interval, timeout, PerformanceObserver or listener behind after stop()', async () => {
    const setIntervalSpy = sinon.spy(window, 'setInterval');
    const clearIntervalSpy = sinon.spy(window, 'clearInterval');
    const addListener = sinon.spy(document, 'addEventListener');
    const removeListener = sinon.spy(document, 'removeEventListener');
    const observe = sinon.spy(PerformanceObserver.prototype, 'observe');
    const disconnect = sinon.spy(PerformanceObserver.prototype, 'disconnect');

    const monitor = new MemoryMonitor(document.createElement('div'), { settings: { intervalMs: 100 } });
    monitor.start();
    const intervals = setIntervalSpy.returnValues;
    const listeners = addListener.getCalls().map((call) => call.args[1]);
    setIntervalSpy.restore();
    addListener.restore();
    await sleep(250);
    monitor.stop();

    expect(intervals).to.have.length(1); // sampling; long tasks replace the heartbeat in Chromium
    for (const id of intervals) expect(clearIntervalSpy.calledWith(id), `interval ${String(id)}`).to.equal(true);
    expect(listeners).to.have.length(1);
    expect(removeListener.calledWith('visibilitychange', listeners[0])).to.equal(true);
    expect(observe.callCount).to.equal(1);
    expect(disconnect.callCount).to.equal(1);
  });

  it('as a Lit controller: stops when the element is removed, restarts when it is put back', async () => {
    const element = await fixture<MemoryProbe>(html`<memory-probe></memory-probe>`);
    const { samples } = record(element);
    element.monitor.start();
    await sleep(250);
    expect(samples.length).to.be.greaterThan(1);
    const parent = element.parentElement!;
    element.remove();
    expect(element.monitor.running).to.equal(false);
    const whenRemoved = samples.length;
    await sleep(300);
    expect(samples.length, 'nothing runs while detached').to.equal(whenRemoved);
    parent.append(element);
    expect(element.monitor.running, 'moving the element keeps the watch').to.equal(true);
    element.monitor.stop();
    element.remove();
    parent.append(element);
    expect(element.monitor.running, 'a stopped monitor stays stopped').to.equal(false);
  });
});
