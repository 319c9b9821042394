/**
 * How a meeting of the meeting mode starts (`?mode=meeting&scenario=<id>`): the double's options, the element's extra
 * attributes, and what QA should see on Join. Every meeting has a host already in it, Grace Host.
 */
import type { MeetingDoubleOptions } from '../meeting-double/meeting-double.js';
import { EXTERNAL_SIGNER } from './meeting-api.js';

export type MeetingSetupId = 'meeting' | 'waiting-room' | 'not-started' | 'webinar' | 'external' | 'authorizer-absent';

export interface MeetingSetup {
  id: MeetingSetupId;
  label: string;
  /** What QA should see on Join. */
  expect: string;
  double: Omit<MeetingDoubleOptions, 'origin'>;
  /** Attributes the element needs for this setup (shown in the embed code too). */
  attributes?: Readonly<Record<string, string>>;
  /** The element's signature endpoint, when not the demo's plain signer. */
  signatureEndpoint?: string;
  /**
   * Another account's meeting: the dev server checks each join's token with its Zoom OAuth double
   * (demo/server/external-meeting.ts), and the authorising user (who signs in on the double) is in it from the start
   * or not.
   */
  external?: { authorizerInMeeting: boolean };
}

export const HOST_NAME = 'Grace Host';
/** The Zoom user of the OAuth double's consent page (its first user), whose OBF token the external meetings need. */
export const AUTHORIZING_USER_NAME = 'Ada Lovelace';
const TOPIC = 'Meeting double';

export const MEETING_SETUPS: readonly MeetingSetup[] = [
  {
    id: 'meeting',
    label: 'A meeting in progress',
    expect:
      "Join: signing → joining → joined; the SDK's meeting UI in the element's box; zoom-participants lists you and " +
      `${HOST_NAME} (host).`,
    double: { topic: TOPIC, hostName: HOST_NAME },
  },
  {
    id: 'waiting-room',
    label: 'The waiting room is on',
    expect:
      "Join: status waiting-room and the SDK's waiting page, no zoom-joined yet. \"The host admits you\": joining, " +
      'then joined, with one zoom-joined.',
    double: { topic: TOPIC, hostName: HOST_NAME, waitingRoom: true },
  },
  {
    id: 'not-started',
    label: 'The meeting has not started (wait-for-host)',
    expect:
      'Join: status waiting-for-host ("Waiting for the host to start the meeting…", with Cancel), no zoom-error; the ' +
      'element asks again after 10 s, then 15, 20 and every 30 s. "The host starts the meeting": joined at its next try.',
    double: { topic: TOPIC, hostName: HOST_NAME, notStarted: true },
    attributes: { 'wait-for-host': '' },
  },
  {
    id: 'webinar',
    label: 'A webinar (you attend)',
    expect: "Join: joined as an attendee (zoom-joined role attendee); the SDK's webinar UI; you are in the participants list.",
    double: { topic: 'Webinar double', hostName: HOST_NAME, webinar: true },
  },
  {
    id: 'external',
    label: 'External meeting (sign in with Zoom)',
    expect:
      'Join: status waiting-for-sign-in, the status line "Sign in with Zoom to join this meeting" and a "Sign in with ' +
      'Zoom" link, no zoom-error. The link opens a popup with the ' +
      `Zoom double's consent page ("Allow this app to use your Zoom account?", signed in as ${AUTHORIZING_USER_NAME}). ` +
      'Allow: the popup closes and the element goes on by itself: signing → joining → joined, with an OBF token of ' +
      `${AUTHORIZING_USER_NAME}, who is in the meeting already; zoom-participants lists you, ${HOST_NAME} (host) and ` +
      `${AUTHORIZING_USER_NAME}. Once signed in, Join joins without the link until "Sign out of Zoom".`,
    double: { topic: 'External meeting', hostName: HOST_NAME },
    signatureEndpoint: EXTERNAL_SIGNER,
    external: { authorizerInMeeting: true },
  },
  {
    id: 'authorizer-absent',
    label: 'Authorising user not there yet',
    expect:
      'Sign in as in "External meeting" if asked. Join: status waiting-for-authorized-user (Zoom\'s 4017: ' +
      `${AUTHORIZING_USER_NAME}, whose OBF token the join carries, is not in the meeting), the status line "Waiting for ` +
      'the Zoom user you join on behalf of to be in the meeting…", no zoom-error; the element asks again after 10 s, ' +
      'then 15, 20 and every 30 s. "The authorising user joins": joined at its next try. "The authorising user leaves": ' +
      'zoom-left {reason: "authorized-user-left"}, the status line "The Zoom user you joined on behalf of left the ' +
      'meeting, and Zoom let you in only with them: join again once they are back".',
    double: { topic: 'External meeting', hostName: HOST_NAME },
    signatureEndpoint: EXTERNAL_SIGNER,
    external: { authorizerInMeeting: false },
  },
];

export function isMeetingSetupId(id: unknown): id is MeetingSetupId {
  return MEETING_SETUPS.some((setup) => setup.id === id);
}

/** The first setup stands in for an unknown or missing id. */
export function chooseMeetingSetup(id: string | null): MeetingSetup {
  const [fallback] = MEETING_SETUPS;
  if (!fallback) throw new Error('demo/meeting-mode/meeting-setups.ts lists no setups');
  return MEETING_SETUPS.find((setup) => setup.id === id) ?? fallback;
}
