// Joining a meeting hosted by another account, through the real SDK of each view: the meeting double checks the
// OBF token or ZAK as Zoom does (demo/meeting-double/, `authorization`), and these prove what the SDK then reports —
// to the element (its error's sdkCode, its zoom-left) and, heard in the SDK's own frame, to any page.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { EndReason, RwgEvent, type KnownToken } from '../../demo/meeting-double/meeting-double.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import type { SdkView, ZoomJoinError } from '../../src/zoom-join-error.js';
import { JOIN_WITHIN_MS, meetingDouble, meetingElement, REPORT_WITHIN_MS, within } from './real-meeting-support.js';

const MEETING_NUMBER = '12345678901';
const AUTHORIZER = 'authorizer-user-1';
/** Token texts shaped like Zoom's (JWT-like); none may ever appear in what the double records. */
const TOKENS = {
  obf: 'obf.valid-for-this-meeting.sig',
  expiredObf: 'obf.expired.sig',
  otherMeetingObf: 'obf.for-another-meeting.sig',
  zak: 'zak.valid.sig',
};
const KNOWN_TOKENS: KnownToken[] = [
  { kind: 'obf', token: TOKENS.obf, userId: AUTHORIZER, meetingNumber: MEETING_NUMBER, expired: false },
  { kind: 'obf', token: TOKENS.expiredObf, userId: AUTHORIZER, meetingNumber: MEETING_NUMBER, expired: true },
  { kind: 'obf', token: TOKENS.otherMeetingObf, userId: AUTHORIZER, meetingNumber: '98765432109', expired: false },
  { kind: 'zak', token: TOKENS.zak, userId: 'zak-user-1', expired: false },
];

/** What the SDK told its page, heard in the element's frame through the SDK's own listener API. */
type Heard = string[];

interface EmbeddedApi {
  createClient(): { on(event: string, listener: (payload: unknown) => void): void };
}
/** The package's Component View bundle defines ReactWidgets; Zoom's CDN one ZoomMtgEmbedded. */
interface EmbeddedRealm {
  ZoomMtgEmbedded?: EmbeddedApi;
  ReactWidgets?: EmbeddedApi;
}
interface ClientRealm {
  ZoomMtg?: { inMeetingServiceListener(event: string, listener: (payload: unknown) => void): void };
}

/**
 * Listens in the element's frame as a page using the SDK directly would: the Component View's `connection-change`
 * (its client is one per frame), the Client View's `onMeetingStatus`/`onUserLeave` (listeners on its root add up).
 */
function hearSdk(element: ZoomJoin, view: SdkView): Heard {
  const heard: Heard = [];
  element.addEventListener('zoom-frame', (event) => {
    const realm = event.detail.window as Window & EmbeddedRealm & ClientRealm;
    const record = (name: string) => (payload: unknown) => heard.push(`${name} ${JSON.stringify(payload)}`);
    void waitUntil(
      () => (view === 'component' ? (realm.ZoomMtgEmbedded ?? realm.ReactWidgets) : realm.ZoomMtg && realm.document.getElementById('zmmtg-root')),
      'the SDK in its frame',
      { timeout: JOIN_WITHIN_MS, interval: 5 },
    ).then(() => {
      if (view === 'component') (realm.ZoomMtgEmbedded ?? realm.ReactWidgets)!.createClient().on('connection-change', record('connection-change'));
      else for (const name of ['onMeetingStatus', 'onUserLeave']) realm.ZoomMtg!.inMeetingServiceListener(name, record(name));
    });
  });
  return heard;
}

/**
 * The 7939 reasons the RWG sent in the element's frame, read from the SDK's own socket (its RWG socket lives in the
 * frame's main thread): what the page could read where the SDK's listener API does not say why the meeting ended.
 */
function endReasonsInFrame(element: ZoomJoin): number[] {
  const reasons: number[] = [];
  element.addEventListener('zoom-frame', (event) => {
    const realm = event.detail.window as Window & { WebSocket: typeof WebSocket };
    const Native = realm.WebSocket;
    realm.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', ({ data }: MessageEvent<unknown>) => {
          if (typeof data !== 'string' || !data.includes(`"evt":${RwgEvent.end}`)) return;
          const { body } = JSON.parse(data) as { body?: { reason?: number } };
          if (typeof body?.reason === 'number') reasons.push(body.reason);
        });
      }
    };
  });
  return reasons;
}

/** A join Zoom refused, as the SDK reported it: its code, and what it said (its own value, secrets scrubbed). */
interface Refusal {
  sdkCode: number | undefined;
  said: unknown;
  heard: Heard;
}

/**
 * Joins and waits for the SDK's refusal, which the element turns into its error in both views. The Component View
 * rejects `join()` (`{type, reason, errorCode}`, also told as `connection-change {state:'Fail'}`); the Client View
 * calls neither join callback: its "Unable to join this meeting" dialog tells only `onMeetingStatus {meetingStatus:3,
 * errorCode, errorMessage}`, which the element reads. `said` is what the SDK said, heard in the frame.
 */
async function refusedJoin(element: ZoomJoin, view: SdkView, heard: Heard): Promise<Refusal> {
  const joining = element.join().then(
    () => {
      throw new Error('the join succeeded');
    },
    (reason: unknown) => reason as ZoomJoinError,
  );
  const error = await within(joining, JOIN_WITHIN_MS, 'the refused join');
  expect(element.status).to.equal('error');
  if (view === 'component') return { sdkCode: error.sdkCode, said: error.cause, heard: [...heard] };
  const told = heard.find((line) => line.startsWith('onMeetingStatus') && line.includes('"errorCode"'));
  expect(told, "the SDK's onMeetingStatus with an errorCode").to.be.a('string');
  const said = JSON.parse(told!.slice('onMeetingStatus '.length)) as { errorCode?: number };
  expect(error.sdkCode, "the element's error carries the SDK's code").to.equal(said.errorCode);
  return { sdkCode: error.sdkCode, said, heard: [...heard] };
}

async function refusedFreshJoin(view: SdkView, token: { obfToken?: string; zak?: string }): Promise<Refusal> {
  const { element } = await meetingElement(view);
  Object.assign(element, token);
  return refusedJoin(element, view, hearSdk(element, view));
}

async function startForeignMeeting(authorizingUsers: string[] = []): Promise<void> {
  await meetingDouble.start({ topic: 'Another account', hostName: 'Grace Host', knownTokens: KNOWN_TOKENS, authorizingUsers });
}

/** The token each join carried, as the double saw it; never a token's value. */
async function tokensSeen(): Promise<string[]> {
  const record = await meetingDouble.record();
  const printed = JSON.stringify(record);
  for (const token of Object.values(TOKENS)) expect(printed.includes(token), 'a token value in the record').to.equal(false);
  return record.tokens.map((sighting) => `${sighting.at}:${sighting.kind}`);
}

export function obfScenarios(view: SdkView): void {
  // Zoom's wc/info fields for a token differ by view; the launch parameters (4301) do not.
  const wcInfo = (kind: 'obf' | 'zak' | 'none') => `wc/info:${view === 'component' && kind === 'obf' ? 'none' : kind}`;

  it('no OBF token and no ZAK: the join answer refuses (13296) and the SDK says 4012', async () => {
    await startForeignMeeting([AUTHORIZER]);
    const { sdkCode, said, heard } = await refusedFreshJoin(view, {});
    expect(sdkCode).to.equal(4012);
    console.log(`${view} view, 4012: the SDK said ${JSON.stringify(said)}; heard ${JSON.stringify(heard)}`);
    if (view === 'component') {
      expect(said).to.deep.equal({ type: 'JOIN_MEETING_FAILED', reason: 'anonymous join error', errorCode: 4012 });
      expect(heard).to.include('connection-change {"state":"Fail","reason":"anonymous join error","errorCode":4012}');
    } else {
      expect(said).to.deep.equal({
        meetingStatus: 3,
        errorCode: 4012,
        errorMessage: 'Anonymous joins are not allowed for this SDK app. Authenticate the Zoom user and provide a ZAK or OBF token.',
      });
    }
    expect((await meetingDouble.record()).refusals).to.deep.equal([13296]);
    expect(await tokensSeen()).to.deep.equal([wcInfo('none'), 'launch:none']);
  });

  it('an expired OBF token: refused (13299), the SDK says 4014', async () => {
    await startForeignMeeting([AUTHORIZER]);
    const { sdkCode, said } = await refusedFreshJoin(view, { obfToken: TOKENS.expiredObf });
    expect(sdkCode).to.equal(4014);
    expect(said).to.deep.include(view === 'component' ? { reason: 'obfToken is invalid' } : { errorMessage: 'The OBF token is invalid. Please check the OBF token and try again.' });
    expect((await meetingDouble.record()).refusals).to.deep.equal([13299]);
    expect(await tokensSeen()).to.deep.equal([wcInfo('obf'), 'launch:obf']);
  });

  it("an OBF token for another meeting: refused (13300), the SDK says 4015", async () => {
    await startForeignMeeting([AUTHORIZER]);
    const { sdkCode, said } = await refusedFreshJoin(view, { obfToken: TOKENS.otherMeetingObf });
    expect(sdkCode).to.equal(4015);
    expect(said).to.deep.include(
      view === 'component' ? { reason: 'obfToken does not match the meeting number' } : { errorMessage: 'The meeting number associated with the provided OBF token does not match the current meeting.' },
    );
    expect((await meetingDouble.record()).refusals).to.deep.equal([13300]);
  });

  it('a valid OBF token, its user not in the meeting: 4017, the element waits and joins by itself once they are in; when they leave (7939 21), zoom-left says authorized-user-left', async () => {
    await startForeignMeeting();
    const { element } = await meetingElement(view);
    element.obfToken = TOKENS.obf;
    const heard = hearSdk(element, view);
    const endReasons = endReasonsInFrame(element);
    const joined = within(element.join(), JOIN_WITHIN_MS, 'join() once the authorising user is in');
    await waitUntil(() => element.status === 'waiting-for-authorized-user', 'waiting-for-authorized-user', { timeout: JOIN_WITHIN_MS });
    const told =
      view === 'component'
        ? 'connection-change {"state":"Fail","reason":"authorized user not in meeting","errorCode":4017}'
        : 'onMeetingStatus {"meetingStatus":3,"errorCode":4017,"errorMessage":"Authorized user not in meeting."}';
    expect(heard, 'the SDK said 4017').to.include(told);
    expect((await meetingDouble.record()).refusals).to.deep.equal([103041]);
    expect(element.querySelector('[slot=meeting] iframe'), "the refused try's frame went").to.equal(null);

    await meetingDouble.authorizingUserJoins(AUTHORIZER);
    heard.length = 0;
    await joined;
    expect(element.status).to.equal('joined');
    const record = await meetingDouble.record();
    expect(record.refusals, 'no new refusal').to.deep.equal([103041]);
    expect(record.answered, 'the join answer admitted the user').to.include(4098);
    expect(await tokensSeen()).to.deep.equal([wcInfo('obf'), 'launch:obf', wcInfo('obf'), 'launch:obf']);

    const left = oneEvent(element, 'zoom-left');
    await meetingDouble.authorizingUserLeaves(AUTHORIZER);
    const { detail } = await within(left, REPORT_WITHIN_MS, 'zoom-left after the authorising user left');
    expect((await meetingDouble.record()).answered.at(-1), 'the double put the user out with 7939').to.equal(7939);
    expect(endReasons, "the frame's RWG socket carried 7939 reason 21").to.deep.equal([EndReason.authorizingUserLeft]);
    if (view === 'component') {
      // The SDK's 7939 handler: reason 21 (KickedDueToMasterLeave) → Closed with this text; its own UI shows 4019.
      expect(heard).to.include('connection-change {"state":"Closed","reason":"bot user kicked due to master leaving"}');
    } else {
      // The Client View ends the meeting for reason 21 exactly as for 8 (ended by host): onMeetingStatus 3, no
      // errorCode and no onUserLeave of the user's own; the element reads the reason off the frame's socket.
      const authorizerLeft = heard.findIndex((line) => line.startsWith('onUserLeave') && line.includes(`"userName":"Authorising user ${AUTHORIZER}"`));
      expect(authorizerLeft, "the authorising user's onUserLeave").to.be.greaterThan(-1);
      expect(heard.slice(authorizerLeft + 1)).to.deep.equal(['onMeetingStatus {"meetingStatus":3}']);
    }
    expect(detail.reason).to.equal('authorized-user-left');
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[part=status]')?.textContent).to.contain('The Zoom user you joined on behalf of left the meeting');
    await waitUntil(() => !element.querySelector('[slot=meeting] iframe'), "the meeting's frame goes", { timeout: 5000 });
  });

  it('a valid ZAK: let in without an authorising user; the ZAK travels in wc/info and the launch parameters', async () => {
    await startForeignMeeting();
    const { element } = await meetingElement(view);
    element.zak = TOKENS.zak;
    await within(element.join(), JOIN_WITHIN_MS, 'join() with a ZAK');
    expect(element.status).to.equal('joined');
    expect((await meetingDouble.record()).refusals).to.deep.equal([]);
    expect(await tokensSeen()).to.deep.equal([wcInfo('zak'), 'launch:zak']);
    await element.leave();
  });
}
