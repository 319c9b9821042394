/**
 * The meeting mode's doubles, one per demo page load (its session id), held by the dev server so that the SDK's HTTP
 * requests (through the page's service worker), its RWG socket (through the dev server's WebSocket) and the panel's
 * buttons all reach the same meeting.
 */
import { MeetingDouble, type MeetingAuthorization } from '../meeting-double/meeting-double.js';
import type { MeetingActionId } from '../meeting-mode/meeting-actions.js';
import type { SessionState } from '../meeting-mode/meeting-api.js';
import { MEETING_SETUPS, type MeetingSetupId } from '../meeting-mode/meeting-setups.js';

/** Open tabs and reloads each make a session; the oldest are forgotten past this many. */
const MAX_SESSIONS = 32;
const GUEST_NAMES = ['Linus Guest', 'Ada Guest', 'Alan Guest', 'Margaret Guest', 'Edsger Guest', 'Barbara Guest'];

/** Linus Guest, Ada Guest, …, then Linus Guest 2, …: each guest of a meeting has a name of their own. */
function guestName(index: number): string {
  const name = GUEST_NAMES[index % GUEST_NAMES.length] ?? 'Guest';
  const round = Math.floor(index / GUEST_NAMES.length);
  return round === 0 ? name : `${name} ${round + 1}`;
}

/** An action the meeting cannot do now (nobody left to leave), in words for QA. */
export class MeetingActionRefused extends Error {
  override name = 'MeetingActionRefused';
}

interface Session {
  setup: MeetingSetupId;
  origin: string;
  double: MeetingDouble;
  /** The participants the panel added or the setup brought, newest last: who leaves next. */
  joined: number[];
  guests: number;
}

/** Who authorises the external meetings' joins: the token service that checks them, and its signed-in user. */
export interface ExternalAuthorization {
  authorization: MeetingAuthorization;
  userId: string;
  name: string;
}

export class MeetingSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly external?: ExternalAuthorization) {}

  /** A new meeting under `id` (replacing the one it had): the page's load, or its "new meeting" button. */
  start(id: string, setupId: MeetingSetupId, origin: string): SessionState {
    const setup = MEETING_SETUPS.find((candidate) => candidate.id === setupId);
    if (!setup) throw new MeetingActionRefused(`No meeting setup ${setupId}.`);
    const external = setup.external && this.external;
    if (setup.external && !external) throw new MeetingActionRefused('This dev server has no Zoom OAuth double for external meetings.');
    const double = new MeetingDouble({ origin, ...setup.double, ...(external ? { authorization: external.authorization } : {}) });
    const session: Session = { setup: setupId, origin, double, joined: double.snapshot().participants.map((p) => p.id), guests: 0 };
    // Not among `joined`: "A participant leaves" must not take the authorising user away behind the double's back.
    if (external && setup.external?.authorizerInMeeting) double.authorizingUserJoins(external.userId, external.name);
    this.sessions.delete(id);
    this.sessions.set(id, session);
    for (const old of this.sessions.keys()) {
      if (this.sessions.size <= MAX_SESSIONS) break;
      this.sessions.delete(old);
    }
    return this.state(session);
  }

  double(id: string): MeetingDouble | undefined {
    return this.sessions.get(id)?.double;
  }

  /** The state of `id`'s meeting, or undefined when there is none. */
  get(id: string): SessionState | undefined {
    const session = this.sessions.get(id);
    return session && this.state(session);
  }

  /** Makes `action` happen in `id`'s meeting; undefined when there is no such meeting. */
  act(id: string, action: MeetingActionId): SessionState | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (action === 'new-meeting') {
      return { ...this.start(id, session.setup, session.origin), done: 'A new meeting: Join joins it.' };
    }
    return this.state(session, this.perform(session, action));
  }

  private perform(session: Session, action: Exclude<MeetingActionId, 'new-meeting'>): string {
    const { double } = session;
    switch (action) {
      case 'participant-joins': {
        const name = guestName(session.guests++);
        const id = double.addParticipant(name);
        session.joined.push(id);
        return `${name} joined the meeting (id ${id}).`;
      }
      case 'participant-leaves': {
        const id = session.joined.pop();
        if (id === undefined) throw new MeetingActionRefused('Nobody but you is in the meeting: nobody can leave.');
        const name = double.snapshot().participants.find((participant) => participant.id === id)?.name ?? String(id);
        double.removeParticipant(id);
        return `${name} left the meeting.`;
      }
      case 'end-meeting':
        double.endMeeting();
        return 'The host ended the meeting.';
      case 'remove-user':
        double.removeUser();
        return 'The host removed you.';
      case 'drop-and-recover':
        double.dropConnection({ recover: true });
        return 'The connection dropped; the meeting service can be reached again.';
      case 'drop-for-good':
        double.dropConnection({ recover: false });
        return 'The connection dropped for good: the meeting service refuses every new connection now.';
      case 'admit':
        double.admit();
        return 'The host let you in from the waiting room.';
      case 'start-meeting':
        double.startMeeting();
        return 'The host started the meeting.';
      case 'authorizer-joins': {
        const external = this.authorizer();
        if (double.snapshot().participants.some((participant) => participant.name === external.name)) {
          throw new MeetingActionRefused(`${external.name} is in the meeting already.`);
        }
        double.authorizingUserJoins(external.userId, external.name);
        return `${external.name}, the authorising user, joined the meeting.`;
      }
      case 'authorizer-leaves': {
        const external = this.authorizer();
        try {
          double.authorizingUserLeaves(external.userId);
        } catch {
          throw new MeetingActionRefused(`${external.name} is not in the meeting: nobody to leave.`);
        }
        return `${external.name}, the authorising user, left the meeting.`;
      }
    }
  }

  private authorizer(): ExternalAuthorization {
    if (!this.external) throw new MeetingActionRefused('This dev server has no Zoom OAuth double for external meetings.');
    return this.external;
  }

  private state(session: Session, done?: string): SessionState {
    return { setup: session.setup, record: session.double.snapshot(), ...(done === undefined ? {} : { done }) };
  }
}
