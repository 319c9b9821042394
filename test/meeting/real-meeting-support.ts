// The element in a real meeting: the real SDK in its frame, Zoom's meeting service answered by the meeting double
// (demo/meeting-double/), the same scenarios for both views.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomParticipant, ZoomTimingDetail } from '../../src/events.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import type { SdkView } from '../../src/zoom-join-error.js';
import { meetingDouble } from '../support/meeting-double.js';
import { testSignature } from '../support/test-signature.js';
import { RELATIVE_ASSET_PATH, within } from '../sdk/real-sdk-support.js';

const MEETING_NUMBER = '12345678901';
/** The SDK's start is CPU-bound: on 2 busy cores a Client View join took up to ~30 s. */
const JOIN_WITHIN_MS = 60_000;
/** The SDK's report of something in the meeting → the element's event. */
const REPORT_WITHIN_MS = 20_000;

let current: ZoomJoin | undefined;

// A test that failed half-way must not leave its meeting to the next one (the SDK runs one meeting per page).
afterEach(async () => {
  const element = current;
  current = undefined;
  if (element && (element.status === 'joined' || element.status === 'reconnecting' || element.status === 'joining')) await element.leave().catch(() => undefined);
});

export interface InMeeting {
  element: ZoomJoin;
  statuses: string[];
  frame: HTMLIFrameElement;
  /** The join's zoom-timing. */
  timing: ZoomTimingDetail | undefined;
}

/** `preload="none"` joins in a frame the join opens; `eager` in the one prepared ahead (the SDK loaded, js_media warm). */
export type MeetingPreload = 'none' | 'eager';

export interface MeetingOptions {
  userName?: string;
  reconnectTimeout?: number;
  preload?: MeetingPreload;
  /** Sign through this endpoint (the reference server is at /api/signature) instead of a token made in the page. */
  signatureEndpoint?: string;
  /** Where the SDK is served (default: the newest tested version's dist/lib). */
  assetPath?: string;
}

/** A frame the element told the page of (zoom-frame), and whether the SDK was in it already then. */
interface SeenFrame {
  window: Window;
  view: string;
  sdkAlready: boolean;
}

/**
 * A fresh element for the double's meeting, recording its statuses and the frames it opens (a preloading element
 * opens one before any join); not joined yet.
 */
export async function meetingElement(view: SdkView, options: MeetingOptions = {}): Promise<{ element: ZoomJoin; statuses: string[]; frames: SeenFrame[] }> {
  const { userName = 'Ada In Meeting', reconnectTimeout = 60_000, preload = 'none', signatureEndpoint, assetPath = RELATIVE_ASSET_PATH } = options;
  const element = await fixture<ZoomJoin>(
    html`<zoom-join view=${view} preload=${preload} join-timeout="120000" reconnect-timeout=${reconnectTimeout} meeting-number=${MEETING_NUMBER} user-name=${userName} asset-path=${assetPath}></zoom-join>`,
  );
  if (signatureEndpoint) element.setAttribute('signature-endpoint', signatureEndpoint);
  else element.signature = testSignature({ meetingNumber: MEETING_NUMBER });
  current = element;
  const statuses: string[] = [];
  element.addEventListener('zoom-status', (event) => statuses.push(event.detail.status));
  // zoom-frame: the page sees the frame before the SDK is in it, and what it sets there the SDK finds. A preload
  // opens it after the files are in, well after this listener is there.
  const frames: SeenFrame[] = [];
  element.addEventListener('zoom-frame', (event) => {
    const realm = event.detail.window as Window & Record<string, unknown>;
    frames.push({ window: realm, view: event.detail.view, sdkAlready: 'ZoomMtgEmbedded' in realm || 'ZoomMtg' in realm || 'ReactWidgets' in realm });
    realm.setUpByThePage = true;
  });
  return { element, statuses, frames };
}

/** A fresh element joined to a fresh meeting with a host in it (or hosting it). */
export async function joinMeeting(view: SdkView, options: MeetingOptions & { asHost?: boolean } = {}): Promise<InMeeting> {
  const { userName = 'Ada In Meeting', asHost = false, preload = 'none' } = options;
  await meetingDouble.start({ topic: `Double meeting (${view})`, ...(asHost ? { userRole: 1 } : { hostName: 'Grace Host' }) });
  const { element, statuses, frames } = await meetingElement(view, options);
  // Preloading: the join takes the frame made ready ahead, as a user's click after the page settled would.
  if (preload !== 'none') await waitUntil(() => element.status === 'ready', 'preloaded and the SDK made ready', { timeout: JOIN_WITHIN_MS });
  const failed = oneEvent(element, 'zoom-error').then((event) => {
    throw new Error(`the join failed: ${event.detail.code} ${event.detail.message}`);
  });
  let timing: ZoomTimingDetail | undefined;
  element.addEventListener('zoom-timing', (event) => (timing ??= event.detail));
  const joined = oneEvent(element, 'zoom-joined');
  const joining = element.join();
  const { detail } = await within(Promise.race([joined, failed]), JOIN_WITHIN_MS, 'zoom-joined');
  await joining;
  expect(detail).to.include({ meetingNumber: MEETING_NUMBER, userName, view, topic: `Double meeting (${view})`, role: asHost ? 'host' : 'attendee' });
  expect(detail.userId, 'the user id the SDK reports').to.be.a('number');
  expect(element.status).to.equal('joined');
  const frame = element.querySelector<HTMLIFrameElement>('[slot=meeting] iframe');
  expect(frame, "the meeting's frame").to.exist;
  expect(frames.map(({ window, view: frameView, sdkAlready }) => ({ isTheFrame: window === frame!.contentWindow, frameView, sdkAlready }))).to.deep.equal(
    [{ isTheFrame: true, frameView: view, sdkAlready: false }],
    'one zoom-frame, for the meeting frame, before the SDK',
  );
  expect((frame!.contentWindow as Window & { setUpByThePage?: boolean }).setUpByThePage).to.equal(true);
  await waitUntil(() => timing, 'zoom-timing', { timeout: 1000 });
  return { element, statuses, frame: frame!, timing };
}

/** Waits for the participants list to satisfy `check`, from the event or the property. */
export async function participantsWhere(element: ZoomJoin, check: (list: readonly ZoomParticipant[]) => boolean, what: string): Promise<readonly ZoomParticipant[]> {
  await waitUntil(() => check(element.participants), what, { timeout: REPORT_WITHIN_MS });
  return element.participants;
}

export async function leftFor(element: ZoomJoin, act: () => Promise<unknown>): Promise<string> {
  const left = oneEvent(element, 'zoom-left');
  await act();
  return (await within(left, REPORT_WITHIN_MS, 'zoom-left')).detail.reason;
}

/** The meeting is over: the frame is gone and a new one can be used (the same page can join again). */
export async function expectMeetingOver(meeting: InMeeting): Promise<void> {
  await waitUntil(() => !meeting.frame.isConnected, "the meeting's frame is removed", { timeout: 5000 });
  expect(meeting.element.participants).to.deep.equal([]);
  expect(meeting.element.status).to.equal('left');
}

export { meetingDouble, within, JOIN_WITHIN_MS, REPORT_WITHIN_MS };
