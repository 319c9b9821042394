// The real @zoom/meetingsdk Component View in real Chromium, offline: Zoom is unreachable here, so a join with a
// well-formed but bogus signature must end in the SDK's connection error (-3000), reported as a ZoomJoinError.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { networkLog } from '../support/network-log.js';
import { testSignature } from '../support/test-signature.js';
import { expectSelfHostedAssetsOnly, RELATIVE_ASSET_PATH, within } from './real-sdk-support.js';

describe('real SDK: Component View', function () {
  this.timeout(60000);

  it('loads from a relative asset-path, fails offline with -3000 as a network error, and tears down cleanly', async () => {
    await networkLog({ clear: true });
    const element = await fixture<ZoomJoin>(
      html`<zoom-join meeting-number="123 4567 8901" user-name="Real SDK test" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    element.signature = testSignature({ meetingNumber: '12345678901' });
    const statuses: string[] = [];
    element.addEventListener('zoom-status', (event) => statuses.push(event.detail.status));
    const failure = oneEvent(element, 'zoom-error');
    const joining = element.join().catch((error: unknown) => error);

    const { detail } = await within(failure, 15000, 'zoom-error');
    expect(detail.category).to.equal('network');
    expect(detail.sdkCode).to.equal(-3000);
    expect(detail.view).to.equal('component');
    expect(detail.retryable).to.equal(true);
    expect(await joining).to.equal(detail);
    expect(statuses).to.deep.equal(['signing', 'joining', 'error']);
    expect(detail.message).to.not.contain(element.signature);

    await expectSelfHostedAssetsOnly('av/js_media.min.js');

    // The SDK rendered into the element's light-DOM root.
    const root = element.querySelector('[slot=meeting]');
    expect(root).to.exist;

    // Retry re-uses the page's initialised client: the SDK is reached again and answers the same way, and the
    // js_media script it appends on every join does not pile up in the DOM.
    const again = oneEvent(element, 'zoom-error');
    element.retry().catch(() => undefined);
    const retried = (await within(again, 15000, 'zoom-error on retry')).detail;
    expect(retried.sdkCode).to.equal(-3000);
    expect(document.querySelectorAll('script[src$="/js_media.min.js"]').length).to.equal(1);

    element.remove();
    // Teardown: destroyClient() ran and the page's meeting slot is free again for a new element.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const next = await fixture<ZoomJoin>(
      html`<zoom-join meeting-number="12345678901" user-name="Second" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    next.signature = testSignature({ meetingNumber: '12345678901' });
    const second = oneEvent(next, 'zoom-error');
    next.join().catch(() => undefined);
    const secondError = (await within(second, 20000, 'second zoom-error')).detail;
    // Not the page's one-meeting check: the first element released the page. The SDK rate-limits join to once per
    // 10 s, so the second attempt may fail for that reason instead of -3000; either way it reached the SDK.
    expect(secondError.message).to.not.contain('on this page');
    expect(secondError.sdkCode, 'a Zoom number: the SDK answered, not the page check').to.be.a('number');
    next.remove();
    await waitUntil(() => !next.isConnected);
  });
});
