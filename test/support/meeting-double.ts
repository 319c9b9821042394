import { executeServerCommand } from '@web/test-runner-commands';
import type { KnownToken, MeetingDoubleOptions, MeetingDoubleRecord } from '../../demo/meeting-double/meeting-double.js';

/** The double's options as a page can send them: another account's meeting lists the tokens it knows. */
type Options = Omit<MeetingDoubleOptions, 'origin' | 'authorization'> & { knownTokens?: KnownToken[] };

/**
 * Drives this test page's meeting double (web-test-runner.config.mjs): once started, Zoom's meeting service is
 * answered past wc/info for the page and the element's frames, and each call makes something happen in the meeting.
 */
export const meetingDouble = {
  start: (options: Options = {}) => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'start', options }),
  addParticipant: (name: string, role: 0 | 1 = 0) =>
    executeServerCommand<{ id: number }, object>('meeting-double', { action: 'add-participant', name, role }).then((answer) => answer.id),
  removeParticipant: (id: number) => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'remove-participant', id }),
  endMeeting: () => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'end' }),
  admit: () => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'admit' }),
  startMeeting: () => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'start-meeting' }),
  removeUser: () => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'remove-user' }),
  dropConnection: (recover: boolean) => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'drop', recover }),
  authorizingUserJoins: (userId: string) => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'authorizing-user-joins', userId }),
  authorizingUserLeaves: (userId: string) => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'authorizing-user-leaves', userId }),
  record: () => executeServerCommand<MeetingDoubleRecord, object>('meeting-double', { action: 'record' }),
};
