// clientViewOptions through the real Client View in a meeting (the meeting double answers Zoom's side): the options
// reach ZoomMtg.init and change what it draws in the element's frame; an unknown name (which makes ZoomMtg.init
// hang) and an option the element sets itself are left out with a warning, and the join goes on; lang changed in
// the meeting says it applies from the next join.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { joinWithOptions, type OptionsMeeting, within } from './real-sdk-options.support.js';
import { screenshot } from '../support/network-log.js';

/** The participants pane's text, opened from the footer. */
async function participantsPane(meeting: OptionsMeeting): Promise<HTMLElement> {
  const frame = meeting.document;
  const open = [...frame.querySelectorAll<HTMLElement>('button')].find((button) => (button.getAttribute('aria-label') ?? '').startsWith('open the participants'));
  expect(open, 'the footer has Participants').to.exist;
  open!.click();
  await waitUntil(() => /Participants \(2\)/.test(frame.body.innerText), 'the participants pane', { timeout: 10_000 });
  // The pane's buttons render with its list.
  await waitUntil(() => /Grace Host/.test(frame.body.innerText), 'the host in the pane', { timeout: 10_000 });
  return frame.body;
}

const buttonTexts = (root: HTMLElement): string[] => [...root.querySelectorAll('button')].map((button) => button.textContent!.trim()).filter(Boolean);

describe('SDK options through the real SDK: Client View', function () {
  this.timeout(180_000);

  it('without options its participants pane has Invite (what the next test turns off)', async () => {
    const meeting = await joinWithOptions('client', () => undefined);
    expect(buttonTexts(await participantsPane(meeting))).to.include('Invite');
    expect(meeting.warnings).to.deep.equal([]);
    await meeting.element.leave();
  });

  it('disableInvite reaches ZoomMtg.init (in a frame prepared ahead); a name it does not know and a managed one are left out with warnings and the join goes on; lang says next join', async () => {
    const meeting = await joinWithOptions('client', (element) => {
      element.clientViewOptions = {
        disableInvite: true,
        // Wrong on purpose, as plain JavaScript could give them: ZoomMtg.init given an unknown name never calls back.
        ...({ defaultVeiw: 'gallery', leaveUrl: '/elsewhere' } as object),
      };
      // Prepared ahead, the Client View was initialised before the options were known: the join initialises again.
    }, 'eager');
    expect(meeting.warnings).to.deep.equal([
      {
        code: 'sdk-option-invalid',
        message:
          'clientViewOptions.defaultVeiw is not an option the Zoom SDK 6.2.0 knows (ZoomMtg.init given a name it does not know never calls back: the join would hang). Did you mean defaultView? Left out; the join goes on without it.',
      },
      {
        code: 'sdk-option-managed',
        message: 'clientViewOptions.leaveUrl is set by the element itself: the element leaves inside its own frame; listen for zoom-left instead. Left out; the join goes on without it.',
      },
    ]);
    const pane = await participantsPane(meeting);
    expect(buttonTexts(pane), 'no Invite: disableInvite reached the SDK').to.not.include('Invite');
    await screenshot('sdk-options/client-customised');

    const next = oneEvent(meeting.element, 'zoom-warning');
    meeting.element.lang = 'de';
    expect((await within(next, 5000, 'lang-next-join')).detail).to.deep.equal({
      code: 'lang-next-join',
      message: 'lang="de" (de-DE) applies from the next join: the Client View cannot change its language during a meeting.',
    });
    expect(meeting.document.body.innerText, 'the meeting keeps its language').to.contain('Leave');
    await meeting.element.leave();
  });
});
