// The meeting double's check of joins to another account's meeting, without a browser: which join answer each token
// gets, what the authorising user's leaving does, and that its record names token kinds, never token values. The
// shapes are the SDK's (meeting-service-shapes.test.ts pins them); the real SDK meets them in
// test/meeting/real-meeting-obf.scenarios.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  authorizationOf,
  AuthorizationRefusal,
  EndReason,
  MeetingDouble,
  RWG_HOST,
  RwgEvent,
  type DoubleSocket,
  type MeetingDoubleOptions,
  type RwgMessage,
} from '../../../demo/meeting-double/meeting-double.js';

const MEETING_NUMBER = '12345678901';
const known = authorizationOf([
  { kind: 'obf', token: 'obf-ok', userId: 'u1', meetingNumber: MEETING_NUMBER, expired: false },
  { kind: 'obf', token: 'obf-old', userId: 'u1', meetingNumber: MEETING_NUMBER, expired: true },
  { kind: 'obf', token: 'obf-elsewhere', userId: 'u1', meetingNumber: '98765432109', expired: false },
  { kind: 'obf', token: 'obf-any-meeting', userId: 'u1', expired: false },
  { kind: 'zak', token: 'zak-ok', userId: 'z1', expired: false },
  { kind: 'zak', token: 'zak-old', userId: 'z1', expired: true },
]);

/** A socket the double drives, the SDK's side played by the test. */
class FakeSocket implements DoubleSocket {
  readonly url = `wss://${RWG_HOST}/wc/api/${MEETING_NUMBER}?dn2=${btoa('Ada')}`;
  readonly received: RwgMessage[] = [];
  closed = false;
  private listener?: (text: string) => void;
  send(text: string): void {
    this.received.push(JSON.parse(text) as RwgMessage);
  }
  close(): void {
    this.closed = true;
  }
  onMessage(listener: (text: string) => void): void {
    this.listener = listener;
  }
  onClose(): void {}
  sdkSends(message: RwgMessage): void {
    this.listener?.(JSON.stringify(message));
  }
  /** The join answer's `res`, or undefined if none came. */
  joinAnswer(): number | undefined {
    return this.received.find((message) => message.evt === RwgEvent.joinAnswer)?.body?.res as number | undefined;
  }
}

function meeting(options: Partial<MeetingDoubleOptions> = {}): MeetingDouble {
  return new MeetingDouble({ origin: 'http://127.0.0.1:1', authorization: known, ...options });
}

/** One join as the SDK makes it: wc/info (the form as given), then 4301 with these launch parameters. */
function join(double: MeetingDouble, launch: Record<string, unknown>, wcInfo: Record<string, string> = {}): FakeSocket {
  double.answerHttp({ url: 'https://zoom.us/api/v1/wc/info', method: 'POST', postData: new URLSearchParams({ meetingNumber: MEETING_NUMBER, ...wcInfo }).toString() });
  const socket = new FakeSocket();
  double.attachSocket(socket);
  socket.sdkSends({ evt: RwgEvent.launchParameters, body: { signType: 'sdk', sign: 'x', ...launch } });
  return socket;
}

describe("the meeting double: another account's meeting", () => {
  test('the join answer for each token: none 13296, unknown or expired 13299, another meeting 13300, its user absent 103041', () => {
    const cases: [Record<string, unknown>, number | undefined][] = [
      [{}, AuthorizationRefusal.anonymous],
      [{ obfToken: '', zak: '' }, AuthorizationRefusal.anonymous],
      [{ obfToken: 'obf-unknown' }, AuthorizationRefusal.tokenInvalid],
      [{ obfToken: 'obf-old' }, AuthorizationRefusal.tokenInvalid],
      [{ zak: 'zak-old' }, AuthorizationRefusal.tokenInvalid],
      [{ zak: 'obf-ok' }, AuthorizationRefusal.tokenInvalid],
      [{ obfToken: 'obf-elsewhere' }, AuthorizationRefusal.meetingMismatch],
      [{ obfToken: 'obf-ok' }, AuthorizationRefusal.authorizingUserAbsent],
      [{ zak: 'zak-ok' }, 0],
    ];
    for (const [launch, res] of cases) assert.equal(join(meeting(), launch).joinAnswer(), res, JSON.stringify(launch));
    assert.deepEqual([13296, 13299, 13300, 103041], [AuthorizationRefusal.anonymous, AuthorizationRefusal.tokenInvalid, AuthorizationRefusal.meetingMismatch, AuthorizationRefusal.authorizingUserAbsent]);
  });

  test('a valid OBF token joins once its user is in the meeting; a token for any meeting too', () => {
    const double = meeting({ authorizingUsers: ['u1'] });
    assert.equal(join(double, { obfToken: 'obf-ok' }).joinAnswer(), 0);
    const other = meeting();
    assert.equal(join(other, { obfToken: 'obf-any-meeting' }).joinAnswer(), AuthorizationRefusal.authorizingUserAbsent);
    other.authorizingUserJoins('u1');
    assert.equal(join(other, { obfToken: 'obf-any-meeting' }).joinAnswer(), 0);
    assert.ok(other.snapshot().participants.some((participant) => participant.name === 'Authorising user u1'), 'the authorising user is in the roster');
  });

  test('the authorising user leaving puts out the user they let in (7939 21), and nobody else', () => {
    const double = meeting({ authorizingUsers: ['u1', 'u2'] });
    const socket = join(double, { obfToken: 'obf-ok' });
    double.authorizingUserLeaves('u2');
    assert.ok(!socket.received.some((message) => message.evt === RwgEvent.end), 'another authorising user leaving ends nothing');
    double.authorizingUserLeaves('u1');
    const last = socket.received.slice(-2);
    assert.equal(last[0]?.evt, RwgEvent.roster, 'the authorising user leaves the roster first');
    assert.equal((last[0]?.body?.remove as unknown[] | undefined)?.length, 1);
    assert.deepEqual(last[1], { evt: RwgEvent.end, body: { reason: EndReason.authorizingUserLeft } });
    assert.equal(EndReason.authorizingUserLeft, 21);

    const withZak = meeting({ authorizingUsers: ['u1'] });
    const zakSocket = join(withZak, { zak: 'zak-ok' });
    withZak.authorizingUserLeaves('u1');
    assert.ok(!zakSocket.received.some((message) => message.evt === RwgEvent.end), 'a ZAK join depends on nobody');
    assert.throws(() => withZak.authorizingUserLeaves('u1'), /no authorising user u1/);
  });

  test('a reconnection of a user let in is let in again, even if the token would now be refused', () => {
    const double = meeting({ authorizingUsers: ['u1'] });
    join(double, { obfToken: 'obf-ok' });
    double.dropConnection({ recover: true });
    assert.equal(join(double, { obfToken: 'obf-ok' }).joinAnswer(), 0);
    // Once they left (4103), a new join is checked again.
    const socket = join(double, { obfToken: 'obf-ok' });
    socket.sdkSends({ evt: RwgEvent.leave });
    assert.equal(join(double, {}).joinAnswer(), AuthorizationRefusal.anonymous);
  });

  test('without authorization every join is let in, as before', () => {
    assert.equal(join(new MeetingDouble({ origin: 'http://127.0.0.1:1' }), {}).joinAnswer(), 0);
  });

  test('the record names the kind of token each request carried (wc/info as each view sends it), never a value', () => {
    const double = meeting({ authorizingUsers: ['u1'] });
    // Unauthorised first: once a user is let in, the double takes the next join for their reconnection.
    join(double, {}, {});
    join(double, { zak: 'zak-ok' }, { ztk: 'zak-ok' });
    join(double, { obfToken: 'obf-ok' }, { zak: '', zsk: '', obfToken: 'obf-ok' });
    const record = double.snapshot();
    assert.deepEqual(
      record.tokens.map(({ at, kind }) => `${at}:${kind}`),
      ['wc/info:none', 'launch:none', 'wc/info:zak', 'launch:zak', 'wc/info:obf', 'launch:obf'],
    );
    assert.deepEqual(record.refusals, [AuthorizationRefusal.anonymous]);
    const printed = JSON.stringify(record);
    for (const token of ['obf-ok', 'zak-ok']) assert.ok(!printed.includes(token), `the record holds ${token}`);
  });
});
