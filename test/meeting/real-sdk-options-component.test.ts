// componentViewOptions through the real Component View in a meeting (the meeting double answers Zoom's side): the
// options reach the SDK and change what it draws in the element's frame; bad ones are left out with a warning and
// the join goes on; lang changed in the meeting says it applies from the next join.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { joinWithOptions, labels, within } from './real-sdk-options.support.js';
import { screenshot } from '../support/network-log.js';

describe('SDK options through the real SDK: Component View', function () {
  this.timeout(180_000);

  it('custom toolbar buttons call the page, video size, resizing and a popper anchor apply, bad options are left out with a warning, and lang says next join', async () => {
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
        video: { isResizable: false, viewSizes: { default: { width: 432, height: 300 } } },
        // Wrong on purpose (a typo, a page element as anchor, as plain JavaScript could give them): each is left out with a warning, the join goes on.
        chat: { popper: { anchorElement: document.body as unknown as 'top-left' } },
        participants: { popper: { anchorElement: 'top-right' } },
        ...({ chatt: {} } as object),
      };
    });
    const { document: frame, warnings } = meeting;
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['sdk-option-invalid', 'sdk-option-invalid']);
    expect(warnings[0]!.message).to.contain('componentViewOptions.chat.popper.anchorElement: a page element cannot anchor a popper');
    expect(warnings[1]!.message).to.contain('componentViewOptions.chatt is not an option the Zoom SDK 6.2.0 knows. Did you mean chat?');

    // Video: the size given, and no resize handle while isResizable is false (the SDK's own call turns it on).
    await waitUntil(() => frame.querySelector('.react-resizable'), 'the video box', { timeout: 10_000 });
    const box = frame.querySelector<HTMLElement>('.react-resizable')!.getBoundingClientRect();
    const handleWidth = (): number => frame.querySelector<HTMLElement>('.react-resizable-handle')?.getBoundingClientRect().width ?? -1;
    expect(box.width, 'the video box is as wide as viewSizes.default says (with its border)').to.be.within(432, 436);
    expect(handleWidth(), 'the resize handle takes no room: isResizable false reached the SDK').to.equal(0);
    // The SDK's own run-time call (element.sdk) turns resizing on: the handle then takes room.
    const sdk = meeting.element.sdk;
    if (sdk?.view !== 'component') throw new Error('element.sdk is the Component View');
    sdk.client.updateVideoOptions({ isResizable: true });
    await waitUntil(() => handleWidth() > 0, 'the resize handle once resizable', { timeout: 5000 });
    sdk.client.updateVideoOptions({ isResizable: false });

    // The participants popper, anchored to the top-right spot of the element's box: at the frame's top right.
    const participantsButton = [...frame.querySelectorAll<HTMLElement>('button')].find((button) => (button.getAttribute('aria-label') || button.textContent || '').trim().startsWith('Participants'));
    expect(participantsButton, 'the toolbar has Participants').to.exist;
    participantsButton!.click();
    const popper = (): HTMLElement | undefined =>
      [...frame.querySelectorAll<HTMLElement>('.zoom-MuiPopper-root')].find((node) => node.getAttribute('aria-label') === 'Participants' || node.innerText.startsWith('Participants'));
    await waitUntil(() => popper()?.getBoundingClientRect().width, 'the participants popper', { timeout: 5000 });
    const placed = popper()!.getBoundingClientRect();
    expect(Math.abs(placed.right - (frame.defaultView!.innerWidth - 1)), `its right edge (${placed.right}) at the frame's right`).to.be.below(3);
    expect(placed.top, 'at the top').to.be.below(3);
    expect(frame.querySelectorAll('[data-zoom-join-anchor]').length, "one anchor, the element's").to.equal(1);
    participantsButton!.click();

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
