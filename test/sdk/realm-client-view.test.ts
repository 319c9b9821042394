// The element with the real Client View run in a realm of its own (ClientViewAdapter with `realm: true`), offline:
// its full-page layout fills a frame inside the element's box, the join fails as a network error as in the page's
// realm, a second join needs no reload, and the page keeps none of the SDK.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { ClientViewAdapter } from '../../src/sdk/client-view-adapter.js';
import { ZoomJoin } from '../../src/zoom-join.js';
import { testSignature } from '../support/test-signature.js';
import { RELATIVE_ASSET_PATH, sdkGlobalsOn, useAdapterFactory, within } from './real-sdk-support.js';

describe('real SDK: Client View in a realm of its own', function () {
  this.timeout(120000);
  useAdapterFactory(() => new ClientViewAdapter());

  it('is laid out inside the element, fails offline as a network error, joins again without a reload, and leaves the page as it was', async () => {
    const headBefore = document.head.children.length;
    const unloadBefore = window.onbeforeunload;
    // The page gives the meeting its size; preload="none" keeps the page-realm warm-up out of this test.
    const element = await fixture<ZoomJoin>(html`
      <zoom-join view="client" meeting-number="123 4567 8901" user-name="Realm test" preload="none" asset-path=${RELATIVE_ASSET_PATH}>
        <style>
          zoom-join [slot='meeting'] { width: 720px; height: 480px; }
        </style>
      </zoom-join>
    `);
    element.signature = testSignature({ meetingNumber: '12345678901' });

    let inBox: { frame: DOMRect; zoomRoot: DOMRect | undefined } | undefined;
    const watch = setInterval(() => {
      const frame = element.querySelector('iframe');
      const zoomRoot = frame?.contentDocument?.getElementById('zmmtg-root');
      if (frame && zoomRoot && !inBox) inBox = { frame: frame.getBoundingClientRect(), zoomRoot: zoomRoot.getBoundingClientRect() };
    }, 20);
    const failure = oneEvent(element, 'zoom-error');
    void element.join().catch(() => undefined);
    const { detail } = await within(failure, 45000, 'zoom-error');
    clearInterval(watch);
    expect(detail.view).to.equal('client');
    expect(detail.category).to.equal('network');

    expect(inBox, "the Client View's root appeared inside the frame").to.exist;
    expect([Math.round(inBox!.frame.width), Math.round(inBox!.frame.height)]).to.deep.equal([720, 480]);
    expect(inBox!.zoomRoot!.width).to.be.at.most(720);
    expect(inBox!.zoomRoot!.height).to.be.at.most(480);

    expect(document.getElementById('zmmtg-root')).to.equal(null, 'no full-page root in the page');
    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');
    expect(document.head.children.length).to.equal(headBefore, 'nothing added to the page head');
    expect(window.onbeforeunload).to.equal(unloadBefore);

    // In the page's realm a second Client View join needs a reload (client-view-reload-required); a realm is fresh.
    const again = oneEvent(element, 'zoom-error');
    void element.retry().catch(() => undefined);
    const second = (await within(again, 45000, 'the second zoom-error')).detail;
    expect(second.code).to.not.equal('client-view-reload-required');
    expect(second.category).to.equal('network');

    element.remove();
    await waitUntil(() => !element.querySelector('iframe'), 'no frame after removal', { timeout: 5000 });
  });
});
