// Life in a meeting behind the adapter interface (a fake SDK adapter, so each case is exact and fast): the
// participants, reconnecting and its limit, why the meeting ended, the meeting controls. The real SDK runs the same
// stories in real-meeting-*.test.ts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomParticipant } from '../../src/events.js';
import { FakeAdapter } from '../support/fake-adapter.js';
import { renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '5556667770';
const sdk = useFakeSdk();
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

const you: ZoomParticipant = { id: 1024, name: 'Ada', role: 'attendee', inWaitingRoom: false, isYou: true };
const host: ZoomParticipant = { id: 2048, name: 'Grace', role: 'host', inWaitingRoom: false, isYou: false };

async function joined(attributes: Record<string, string> = {}) {
  const adapter = new FakeAdapter();
  adapter.info = { topic: 'Standup', userId: 1024, role: 'attendee' };
  sdk.adapters().next = adapter;
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  const events: string[] = [];
  for (const name of ['zoom-joined', 'zoom-participants'] as const) element.addEventListener(name, () => events.push(name));
  // The SDK may list who is there before the join is done: the page hears of them after zoom-joined.
  const holding = adapter.hold('join');
  const joining = element.join();
  await waitUntil(() => adapter.count('join') === 1);
  adapter.emit({ type: 'participants', participants: [you, host] });
  holding.resolve();
  await joining;
  return { element, adapter, events };
}

describe('<zoom-join> in a meeting', () => {
  it('zoom-joined carries what the SDK says of the meeting; the participants come after it, read-only', async () => {
    const { element, events } = await joined();
    expect(events).to.deep.equal(['zoom-joined', 'zoom-participants']);
    expect(element.participants).to.deep.equal([you, host]);
    expect(Object.isFrozen(element.participants) && Object.isFrozen(element.participants[0])).to.equal(true);
  });

  it('reconnecting is a status of its own; back, it is joined again without a second zoom-joined', async () => {
    const { element, adapter, events } = await joined();
    const states: string[] = [];
    element.addEventListener('zoom-connection', (event) => states.push(`${event.detail.state}${event.detail.reason ? `:${event.detail.reason}` : ''}`));
    adapter.emit({ type: 'connection', state: 'reconnecting', reason: 'failover' });
    expect(element.status).to.equal('reconnecting');
    adapter.emit({ type: 'connection', state: 'connected' });
    expect(element.status).to.equal('joined');
    expect(states).to.deep.equal(['reconnecting:failover', 'connected']);
    expect(events.filter((name) => name === 'zoom-joined')).to.have.length(1);
  });

  it('reconnecting longer than reconnect-timeout ends the meeting as connection-lost', async () => {
    const { element, adapter } = await joined({ 'reconnect-timeout': '300' });
    const left = oneEvent(element, 'zoom-left');
    adapter.emit({ type: 'connection', state: 'reconnecting' });
    expect((await left).detail.reason).to.equal('connection-lost');
    expect(element.status).to.equal('left');
    expect(element.participants).to.deep.equal([]);
    expect(adapter.count('leave')).to.equal(1, "the meeting's frame goes");
  });

  it("reconnect-timeout=0 waits for the SDK, however long", async () => {
    const { element, adapter } = await joined({ 'reconnect-timeout': '0' });
    adapter.emit({ type: 'connection', state: 'reconnecting' });
    await tick(500);
    expect(element.status).to.equal('reconnecting');
  });

  for (const reason of ['ended', 'removed', 'connection-lost'] as const) {
    it(`the SDK says the meeting ended (${reason}): zoom-left {reason: ${reason}} and the status line says why`, async () => {
      const { element, adapter } = await joined();
      const left = oneEvent(element, 'zoom-left');
      adapter.emit({ type: 'meeting-ended', reason });
      expect((await left).detail.reason).to.equal(reason);
      await element.updateComplete;
      const line = element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim();
      expect(line).to.match({ ended: /^The host ended the meeting$/, removed: /^The host removed you/, 'connection-lost': /^The connection to the meeting was lost/ }[reason]);
      expect(element.shadowRoot!.querySelector('[part=join-button]'), 'Join is the way back').to.exist;
    });
  }

  it('mute(), unmute() and end() reach the SDK in a meeting; outside one they fail as not-in-meeting', async () => {
    const { element, adapter } = await joined();
    await element.mute();
    await element.unmute();
    await element.end();
    expect(adapter.commands).to.deep.equal(['mute', 'unmute', 'end']);
    await element.leave();
    const error = await element.mute().then(() => undefined, (failure: unknown) => failure as { code?: string; title?: string });
    expect(error?.code).to.equal('not-in-meeting');
    expect(element.status, 'a refused command is no join failure').to.equal('left');
  });
});
