/**
 * The meeting mode's panel: a button for each thing the double can make happen in the meeting (with what QA should
 * then see), the participants as the element reports them (zoom-participants), and what the double has seen.
 */
import type { ZoomJoin, ZoomParticipant } from '../../src/index.js';
import type { EventLog } from '../app/event-log.js';
import { actionsFor, type MeetingAction } from './meeting-actions.js';
import { SIGN_IN_BASE, type SessionState } from './meeting-api.js';
import type { MeetingSession } from './meeting-session.js';

function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo/index.html has no ${selector}`);
  return found;
}

export function renderMeetingPanel(element: ZoomJoin, session: MeetingSession, log: EventLog): void {
  const section = required<HTMLElement>('#meeting-double');
  const status = required<HTMLElement>('#meeting-double-status');
  const record = required<HTMLElement>('#meeting-double-record');
  section.hidden = false;

  const showState = (state: SessionState): void => {
    const { sockets, refreshes, sent } = state.record;
    record.textContent =
      `The double has seen ${sockets} meeting socket${sockets === 1 ? '' : 's'} and ${refreshes} token ` +
      `refresh${refreshes === 1 ? '' : 'es'}; the SDK's messages: ${sent.length ? sent.join(', ') : 'none yet'}.`;
  };
  const refresh = (): void => {
    session.state().then(showState, () => undefined);
  };

  const act = async (action: MeetingAction, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    try {
      const state = await session.act(action.id);
      status.dataset.result = 'done';
      status.textContent = `${state.done ?? `${action.label}.`} Expect: ${action.expect}`;
      log.add('demo', `meeting-double-${action.id}`, { done: state.done });
      showState(state);
    } catch (error) {
      status.dataset.result = 'refused';
      status.textContent = error instanceof Error ? error.message : String(error);
      log.add('demo', `meeting-double-${action.id}-refused`, { reason: status.textContent });
    } finally {
      button.disabled = false;
    }
  };

  const items = actionsFor(session.setup.id).map((action) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = action.id;
    button.textContent = action.label;
    button.addEventListener('click', () => void act(action, button));
    const expectation = document.createElement('small');
    expectation.textContent = action.expect;
    item.append(button, expectation);
    return item;
  });
  if (session.setup.external) items.push(signOutItem(status, log));
  required<HTMLUListElement>('#meeting-actions').replaceChildren(...items);

  const participants = required<HTMLUListElement>('#meeting-participants');
  const showParticipants = (list: readonly ZoomParticipant[]): void => {
    participants.dataset.count = String(list.length);
    if (list.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = 'Nobody yet: the list fills once you are in the meeting.';
      participants.replaceChildren(empty);
      return;
    }
    participants.replaceChildren(
      ...list.map((participant) => {
        const item = document.createElement('li');
        item.dataset.participant = String(participant.id);
        const notes = [participant.role, participant.isYou ? 'you' : '', participant.inWaitingRoom ? 'in the waiting room' : ''];
        item.textContent = `${participant.name} (${notes.filter(Boolean).join(', ')})`;
        return item;
      }),
    );
  };
  showParticipants(element.participants);
  element.addEventListener('zoom-participants', (event) => showParticipants(event.detail.participants));
  // The list is the element's: read again as its status moves (a meeting that is over has nobody in it).
  element.addEventListener('zoom-status', () => {
    showParticipants(element.participants);
    refresh();
  });
  refresh();
}

/** "Sign out of Zoom": the library's sign-out route, so the next Join asks for a sign-in again. */
function signOutItem(status: HTMLElement, log: EventLog): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'zoom-sign-out';
  button.textContent = 'Sign out of Zoom';
  const expectation = document.createElement('small');
  expectation.textContent =
    'The dev server revokes the Zoom double\'s grant and forgets the session: the next Join shows "Sign in with Zoom" again.';
  button.addEventListener('click', () => {
    button.disabled = true;
    void (async () => {
      try {
        const response = await fetch(`${SIGN_IN_BASE}/sign-out`, { method: 'POST' });
        if (!response.ok) throw new Error(`The sign-out answered HTTP ${response.status}.`);
        status.dataset.result = 'done';
        status.textContent = 'Signed out of Zoom: the next Join asks you to sign in with Zoom again.';
        log.add('demo', 'zoom-signed-out', {});
      } catch (error) {
        status.dataset.result = 'refused';
        status.textContent = error instanceof Error ? error.message : String(error);
        log.add('demo', 'zoom-sign-out-failed', { reason: status.textContent });
      } finally {
        button.disabled = false;
      }
    })();
  });
  item.append(button, expectation);
  return item;
}
