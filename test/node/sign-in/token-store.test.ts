// The token stores: in memory and in a real redis-server. What an attacker with a copy of Redis sees: sealed blobs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { REDIS_CLIENT_OPTIONS } from '../../../server/redis-rate-limit.js';
import { createRedisTokenStore } from '../../../server/sign-in/redis-token-store.js';
import { SignInConfigError, importTokenKey } from '../../../server/sign-in/token-seal.js';
import { TokenStoreError, createMemoryTokenStore, type TokenStore, type ZoomTokens } from '../../../server/sign-in/token-store.js';
import { startRedisServer, type RedisServer } from '../server/redis-server.js';

const KEY_A = Buffer.alloc(32, 7).toString('base64');
const KEY_B = Buffer.alloc(32, 9).toString('base64');
const TOKENS: ZoomTokens = {
  accessToken: 'ACCESS-token-a1b2c3d4',
  refreshToken: 'REFRESH-token-e5f6g7h8',
  expiresAt: 1_900_000_000_000,
  scope: 'user:read:token',
};

describe('ZOOM_JOIN_TOKEN_KEY', () => {
  it('is refused with a message saying what to set, when missing, not base64 or not 32 bytes', async () => {
    for (const [text, says] of [
      [undefined, /Set ZOOM_JOIN_TOKEN_KEY/],
      ['', /Set ZOOM_JOIN_TOKEN_KEY/],
      ['not base64 !!', /not base64/],
      [Buffer.alloc(16).toString('base64'), /16 bytes, not 32/],
    ] as const) {
      await assert.rejects(importTokenKey(text), (error: unknown) => {
        assert.ok(error instanceof SignInConfigError);
        assert.match(error.message, says);
        assert.match(error.message, /randomBytes\(32\)/);
        return true;
      });
    }
  });
});

function storeContract(name: string, make: () => Promise<TokenStore>): void {
  describe(`${name}: the store contract`, () => {
    it('puts, gets and deletes per Zoom user', async () => {
      const store = await make();
      await store.put('user-1', TOKENS);
      assert.deepEqual(await store.get('user-1'), TOKENS);
      assert.equal(await store.get('user-2'), undefined);
      await store.delete('user-1');
      assert.equal(await store.get('user-1'), undefined);
    });

    it('gives a sign-in attempt once', async () => {
      const store = await make();
      await store.putAttempt('attempt-1', '{"state":"s"}', 60);
      assert.equal(await store.takeAttempt('attempt-1'), '{"state":"s"}');
      assert.equal(await store.takeAttempt('attempt-1'), undefined);
    });

    it('runs one locked piece of work per user at a time', async () => {
      const store = await make();
      const events: string[] = [];
      const work = (name: string) => async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 40));
        events.push(`${name} out`);
        return name;
      };
      const results = await Promise.all([store.withLock('u', work('a')), store.withLock('u', work('b'))]);
      assert.deepEqual(results, ['a', 'b']);
      assert.deepEqual(events.slice(0, 2).map((e) => e.split(' ')[1]), ['in', 'out']);
      // A failure inside the lock frees it.
      await assert.rejects(store.withLock('u', () => Promise.reject(new Error('boom'))), /boom/);
      assert.equal(await store.withLock('u', async () => 'free'), 'free');
    });
  });
}

storeContract('memory', async () => createMemoryTokenStore());

describe('memory store', () => {
  it('lets an attempt expire', async () => {
    let now = 1000;
    const store = createMemoryTokenStore({ now: () => now });
    await store.putAttempt('a', 'x', 10);
    now += 10_001;
    assert.equal(await store.takeAttempt('a'), undefined);
  });
});

describe('Redis store (real redis-server)', () => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  const client = async (): Promise<Redis> => {
    const made = new Redis(redis.url, REDIS_CLIENT_OPTIONS);
    made.on('error', () => {});
    clients.push(made);
    await new Promise((resolve) => made.once('ready', resolve));
    return made;
  };
  before(async () => {
    redis = await startRedisServer('store-PASSWORD-1');
  });
  after(async () => {
    for (const made of clients) made.disconnect();
    await redis.stop();
  });

  storeContract('redis', async () =>
    createRedisTokenStore({ client: await client(), key: await importTokenKey(KEY_A), keyPrefix: `t${Math.random()}` }),
  );

  it('keeps no token in clear: what a copy of Redis shows', async () => {
    const raw = await client();
    const store = createRedisTokenStore({ client: raw, key: await importTokenKey(KEY_A), keyPrefix: 'clear' });
    await store.put('user-9', TOKENS);
    await store.putAttempt('attempt-9', '{"verifier":"VERIFIER-secret-123"}', 60);
    const keys = (await raw.keys('clear:*')).sort();
    assert.deepEqual(keys, ['clear:attempt:attempt-9', 'clear:tokens:user-9']);
    for (const name of keys) {
      const value = (await raw.get(name)) ?? '';
      assert.match(value, /^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
      for (const secret of [TOKENS.refreshToken, TOKENS.accessToken, 'VERIFIER-secret-123']) {
        assert.ok(!value.includes(secret), `${name} holds a secret in clear`);
        assert.ok(!Buffer.from(value, 'base64').toString('latin1').includes(secret));
      }
    }
  });

  it('a wrong key, or a record moved to another user, reads as no tokens', async () => {
    const raw = await client();
    const right = createRedisTokenStore({ client: raw, key: await importTokenKey(KEY_A), keyPrefix: 'wrong' });
    const wrong = createRedisTokenStore({ client: raw, key: await importTokenKey(KEY_B), keyPrefix: 'wrong' });
    await right.put('victim', TOKENS);
    assert.equal(await wrong.get('victim'), undefined);
    // An attacker who can write Redis copies the victim's record under their own user: it does not open.
    await raw.set('wrong:tokens:attacker', (await raw.get('wrong:tokens:victim')) ?? '');
    assert.equal(await right.get('attacker'), undefined);
    assert.deepEqual(await right.get('victim'), TOKENS);
  });

  it('locks across two clients (two processes share Redis the same way)', async () => {
    const key = await importTokenKey(KEY_A);
    const one = createRedisTokenStore({ client: await client(), key, keyPrefix: 'lock' });
    const two = createRedisTokenStore({ client: await client(), key, keyPrefix: 'lock' });
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inside--;
    };
    await Promise.all([one.withLock('u', work), two.withLock('u', work), one.withLock('u', work), two.withLock('u', work)]);
    assert.equal(most, 1);
  });

  it('Redis paused: a TokenStoreError that says so, and the tokens are there once it answers', async () => {
    const store = createRedisTokenStore({ client: await client(), key: await importTokenKey(KEY_A), keyPrefix: 'down' });
    await store.put('user-d', TOKENS);
    redis.pause();
    try {
      await assert.rejects(store.withLock('user-d', async () => 'never'), (error: unknown) => {
        assert.ok(error instanceof TokenStoreError);
        assert.match(error.message, /token store \(Redis\) did not answer/);
        assert.ok(!error.message.includes('store-PASSWORD-1'));
        return true;
      });
    } finally {
      redis.resume();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    let got: ZoomTokens | undefined;
    for (let i = 0; i < 40 && got === undefined; i++) {
      got = await store.get('user-d').catch(() => undefined);
      if (got === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(got, TOKENS);
  });
});
