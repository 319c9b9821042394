// Asset preloading as the element does it: the `preload` attribute, status preloading → ready, the progress bar,
// asset-path errors before any SDK call, and what the join passes on (videoWebRtcMode, enforceVirtualBackground).
import { expect, waitUntil } from '@open-wc/testing';
import type { SignatureRequestParams } from '../../src/signature/signature-types.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '4445556667';
const LIB = '/node_modules/@zoom/meetingsdk/dist/lib';
const sdk = useFakeSdk();

describe('<zoom-join> asset preloading', () => {
  it('preload="eager": status preloading → ready, zoom-capabilities, progress only grows to 1, progress bar shown meanwhile', async () => {
    const statuses: string[] = [];
    const fractions: number[] = [];
    let capabilities: unknown;
    let barSeen = false;
    const listening = new AbortController();
    const { signal } = listening;
    document.addEventListener('zoom-status', (event) => statuses.push(event.detail.status), { signal });
    document.addEventListener('zoom-capabilities', (event) => (capabilities = event.detail), { signal });
    document.addEventListener('zoom-progress', (event) => {
      fractions.push(event.detail.fraction);
      const element = event.target as HTMLElement;
      queueMicrotask(() => (barSeen ||= Boolean(element.shadowRoot?.querySelector('[part=progress]'))));
    }, { signal });
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'asset-path': LIB, preload: 'eager' });
    await waitUntil(() => element.status === 'ready', 'preloaded', { timeout: 20000 });
    expect(statuses.slice(0, 2)).to.deep.equal(['preloading', 'ready']);
    expect(element.getAttribute('status')).to.equal('ready');
    expect(capabilities).to.have.property('crossOriginIsolated', false);
    await waitUntil(() => fractions.at(-1) === 1, 'progress reaches 1', { timeout: 30000 });
    expect(fractions.every((value, index) => index === 0 || value >= fractions[index - 1]!)).to.equal(true);
    expect(barSeen, 'the progress bar is shown while preloading').to.equal(true);
    // Preloading makes the SDK ready in the element's meeting root, and does nothing a join does.
    const [adapter] = sdk.adapters().created;
    expect(adapter?.calls).to.deep.equal([
      { method: 'prepare', options: { root: element.querySelector('[slot=meeting]'), libUrl: new URL(LIB, location.href).href } },
    ]);
    listening.abort();
  });

  it('after a meeting, the SDK is made ready again for the next join; a removed element prepares nothing more', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'asset-path': LIB, preload: 'eager' });
    await waitUntil(() => element.status === 'ready', 'preloaded', { timeout: 20000 });
    element.signature = testSignature({ meetingNumber: MEETING });
    await element.join();
    const [adapter] = sdk.adapters().created;
    expect(adapter!.count('prepare')).to.equal(1);
    await element.leave();
    await waitUntil(() => adapter!.count('prepare') === 2, 'prepared again after leaving', { timeout: 20000 });
    expect(adapter!.calls.map((call) => call.method)).to.deep.equal(['prepare', 'load', 'init', 'join', 'leave', 'prepare']);
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(adapter!.count('prepare'), 'nothing prepared for a removed element').to.equal(2);
  });

  it('a join from ready starts from ready and joins', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'asset-path': LIB, preload: 'eager' });
    await waitUntil(() => element.status === 'ready', 'preloaded', { timeout: 20000 });
    element.signature = testSignature({ meetingNumber: MEETING });
    await element.join();
    expect(element.status).to.equal('joined');
  });

  it('an asset-path without the SDK (404) fails the join with asset-path-invalid before the signature and the SDK', async () => {
    let signatureAsked = false;
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'asset-path': '/no-such-folder/lib' });
    element.signatureProvider = async () => {
      signatureAsked = true;
      return testSignature({ meetingNumber: MEETING });
    };
    const error = await joinFailure(element);
    expect(error?.code).to.equal('asset-path-invalid');
    expect(error?.category).to.equal('assets');
    expect(signatureAsked).to.equal(false);
    expect(sdk.adapters().created).to.have.length(0);
    expect(element.shadowRoot!.querySelector('[part=error-code]')!.textContent).to.contain('asset-path-invalid');
  });

  it('asks the signature source for videoWebRtcMode 1 when the page is not cross-origin isolated', async () => {
    expect(window.crossOriginIsolated).to.equal(false);
    let params: SignatureRequestParams | undefined;
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signatureProvider = async (given) => {
      params = given;
      return testSignature({ meetingNumber: MEETING });
    };
    await element.join();
    expect(params).to.deep.include({ meetingNumber: MEETING, role: 0, videoWebRtcMode: 1 });
  });

  it('virtual-background="enforce" reaches the SDK as enforceVirtualBackground', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'virtual-background': 'enforce' });
    element.signature = testSignature({ meetingNumber: MEETING });
    await element.join();
    const init = sdk.adapters().created[0]!.calls.find((call) => call.method === 'init');
    expect(init && init.method === 'init' && init.options.enforceVirtualBackground).to.equal(true);
  });
});
