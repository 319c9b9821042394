// join-timeout bounds a join from the click to joined; prompts the SDK shows instead of failing are said aloud.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { FakeAdapter } from '../support/fake-adapter.js';
import { joinFailure as joinFailureOrNothing, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '5556667770';
const sdk = useFakeSdk();
async function joinFailure(target: Parameters<typeof joinFailureOrNothing>[0]) {
  const error = await joinFailureOrNothing(target);
  if (!error) throw new Error('the join succeeded');
  return error;
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function element(attributes: Record<string, string> = {}) {
  const created = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  created.signature = testSignature({ meetingNumber: MEETING });
  return created;
}

function statusLine(target: HTMLElement): string {
  return target.shadowRoot?.querySelector('[part=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<zoom-join> join-timeout', () => {
  it('ends a join that hangs in the SDK with join-timeout naming the step, and leaves what the SDK started', async () => {
    const next = new FakeAdapter();
    next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ 'join-timeout': '1500' });
    const error = await joinFailure(target);
    expect(error.code).to.equal('join-timeout');
    expect(error.category).to.equal('network');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.contain('within 1.5 s');
    expect(error.message).to.contain("joining (the SDK asks Zoom's join web service");
    expect(target.status).to.equal('error');
    expect(next.count('leave')).to.equal(1, 'whatever the SDK started goes (the real adapters discard its realm)');
  });

  it("names Zoom's answer that the SDK never reported", async () => {
    const next = new FakeAdapter();
    next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ 'join-timeout': '1500' });
    const failing = joinFailure(target);
    await waitUntil(() => next.count('join') === 1);
    next.emit({ type: 'zoom-answered', answer: { httpStatus: 200, status: false, errorCode: 200, errorMessage: 'Invalid signature.' } });
    const error = await failing;
    expect(error.code).to.equal('join-timeout');
    expect(error.message).to.contain('Zoom answered 3712 ("Invalid signature.") at wc/info, but the SDK never reported it');
  });

  it('names the step before the SDK too (a signature provider that is slow)', async () => {
    const target = await element({ 'join-timeout': '200' });
    target.signature = undefined;
    target.signatureProvider = () => new Promise<string>(() => undefined);
    const error = await joinFailure(target);
    expect(error.code).to.equal('join-timeout');
    expect(error.message).to.contain('getting and checking the signature');
    expect(sdk.adapters().created.length).to.equal(0, 'the SDK was never reached');
  });

  it('0 means no limit; the default is 60 s', async () => {
    const next = new FakeAdapter();
    const gate = next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ 'join-timeout': '0' });
    const joining = target.join();
    await tick(400);
    expect(target.status).to.equal('joining');
    gate.resolve();
    await joining;
    expect(target.status).to.equal('joined');
    const fresh = document.createElement('zoom-join');
    expect(fresh.joinTimeout).to.equal(60000);
  });

  it('an unusable value warns and falls back to 60 s', async () => {
    const target = await element({ 'join-timeout': 'soon' });
    const warning = oneEvent(target, 'zoom-warning');
    const joining = target.join();
    const { detail } = await warning;
    expect(detail.code).to.equal('attribute-invalid');
    // The attribute as written, not the NaN it became as a number.
    expect(detail.message).to.contain('join-timeout="soon"');
    expect(target.joinTimeout).to.be.NaN;
    expect(detail.message).to.contain('using 60000');
    await joining;
    expect(target.status).to.equal('joined');
  });
});

describe('<zoom-join> SDK prompts', () => {
  it('a passcode prompt raises zoom-warning once and shows in the status line until the join ends', async () => {
    const next = new FakeAdapter('client');
    const gate = next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ view: 'client' });
    const warnings: string[] = [];
    target.addEventListener('zoom-warning', (event) => warnings.push(event.detail.code));
    const joining = target.join();
    await waitUntil(() => next.count('join') === 1);
    next.emit({ type: 'prompt', prompt: 'passcode-prompt', sdkCode: 3004 });
    next.emit({ type: 'prompt', prompt: 'passcode-prompt', sdkCode: 3004 });
    await target.updateComplete;
    expect(warnings).to.deep.equal(['passcode-prompt']);
    expect(statusLine(target)).to.equal('Joining the meeting… — Zoom is asking for the meeting passcode');
    gate.resolve();
    await joining;
    await target.updateComplete;
    expect(statusLine(target)).to.equal('In the meeting');
  });

  it('the registration prompt says so too', async () => {
    const next = new FakeAdapter('client');
    next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ view: 'client' });
    const warning = oneEvent(target, 'zoom-warning');
    target.join().catch(() => undefined);
    await waitUntil(() => next.count('join') === 1);
    next.emit({ type: 'prompt', prompt: 'registration-prompt', sdkCode: 3099 });
    const { detail } = await warning;
    expect(detail.code).to.equal('registration-prompt');
    expect(detail.message).to.contain('registration');
    await target.updateComplete;
    expect(statusLine(target)).to.contain('Zoom is asking you to register for this meeting');
    await target.leave();
  });

  it('does not count the time the host holds the user in the waiting room', async () => {
    const next = new FakeAdapter();
    const held = next.hold('join');
    sdk.adapters().next = next;
    const target = await element({ 'join-timeout': '600' });
    const joining = target.join();
    await waitUntil(() => next.count('join') === 1);
    next.emit({ type: 'waiting-room', held: true });
    expect(target.status).to.equal('waiting-room');
    // Three times the timeout, held: still waiting, no error.
    await tick(1800);
    expect(target.status).to.equal('waiting-room');
    expect(target.error).to.equal(undefined);
    await target.updateComplete;
    expect(statusLine(target)).to.equal('In the waiting room: the host will let you in');
    expect(target.shadowRoot!.querySelector('[part=cancel-button]'), 'the user can give up waiting').to.exist;
    // Let in: the join goes on, and what is left of its timeout runs again.
    next.emit({ type: 'waiting-room', held: false });
    expect(target.status).to.equal('joining');
    const error = await joining.then(() => undefined, (failure: unknown) => failure as { code?: string });
    expect(error?.code, 'the rest of the timeout ran out after the wait').to.equal('join-timeout');
    held.resolve();
  });
});
