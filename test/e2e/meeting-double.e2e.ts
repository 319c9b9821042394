/**
 * The demo's "real SDK, meeting double" mode, end to end: the real Meeting SDK joins a meeting that the dev server's
 * MeetingDouble runs — Zoom's HTTP through the demo's service worker, the RWG socket through the element's zoom-frame
 * event and the dev server's WebSocket — and the panel's buttons make things happen in it. Both views, each in its
 * own browser context, side by side. The browser resolves nothing but 127.0.0.1 (support/browser.ts), so nothing
 * the SDK opens can leave the machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { SdkView } from '../../src/zoom-join-error.js';
import { axeViolations, blocking } from './support/axe.js';
import { launchChromium, openDemo, screenshot, type DemoPage } from './support/browser.js';
import { MAIN, clickJoin, logEntries, waitForStatus } from './support/demo-actions.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { sdkAssetFiles } from '../../vite-plugin/index.js';

/** Click → joined: the SDK's start is CPU-bound (~2 s Component View, 5–10 s Client View here, far more when busy). */
const JOIN_WITHIN_MS = 120_000;
/** A button → the element's report of it. */
const REPORT_WITHIN_MS = 30_000;
/** Reconnecting → joined again: the SDK's failover (a new ping and socket). */
const RECONNECT_WITHIN_MS = 60_000;

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function meetingUrl(view: SdkView, setup?: string): string {
  // preload="none": the element's own preloading is not under test here and would only compete for the CPU.
  const scenario = setup ? `&scenario=${setup}` : '';
  return server.url(`/?mode=meeting&view=${view}${scenario}&preload=none&join-timeout=180000`);
}

async function inMeetingMode(view: SdkView, setup: string | undefined, body: (demo: DemoPage) => Promise<void>): Promise<void> {
  const demo = await openDemo(browser, meetingUrl(view, setup));
  // Everything the SDK and the element fetch from the self-hosted copy, with the answer (workers and frames included).
  const fromSdkCopy: Array<{ path: string; status: number }> = [];
  demo.page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === server.origin && url.pathname.startsWith('/zoom-sdk/')) fromSdkCopy.push({ path: decodeURIComponent(url.pathname.slice('/zoom-sdk/'.length)), status: response.status() });
  });
  try {
    assert.equal(await demo.page.locator('#mode-meeting').getAttribute('aria-current'), 'page');
    await demo.page.locator('#scenario-status[data-double="ready"]').waitFor({ timeout: 30_000 });
    await body(demo);
    for (const colorScheme of ['light', 'dark'] as const) {
      await demo.page.emulateMedia({ colorScheme });
      const violations = blocking(await axeViolations(demo.page, `meeting ${setup ?? 'meeting'} ${view} (${colorScheme})`));
      assert.deepEqual(violations, [], `axe: no serious or critical violation in the end state, ${view} view, ${colorScheme}`);
    }
    // A build with zoomSdkAssets({ views: [view] }) copies these files only: the meeting must not need another.
    const copied = new Set(sdkAssetFiles([view]));
    assert.ok(fromSdkCopy.some(({ path }) => path === 'lib/av/js_media.min.js'), 'the SDK loaded from /zoom-sdk');
    assert.deepEqual(fromSdkCopy.filter(({ path }) => !copied.has(path)), [], `every file the ${view} view asked for is among those copied for it`);
    assert.deepEqual(fromSdkCopy.filter(({ status }) => status >= 400), [], 'the self-hosted copy answered every request');
  } finally {
    await demo.close();
  }
}

async function act(demo: DemoPage, action: string): Promise<void> {
  await demo.page.locator(`#meeting-actions button[data-action="${action}"]`).click();
  await demo.page.locator(`#event-log li[data-event="meeting-double-${action}"]`).waitFor({ timeout: REPORT_WITHIN_MS });
}

async function participantNames(demo: DemoPage): Promise<string[]> {
  return demo.page.locator(MAIN).evaluate((element) =>
    (element as HTMLElement & { participants: ReadonlyArray<{ name: string }> }).participants.map((participant) => participant.name),
  );
}

/** Joins and checks the SDK's own meeting UI is in the element's frame. */
async function joinTheMeeting(demo: DemoPage, view: SdkView): Promise<void> {
  const started = performance.now();
  await clickJoin(demo);
  await waitForStatus(demo, 'joined', JOIN_WITHIN_MS);
  console.log(`${view} view: joined the meeting double ${Math.round(performance.now() - started)} ms after Join`);
  const frame = demo.page.frameLocator(`${MAIN} [slot=meeting] iframe`);
  // The Component View draws its meeting in the frame's body, with a tile per participant (the host's among them);
  // the Client View in #zmmtg-root, with its footer's Participants button.
  const ui = frame.locator(view === 'client' ? '#zmmtg-root' : 'body');
  await ui.getByText(view === 'client' ? 'Participants' : 'Grace Host', { exact: true }).first().waitFor({ timeout: REPORT_WITHIN_MS });
  assert.ok((await logEntries(demo, 'meeting-double-socket-open')).length >= 1, "the SDK's socket reached the dev server's double");
  assert.ok((await logEntries(demo, 'meeting-double-frame')).length >= 1, "the service worker took the SDK's frame");
  assert.deepEqual((await participantNames(demo)).sort(), ['Grace Host', 'QA tester']);
}

async function leftFor(demo: DemoPage, action: string): Promise<string> {
  await act(demo, action);
  await waitForStatus(demo, 'left', REPORT_WITHIN_MS);
  const left = (await demo.events('zoom-left')).filter((event) => event.target === '');
  assert.equal(left.length, 1, 'one zoom-left');
  return (left[0]?.detail as { reason: string }).reason;
}

async function aParticipantJoins(demo: DemoPage): Promise<void> {
  await act(demo, 'participant-joins');
  await demo.page.locator('#meeting-participants[data-count="3"]').waitFor({ timeout: REPORT_WITHIN_MS });
  assert.ok((await participantNames(demo)).includes('Linus Guest'), "the element's participants has the guest");
  assert.ok(
    (await logEntries(demo, 'zoom-participants')).some((entry) => entry.includes('Linus Guest')),
    'the event log shows zoom-participants with the guest',
  );
  assert.match(await demo.page.locator('#meeting-participants').innerText(), /Linus Guest \(attendee\)/);
}

describe('Meeting double: the real SDK in a meeting the demo drives', { concurrency: 2 }, () => {
  it('Component View: join, a participant joins and leaves, the connection drops and comes back, the host ends the meeting; then the waiting room', { timeout: 400_000 }, async () => {
    await inMeetingMode('component', undefined, async (demo) => {
      await joinTheMeeting(demo, 'component');
      await screenshot(demo.page, 'meeting-double-component-joined');
      await aParticipantJoins(demo);
      await act(demo, 'participant-leaves');
      await demo.page.locator('#meeting-participants[data-count="2"]').waitFor({ timeout: REPORT_WITHIN_MS });

      await act(demo, 'drop-and-recover');
      await waitForStatus(demo, 'reconnecting', REPORT_WITHIN_MS);
      await waitForStatus(demo, 'joined', RECONNECT_WITHIN_MS);
      const connection = (await logEntries(demo, 'zoom-connection')).map((entry) => (JSON.parse(entry) as { state: string }).state);
      assert.deepEqual(connection, ['reconnecting', 'connected'], 'the event log shows zoom-connection both ways');
      assert.equal((await demo.events('zoom-joined')).length, 1, 'no second zoom-joined');

      assert.equal(await leftFor(demo, 'end-meeting'), 'ended');
      assert.ok((await logEntries(demo, 'zoom-left')).some((entry) => entry.includes('"ended"')), 'the event log shows zoom-left ended');
      await demo.page.locator(`${MAIN} [slot=meeting] iframe`).waitFor({ state: 'detached', timeout: REPORT_WITHIN_MS });
    });

    await inMeetingMode('component', 'waiting-room', async (demo) => {
      await clickJoin(demo);
      await waitForStatus(demo, 'waiting-room', JOIN_WITHIN_MS);
      assert.equal((await demo.events('zoom-joined')).length, 0, 'held: not in the meeting yet');
      await act(demo, 'admit');
      await waitForStatus(demo, 'joined', JOIN_WITHIN_MS);
      assert.equal((await demo.events('zoom-joined')).length, 1);
      assert.equal(await leftFor(demo, 'remove-user'), 'removed');
    });
  });

  it('Client View: join, a participant joins, the host ends the meeting', { timeout: 400_000 }, async () => {
    await inMeetingMode('client', undefined, async (demo) => {
      await joinTheMeeting(demo, 'client');
      await screenshot(demo.page, 'meeting-double-client-joined');
      await aParticipantJoins(demo);
      assert.equal(await leftFor(demo, 'end-meeting'), 'ended');
      assert.ok((await logEntries(demo, 'zoom-left')).some((entry) => entry.includes('"ended"')), 'the event log shows zoom-left ended');
    });
  });
});
