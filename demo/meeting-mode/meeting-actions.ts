/**
 * What the meeting mode's panel can make happen in the meeting, and what QA should then see. Written by hand from
 * the element's documented events: the element is what is under test, so these lines never come from its code.
 */
import type { MeetingSetupId } from './meeting-setups.js';

export type MeetingActionId =
  | 'participant-joins'
  | 'participant-leaves'
  | 'end-meeting'
  | 'remove-user'
  | 'drop-and-recover'
  | 'drop-for-good'
  | 'admit'
  | 'start-meeting'
  | 'authorizer-joins'
  | 'authorizer-leaves'
  | 'new-meeting';

export interface MeetingAction {
  id: MeetingActionId;
  /** The button: what happens in the meeting. */
  label: string;
  /** What QA should see. */
  expect: string;
  /** Offered only in these setups. */
  onlyIn?: readonly MeetingSetupId[];
}

export const MEETING_ACTIONS: readonly MeetingAction[] = [
  {
    id: 'participant-joins',
    label: 'A participant joins',
    expect: 'zoom-participants: one more in the list below (a guest, attendee).',
  },
  {
    id: 'participant-leaves',
    label: 'A participant leaves',
    expect: 'zoom-participants: the last one to join (the host when no guest is left) is gone from the list.',
  },
  {
    id: 'admit',
    label: 'The host admits you',
    expect: 'joining, then joined: zoom-joined once, the meeting UI instead of the waiting page.',
    onlyIn: ['waiting-room'],
  },
  {
    id: 'start-meeting',
    label: 'The host starts the meeting',
    expect: 'At the element\'s next try (within 30 s): signing → joining → joined.',
    onlyIn: ['not-started'],
  },
  {
    id: 'authorizer-joins',
    label: 'The authorising user joins',
    expect:
      'While the element waits for the authorising user (waiting-for-authorized-user): joined at its next try (within ' +
      '30 s), with one zoom-joined.',
    onlyIn: ['external', 'authorizer-absent'],
  },
  {
    id: 'authorizer-leaves',
    label: 'The authorising user leaves',
    expect:
      'zoom-left {reason: "authorized-user-left"}: Zoom puts you out with the user whose OBF token let you in; the ' +
      'status line says so.',
    onlyIn: ['external', 'authorizer-absent'],
  },
  {
    id: 'end-meeting',
    label: 'The host ends the meeting',
    expect: 'zoom-left {reason: "ended"}; the meeting UI goes; the status line says the host ended the meeting.',
  },
  {
    id: 'remove-user',
    label: 'The host removes you',
    expect:
      'zoom-left {reason: "removed"}, "The host removed you from the meeting". From the waiting room: the join fails ' +
      'as removed-by-host.',
  },
  {
    id: 'drop-and-recover',
    label: 'The connection drops, then comes back',
    expect: 'zoom-connection "reconnecting" (status reconnecting), then "connected" (status joined), no second zoom-joined.',
  },
  {
    id: 'drop-for-good',
    label: 'The connection drops for good',
    expect:
      'status reconnecting, then zoom-left {reason: "connection-lost"} within about a minute (the SDK gives up, or ' +
      'the element\'s reconnect-timeout, 60 s by default).',
  },
  {
    id: 'new-meeting',
    label: 'Start a new meeting (same setup)',
    expect: 'The double forgets the last meeting (guests, a lost connection, the host\'s start): Join joins it afresh.',
  },
];

export function isMeetingActionId(id: unknown): id is MeetingActionId {
  return MEETING_ACTIONS.some((action) => action.id === id);
}

export function actionsFor(setup: MeetingSetupId): MeetingAction[] {
  return MEETING_ACTIONS.filter((action) => action.onlyIn === undefined || action.onlyIn.includes(setup));
}
