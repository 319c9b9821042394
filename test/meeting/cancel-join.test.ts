// Stopping a join on purpose: leave() with a join queued behind a leave, and the Cancel button.
import { expect, waitUntil } from '@open-wc/testing';
import { FakeAdapter } from '../support/fake-adapter.js';
import { renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '7778889990';
const sdk = useFakeSdk();

async function joined(attributes: Record<string, string> = {}) {
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  await element.join();
  return element;
}

describe('<zoom-join> cancelling a join', () => {
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
});
