// Where a join spends its time: every phase a User Timing measure `zoom-join:<phase>`, and one `zoom-timing` event
// after each join attempt, joined, failed or cancelled.
import { expect, waitUntil } from '@open-wc/testing';
import type { ZoomTimingDetail } from '../../src/events.js';
import { FakeAdapter } from '../support/fake-adapter.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '6667778889';
const sdk = useFakeSdk();

function timings(target: EventTarget): ZoomTimingDetail[] {
  const seen: ZoomTimingDetail[] = [];
  target.addEventListener('zoom-timing', (event) => seen.push((event as CustomEvent<ZoomTimingDetail>).detail));
  return seen;
}

/** The order in which `target` fires `types`. */
function eventOrder(target: EventTarget, ...types: string[]): string[] {
  const order: string[] = [];
  for (const type of types) target.addEventListener(type, () => order.push(type));
  return order;
}

/** A fake SDK for the next element, and that element, signed. */
async function signedElement(next: FakeAdapter, attributes: Record<string, string> = {}) {
  sdk.adapters().next = next;
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  return element;
}

function measuresSince(start: number, name: string): PerformanceEntry[] {
  return performance.getEntriesByName(name, 'measure').filter((entry) => entry.startTime >= start);
}

describe('<zoom-join> join timing', () => {
  it('a join: every phase measured, in order, and zoom-timing after zoom-joined with the same figures', async () => {
    const next = new FakeAdapter();
    const held = next.hold('join');
    const element = await signedElement(next);
    const seen = timings(element);
    const order = eventOrder(element, 'zoom-joined', 'zoom-timing');
    const since = performance.now();
    const joining = element.join();
    await waitUntil(() => next.count('join') === 1);
    // Zoom's join web service answers; the SDK then takes 60 ms to reach the meeting.
    next.emit({ type: 'zoom-answered', answer: { httpStatus: 200, status: true, errorCode: 0, errorMessage: '' } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    held.resolve();
    await joining;

    expect(order).to.deep.equal(['zoom-joined', 'zoom-timing']);
    expect(seen).to.have.length(1);
    const [detail] = seen;
    expect(detail!.outcome).to.equal('joined');
    expect(detail!.view).to.equal('component');
    expect(Object.keys(detail!.phases)).to.deep.equal(['asset-check', 'lock', 'signature', 'sdk-load', 'init', 'join-request', 'joined', 'meeting-info']);
    expect(detail!.phases.joined).to.be.at.least(55);
    const sum = Object.values(detail!.phases).reduce((total, ms) => total + ms, 0);
    expect(detail!.total).to.be.at.least(sum - 1);
    for (const phase of Object.keys(detail!.phases)) {
      const [entry] = measuresSince(since, `zoom-join:${phase}`);
      expect(entry, `measure zoom-join:${phase}`).to.exist;
      expect(entry!.duration).to.be.closeTo(detail!.phases[phase as keyof typeof detail.phases]!, 1);
    }
    expect(measuresSince(since, 'zoom-join')[0]?.duration).to.be.closeTo(detail!.total, 1);
  });

  it('a failed join: zoom-timing after zoom-error, outcome failed, up to the phase that failed', async () => {
    const next = new FakeAdapter();
    next.failWith('init', { type: 'INVALID_PARAMETERS', reason: 'bad option' });
    const element = await signedElement(next);
    const seen = timings(element);
    const order = eventOrder(element, 'zoom-error', 'zoom-timing');
    expect(await joinFailure(element)).to.exist;
    expect(order).to.deep.equal(['zoom-error', 'zoom-timing']);
    expect(seen[0]!.outcome).to.equal('failed');
    expect(Object.keys(seen[0]!.phases)).to.deep.equal(['asset-check', 'lock', 'signature', 'sdk-load', 'init']);
  });

  it('bad attributes: a failed attempt with no phase; a cancelled join: outcome cancelled', async () => {
    const element = await renderZoomJoin({ 'meeting-number': 'not a number', 'user-name': 'Ada', view: 'client' });
    const seen = timings(element);
    await joinFailure(element);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ outcome: 'failed', view: 'client', phases: {} });

    const next = new FakeAdapter();
    next.hold('join');
    sdk.adapters().next = next;
    element.setAttribute('meeting-number', MEETING);
    element.setAttribute('view', 'component');
    element.signature = testSignature({ meetingNumber: MEETING });
    const joining = element.join().catch(() => undefined);
    await waitUntil(() => next.count('join') === 1);
    await element.leave();
    await joining;
    expect(seen).to.have.length(2);
    expect(seen[1]!.outcome).to.equal('cancelled');
    expect(seen[1]!.phases['join-request']).to.be.a('number');
  });
});
