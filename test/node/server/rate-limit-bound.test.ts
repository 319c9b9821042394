// The in-memory rate limit tracks a bounded number of clients: a flood of distinct X-Forwarded-For values must not
// grow the process without limit, and must not get a fresh budget per address either.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRateLimitCheck, type RateLimitSubject } from '../../../server/rate-limit.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function from(address: string): RateLimitSubject {
  return {
    header: (name) => (name === 'x-forwarded-for' ? address : null),
    request: () => new Request('http://127.0.0.1/'),
  };
}

const address = (i: number): string => `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe('in-memory rate limit bound', () => {
  it('200 000 distinct forwarded addresses with maxTrackedClients 1000: the heap stays flat', async () => {
    const check = createRateLimitCheck({ trustProxy: 1, maxTrackedClients: 1000 });
    const before = heapMb();
    for (let i = 0; i < 200_000; i++) await check(from(address(i)));
    const grown = heapMb() - before;
    assert.ok(grown < 15, `the heap grew by ${grown.toFixed(1)} MB`);
  });

  it('beyond the bound, new clients share one budget (30 a minute), tracked ones keep their own', async () => {
    const check = createRateLimitCheck({ trustProxy: 1, maxTrackedClients: 10 });
    for (let i = 0; i < 10; i++) assert.deepEqual(await check(from(address(i))), { ok: true });
    const newcomers = [];
    for (let i = 10; i < 50; i++) newcomers.push((await check(from(address(i)))).ok);
    assert.equal(newcomers.filter(Boolean).length, 30, 'forty fresh addresses got one budget of 30 between them');
    assert.deepEqual(await check(from(address(3))), { ok: true }, 'a tracked client still has its own budget');
  });

  it('the default bound is 100 000 clients', async () => {
    const check = createRateLimitCheck({ trustProxy: 1 });
    for (let i = 0; i < 100_000; i++) await check(from(address(i)));
    const newcomers = [];
    for (let i = 100_000; i < 100_040; i++) newcomers.push((await check(from(address(i)))).ok);
    assert.equal(newcomers.filter(Boolean).length, 30);
  });
});
