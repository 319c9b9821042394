// The element with the real @zoom/meetingsdk Component View in real Chromium, offline: the SDK is made ready in a
// realm of its own while the page is idle, a join runs in that frame and ends in the SDK's connection error
// (-3000) as a ZoomJoinError, a fresh realm is prepared for the next join, and the page keeps none of the SDK.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { networkLog } from '../support/network-log.js';
import { testSignature } from '../support/test-signature.js';
import { expectSelfHostedAssetsOnly, RELATIVE_ASSET_PATH, sdkGlobalsOn, within } from './real-sdk-support.js';

interface RealmGlobals {
  ReactWidgets?: unknown;
  JsMediaSDK_Instance?: unknown;
}

describe('real SDK: Component View', function () {
  this.timeout(90000);

  it('is made ready in a frame of its own, fails offline with -3000, prepares a fresh frame for the retry, and leaves the page as it was', async () => {
    await networkLog({ clear: true });
    const headBefore = document.head.children.length;
    const unloadBefore = window.onbeforeunload;
    const element = await fixture<ZoomJoin>(
      html`<zoom-join preload="eager" meeting-number="123 4567 8901" user-name="Real SDK test" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    element.signature = testSignature({ meetingNumber: '12345678901' });
    const root = () => element.querySelector<HTMLElement>('[slot=meeting]');

    // Ready means the SDK is loaded in its frame and js_media has run there, none of it in the page.
    await waitUntil(() => element.status === 'ready', 'ready', { timeout: 30000 });
    const prepared = root()?.querySelector('iframe');
    expect(prepared, 'the prepared frame, in the meeting root').to.exist;
    const preparedWindow = prepared!.contentWindow as Window & RealmGlobals;
    expect(preparedWindow.ReactWidgets, 'the SDK, loaded in the frame').to.exist;
    // Its run left no global behind: the SDK loads its own copy on the click, which must not find ours.
    expect(preparedWindow.JsMediaSDK_Instance, "js_media's globals, withdrawn after it ran ahead of the click").to.equal(undefined);
    expect(getComputedStyle(root()!).display, 'the meeting root is hidden before the join').to.equal('none');
    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');

    const statuses: string[] = [];
    element.addEventListener('zoom-status', (event) => statuses.push(event.detail.status));
    let shownAtJoin: { display: string; height: number; frame: HTMLIFrameElement | null } | undefined;
    element.addEventListener('zoom-status', (event) => {
      if (event.detail.status !== 'joining') return;
      void element.updateComplete.then(() => {
        shownAtJoin = { display: getComputedStyle(root()!).display, height: root()!.getBoundingClientRect().height, frame: root()!.querySelector('iframe') };
      });
    });
    const failure = oneEvent(element, 'zoom-error');
    const timed = oneEvent(element, 'zoom-timing');
    const joining = element.join().catch((error: unknown) => error);
    const { detail } = await within(failure, 20000, 'zoom-error');
    const timing = (await within(timed, 1000, 'zoom-timing')).detail;
    console.log(`zoom-timing of a real offline join: ${JSON.stringify(timing)}`);
    expect(timing.outcome).to.equal('failed');
    // Offline, Zoom's join web service never answers: `joined` runs from that failed request to the SDK's report.
    expect(Object.keys(timing.phases)).to.deep.equal(['asset-check', 'lock', 'signature', 'sdk-load', 'init', 'join-request', 'joined']);
    expect(timing.phases['sdk-load'], 'the SDK was ready in its frame: loading it takes no time').to.be.below(200);
    expect(detail.category).to.equal('network');
    expect(detail.sdkCode).to.equal(-3000);
    expect(detail.view).to.equal('component');
    expect(detail.retryable).to.equal(true);
    expect(await joining).to.equal(detail);
    expect(statuses).to.deep.equal(['signing', 'joining', 'error']);
    expect(detail.message).to.not.contain(element.signature);

    expect(shownAtJoin?.frame, 'the join ran in the prepared frame').to.equal(prepared);
    expect(shownAtJoin?.display).to.equal('block');
    expect(shownAtJoin?.height, "the meeting root's default height").to.be.greaterThan(300);
    expect(prepared!.isConnected, 'the failed join discarded its frame').to.equal(false);

    await expectSelfHostedAssetsOnly('av/js_media.min.js');
    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');
    expect([...document.head.children].slice(headBefore).map((node) => node.outerHTML.slice(0, 200))).to.deep.equal([], 'nothing added to the page head');
    expect(window.onbeforeunload).to.equal(unloadBefore);

    // A fresh frame is made ready for the next join while the page is idle; the retry joins in it.
    await waitUntil(() => root()?.querySelector('iframe'), 'a fresh frame is prepared', { timeout: 30000 });
    const next = root()!.querySelector('iframe')!;
    await waitUntil(() => (next.contentWindow as (Window & RealmGlobals) | null)?.ReactWidgets, 'the SDK is in the fresh frame', { timeout: 30000 });
    const again = oneEvent(element, 'zoom-error');
    element.retry().catch(() => undefined);
    const retried = (await within(again, 20000, 'zoom-error on retry')).detail;
    expect(retried.sdkCode).to.equal(-3000);
    expect(next.isConnected).to.equal(false);

    element.remove();
    await waitUntil(() => !root()?.querySelector('iframe'), 'no frame after removal', { timeout: 5000 });
    // Teardown: the page's meeting slot is free again for a new element.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await fixture<ZoomJoin>(
      html`<zoom-join preload="none" meeting-number="12345678901" user-name="Second" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>`,
    );
    second.signature = testSignature({ meetingNumber: '12345678901' });
    const secondFailure = oneEvent(second, 'zoom-error');
    second.join().catch(() => undefined);
    const secondError = (await within(secondFailure, 20000, 'second zoom-error')).detail;
    expect(secondError.message).to.not.contain('on this page');
    expect(secondError.sdkCode, 'a Zoom number: the SDK answered, not the page check').to.equal(-3000);
    second.remove();
    await waitUntil(() => !second.querySelector('iframe'), 'no frame after the second removal', { timeout: 5000 });
    expect(sdkGlobalsOn(window)).to.deep.equal([]);
  });

  it('moved in the page after the SDK was made ready (its frame reloads): the join runs in a fresh frame and fails offline as usual', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zoom-join preload="eager" meeting-number="12345678901" user-name="Moved" asset-path=${RELATIVE_ASSET_PATH}></zoom-join>
      <section></section>
    </div>`);
    const element = wrapper.querySelector<ZoomJoin>('zoom-join')!;
    element.signature = testSignature({ meetingNumber: '12345678901' });
    await waitUntil(() => element.status === 'ready', 'ready', { timeout: 30000 });
    const prepared = element.querySelector('iframe')!;
    // Re-parented as a framework may do it: the element keeps its state, the browser reloads the frame.
    wrapper.querySelector('section')!.append(element);
    await waitUntil(() => !(prepared.contentWindow as (Window & RealmGlobals) | null)?.ReactWidgets, 'the moved frame reloaded');

    const failure = oneEvent(element, 'zoom-error');
    element.join().catch(() => undefined);
    const { detail } = await within(failure, 20000, 'zoom-error');
    expect(detail.sdkCode, `the SDK's offline answer, not a broken frame (got ${detail.code})`).to.equal(-3000);
    expect(prepared.isConnected, 'the reloaded frame was dropped').to.equal(false);
    element.remove();
    await waitUntil(() => !element.querySelector('iframe'), 'no frame after removal', { timeout: 5000 });
  });
});
