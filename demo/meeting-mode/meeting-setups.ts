/**
 * How a meeting of the meeting mode starts (`?mode=meeting&scenario=<id>`): the double's options, the element's extra
 * attributes, and what QA should see on Join. Every meeting has a host already in it, Grace Host.
 */
import type { MeetingDoubleOptions } from '../meeting-double/meeting-double.js';

export type MeetingSetupId = 'meeting' | 'waiting-room' | 'not-started' | 'webinar';

export interface MeetingSetup {
  id: MeetingSetupId;
  label: string;
  /** What QA should see on Join. */
  expect: string;
  double: Omit<MeetingDoubleOptions, 'origin'>;
  /** Attributes the element needs for this setup (shown in the embed code too). */
  attributes?: Readonly<Record<string, string>>;
}

export const HOST_NAME = 'Grace Host';
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
