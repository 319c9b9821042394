// componentViewOptions through the real Component View in a meeting (the meeting double answers Zoom's side): the
// options reach the SDK and change what it draws in the element's frame; bad ones are left out with a warning and
// the join goes on; lang changed in the meeting says it applies from the next join.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { joinWithOptions, labels, within } from './real-sdk-options.support.js';
import { screenshot } from '../support/network-log.js';

describe('SDK options through the real SDK: Component View', function () {
  this.timeout(180_000);

  it('custom toolbar buttons call the page, video sizes and resizing apply, bad options are left out with a warning, and lang says next join', async () => {
    const clicks: unknown[] = [];
    const meeting = await joinWithOptions('component', (element: ZoomJoin) => {
      element.componentViewOptions = {
        toolbar: {
          buttons: [
            { text: 'Page action', onClick: () => clicks.push('page action') },
            {
              text: 'Broken action',
              onClick: () => {
                throw new Error('the app broke');
              },
            },
          ],
        },
        video: { isResizable: false, viewSizes: { default: { width: 480, height: 300 } } },
        // Wrong on purpose (a typo, a page element as anchor, as plain JavaScript could give them): each is left out with a warning, the join goes on.
        participants: { popper: { anchorElement: document.body as unknown as 'top-left' } },
        ...({ chatt: {} } as object),
      };
    });
    const { document: frame, warnings } = meeting;
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['sdk-option-invalid', 'sdk-option-invalid']);
    expect(warnings[0]!.message).to.contain('componentViewOptions.participants.popper.anchorElement: a page element cannot anchor a popper');
    expect(warnings[1]!.message).to.contain('componentViewOptions.chatt is not an option the Zoom SDK 6.2.0 knows. Did you mean chat?');

    // Video: the size given, and no resize handle while isResizable is false (the SDK's own call turns it on).
    await waitUntil(() => frame.querySelector('.react-resizable'), 'the video box', { timeout: 10_000 });
    const box = frame.querySelector<HTMLElement>('.react-resizable')!.getBoundingClientRect();
    const handleWidth = (): number => frame.querySelector<HTMLElement>('.react-resizable-handle')?.getBoundingClientRect().width ?? -1;
    expect(handleWidth(), 'the resize handle takes no room: isResizable false reached the SDK').to.equal(0);
    // The SDK's own run-time call (element.sdk) shows what the init options did: the box follows the width given.
    const sdk = meeting.element.sdk;
    if (sdk?.view !== 'component') throw new Error('element.sdk is the Component View');
    sdk.client.updateVideoOptions({ isResizable: true, viewSizes: { default: { width: 640, height: 360 } } });
    const width = (): number => frame.querySelector<HTMLElement>('.react-resizable')?.getBoundingClientRect().width ?? 0;
    await waitUntil(() => handleWidth() > 0 && width() !== box.width, 'resizable, at the new width', { timeout: 5000 });
    expect(width() - box.width, 'the init width was 480: 640 is 160 wider').to.equal(160);
    expect(box.width).to.be.within(480, 490);
    sdk.client.updateVideoOptions({ isResizable: false, viewSizes: { default: { width: 480, height: 300 } } });

    // The custom buttons: in the toolbar's "More" menu; a click runs the page's function.
    const more = [...frame.querySelectorAll<HTMLElement>('button')].find((button) => (button.getAttribute('aria-label') || button.textContent || '').trim() === 'More');
    expect(more, 'the toolbar has More').to.exist;
    more!.click();
    await waitUntil(() => labels(frame, '[role=menuitem]').includes('Page action'), 'the custom button in the More menu', { timeout: 5000 });
    expect(labels(frame, '[role=menuitem]')).to.include('Broken action');
    await screenshot('sdk-options/component-customised');
    [...frame.querySelectorAll<HTMLElement>('[role=menuitem]')].find((item) => item.textContent?.includes('Page action'))!.click();
    expect(clicks).to.deep.equal(['page action']);
    more!.click();
    await waitUntil(() => labels(frame, '[role=menuitem]').includes('Broken action'), 'the menu again', { timeout: 5000 });
    const failed = oneEvent(meeting.element, 'zoom-warning');
    [...frame.querySelectorAll<HTMLElement>('[role=menuitem]')].find((item) => item.textContent?.includes('Broken action'))!.click();
    const { detail } = await within(failed, 5000, 'the callback warning');
    expect(detail).to.deep.equal({
      code: 'sdk-option-callback-failed',
      message: 'componentViewOptions.toolbar.buttons[1].onClick threw when the Zoom SDK called it (Error: the app broke); the meeting goes on.',
    });
    expect(meeting.element.status, 'the meeting goes on').to.equal('joined');

    // lang in a meeting: the Component View has no way to switch; the element says when it applies.
    const next = oneEvent(meeting.element, 'zoom-warning');
    meeting.element.lang = 'de';
    expect((await within(next, 5000, 'lang-next-join')).detail).to.deep.equal({
      code: 'lang-next-join',
      message: 'lang="de" (de-DE) applies from the next join: the Component View cannot change its language during a meeting.',
    });
    await meeting.element.leave();
  });
});
