// The real @zoom/meetingsdk Client View in real Chromium, offline. Its own page: the Client View takes over the
// document (#zmmtg-root) and cannot be unloaded.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { networkLog } from '../support/network-log.js';
import { testSignature } from '../support/test-signature.js';
import { expectSelfHostedAssetsOnly, RELATIVE_ASSET_PATH, within } from './real-sdk-support.js';

describe('real SDK: Client View', function () {
  this.timeout(60000);

  it('prepares from a relative asset-path, fails offline as a network error, keeps window.onbeforeunload', async () => {
    await networkLog({ clear: true });
    const pageHandler = () => undefined;
    window.onbeforeunload = pageHandler;
    const element = await fixture<ZoomJoin>(
      html`<zoom-join view="client" meeting-number="12345678901" user-name="Real SDK test" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    element.signature = testSignature({ meetingNumber: '12345678901' });
    const failure = oneEvent(element, 'zoom-error');
    element.join().catch(() => undefined);

    const { detail } = await within(failure, 30000, 'zoom-error');
    expect(detail.view).to.equal('client');
    expect(detail.category).to.equal('network');
    expect(detail.retryable).to.equal(true);
    expect(detail.message).to.not.contain(element.signature);
    expect(window.onbeforeunload).to.equal(pageHandler, 'prepareWebSDK must not keep the page\'s handler overwritten');

    await expectSelfHostedAssetsOnly('av/js_media.min.js');
    const css = (await networkLog()).find((request) => request.url.endsWith('/ui/zoom-meetingsdk.css'));
    expect(css, 'the Client View CSS comes from the same self-hosted dist/').to.exist;

    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const root = document.getElementById('zmmtg-root');
    expect(root === null || root.style.display === 'none').to.equal(true, 'the full-page root is hidden after teardown');
  });
});
