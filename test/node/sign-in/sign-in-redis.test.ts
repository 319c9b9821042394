// Sign-in with the Redis token store: a real redis-server, the Zoom double, real HTTP, and for the race two real
// Node processes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { DEFAULT_USER } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { REDIS_CLIENT_OPTIONS } from '../../../server/redis-rate-limit.js';
import { createRedisTokenStore } from '../../../server/sign-in/redis-token-store.js';
import { importTokenKey } from '../../../server/sign-in/token-seal.js';
import type { TokenStore } from '../../../server/sign-in/token-store.js';
import { startRedisServer, type RedisServer } from '../server/redis-server.js';
import { Browser, CLIENT_ID, CLIENT_SECRET, SESSION_SECRET, errorOf, startApp, type App } from './harness.js';

const TOKEN_KEY = Buffer.alloc(32, 3).toString('base64');
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

describe('sign-in with the Redis store (real redis-server)', () => {
  let redis: RedisServer;
  let client: Redis;
  let store: TokenStore;
  let app: App;
  before(async () => {
    redis = await startRedisServer('signin-REDIS-pass');
    client = new Redis(redis.url, REDIS_CLIENT_OPTIONS);
    client.on('error', () => {});
    await new Promise((resolve) => client.once('ready', resolve));
    store = createRedisTokenStore({ client, key: await importTokenKey(TOKEN_KEY) });
    // Every token request refreshes first (the margin outlasts Zoom's one-hour access token).
    app = await startApp({ store, refreshMarginSeconds: 7200 });
  });
  after(async () => {
    await app.close();
    client.disconnect();
    await redis.stop();
  });

  it('signs in, keeps the tokens sealed in Redis, and refreshes them', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const response = await browser.signature(app);
    assert.equal(response.status, 200);
    const raw = (await client.get(`zoom-join:sign-in:tokens:${DEFAULT_USER.id}`)) ?? '';
    const held = await store.get(DEFAULT_USER.id);
    assert.ok(held);
    assert.ok(!raw.includes(held.refreshToken) && !raw.includes(held.accessToken));
    assert.ok(app.zoom.double.record.some((entry) => entry.grantType === 'refresh_token' && entry.status === 200));
  });

  it('Redis stops answering during a refresh: 503 token-store-unavailable, and the sign-in survives', async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const before = await store.get(DEFAULT_USER.id);
    const refreshesBefore = app.zoom.double.record.filter((entry) => entry.grantType === 'refresh_token').length;
    redis.pause();
    let response: Response;
    try {
      response = await browser.signature(app);
    } finally {
      redis.resume();
    }
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    const error = await errorOf(response);
    assert.equal(error.code, 'token-store-unavailable');
    assert.match(error.message, /try again shortly/);
    // No refresh reached Zoom without the lock, so the stored refresh token is still the live one.
    assert.equal(app.zoom.double.record.filter((entry) => entry.grantType === 'refresh_token').length, refreshesBefore);
    assert.ok(app.errors.some((logged) => /token store \(Redis\) did not answer/.test(logged.message)));
    let again: Response | undefined;
    for (let i = 0; i < 50; i++) {
      again = await browser.signature(app);
      if (again.status !== 503) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(again?.status, 200);
    const after = await store.get(DEFAULT_USER.id);
    assert.notEqual(after?.refreshToken, before?.refreshToken);
  });

  it('Redis goes down right after Zoom refreshed: 503, and the new tokens are saved once Redis is back', { timeout: 60_000 }, async () => {
    let pauseAfterRefresh = false;
    const hooked = await startApp(
      {
        store: createRedisTokenStore({ client, key: await importTokenKey(TOKEN_KEY), lockTtlMs: 3000 }),
        refreshMarginSeconds: 7200,
        // Real HTTP to the double; Redis goes down the moment Zoom's refresh answer arrives (and comes back empty:
        // it keeps nothing on disk), so only what this process kept can save the sign-in.
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (pauseAfterRefresh && init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token') {
            pauseAfterRefresh = false;
            await redis.stop();
          }
          return response;
        },
      },
      {},
      app.zoom,
    );
    try {
      const browser = new Browser();
      await browser.signIn(hooked);
      pauseAfterRefresh = true;
      const response = await browser.signature(hooked);
      await redis.restart();
      assert.equal(response.status, 503);
      assert.equal((await errorOf(response)).code, 'token-store-unavailable');
      assert.ok(hooked.errors.some((logged) => /Zoom refreshed the tokens but the token store did not keep them/.test(logged.message)));
      let again: Response | undefined;
      for (let i = 0; i < 100; i++) {
        again = await browser.signature(hooked);
        if (again.status !== 503) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(again?.status, 200, 'the refreshed tokens were kept and saved');
      const refreshes = app.zoom.double.record.filter((entry) => entry.grantType === 'refresh_token');
      assert.ok(refreshes.every((entry) => entry.error === undefined), 'no spent refresh token was ever used');
    } finally {
      await hooked.close();
    }
  });

  it('two processes refresh one user at once: both get a working token, the stored refresh token is the latest', { timeout: 90_000 }, async () => {
    const browser = new Browser();
    await browser.signIn(app);
    const env = {
      ...process.env,
      RACE_REDIS_URL: redis.url,
      RACE_TOKEN_KEY: TOKEN_KEY,
      RACE_ZOOM_ORIGIN: app.zoom.origin,
      RACE_APP_ORIGIN: app.origin,
      RACE_CLIENT_ID: CLIENT_ID,
      RACE_CLIENT_SECRET: CLIENT_SECRET,
      RACE_SESSION_SECRET: SESSION_SECRET,
      RACE_COOKIE: browser.cookieHeader(),
    };
    const children = [0, 1].map(() => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/node/sign-in/race-child.ts'], { cwd: REPO, env });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return { child, output: () => out, errors: () => err, exited };
    });
    try {
      const deadline = Date.now() + 30_000;
      while (!children.every((c) => c.output().includes('ready'))) {
        if (Date.now() > deadline || children.some((c) => c.child.exitCode !== null)) {
          throw new Error(`children did not start: ${children.map((c) => c.errors()).join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const refreshesBefore = app.zoom.double.record.filter((entry) => entry.grantType === 'refresh_token').length;
      for (const { child } of children) child.stdin.write('go\n');
      await Promise.all(children.map((c) => c.exited));
      for (const c of children) {
        const line = c.output().trim().split('\n').at(-1) ?? '';
        const outcome = JSON.parse(line) as { ok: boolean; token?: string };
        assert.equal(outcome.ok, true, `a process lost the race: ${line} ${c.errors()}`);
        assert.equal(app.zoom.double.verifyIssuedToken(outcome.token ?? '')?.kind, 'zak');
      }
      const refreshes = app.zoom.double.record.filter((entry) => entry.grantType === 'refresh_token').slice(refreshesBefore);
      assert.deepEqual(refreshes.map((entry) => entry.status), [200, 200], 'one refresh after the other, none refused');
      // The stored refresh token is the live one: this process can refresh with it again.
      const response = await browser.signature(app);
      assert.equal(response.status, 200);
    } finally {
      for (const { child } of children) child.kill('SIGKILL');
    }
  });
});
