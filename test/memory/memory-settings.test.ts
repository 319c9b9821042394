import { expect } from '@open-wc/testing';
import {
  defaultMemorySettings,
  memoryPressureAction,
  parseMemoryPressurePolicy,
  readMemorySettings,
} from '../../src/memory/memory-settings.js';
import { MB } from './fakes.js';

describe('readMemorySettings (the element’s attributes)', () => {
  it('has the documented defaults', () => {
    expect(readMemorySettings()).to.deep.equal({
      intervalMs: 2000,
      windowMs: 20_000,
      growthLimitBytesPerSecond: 5 * MB,
      budgetBytes: null,
      nearLimitRatio: 0.85,
      freezeThresholdMs: 2000,
      policy: 'warn',
    });
    expect(readMemorySettings()).to.deep.equal({ ...defaultMemorySettings });
  });

  it('reads strings or numbers, MB into bytes, and lets freeze-threshold="0" turn freeze detection off', () => {
    const settings = readMemorySettings({
      memoryInterval: '1000',
      memoryGrowthLimit: 2.5,
      memoryBudget: '800',
      freezeThreshold: '0',
      onMemoryPressure: ' LEAVE ',
    });
    expect(settings).to.include({
      intervalMs: 1000,
      growthLimitBytesPerSecond: 2.5 * MB,
      budgetBytes: 800 * MB,
      freezeThresholdMs: 0,
      policy: 'leave',
    });
  });

  it('falls back to defaults for nonsense and clamps the interval; a long interval stretches the window', () => {
    const settings = readMemorySettings({
      memoryInterval: 'fast',
      memoryGrowthLimit: '-1',
      memoryBudget: 'lots',
      freezeThreshold: '-5',
      onMemoryPressure: 'panic',
    });
    expect(settings).to.deep.equal({ ...defaultMemorySettings });
    expect(readMemorySettings({ memoryInterval: 5 }).intervalMs).to.equal(100);
    const slow = readMemorySettings({ memoryInterval: 10_000 });
    expect(slow.windowMs).to.equal(50_000);
    expect(readMemorySettings({ memoryBudget: '' }).budgetBytes).to.equal(null);
  });
});

describe('on-memory-pressure policy', () => {
  it('warn shows every warning and never leaves; none does nothing; leave leaves only when a crash is near', () => {
    const reasons = ['growth', 'budget', 'near-limit', 'freeze', 'sdk-out-of-memory'] as const;
    const table = Object.fromEntries(
      (['warn', 'leave', 'none'] as const).map((policy) => [
        policy,
        reasons.map((reason) => {
          const action = memoryPressureAction(policy, reason);
          return `${reason}:${action.show ? 'show' : '-'}:${action.leave ? 'leave' : '-'}`;
        }),
      ]),
    );
    expect(table).to.deep.equal({
      warn: ['growth:show:-', 'budget:show:-', 'near-limit:show:-', 'freeze:show:-', 'sdk-out-of-memory:show:-'],
      leave: [
        'growth:show:-',
        'budget:show:leave',
        'near-limit:show:leave',
        'freeze:show:-',
        'sdk-out-of-memory:show:leave',
      ],
      none: ['growth:-:-', 'budget:-:-', 'near-limit:-:-', 'freeze:-:-', 'sdk-out-of-memory:-:-'],
    });
    expect(parseMemoryPressurePolicy(null)).to.equal('warn');
    expect(parseMemoryPressurePolicy('none')).to.equal('none');
  });
});
