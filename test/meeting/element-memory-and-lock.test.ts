// The memory watch and the one-meeting-per-browser lock as the element uses them (fake SDK adapter).
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { acquireMeetingLock, meetingLockName } from '../../src/meeting/browser-lock.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '5556667778';
const sdk = useFakeSdk();

async function joinedElement(attributes: Record<string, string | null> = {}) {
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  await element.join();
  return element;
}

async function heldLocks(): Promise<string[]> {
  const state = await navigator.locks.query();
  return (state.held ?? []).map((lock) => lock.name ?? '');
}

describe('<zoom-join> memory watch', () => {
  it('samples memory while joined and shows the budget warning banner', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'memory-interval': '100', 'memory-budget': '1' });
    element.signature = testSignature({ meetingNumber: MEETING });
    const sample = oneEvent(element, 'zoom-memory');
    const warning = oneEvent(element, 'zoom-memory-warning');
    await element.join();
    expect((await sample).detail.usedBytes).to.be.greaterThan(0);
    expect((await warning).detail.reason).to.equal('budget');
    await waitUntil(() => element.shadowRoot!.querySelector('[part=warning]'), 'the banner is shown');
    expect(element.shadowRoot!.querySelector('[part=warning]')!.textContent).to.match(/tab|memory/i);
    expect(element.status).to.equal('joined', 'warn (the default) does not leave');
  });

  it('leaves a meeting with reason memory-pressure when on-memory-pressure="leave"', async () => {
    const element = await joinedElement({ 'memory-interval': '100', 'on-memory-pressure': 'leave' });
    const left = oneEvent(element, 'zoom-left');
    element.setAttribute('memory-budget', '1');
    expect((await left).detail.reason).to.equal('memory-pressure');
    expect(element.status).to.equal('left');
    expect(sdk.adapters().created[0]!.count('leave')).to.equal(1);
  });

  it('stops a join under memory pressure with a memory error when on-memory-pressure="leave"', async () => {
    const element = await renderZoomJoin({
      'meeting-number': MEETING,
      'user-name': 'Ada',
      'memory-interval': '100',
      'memory-budget': '1',
      'on-memory-pressure': 'leave',
    });
    element.signature = testSignature({ meetingNumber: MEETING });
    const { FakeAdapter } = await import('../support/fake-adapter.js');
    const held = new FakeAdapter();
    held.hold('init');
    sdk.adapters().next = held;
    const error = await joinFailure(element);
    expect(error?.code).to.equal('memory-pressure');
    expect(error?.category).to.equal('memory');
    expect(element.status).to.equal('error');
    expect(held.count('join')).to.equal(0);
  });

  it('turns the SDK\'s own out-of-memory report into a sdk-out-of-memory warning', async () => {
    const element = await joinedElement({ 'memory-interval': '100' });
    // The monitor loads lazily once the element starts joining; wait until it took its first sample.
    await oneEvent(element, 'zoom-memory');
    const warning = oneEvent(element, 'zoom-memory-warning');
    sdk.adapters().created[0]!.emit({ type: 'memory-failure', failure: { sdkCode: 205, sdkType: 'WasmOutOfMemory' } });
    expect((await warning).detail.reason).to.equal('sdk-out-of-memory');
  });

  it('stops sampling after leaving', async () => {
    const element = await joinedElement({ 'memory-interval': '50' });
    await oneEvent(element, 'zoom-memory');
    await element.leave();
    let samples = 0;
    element.addEventListener('zoom-memory', () => samples++);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(samples).to.equal(0);
  });

  it('a removed element that comes back after the meeting ended does not restart the memory watch', async () => {
    const element = await joinedElement({ 'memory-interval': '50' });
    await oneEvent(element, 'zoom-memory');
    const parent = element.parentElement!;
    const left = oneEvent(element, 'zoom-left');
    element.remove();
    await left;
    parent.append(element);
    await new Promise((resolve) => setTimeout(resolve, 20));
    let samples = 0;
    element.addEventListener('zoom-memory', () => samples++);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(element.status).to.equal('left');
    expect(samples).to.equal(0);
  });
});

describe('<zoom-join> one meeting per browser', () => {
  it('refuses a meeting that another tab of this browser holds: another-meeting-in-progress (another tab), nothing reaches the SDK', async () => {
    const otherTab = await acquireMeetingLock(MEETING);
    expect(otherTab).to.not.equal(null);
    try {
      const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
      element.signature = testSignature({ meetingNumber: MEETING });
      const error = await joinFailure(element);
      expect(error?.code).to.equal('another-meeting-in-progress');
      expect(error?.message).to.contain('another tab');
      expect(error?.title).to.contain('another tab');
      expect(error?.hint).to.not.equal('');
      expect(error?.steps.join(' ')).to.contain('Switch to the tab');
      expect(sdk.adapters().created).to.have.length(0);
    } finally {
      otherTab?.release();
    }
  });

  it('joins anyway with allow-duplicate', async () => {
    const otherTab = await acquireMeetingLock(MEETING);
    try {
      const element = await joinedElement({ 'allow-duplicate': '' });
      expect(element.status).to.equal('joined');
    } finally {
      otherTab?.release();
    }
  });

  it('holds the lock while joined and releases it on leave and on removal', async () => {
    const element = await joinedElement();
    expect(await heldLocks()).to.include(meetingLockName(MEETING));
    await element.leave();
    await waitUntil(async () => !(await heldLocks()).includes(meetingLockName(MEETING)), 'released on leave');
    await element.join();
    expect(await heldLocks()).to.include(meetingLockName(MEETING));
    element.remove();
    await waitUntil(async () => !(await heldLocks()).includes(meetingLockName(MEETING)), 'released on removal');
  });
});
