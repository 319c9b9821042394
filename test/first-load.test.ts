// The element's first load must not contain the SDK or the join machinery (signature client, error tables):
// they arrive with one dynamic import when a join starts. This file imports nothing that would pull them in —
// not even the package entry, whose named exports (describeZoomError, inspectSignature) a bundler drops when
// unused, but a dev server serves anyway.
import { expect, fixture, html } from '@open-wc/testing';
import { ZoomJoin } from '../src/zoom-join.js';

if (!customElements.get('zoom-join')) customElements.define('zoom-join', ZoomJoin);
import { networkLog } from './support/network-log.js';
import { FakeAdapter } from './support/fake-adapter.js';
import { testSignature } from './support/test-signature.js';

const isSdk = (url: string) => /meetingsdk|sdk-esm|zoom-embedded|zoom-client/.test(url);
const isMachinery = (url: string) =>
  /\/join-machinery\.ts|view-adapter|normalize-error|error-codes|\/src\/signature\/(fetch-signature|inspect)/.test(url);

describe('first load', () => {
  afterEach(() => {
    ZoomJoin.adapterFactory = undefined;
  });

  it('defines <zoom-join> without loading the SDK or the join machinery; join() loads the machinery only', async () => {
    expect(customElements.get('zoom-join')).to.equal(ZoomJoin);
    const element = await fixture<ZoomJoin>(html`<zoom-join meeting-number="1234567890" user-name="Ada" preload="none"></zoom-join>`);
    const before = (await networkLog()).map((request) => request.url);
    expect(before.filter(isSdk), 'no SDK before join').to.deep.equal([]);
    expect(before.filter(isMachinery), 'no join machinery before join').to.deep.equal([]);

    ZoomJoin.adapterFactory = () => new FakeAdapter();
    element.signature = testSignature();
    await element.join();
    const after = (await networkLog()).map((request) => request.url);
    expect(after.some((url) => url.includes('join-machinery'))).to.equal(true);
    expect(after.filter(isSdk), 'a fake adapter never loads the SDK').to.deep.equal([]);
    await element.leave();
  });
});
