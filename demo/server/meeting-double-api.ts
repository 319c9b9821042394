/**
 * The meeting mode's HTTP side, under /api/meeting-double/<session id>/ (see demo/meeting-mode/meeting-api.ts):
 *
 * - `POST start` `{setup, origin}`: a new meeting for this page.
 * - `POST http` `{url, method, postData}`: one of the SDK's requests to a Zoom host, forwarded by the page's
 *   service worker; answered from the double (`{answer}`, null for "unreachable").
 * - `POST <action>` (participant-joins, end-meeting, …): the panel's buttons.
 * - `GET` (no suffix): the double's state.
 * - `POST frame`: reaches the server only when the service worker did not take the request (it answers frame
 *   registrations itself): the page learns that its SDK frame is not under the worker.
 *
 * The RWG socket is not here: demo/server/rwg-sockets.ts.
 */
import { Hono, type Context } from 'hono';
import type { DoubleRequest } from '../meeting-double/meeting-double.js';
import { isMeetingActionId } from '../meeting-mode/meeting-actions.js';
import type { HttpForwardAnswer, SessionProblem, SessionState } from '../meeting-mode/meeting-api.js';
import { isMeetingSetupId } from '../meeting-mode/meeting-setups.js';
import { MeetingActionRefused, type MeetingSessions } from './meeting-sessions.js';

const SESSION = '/api/meeting-double/:id{[A-Za-z0-9-]{8,64}}';

function json(status: number, body: SessionState | SessionProblem | HttpForwardAnswer): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function problem(status: number, error: string, message: string): Response {
  return json(status, { error, message });
}

const noSession = (): Response =>
  problem(404, 'no-meeting', 'The dev server has no meeting for this page (it restarted?). Reload the page.');

async function bodyOf(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

function isDoubleRequest(body: Record<string, unknown>): body is Record<string, unknown> & DoubleRequest {
  return typeof body.url === 'string' && typeof body.method === 'string' && (body.postData === null || typeof body.postData === 'string');
}

export function meetingDoubleRoutes(sessions: MeetingSessions): Hono {
  const app = new Hono();
  app.post(`${SESSION}/start`, async (c) => {
    const body = await bodyOf(c);
    const origin = typeof body.origin === 'string' ? body.origin : (c.req.header('origin') ?? '');
    if (!isMeetingSetupId(body.setup) || !/^https?:\/\/[^/]+$/.test(origin)) {
      return problem(400, 'bad-start', 'Send {setup, origin}: one of the setups of demo/meeting-mode/meeting-setups.ts and the page\'s origin.');
    }
    return json(200, sessions.start(c.req.param('id'), body.setup, origin));
  });
  app.post(`${SESSION}/http`, async (c) => {
    const double = sessions.double(c.req.param('id'));
    if (!double) return noSession();
    const body = await bodyOf(c);
    if (!isDoubleRequest(body)) return problem(400, 'bad-request', 'Send {url, method, postData}.');
    return json(200, { answer: double.answerHttp({ url: body.url, method: body.method, postData: body.postData }) ?? null });
  });
  app.post(`${SESSION}/frame`, () =>
    problem(
      409,
      'frame-not-controlled',
      "The SDK's frame is not under the demo's service worker: its requests would go to the real Zoom. Reload the page.",
    ),
  );
  app.get(SESSION, (c) => {
    const state = sessions.get(c.req.param('id'));
    return state ? json(200, state) : noSession();
  });
  app.post(`${SESSION}/:action`, (c) => {
    const action = c.req.param('action');
    if (!isMeetingActionId(action)) return problem(404, 'no-action', `The meeting double has no action ${action}.`);
    try {
      const state = sessions.act(c.req.param('id'), action);
      return state ? json(200, state) : noSession();
    } catch (error) {
      if (error instanceof MeetingActionRefused) return problem(409, 'refused', error.message);
      throw error;
    }
  });
  return app;
}
