import { expect } from '@open-wc/testing';
import { inMeetingStatuses, memoryWatchedStatuses } from '../src/status.js';

describe('watched statuses', () => {
  it('the element watches memory while preloading, signing, joining, in the waiting room, joined and reconnecting', () => {
    expect([...memoryWatchedStatuses]).to.deep.equal(['preloading', 'signing', 'joining', 'waiting-room', 'joined', 'reconnecting']);
  });

  it('the user is in a meeting while joined or reconnecting', () => {
    expect([...inMeetingStatuses]).to.deep.equal(['joined', 'reconnecting']);
  });
});
