/**
 * The page's handle on its meeting: a session id of its own (one per page load) and the dev server's endpoints that
 * start the session's double, drive it and read its state.
 */
import type { MeetingActionId } from './meeting-actions.js';
import { sessionPath, type SessionProblem, type SessionState, type StartBody } from './meeting-api.js';
import type { MeetingSetup } from './meeting-setups.js';

/** The dev server refused, in its own words for QA. */
export class MeetingDoubleProblem extends Error {
  override name = 'MeetingDoubleProblem';
}

export class MeetingSession {
  /** Service workers (and so this mode) need a secure context, where randomUUID is there too. */
  readonly id = crypto.randomUUID();

  constructor(readonly setup: MeetingSetup) {}

  start(): Promise<SessionState> {
    const body: StartBody = { setup: this.setup.id, origin: window.location.origin };
    return this.call(sessionPath(this.id, 'start'), { method: 'POST', body: JSON.stringify(body) });
  }

  act(action: MeetingActionId): Promise<SessionState> {
    return this.call(sessionPath(this.id, action), { method: 'POST' });
  }

  state(): Promise<SessionState> {
    return this.call(sessionPath(this.id, 'state'), { method: 'GET' });
  }

  private async call(path: string, init: RequestInit): Promise<SessionState> {
    let response: Response;
    try {
      response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', accept: 'application/json' } });
    } catch (error) {
      throw new MeetingDoubleProblem(`The demo's dev server did not answer (${String(error)}). Is npm start still running?`);
    }
    const body = (await response.json().catch(() => undefined)) as SessionState | SessionProblem | undefined;
    if (response.ok && body && 'record' in body) return body;
    const message = body && 'message' in body ? body.message : `The dev server answered HTTP ${response.status}.`;
    throw new MeetingDoubleProblem(message);
  }
}
