import { expect } from '@open-wc/testing';
import { memoryWatchedStatuses } from '../src/status.js';

describe('watched statuses', () => {
  it('the element watches memory while preloading, signing, joining and joined', () => {
    expect([...memoryWatchedStatuses]).to.deep.equal(['preloading', 'signing', 'joining', 'joined']);
  });
});
