// The scenarios every view runs in a real meeting (real-meeting-*.test.ts): what the double makes happen, what the
// element must then say.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomTimingDetail } from '../../src/events.js';
import type { SdkView } from '../../src/zoom-join-error.js';
import { expectMeetingOver, JOIN_WITHIN_MS, joinMeeting, leftFor, meetingDouble, meetingElement, participantsWhere, REPORT_WITHIN_MS, within } from './real-meeting-support.js';

export function meetingScenarios(view: SdkView): void {
  it('joins: zoom-joined with the topic, the user id and role; the host and the user are the participants', async () => {
    const meeting = await joinMeeting(view);
    expect(meeting.statuses).to.deep.equal(['signing', 'joining', 'joined']);
    const timing = meeting.timing!;
    console.log(`${view} view, zoom-timing of a real join: ${JSON.stringify(timing)}`);
    expect(timing.outcome).to.equal('joined');
    // Past Zoom's answer: the meeting server's part (joined), then the element's own reading of the meeting.
    expect(Object.keys(timing.phases)).to.deep.equal(['asset-check', 'lock', 'signature', 'sdk-load', 'init', 'join-request', 'joined', 'meeting-info']);
    const list = await participantsWhere(meeting.element, (found) => found.length === 2, 'two participants');
    const you = list.find((participant) => participant.isYou);
    expect(you, 'the user is in the list, marked as the user').to.include({ name: 'Ada In Meeting', role: 'attendee', inWaitingRoom: false });
    expect(list.find((participant) => !participant.isYou)).to.include({ name: 'Grace Host', role: 'host', isYou: false });
    expect(Object.isFrozen(list), 'the list is read-only').to.equal(true);

    // The real SDK reached the meeting through Zoom's protocol: it sent its launch parameters (4301) and was admitted
    // by the join answer (4098) on the RWG socket, then the roster (7937).
    const inMeeting = await meetingDouble.record();
    expect(inMeeting.sent[0], 'the SDK asked to join (4301)').to.equal(4301);
    expect(inMeeting.answered.slice(0, 2), 'the join answer, then the roster').to.deep.equal([4098, 7937]);
    expect(inMeeting.sockets).to.equal(1);

    const reason = await leftFor(meeting.element, () => meeting.element.leave());
    expect(reason).to.equal('user');
    expect(meeting.statuses.slice(-2)).to.deep.equal(['leaving', 'left']);
    await expectMeetingOver(meeting);
    const record = await meetingDouble.record();
    expect(record.sent, 'the SDK told Zoom it left (4103)').to.include(4103);
  });

  it('a participant joins and leaves: zoom-participants follows', async () => {
    const meeting = await joinMeeting(view);
    await participantsWhere(meeting.element, (list) => list.length === 2, 'two participants');
    const updates: number[] = [];
    meeting.element.addEventListener('zoom-participants', (event) => updates.push(event.detail.participants.length));
    const id = await meetingDouble.addParticipant('Linus Guest');
    const withGuest = await participantsWhere(meeting.element, (list) => list.some((p) => p.name === 'Linus Guest'), 'the guest joined');
    expect(withGuest.find((p) => p.name === 'Linus Guest')).to.include({ id, role: 'attendee', isYou: false });
    await meetingDouble.removeParticipant(id);
    await participantsWhere(meeting.element, (list) => !list.some((p) => p.name === 'Linus Guest') && list.length === 2, 'the guest left');
    expect(updates).to.include(3);
    expect(updates.at(-1)).to.equal(2);
    await meeting.element.leave();
    await expectMeetingOver(meeting);
  });

  it('the host ends the meeting: zoom-left {reason: ended}, the frame goes, the status line says so, and the page joins again', async () => {
    const meeting = await joinMeeting(view);
    const reason = await leftFor(meeting.element, () => meetingDouble.endMeeting());
    expect(reason).to.equal('ended');
    expect(meeting.statuses.at(-1)).to.equal('left');
    expect(meeting.statuses, 'no leaving: there was nothing left to leave').to.not.include('leaving');
    await expectMeetingOver(meeting);
    await meeting.element.updateComplete;
    expect(meeting.element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('The host ended the meeting');
    // The tab survived the SDK's teardown (it crashed when the frame went from inside the SDK's callback), and the
    // element joins again in a fresh frame.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = oneEvent(meeting.element, 'zoom-joined');
    await meetingDouble.start({ hostName: 'Grace Host' });
    void meeting.element.join();
    await within(again, 60_000, 'zoom-joined again');
    const second = meeting.element.querySelector('[slot=meeting] iframe');
    expect(second && second !== meeting.frame, 'a fresh frame').to.equal(true);
    await meeting.element.leave();
  });

  it('the host removes the user: zoom-left {reason: removed}', async () => {
    const meeting = await joinMeeting(view);
    const reason = await leftFor(meeting.element, () => meetingDouble.removeUser());
    expect(reason).to.equal('removed');
    await expectMeetingOver(meeting);
    await meeting.element.updateComplete;
    expect(meeting.element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('The host removed you from the meeting');
  });

  it('the connection drops and comes back: reconnecting, then joined again, without a second zoom-joined', async () => {
    const meeting = await joinMeeting(view);
    const connection: string[] = [];
    meeting.element.addEventListener('zoom-connection', (event) => connection.push(event.detail.state + (event.detail.reason ? ` (${event.detail.reason})` : '')));
    let joinedAgain = 0;
    meeting.element.addEventListener('zoom-joined', () => joinedAgain++);
    await meetingDouble.dropConnection(true);
    await waitUntil(() => meeting.element.status === 'reconnecting', 'reconnecting', { timeout: REPORT_WITHIN_MS });
    await waitUntil(() => meeting.element.status === 'joined', 'joined again', { timeout: 45_000 });
    expect(connection).to.deep.equal([view === 'component' ? 'reconnecting (failover)' : 'reconnecting', 'connected']);
    expect(joinedAgain).to.equal(0);
    const record = await meetingDouble.record();
    expect(record.sockets, 'the SDK opened a second socket').to.equal(2);
    expect(meeting.frame.isConnected, 'the same frame').to.equal(true);
    await meeting.element.leave();
    await expectMeetingOver(meeting);
  });

  it('the connection drops for good: zoom-left {reason: connection-lost}, by the SDK or by reconnect-timeout', async () => {
    const meeting = await joinMeeting(view, { reconnectTimeout: 20_000 });
    const left = oneEvent(meeting.element, 'zoom-left');
    await meetingDouble.dropConnection(false);
    await waitUntil(() => meeting.element.status === 'reconnecting', 'reconnecting', { timeout: REPORT_WITHIN_MS });
    const dropped = performance.now();
    const reason = (await within(left, 60_000, 'zoom-left after the connection was lost')).detail.reason;
    console.log(`${view} view: connection-lost ${Math.round(performance.now() - dropped)} ms after reconnecting began`);
    expect(reason).to.equal('connection-lost');
    await expectMeetingOver(meeting);
    await meeting.element.updateComplete;
    expect(meeting.element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.match(/^The connection to the meeting was lost/);
  });

  it('memory in the meeting: the watch sees what the frame allocates, and on-memory-pressure="leave" leaves and gives it back', async () => {
    const meeting = await joinMeeting(view);
    const { element } = meeting;
    element.memoryInterval = 250;
    element.onMemoryPressure = 'leave';
    const samples: number[] = [];
    element.addEventListener('zoom-memory', (event) => samples.push(event.detail.usedBytes));
    await waitUntil(() => samples.length >= 2, 'memory samples in the meeting', { timeout: REPORT_WITHIN_MS });
    const before = samples.at(-1)!;
    // The budget sits above today's heap; then the meeting's own frame takes 64 MB more.
    element.memoryBudget = Math.ceil(before / 1e6) + 32;
    const warning = oneEvent(element, 'zoom-memory-warning');
    const left = oneEvent(element, 'zoom-left');
    const realm = meeting.frame.contentWindow as (Window & { hoard?: unknown[] }) | null;
    realm!.hoard = Array.from({ length: 64 }, (_, index) => new (realm as unknown as typeof globalThis).Uint8Array(1e6).fill(index + 1));
    const { detail } = await within(warning, REPORT_WITHIN_MS, 'a budget warning');
    expect(detail.reason).to.equal('budget');
    expect(samples.at(-1)! - before, "the frame's 64 MB show in the page's readings").to.be.greaterThan(50e6);
    expect((await within(left, REPORT_WITHIN_MS, 'zoom-left')).detail.reason).to.equal('memory-pressure');
    await expectMeetingOver(meeting);
  });

  it("meeting controls: the SDK's own client is reachable, typed; the host's end() ends it; an attendee's end() is refused", async () => {
    const host = await joinMeeting(view, { asHost: true });
    const sdk = host.element.sdk;
    expect(sdk?.view).to.equal(view);
    const you = sdk?.view === 'component' ? sdk.client.getCurrentUser() : undefined;
    if (sdk?.view === 'component') expect(you?.isHost, "the SDK's own client, in the meeting's frame").to.equal(true);
    else expect(typeof sdk?.ZoomMtg.getCurrentUser).to.equal('function');
    const reason = await leftFor(host.element, () => host.element.end());
    expect(reason).to.equal('ended');
    expect((await meetingDouble.record()).sent, 'the SDK asked Zoom to end the meeting (4101)').to.include(4101);
    await expectMeetingOver(host);
    expect(host.element.sdk, 'no SDK once the meeting is over').to.equal(undefined);
    const notIn = await host.element.mute().then(() => undefined, (error: unknown) => error);
    expect((notIn as { code?: string }).code).to.equal('not-in-meeting');

    const attendee = await joinMeeting(view);
    const refused = (await attendee.element.end().then(() => undefined, (error: unknown) => error)) as { code?: string; message?: string } | undefined;
    expect(refused?.code).to.equal('meeting-command-failed');
    // What each view says: the Component View its INSUFFICIENT_PRIVILEGES (5007), the Client View Zoom's 3003.
    expect(refused?.message).to.match(view === 'component' ? /only host can do the operation/ : /3003/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(attendee.element.status, 'still in the meeting').to.equal('joined');
    // Without audio (the double has no media server) the Component View times out its mute; the Client View obeys.
    const muted = (await attendee.element.mute().then(() => undefined, (error: unknown) => error)) as { code?: string } | undefined;
    if (view === 'component') expect(muted?.code).to.equal('meeting-command-failed');
    else expect(muted).to.equal(undefined);
    await attendee.element.leave();
  });

  it('the waiting room: status waiting-room while held (the SDK shows its waiting page, no zoom-joined), joined once let in', async () => {
    await meetingDouble.start({ topic: `Double meeting (${view})`, hostName: 'Grace Host', waitingRoom: true });
    const { element, statuses } = await meetingElement(view);
    let joinedEvents = 0;
    element.addEventListener('zoom-joined', () => joinedEvents++);
    let timing: ZoomTimingDetail | undefined;
    element.addEventListener('zoom-timing', (event) => (timing = event.detail));
    const joining = element.join();
    await waitUntil(() => element.status === 'waiting-room', 'waiting-room', { timeout: JOIN_WITHIN_MS });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('In the waiting room: the host will let you in');
    expect(getComputedStyle(element.querySelector('[slot=meeting]')!).display, "the SDK's waiting page shows").to.equal('block');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(joinedEvents, 'not in the meeting yet').to.equal(0);
    expect(element.status).to.equal('waiting-room');

    await meetingDouble.admit();
    await within(joining, JOIN_WITHIN_MS, 'join() once let in');
    expect(element.status).to.equal('joined');
    expect(joinedEvents).to.equal(1);
    expect(statuses).to.deep.equal(['signing', 'joining', 'waiting-room', 'joining', 'joined']);
    expect(timing?.phases.waiting, 'the time held is its own phase').to.be.greaterThan(1000);
    const you = (await participantsWhere(element, (list) => list.some((p) => p.isYou), 'the user listed')).find((p) => p.isYou);
    expect(you?.inWaitingRoom).to.equal(false);
    await element.leave();
  });

  it('removed from the waiting room: the join fails as removed-by-host', async () => {
    await meetingDouble.start({ hostName: 'Grace Host', waitingRoom: true });
    const { element } = await meetingElement(view);
    const failed = element.join().then(() => undefined, (error: unknown) => error as { code?: string });
    await waitUntil(() => element.status === 'waiting-room', 'waiting-room', { timeout: JOIN_WITHIN_MS });
    await meetingDouble.removeUser();
    const error = await within(failed, REPORT_WITHIN_MS, 'the join fails');
    expect(error?.code).to.equal('removed-by-host');
    expect(element.status).to.equal('error');
    await waitUntil(() => !element.querySelector('[slot=meeting] iframe'), 'the frame goes', { timeout: 5000 });
  });

  it('wait-for-host: a meeting not started yet is waited for (status waiting-for-host), then joined once the host starts it', async () => {
    await meetingDouble.start({ topic: `Double meeting (${view})`, hostName: 'Grace Host', notStarted: true });
    const { element, statuses } = await meetingElement(view);
    element.waitForHost = true;
    const errors: string[] = [];
    element.addEventListener('zoom-error', (event) => errors.push(event.detail.code));
    const joining = element.join();
    await waitUntil(() => element.status === 'waiting-for-host', 'waiting-for-host', { timeout: JOIN_WITHIN_MS });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('Waiting for the host to start the meeting…');
    expect(element.shadowRoot!.querySelector('[part=cancel-button]'), 'the user can give up waiting').to.exist;
    await waitUntil(() => !element.querySelector('[slot=meeting] iframe'), "the refused try's frame is gone", { timeout: 5000 });
    await meetingDouble.startMeeting();
    await within(joining, JOIN_WITHIN_MS, 'join() once the host started the meeting');
    expect(element.status).to.equal('joined');
    expect(errors, 'no zoom-error while waiting').to.deep.equal([]);
    expect(statuses.slice(0, 3)).to.deep.equal(['signing', 'joining', 'waiting-for-host']);
    expect(statuses.slice(-3)).to.deep.equal(['signing', 'joining', 'joined']);
    await element.leave();
  });

  it("lang=\"de\": the SDK's own UI in its frame speaks German (lib/lang/de-DE.json)", async () => {
    await meetingDouble.start({ topic: `Sprache (${view})`, hostName: 'Grace Host' });
    // In the frame prepared ahead, where the Client View was initialised in English before the page chose German.
    const { element } = await meetingElement(view, { preload: 'eager' });
    await waitUntil(() => element.status === 'ready', 'the SDK prepared ahead', { timeout: JOIN_WITHIN_MS });
    element.lang = 'de';
    await within(element.join(), JOIN_WITHIN_MS, 'join() with lang="de"');
    const frame = element.querySelector<HTMLIFrameElement>('[slot=meeting] iframe')!;
    // Words of the SDK's German table: the Client View's toolbar ("Leave", "Mute", "Participants"), the Component
    // View's speaker line and share bar ("Talking:", "Stop Share"). Its toolbar hides until the pointer moves, so the
    // text, not what is painted, is read.
    const german = view === 'client' ? ['Verlassen', 'Stummschalten', 'Teilnehmer'] : ['Sprechen:', 'Freigabe stoppen'];
    const shown = () => frame.contentDocument?.body?.textContent ?? '';
    try {
      await waitUntil(() => german.some((word) => shown().includes(word)), `German words in the SDK's UI`, { timeout: REPORT_WITHIN_MS });
    } finally {
      await element.leave();
    }
  });

  it('a webinar attendee: joined as an attendee, and left as usual', async () => {
    await meetingDouble.start({ topic: `Double webinar (${view})`, hostName: 'Grace Host', webinar: true });
    const { element } = await meetingElement(view);
    const joined = oneEvent(element, 'zoom-joined');
    await within(element.join(), JOIN_WITHIN_MS, 'join() to the webinar');
    const { detail } = await joined;
    expect(detail).to.include({ topic: `Double webinar (${view})`, role: 'attendee' });
    expect(element.status).to.equal('joined');
    // The Client View's participant listener gets "This api dont support webinar" instead of users: the list still
    // holds the user (from getCurrentUser), never that text.
    const list = await participantsWhere(element, (found) => found.some((p) => p.isYou), 'the user listed');
    for (const participant of list) expect(participant.id).to.be.a('number');
    expect((await leftFor(element, () => element.leave()))).to.equal('user');
  });
}
