import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinWithWaits, type JoinWaitView } from '../../../src/meeting/join-waits.js';
import { ZoomJoinError, type ZoomJoinErrorCode } from '../../../src/zoom-join-error.js';

const refusal = (code: ZoomJoinErrorCode, extra: { signInUrl?: string } = {}) =>
  new ZoomJoinError({ code, category: 'meeting', message: code, hint: code, ...extra });

/** A join refused with each of `refusals` in turn, then joined; and the host it reports to. */
function scripted(refusals: ZoomJoinError[]) {
  const log: string[] = [];
  const shown: JoinWaitView[] = [];
  let tries = 0;
  const join = async () => {
    tries++;
    const refusal = refusals.shift();
    if (refusal) throw refusal;
  };
  const host = {
    run: { pauseTimeout: () => log.push('pause'), resumeTimeout: () => log.push('resume') },
    timing: { begin: (phase: string) => log.push(`phase:${phase}`) },
    clearTry: async (frame: boolean) => void log.push(frame ? 'clear frame' : 'clear lock only'),
    show: (view: JoinWaitView) => void shown.push(view),
    onBehalfOf: () => 'Grace Hopper',
  };
  return { join, host, log, shown, tries: () => tries };
}

const signal = () => new AbortController().signal;

test("Zoom's 4017 is tried again after the delay, in the join's time (not paused), naming whom it waits for", async () => {
  const run = scripted([refusal('authorized-user-not-in-meeting'), refusal('authorized-user-not-in-meeting')]);
  await joinWithWaits(run.join, { signal: signal(), waitForHost: false, host: run.host, untilSignedIn: () => assert.fail(), delaysMs: [5] });
  assert.equal(run.tries(), 3);
  assert.ok(!run.log.includes('pause'), 'join-timeout keeps running');
  assert.ok(run.log.includes('clear frame'), 'the refused try leaves its frame');
  assert.deepEqual(run.shown[0], {
    status: 'waiting-for-authorized-user',
    detail: 'Grace Hopper must be in the meeting before you can join on their behalf',
    progress: { step: "waiting for Grace Hopper to be in the meeting (Zoom's 4017)", authorizedUser: { name: 'Grace Hopper' } },
  });
  assert.deepEqual(run.shown[1], { status: 'signing' });
});

test('a sign-in is waited for (timeout paused, the prepared frame kept), then the join is tried again', async () => {
  const run = scripted([refusal('sign-in-required', { signInUrl: 'https://app.example/zoom/sign-in' })]);
  const asked: string[] = [];
  await joinWithWaits(run.join, {
    signal: signal(),
    waitForHost: false,
    host: run.host,
    untilSignedIn: async (url) => void asked.push(url),
  });
  assert.deepEqual(asked, ['https://app.example/zoom/sign-in']);
  assert.equal(run.tries(), 2);
  assert.deepEqual(run.log.slice(0, 3), ['pause', 'clear lock only', 'phase:waiting']);
  assert.ok(run.log.includes('resume'));
  assert.equal(run.shown[0]?.status, 'waiting-for-sign-in');
});

test('a meeting not started is waited for only with wait-for-host; other refusals end the join', async () => {
  const waiting = scripted([refusal('meeting-not-started')]);
  await joinWithWaits(waiting.join, { signal: signal(), waitForHost: true, host: waiting.host, untilSignedIn: () => assert.fail(), delaysMs: [1] });
  assert.equal(waiting.shown[0]?.status, 'waiting-for-host');

  const notWaiting = scripted([refusal('meeting-not-started')]);
  await assert.rejects(
    joinWithWaits(notWaiting.join, { signal: signal(), waitForHost: false, host: notWaiting.host, untilSignedIn: () => assert.fail() }),
    { code: 'meeting-not-started' },
  );
  const other = scripted([refusal('signature-invalid')]);
  await assert.rejects(
    joinWithWaits(other.join, { signal: signal(), waitForHost: true, host: other.host, untilSignedIn: () => assert.fail() }),
    { code: 'signature-invalid' },
  );
  assert.equal(other.tries(), 1);
});

test('a sign-in-required without a URL to go to is not waited for', async () => {
  const run = scripted([refusal('sign-in-required')]);
  await assert.rejects(
    joinWithWaits(run.join, { signal: signal(), waitForHost: false, host: run.host, untilSignedIn: () => assert.fail() }),
    { code: 'sign-in-required' },
  );
});
