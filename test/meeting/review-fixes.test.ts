// Races and dead ends found in review: a join queued behind a leave, auto-join after a leave, cancelling a join,
// a signature provider that never answers, and the memory watch after a removed element comes back.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeAdapter } from '../support/fake-adapter.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '7778889990';
const sdk = useFakeSdk();
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function joined(attributes: Record<string, string> = {}) {
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  await element.join();
  return element;
}

describe('<zoom-join> review fixes', () => {
  it('leave() cancels a join that was queued behind a leave in progress', async () => {
    const element = await joined();
    const adapter = sdk.adapters().created[0]!;
    const gate = adapter.hold('leave');
    const leaving = element.leave();
    const queued = element.join().then(
      () => 'joined',
      (error: { code?: string }) => error.code,
    );
    const second = element.leave();
    gate.resolve();
    await Promise.all([leaving, second]);
    expect(await queued).to.equal('join-cancelled');
    expect(element.status).to.equal('left');
    expect(adapter.count('join')).to.equal(1, 'the queued join never reached the SDK');
  });

  it('shows Cancel while joining; Cancel stops the join without an error', async () => {
    const next = new FakeAdapter();
    const gate = next.hold('init');
    sdk.adapters().next = next;
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signature = testSignature({ meetingNumber: MEETING });
    let errors = 0;
    element.addEventListener('zoom-error', () => errors++);
    const joining = element.join().catch(() => undefined);
    await waitUntil(() => element.status === 'joining');
    await element.updateComplete;
    const cancel = element.shadowRoot!.querySelector<HTMLButtonElement>('[part=cancel-button]');
    expect(cancel, 'a Cancel button while joining').to.exist;
    cancel!.click();
    await joining;
    gate.resolve();
    expect(element.status).to.equal('idle');
    expect(errors).to.equal(0);
    expect(next.count('join')).to.equal(0);
  });

  it('with auto-join, the Join button comes back after leaving', async () => {
    const element = document.createElement('zoom-join');
    element.preload = 'none';
    element.autoJoin = true;
    element.meetingNumber = MEETING;
    element.userName = 'Ada';
    element.signature = testSignature({ meetingNumber: MEETING });
    const joinedEvent = oneEvent(element, 'zoom-joined');
    document.body.append(element);
    await joinedEvent;
    expect(element.shadowRoot!.querySelector('[part=join-button]')).to.not.exist;
    await element.leave();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=join-button]'), 'a way back after leaving').to.exist;
    element.remove();
  });

  it('a signature provider that never answers fails after signatureRequest.timeoutMs', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signatureProvider = () => new Promise<string>(() => undefined);
    element.signatureRequest = { timeoutMs: 200 };
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-provider-failed');
    expect(error?.message).to.contain('200 ms');
    expect(sdk.adapters().created).to.have.length(0);
  });

  it('a removed element that comes back after the meeting ended does not restart the memory watch', async () => {
    const element = await joined({ 'memory-interval': '50' });
    await oneEvent(element, 'zoom-memory');
    const parent = element.parentElement!;
    const left = oneEvent(element, 'zoom-left');
    element.remove();
    await left;
    parent.append(element);
    await tick(20);
    let samples = 0;
    element.addEventListener('zoom-memory', () => samples++);
    await tick(300);
    expect(element.status).to.equal('left');
    expect(samples).to.equal(0);
  });
});
