// Joining another account's meeting: the signature endpoint attaches an OBF token or ZAK for a visitor signed in
// with Zoom, asks for a sign-in first when there is none, and Zoom's 4017 is waited out.
import { expect, waitUntil } from '@open-wc/testing';
import { FakeAdapter } from '../support/fake-adapter.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import type { ZoomJoin } from '../../src/zoom-join.js';

const MEETING = '5556667771';
const sdk = useFakeSdk();
let keys = 0;

/** An element whose endpoint is the test server's sign-in flow, for a visitor of its own. */
async function element(query = '', attributes: Record<string, string> = {}) {
  const key = `sign-in-${Date.now()}-${keys++}`;
  const target = await renderZoomJoin({
    'meeting-number': MEETING,
    'user-name': 'Ada',
    'signature-endpoint': `/test-endpoint/sign-in-flow?key=${key}${query}`,
    ...attributes,
  });
  return { target, key };
}

function statusLine(target: HTMLElement): string {
  return target.shadowRoot?.querySelector('[part=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function signInLink(target: ZoomJoin): HTMLAnchorElement | null {
  return target.shadowRoot?.querySelector<HTMLAnchorElement>('[part=sign-in-button]') ?? null;
}

async function signIn(key: string, approve = true): Promise<void> {
  await fetch(`/test-endpoint/sign-in-page?key=${encodeURIComponent(key)}&approve=${approve ? 1 : 0}`);
}

function joinOptions(adapter: FakeAdapter) {
  const call = adapter.calls.find((entry) => entry.method === 'join');
  return call && call.method === 'join' ? call.options : undefined;
}

describe('<zoom-join> Zoom sign-in and OBF tokens', () => {
  it('joins with the OBF token the endpoint attached, not with the zak property', async () => {
    const { target, key } = await element();
    await signIn(key);
    target.zak = 'property-zak-not-used';
    await target.join();
    const options = joinOptions(sdk.adapters().created[0]!);
    expect(options?.obfToken).to.equal(`test-obf-token-of-${key}`);
    expect(options).not.to.have.property('zak');
    expect(target.status).to.equal('joined');
  });

  it('joins with the ZAK the endpoint attached', async () => {
    const { target, key } = await element('&token=zak');
    await signIn(key);
    await target.join();
    const options = joinOptions(sdk.adapters().created[0]!);
    expect(options?.zak).to.equal(`test-zak-token-of-${key}`);
    expect(options).not.to.have.property('obfToken');
  });

  it('refuses an answer with both an OBF token and a ZAK, before the SDK', async () => {
    const { target, key } = await element('&token=both');
    await signIn(key);
    const error = await joinFailure(target);
    expect(error?.code).to.equal('signature-answer-tokens-conflict');
    expect(error?.steps.join(' ')).to.contain('never both');
    expect(sdk.adapters().created.flatMap((adapter) => adapter.calls.map((call) => call.method))).not.to.include('join');
  });

  it('refuses both zak and obfToken set on the element, before the SDK', async () => {
    const target = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'signature-endpoint': '/test-endpoint/ok' });
    target.zak = 'zak-SECRET';
    target.obfToken = 'obf-SECRET';
    const error = await joinFailure(target);
    expect(error?.code).to.equal('tokens-conflict');
    expect(error?.message).to.equal('The element has both a zak and an obfToken; Zoom joins with one of them.');
    expect(JSON.stringify(error)).not.to.match(/zak-SECRET|obf-SECRET/);
  });

  it('never shows the attached token: a failing join quoting it is scrubbed', async () => {
    const { target, key } = await element();
    await signIn(key);
    const next = new FakeAdapter();
    next.failWith('join', { type: 'JOIN_MEETING_FAILED', reason: `refused test-obf-token-of-${key} for you`, errorCode: 1 });
    sdk.adapters().next = next;
    const error = await joinFailure(target);
    const shown = JSON.stringify(error) + (target.shadowRoot?.textContent ?? '');
    expect(shown).not.to.contain(`test-obf-token-of-${key}`);
    expect(shown).to.contain('refused');
  });

  it('asks for a sign-in (a link to it, the join waiting without its timeout), then joins once the popup says so', async () => {
    const { target } = await element('', { 'join-timeout': '800' });
    const joining = target.join();
    await waitUntil(() => target.status === 'waiting-for-sign-in', 'waiting-for-sign-in');
    await target.updateComplete;
    expect(statusLine(target)).to.equal('Sign in with Zoom to join this meeting');
    const link = signInLink(target)!;
    expect(link.textContent).to.equal('Sign in with Zoom');
    expect(new URL(link.href).pathname).to.equal('/test-endpoint/sign-in-page', 'the URL the endpoint named, made absolute');
    expect(target.shadowRoot?.querySelector('[part=cancel-button]')).to.exist;
    // Longer than join-timeout: signing in is the visitor's time.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(target.status).to.equal('waiting-for-sign-in');
    link.click();
    await joining;
    expect(target.status).to.equal('joined');
    expect(joinOptions(sdk.adapters().created.at(-1)!)?.obfToken).to.match(/^test-obf-token-of-/);
    expect(signInLink(target)).to.equal(null);
  });

  it('asks again when the popup closes without a sign-in, and Cancel ends the wait', async () => {
    const { target, key } = await element('&url=' + encodeURIComponent(`/test-endpoint/sign-in-page?approve=0&key=x`));
    const joining = target.join().catch((error: unknown) => error);
    await waitUntil(() => target.status === 'waiting-for-sign-in', 'waiting-for-sign-in');
    await target.updateComplete;
    const before = await (await fetch(`/test-endpoint/attempts?key=${key}`)).json();
    signInLink(target)!.click();
    await waitUntil(async () => (await (await fetch(`/test-endpoint/attempts?key=${key}`)).json()).count > before.count, 'asked the endpoint again');
    await waitUntil(() => target.status === 'waiting-for-sign-in', 'still waiting for a sign-in');
    await target.leave();
    expect((await joining as Error).name).to.equal('ZoomJoinError');
    expect(target.status).to.equal('idle');
  });

  it('back from a sign-in in this tab (redirect), joins by itself', async () => {
    const key = `resume-${Date.now()}`;
    await signIn(key);
    sessionStorage.setItem('zoom-join:resume-after-sign-in', MEETING);
    const target = await renderZoomJoin({
      'meeting-number': MEETING,
      'user-name': 'Ada',
      'signature-endpoint': `/test-endpoint/sign-in-flow?key=${key}`,
    });
    await waitUntil(() => target.status === 'joined', 'joined without a click');
    expect(sessionStorage.getItem('zoom-join:resume-after-sign-in')).to.equal(null, 'once');
  });

  it('a sign-in URL that is not http(s) is not linked: the 401 is reported as it is', async () => {
    const { target } = await element('&url=' + encodeURIComponent('javascript:alert(1)'));
    const error = await joinFailure(target);
    expect(error?.code).to.equal('signature-http-status');
    expect(signInLink(target)).to.equal(null);
  });

  it("waits while Zoom says the authorising user is not in the meeting (4017), naming them, until join-timeout", async () => {
    const { target, key } = await element('', { 'join-timeout': '1500' });
    await signIn(key);
    const next = new FakeAdapter();
    next.failWith('join', { type: 'JOIN_MEETING_FAILED', reason: 'Authorized user not in meeting.', errorCode: 4017 });
    sdk.adapters().next = next;
    const failing = joinFailure(target);
    await waitUntil(() => target.status === 'waiting-for-authorized-user', 'waiting-for-authorized-user');
    await target.updateComplete;
    expect(statusLine(target)).to.contain('Grace Hopper must be in the meeting before you can join on their behalf');
    expect(target.shadowRoot?.querySelector('[part=cancel-button]')).to.exist;
    const error = await failing;
    expect(error?.code).to.equal('join-timeout');
    expect(error?.sdkCode).to.equal(4017);
    expect(error?.title).to.equal('Grace Hopper did not join the meeting in time');
    expect(error?.steps[0]).to.contain('Ask Grace Hopper to join the meeting first');
  });
});
