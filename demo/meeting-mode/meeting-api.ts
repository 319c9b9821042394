/**
 * What the meeting mode's page, its service worker and the dev server agree on: the dev server's paths, a session's
 * id and the shapes that travel between them. No DOM and no Node here: all three import it.
 *
 * One session is one page load: the page makes its id, the dev server keeps a MeetingDouble under it
 * (demo/server/meeting-sessions.ts), and everything that reaches the double names it.
 */
import type { DoubleRequest, DoubleResponse, MeetingDoubleRecord } from '../meeting-double/meeting-double.js';
import type { MeetingActionId } from './meeting-actions.js';
import type { MeetingSetupId } from './meeting-setups.js';

export const MEETING_MODE = 'meeting';
export const MEETING_API = '/api/meeting-double';
/** The external meetings' signer: the library's handler with sign in with Zoom, which attaches an OBF token. */
export const EXTERNAL_SIGNER = '/api/zoom-signature';
/** The library's sign-in routes on the dev server (createZoomSignIn's basePath). */
export const SIGN_IN_BASE = '/zoom';

/** The page makes ids with crypto.randomUUID(); anything else is refused before it reaches a map or a URL. */
export const SESSION_ID = /^[A-Za-z0-9-]{8,64}$/;

/** `POST <api>/<id>/start`: a new meeting in this setup; the origin is the page's (Zoom's answers allow it). */
export interface StartBody {
  setup: MeetingSetupId;
  origin: string;
}

/** What every session endpoint answers: the double's state and, after an action, what it did. */
export interface SessionState {
  setup: MeetingSetupId;
  record: MeetingDoubleRecord;
  /** What the last action did, in a sentence for QA. */
  done?: string;
}

/** A refusal of a session endpoint, in words for QA. */
export interface SessionProblem {
  error: string;
  message: string;
}

/** `POST <api>/<id>/http`, from the service worker: one of the SDK's requests to a Zoom host. */
export type HttpForwardBody = DoubleRequest;

/** Its answer: null fails the request as unreachable, as the SDK meets an unknown Zoom host offline. */
export interface HttpForwardAnswer {
  answer: DoubleResponse | null;
}

export function sessionPath(id: string, what: 'start' | 'http' | 'frame' | 'rwg' | 'state' | MeetingActionId): string {
  return what === 'state' ? `${MEETING_API}/${id}` : `${MEETING_API}/${id}/${what}`;
}

/** Sockets to a Zoom host (the RWG's and any other the SDK's frame opens), which go to the dev server instead. */
export const ZOOM_SOCKET_URL = /^wss?:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)(?::\d+)?\//;

/** The dev server's socket standing in for `original`, on the page's own host. */
export function socketUrl(page: { protocol: string; host: string }, id: string, original: string): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}${sessionPath(id, 'rwg')}?url=${encodeURIComponent(original)}`;
}

/** The session id and the Zoom URL of a socket request to the dev server, if it is one. */
export function parseSocketRequest(path: string): { id: string; url: string } | undefined {
  const parsed = new URL(path, 'http://dev-server');
  const match = /^\/api\/meeting-double\/([^/]+)\/rwg$/.exec(parsed.pathname);
  const url = parsed.searchParams.get('url');
  if (!match?.[1] || !SESSION_ID.test(match[1]) || !url) return undefined;
  return { id: match[1], url };
}

/** The session a frame-registration request names (`POST <api>/<id>/frame`), if it is one. */
export function parseFrameRegistration(url: string): string | undefined {
  const match = /^\/api\/meeting-double\/([^/]+)\/frame$/.exec(new URL(url).pathname);
  return match?.[1] && SESSION_ID.test(match[1]) ? match[1] : undefined;
}
