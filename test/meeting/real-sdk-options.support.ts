// The element's SDK options through the real SDK in a real meeting (the meeting double answers Zoom's side): one
// join per view, options set on the element before it.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomWarningDetail } from '../../src/assets/asset-events.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import type { SdkView } from '../../src/zoom-join-error.js';
import { JOIN_WITHIN_MS, meetingDouble, meetingElement, within, type MeetingPreload } from './real-meeting-support.js';

export interface OptionsMeeting {
  element: ZoomJoin;
  warnings: ZoomWarningDetail[];
  frame: HTMLIFrameElement;
  document: Document;
}

/**
 * A fresh element with `set` applied, joined to the double's meeting; every zoom-warning recorded from the start.
 * `preload: 'eager'` joins in the frame prepared ahead (the Client View initialised there already, with the
 * element's own options only).
 */
export async function joinWithOptions(view: SdkView, set: (element: ZoomJoin) => void, preload: MeetingPreload = 'none'): Promise<OptionsMeeting> {
  await meetingDouble.start({ topic: `Options meeting (${view})`, hostName: 'Grace Host' });
  const { element } = await meetingElement(view, { preload });
  if (preload !== 'none') await waitUntil(() => element.status === 'ready', 'the SDK made ready ahead', { timeout: JOIN_WITHIN_MS });
  const warnings: ZoomWarningDetail[] = [];
  element.addEventListener('zoom-warning', (event) => warnings.push(event.detail));
  set(element);
  const failed = oneEvent(element, 'zoom-error').then((event) => {
    throw new Error(`the join failed: ${event.detail.code} ${event.detail.message}`);
  });
  await within(Promise.race([element.join(), failed]), JOIN_WITHIN_MS, 'the join');
  expect(element.status).to.equal('joined');
  const frame = element.querySelector<HTMLIFrameElement>('[slot=meeting] iframe')!;
  return { element, warnings, frame, document: frame.contentDocument! };
}

/** The visible text of the frame's buttons and menu items. */
export function labels(document: Document, selector = 'button, [role=button], [role=menuitem], li'): string[] {
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .map((node) => (node.getAttribute('aria-label') || node.textContent || '').trim())
    .filter(Boolean);
}

export { meetingDouble, within };
