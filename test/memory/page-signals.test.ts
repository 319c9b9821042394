import { expect } from '@open-wc/testing';
import { heartbeatPeriod } from '../../src/memory/page-signals.js';

describe('freeze detector', () => {
  it('heartbeat period is an eighth of the threshold, between 50 ms and 1 s', () => {
    expect([heartbeatPeriod(2000), heartbeatPeriod(100), heartbeatPeriod(60_000)]).to.deep.equal([250, 50, 1000]);
  });
});
