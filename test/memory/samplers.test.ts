import { expect } from '@open-wc/testing';
import { combinedSampler, type MemorySampler } from '../../src/memory/samplers.js';
import { ManualAsyncSampler, MB } from './fakes.js';

describe('combinedSampler (cross-origin isolated pages)', () => {
  it('adds the latest full measurement’s non-main-heap memory to each fast reading, one at a time', async () => {
    let main = 30 * MB;
    const fast: MemorySampler = {
      source: 'performance.memory',
      precise: true,
      read: () => ({ usedBytes: main, limitBytes: 4000 * MB }),
    };
    const full = new ManualAsyncSampler();
    const sampler = combinedSampler(fast, full);
    expect(sampler.source).to.equal('measureUserAgentSpecificMemory');
    expect(sampler.read()).to.deep.equal({ usedBytes: 30 * MB, limitBytes: 4000 * MB });
    expect(sampler.read()).to.deep.equal({ usedBytes: 30 * MB, limitBytes: 4000 * MB });
    expect(full.reads, 'never two full measurements at once').to.equal(1);
    full.settle(130 * MB); // 100 MB outside the main heap (workers, wasm, DOM)
    await new Promise((resolve) => setTimeout(resolve));
    main = 35 * MB;
    expect(sampler.read()).to.deep.equal({ usedBytes: 135 * MB, limitBytes: 4000 * MB, rebased: true });
    expect(full.reads).to.equal(2);
    main = 40 * MB;
    expect(sampler.read(), 'rebased only once').to.deep.equal({ usedBytes: 140 * MB, limitBytes: 4000 * MB });
  });
});
