// The element with the real @zoom/meetingsdk Client View in real Chromium, offline. Run in a page, the Client View
// lays itself out over "the whole page" and joins once per page load; in its own realm that page is a frame inside
// the element's box, made ready while the page is idle, so it sits in the page's layout and joins again without a
// reload.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { networkLog, screenshot } from '../support/network-log.js';
import { testSignature } from '../support/test-signature.js';
import { expectSelfHostedAssetsOnly, RELATIVE_ASSET_PATH, sdkGlobalsOn, within } from './real-sdk-support.js';

describe('real SDK: Client View', function () {
  this.timeout(120000);

  it('is laid out inside the element, fails offline as a network error, joins again without a reload, and leaves the page as it was', async () => {
    await networkLog({ clear: true });
    const headBefore = document.head.children.length;
    const pageHandler = () => undefined;
    window.onbeforeunload = pageHandler;
    // The page gives the meeting its box.
    const element = await fixture<ZoomJoin>(html`
      <zoom-join view="client" preload="eager" meeting-number="123 4567 8901" user-name="Real SDK test" asset-path=${RELATIVE_ASSET_PATH}>
        <style>
          zoom-join [slot='meeting'] { width: 720px; height: 480px; }
        </style>
      </zoom-join>
    `);
    element.signature = testSignature({ meetingNumber: '12345678901' });
    await waitUntil(() => element.status === 'ready', 'ready', { timeout: 60000 });
    const prepared = element.querySelector('iframe');
    expect((prepared?.contentWindow as (Window & { ZoomMtg?: unknown }) | null)?.ZoomMtg, 'the Client View, prepared in its frame').to.exist;

    let inBox: { frame: DOMRect; zoomRoot: DOMRect } | undefined;
    let shot: Promise<string> | undefined;
    const watch = setInterval(() => {
      const frame = element.querySelector('iframe');
      const zoomRoot = frame?.contentDocument?.getElementById('zmmtg-root');
      if (!frame || !zoomRoot || inBox || element.status !== 'joining' || zoomRoot.getBoundingClientRect().height === 0) return;
      inBox = { frame: frame.getBoundingClientRect(), zoomRoot: zoomRoot.getBoundingClientRect() };
      shot = screenshot('client-view-in-element');
    }, 20);
    const failure = oneEvent(element, 'zoom-error');
    void element.join().catch(() => undefined);
    const { detail } = await within(failure, 45000, 'zoom-error');
    clearInterval(watch);
    expect(detail.view).to.equal('client');
    expect(detail.category).to.equal('network');
    expect(detail.retryable).to.equal(true);
    expect(detail.message).to.not.contain(element.signature);

    expect(inBox, "the Client View's root appeared inside the frame").to.exist;
    expect([Math.round(inBox!.frame.width), Math.round(inBox!.frame.height)]).to.deep.equal([720, 480]);
    expect(inBox!.zoomRoot.width).to.be.at.most(720);
    expect(inBox!.zoomRoot.height).to.be.at.most(480);
    console.log(`screenshot of the Client View inside the element: ${await shot}`);

    await expectSelfHostedAssetsOnly('av/js_media.min.js');
    const css = (await networkLog()).find((request) => request.url.endsWith('/ui/zoom-meetingsdk.css'));
    expect(css, 'the Client View CSS comes from the same self-hosted dist/').to.exist;
    expect(document.getElementById('zmmtg-root')).to.equal(null, 'no full-page root in the page');
    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');
    expect([...document.head.children].slice(headBefore).map((node) => node.outerHTML.slice(0, 200))).to.deep.equal([], 'nothing added to the page head');
    expect(window.onbeforeunload).to.equal(pageHandler, "the page's own handler");

    // In a page the Client View joins once per load; a realm is a fresh page.
    const again = oneEvent(element, 'zoom-error');
    void element.retry().catch(() => undefined);
    const second = (await within(again, 45000, 'the second zoom-error')).detail;
    expect(second.category).to.equal('network');

    element.remove();
    await waitUntil(() => !element.querySelector('iframe'), 'no frame after removal', { timeout: 5000 });
    window.onbeforeunload = null;
  });
});
