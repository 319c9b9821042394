import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { ZoomJoinError } from '../src/zoom-join-error.js';
import type { ZoomJoin } from '../src/zoom-join.js';
import { ZoomJoin as ZoomJoinClass } from '../src/zoom-join.js';
import { FakeAdapter, fakeAdapters } from './support/fake-adapter.js';
import { testSignature } from './support/test-signature.js';

const MEETING = '1234567890';
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
let adapters: ReturnType<typeof fakeAdapters>;
const created: ZoomJoin[] = [];
document.addEventListener('zoom-status', (event) => {
  const element = event.target as ZoomJoin;
  if (!created.includes(element)) created.push(element);
});
const originalFactory = ZoomJoinClass.adapterFactory;
const originalDelay = ZoomJoinClass.teardownDelayMs;

beforeEach(() => {
  adapters = fakeAdapters();
  ZoomJoinClass.adapterFactory = adapters.factory;
  ZoomJoinClass.teardownDelayMs = 30;
});

afterEach(async () => {
  // Every test leaves the page's one meeting slot free for the next (fixtures may already be detached).
  for (const element of created.splice(0)) {
    await element.leave().catch(() => undefined);
  }
  await tick(50);
  ZoomJoinClass.adapterFactory = originalFactory;
  ZoomJoinClass.teardownDelayMs = originalDelay;
});

async function makeElement(extra: Partial<ZoomJoin> = {}): Promise<ZoomJoin> {
  const element = await fixture<ZoomJoin>(html`<zoom-join meeting-number=${MEETING} user-name="Ada" preload="none"></zoom-join>`);
  element.signature = testSignature({ meetingNumber: MEETING });
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

/** An auto-join element with every input set, appended to the page; resolves once it has joined by itself. */
async function autoJoined(): Promise<ZoomJoin> {
  const element = document.createElement('zoom-join');
  element.preload = 'none';
  element.autoJoin = true;
  element.meetingNumber = MEETING;
  element.userName = 'Ada';
  element.signature = testSignature({ meetingNumber: MEETING });
  const joined = oneEvent(element, 'zoom-joined');
  document.body.append(element);
  await joined;
  return element;
}

function recordEvents(element: HTMLElement): string[] {
  const seen: string[] = [];
  for (const name of ['zoom-status', 'zoom-joined', 'zoom-left', 'zoom-error', 'zoom-signature-warning']) {
    element.addEventListener(name, (event) => {
      const detail = (event as CustomEvent).detail as { status?: string; code?: string; reason?: string };
      seen.push(name === 'zoom-status' ? `status:${detail.status}` : name === 'zoom-error' ? `error:${detail.code}` : name === 'zoom-left' ? `left:${detail.reason}` : name);
    });
  }
  return seen;
}

describe('<zoom-join> with a fake SDK adapter', () => {
  it('is registered by the package entry', () => {
    expect(customElements.get('zoom-join')).to.equal(ZoomJoinClass);
  });

  it('starts idle, shows a Join button and reflects status as an attribute', async () => {
    const element = await makeElement();
    expect(element.status).to.equal('idle');
    expect(element.getAttribute('status')).to.equal('idle');
    expect(element.shadowRoot!.querySelector('[part=join-button]')).to.exist;
  });

  it('joins: status signing → joining → joined, then zoom-joined, in that order', async () => {
    const element = await makeElement();
    const seen = recordEvents(element);
    await element.join();
    expect(seen).to.deep.equal(['status:signing', 'status:joining', 'status:joined', 'zoom-joined']);
    expect(element.status).to.equal('joined');
    await element.updateComplete;
    expect(element.getAttribute('status')).to.equal('joined');
    const adapter = adapters.created[0]!;
    expect(adapter.calls.map((call) => call.method)).to.deep.equal(['load', 'init', 'join']);
  });

  it('hands the SDK the normalised meeting number, name, passcode and signature', async () => {
    const element = await fixture<ZoomJoin>(
      html`<zoom-join meeting-number="123 4567-890" user-name=" Ada " password="pw1" user-email="a@b.co" preload="none"></zoom-join>`,
    );
    element.signature = testSignature({ meetingNumber: MEETING });
    const joined = oneEvent(element, 'zoom-joined');
    await element.join();
    expect((await joined).detail).to.deep.equal({ meetingNumber: MEETING, userName: 'Ada', view: 'component' });
    const call = adapters.created[0]!.calls.find((c) => c.method === 'join');
    expect(call && call.method === 'join' && call.options).to.include({
      meetingNumber: MEETING,
      userName: 'Ada',
      passcode: 'pw1',
      userEmail: 'a@b.co',
      signature: element.signature,
    });
  });

  it('resolves a relative asset-path against the document before the SDK sees it', async () => {
    const element = await makeElement({ assetPath: '/node_modules/@zoom/meetingsdk/dist/lib/' });
    await element.join();
    const init = adapters.created[0]!.calls.find((c) => c.method === 'init');
    const options = init && init.method === 'init' ? init.options : undefined;
    expect(options?.libUrl).to.equal(new URL('/node_modules/@zoom/meetingsdk/dist/lib', document.baseURI).href);
    expect(options?.selfHosted).to.equal(true);
    expect(options?.root.parentElement).to.equal(element);
    expect(options?.root.getRootNode()).to.equal(document, 'the SDK root must be light DOM');
  });

  it('uses Zoom\'s CDN for the installed SDK version when asset-path is absent', async () => {
    const element = await makeElement();
    await element.join();
    const init = adapters.created[0]!.calls.find((c) => c.method === 'init');
    expect(init && init.method === 'init' && init.options.libUrl).to.equal('https://source.zoom.us/6.2.0/lib');
    expect(init && init.method === 'init' && init.options.selfHosted).to.equal(false);
  });

  it('starts one join when join() is called twice', async () => {
    const element = await makeElement();
    const first = element.join();
    const second = element.join();
    expect(second).to.equal(first);
    await Promise.all([first, second]);
    expect(adapters.created).to.have.length(1);
    expect(adapters.created[0]!.count('join')).to.equal(1);
  });

  it('starts one join when the Join button is double-clicked', async () => {
    const next = new FakeAdapter();
    const gate = next.hold('join');
    adapters.next = next;
    const element = await makeElement();
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('[part=join-button]')!;
    button.click();
    button.click();
    await waitUntil(() => next.count('join') === 1);
    gate.resolve();
    await waitUntil(() => element.status === 'joined');
    expect(next.count('join')).to.equal(1);
    expect(adapters.created).to.have.length(1);
  });

  it('leaves: status leaving → left, zoom-left {reason: user}; the SDK client is kept for the next join', async () => {
    const element = await makeElement();
    await element.join();
    const seen = recordEvents(element);
    await element.leave();
    expect(seen).to.deep.equal(['status:leaving', 'status:left', 'left:user']);
    const adapter = adapters.created[0]!;
    expect(adapter.count('leave')).to.equal(1);
    expect(adapter.count('destroy')).to.equal(0);
  });

  it('can join again after leaving, re-using the SDK client', async () => {
    const element = await makeElement();
    await element.join();
    await element.leave();
    await element.join();
    expect(element.status).to.equal('joined');
    expect(adapters.created).to.have.length(1);
    expect(adapters.created[0]!.count('join')).to.equal(2);
  });

  it('reports an SDK failure: status error first, then one zoom-error, and join() rejects with it', async () => {
    const next = new FakeAdapter();
    next.failWith('join', { type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 });
    adapters.next = next;
    const element = await makeElement();
    const statusesAtError: string[] = [];
    let errors = 0;
    element.addEventListener('zoom-error', () => {
      errors++;
      statusesAtError.push(element.status);
    });
    const rejection = await element.join().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejection).to.be.instanceOf(ZoomJoinError);
    expect((rejection as ZoomJoinError).category).to.equal('network');
    expect((rejection as ZoomJoinError).sdkCode).to.equal(-3000);
    expect(errors).to.equal(1);
    expect(statusesAtError).to.deep.equal(['error']);
    await element.updateComplete;
    const panel = element.shadowRoot!.querySelector('[part=error]');
    expect(panel).to.exist;
    expect(panel!.textContent).to.contain('-3000');
    expect(next.count('leave')).to.equal(1, 'a failed join resets the SDK meeting state');
    expect(next.count('destroy')).to.equal(0, 'the client is kept for a retry');
  });

  it('shows Retry for a retryable failure, and retry() joins again', async () => {
    const next = new FakeAdapter();
    next.failWith('join', { type: 'JOIN_MEETING_FAILED', reason: 'connection error', errorCode: -3000 });
    adapters.next = next;
    const element = await makeElement();
    await element.join().catch(() => undefined);
    await element.updateComplete;
    const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]');
    expect(retry).to.exist;
    retry!.click();
    await waitUntil(() => element.status === 'joined');
    expect(next.count('join')).to.equal(2);
  });

  it('refuses a second element while the first is in a meeting, without disturbing the first', async () => {
    const first = await makeElement();
    await first.join();
    const second = await makeElement();
    const error = oneEvent(second, 'zoom-error');
    await second.join().catch(() => undefined);
    const { detail } = await error;
    // One code for "already in a meeting"; the message and title say where the other meeting is.
    expect(detail.code).to.equal('another-meeting-in-progress');
    expect(detail.message).to.contain('on this page');
    expect(detail.title).to.contain('on this page');
    expect(detail.retryable).to.equal(true);
    expect(detail.sdkCode).to.equal(undefined);
    expect(second.status).to.equal('error');
    expect(first.status).to.equal('joined');
    expect(adapters.created).to.have.length(1);
    expect(adapters.created[0]!.count('leave')).to.equal(0);
  });

  it('keeps the call when the element is moved in the DOM', async () => {
    const element = await makeElement();
    await element.join();
    const other = document.createElement('div');
    document.body.append(other);
    other.append(element);
    await tick(80);
    expect(element.status).to.equal('joined');
    expect(adapters.created[0]!.count('leave')).to.equal(0);
    other.remove();
  });

  it('leaves and destroys the SDK client after removal, with zoom-left {reason: element-removed}', async () => {
    const element = await makeElement();
    await element.join();
    const left = oneEvent(element, 'zoom-left');
    element.remove();
    expect((await left).detail.reason).to.equal('element-removed');
    const adapter = adapters.created[0]!;
    expect(adapter.count('leave')).to.equal(1);
    expect(adapter.count('destroy')).to.equal(1);
    expect(adapter.listeners.size).to.equal(0, 'no SDK subscription survives removal');
  });

  it('cancels a join in flight when removed: no join completes, nothing is left subscribed', async () => {
    const next = new FakeAdapter();
    const gate = next.hold('init');
    adapters.next = next;
    const element = await makeElement();
    const seen = recordEvents(element);
    const joining = element.join().then(
      () => 'joined',
      (error: ZoomJoinError) => error.code,
    );
    await waitUntil(() => next.count('init') === 1);
    element.remove();
    await tick(60);
    gate.resolve();
    expect(await joining).to.equal('join-cancelled');
    expect(next.count('join')).to.equal(0, 'the SDK join never started');
    await waitUntil(() => next.count('destroy') === 1, 'the SDK client is destroyed after removal');
    expect(next.listeners.size).to.equal(0);
    expect(element.status).to.equal('idle');
    expect(seen).to.not.include('zoom-joined');
    expect(seen.filter((entry) => entry.startsWith('error:'))).to.deep.equal([]);
  });

  it('frees the page\'s meeting slot after removal so another element can join', async () => {
    const first = await makeElement();
    await first.join();
    first.remove();
    await tick(80);
    const second = await makeElement();
    await second.join();
    expect(second.status).to.equal('joined');
  });

  it('never reflects or renders secrets', async () => {
    const secret = { signature: testSignature({ meetingNumber: MEETING }), zak: 'zak-SECRET-1', tk: 'tk-SECRET-2' };
    const element = await makeElement(secret);
    await element.join();
    await element.updateComplete;
    const attributes = Array.from(element.attributes).map((attribute) => `${attribute.name}=${attribute.value}`).join(' ');
    const rendered = element.outerHTML + element.shadowRoot!.innerHTML;
    for (const value of Object.values(secret)) {
      expect(attributes).to.not.contain(value);
      expect(rendered).to.not.contain(value);
    }
    expect(element.hasAttribute('signature')).to.equal(false);
    expect(element.hasAttribute('zak')).to.equal(false);
    const join = adapters.created[0]!.calls.find((c) => c.method === 'join');
    expect(join && join.method === 'join' && join.options).to.include({ zak: 'zak-SECRET-1', tk: 'tk-SECRET-2' });
  });

  it('reports a config error before touching the SDK', async () => {
    const element = await fixture<ZoomJoin>(html`<zoom-join user-name="Ada" preload="none"></zoom-join>`);
    element.signature = testSignature();
    const error = oneEvent(element, 'zoom-error');
    await element.join().catch(() => undefined);
    const detail = (await error).detail;
    expect(detail.code).to.equal('meeting-number-missing');
    expect(detail.category).to.equal('config');
    expect(element.status).to.equal('error');
    expect(adapters.created).to.have.length(0);
  });

  it('becomes left when the SDK reports that the meeting ended', async () => {
    const element = await makeElement();
    await element.join();
    const left = oneEvent(element, 'zoom-left');
    adapters.created[0]!.emit({ type: 'meeting-ended', reason: 'ended' });
    expect((await left).detail.reason).to.equal('ended');
    expect(element.status).to.equal('left');
  });

  it('joins by itself with auto-join once the inputs are present', async () => {
    const element = await autoJoined();
    expect(element.status).to.equal('joined');
    expect(element.shadowRoot!.querySelector('[part=join-button]')).to.not.exist;
    element.remove();
    await tick(60);
  });

  it('with auto-join, the Join button comes back after leaving', async () => {
    const element = await autoJoined();
    expect(element.shadowRoot!.querySelector('[part=join-button]')).to.not.exist;
    await element.leave();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=join-button]'), 'a way back after leaving').to.exist;
    element.remove();
  });

  it('runs the Client View adapter when view="client"', async () => {
    const element = await makeElement({ view: 'client' });
    await element.join();
    expect(adapters.created[0]!.view).to.equal('client');
  });
});
