// The element with the real Component View run in a realm of its own (ComponentViewAdapter with `realm: true`),
// offline: the join ends in the SDK's -3000 as in the page's realm, each join gets a fresh frame inside the
// element's meeting root, and the page keeps none of the SDK.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { ComponentViewAdapter } from '../../src/sdk/component-view-adapter.js';
import { ZoomJoin } from '../../src/zoom-join.js';
import { testSignature } from '../support/test-signature.js';
import { RELATIVE_ASSET_PATH, sdkGlobalsOn, useAdapterFactory, within } from './real-sdk-support.js';

describe('real SDK: Component View in a realm of its own', function () {
  this.timeout(90000);
  useAdapterFactory(() => new ComponentViewAdapter());

  it('fails offline with -3000, in a fresh frame per join inside the element, and the page keeps no SDK global or style', async () => {
    const headBefore = document.head.children.length;
    const unloadBefore = window.onbeforeunload;
    // preload="none": the warm-up still runs js_media in the page's realm; this test is about the join itself.
    const element = await fixture<ZoomJoin>(
      html`<zoom-join meeting-number="123 4567 8901" user-name="Realm test" preload="none" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    element.signature = testSignature({ meetingNumber: '12345678901' });

    const failure = oneEvent(element, 'zoom-error');
    const joining = element.join().catch((error: unknown) => error);
    const { detail } = await within(failure, 30000, 'zoom-error');
    expect(detail.sdkCode).to.equal(-3000);
    expect(detail.category).to.equal('network');
    expect(detail.view).to.equal('component');
    expect(await joining).to.equal(detail);

    const root = element.querySelector('[slot=meeting]');
    expect(root, "the element's meeting root").to.exist;
    // A failed join resets the meeting: its frame is discarded with everything the SDK made in it.
    expect(root!.querySelector('iframe')).to.equal(null);

    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');
    expect(document.head.children.length).to.equal(headBefore, 'nothing added to the page head');
    expect(window.onbeforeunload).to.equal(unloadBefore);

    // Retry: a fresh frame, the same answer.
    const frames: HTMLIFrameElement[] = [];
    const observer = new MutationObserver(() => {
      const frame = root!.querySelector('iframe');
      if (frame && !frames.includes(frame)) frames.push(frame);
    });
    observer.observe(root!, { childList: true });
    const again = oneEvent(element, 'zoom-error');
    void element.retry().catch(() => undefined);
    expect((await within(again, 30000, 'the second zoom-error')).detail.sdkCode).to.equal(-3000);
    observer.disconnect();
    expect(frames.length, 'the retry ran in a frame of its own').to.equal(1);
    expect(frames[0]!.isConnected).to.equal(false);
    expect(frames[0]!.getAttribute('allow')).to.contain('camera');

    element.remove();
    await waitUntil(() => !root!.querySelector('iframe'), 'no frame after removal', { timeout: 5000 });
    expect(sdkGlobalsOn(window)).to.deep.equal([]);
  });
});
