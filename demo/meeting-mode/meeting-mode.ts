/**
 * The demo's "real SDK, meeting double" mode (`?mode=meeting&scenario=<setup>&view=component|client`): the real
 * Meeting SDK joins a meeting that the dev server's MeetingDouble runs (demo/meeting-double/), and the page's panel
 * makes things happen in it. Zoom's HTTP reaches the double through the demo's service worker, the meeting socket
 * through the element's zoom-frame event and a WebSocket on the dev server; nothing reaches Zoom.
 */
import type { ZoomJoin } from '../../src/index.js';
import type { EventLog } from '../app/event-log.js';
import { urlWith } from '../app/mode.js';
import { renderScenarioList, type ScenarioEntry } from '../app/scenario-panel.js';
import { controlByDoubleWorker } from '../zoom-double/double-mode.js';
import { clearStoredScenario } from '../zoom-double/scenario-store.js';
import { renderMeetingPanel } from './meeting-panel.js';
import { MeetingSession } from './meeting-session.js';
import { chooseMeetingSetup, MEETING_SETUPS, type MeetingSetup } from './meeting-setups.js';
import { routeSdkFrames } from './sdk-frames.js';

export interface MeetingMode {
  setup: MeetingSetup;
  session: MeetingSession;
  /** Resolves once Join can go to the double: to undefined, or to why it cannot, in words for QA. */
  ready: Promise<string | undefined>;
}

function setupEntry(setup: MeetingSetup): ScenarioEntry {
  return { id: setup.id, label: setup.label, expect: setup.expect, detail: `The double: ${JSON.stringify(setup.double)}` };
}

export function startMeetingMode(params: URLSearchParams, log: EventLog): MeetingMode {
  const setup = chooseMeetingSetup(params.get('scenario'));
  // The URL names the setup the page runs, also after a fallback, so a copied link opens the same meeting.
  if (params.get('scenario') !== setup.id) history.replaceState(null, '', urlWith({ scenario: setup.id }));
  const status = renderScenarioList('meeting', setupEntry(setup), MEETING_SETUPS.map(setupEntry));
  const session = new MeetingSession(setup);
  return { setup, session, ready: prepare(session, log, status) };
}

async function prepare(session: MeetingSession, log: EventLog, status: HTMLElement | undefined): Promise<string | undefined> {
  try {
    await controlByDoubleWorker();
    // A Zoom double scenario left by another tab must not answer anything of this page's.
    await clearStoredScenario();
    const state = await session.start();
    log.add('demo', 'meeting-double-ready', { session: session.id, setup: state.setup, participants: state.record.participants });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.add('demo', 'meeting-double-unavailable', { reason });
    if (status) status.dataset.double = 'unavailable';
    return reason;
  }
  if (status) {
    status.dataset.double = 'ready';
    status.textContent = 'The meeting double is ready: Join, then make things happen with the buttons under "In the meeting".';
  }
  return undefined;
}

/** The element joins the session's meeting: its SDK frames are routed to the double, and the panel drives it. */
export function bindMeetingMode(element: ZoomJoin, mode: MeetingMode, log: EventLog): void {
  routeSdkFrames(element, mode.session.id, log);
  renderMeetingPanel(element, mode.session, log);
}
