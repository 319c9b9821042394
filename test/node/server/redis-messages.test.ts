// What the signature server says about Redis: never the password (however short), every Redis refusal that sends
// the limit back to this process named once, and a TLS URL to a plain port called what it is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisUrl, connectRedisRateLimit, type RedisRateLimit } from '../../../server/redis-connection.js';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';

const LIMIT = { points: 5, duration: 60 };

function recorder(): { lines: string[]; log: { info(message: string): void; warn(message: string): void } } {
  const lines: string[] = [];
  return { lines, log: { info: (message) => lines.push(`info ${message}`), warn: (message) => lines.push(`warn ${message}`) } };
}

async function waitFor(lines: string[], pattern: RegExp, ms = 5000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const line = lines.find((text) => pattern.test(text));
    if (line !== undefined) return line;
    if (Date.now() > end) throw new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Redis messages', () => {
  it('a one-character password does not blank the digits of the address it also appears in', async () => {
    const port = await freePort();
    const url = RedisUrl.parse(`redis://:0@127.0.0.1:${port}`);
    assert.ok(url);
    const { lines, log } = recorder();
    const redis = await connectRedisRateLimit(url, LIMIT, log);
    try {
      const line = await waitFor(lines, /cannot reach/);
      assert.match(line, new RegExp(`127\\.0\\.0\\.1:${port}`), line);
      assert.doesNotMatch(line, /\*\*\*/, line);
    } finally {
      redis.close();
    }
  });

  it('userinfo is removed from a URL in a message, however the password is spelt', () => {
    const url = RedisUrl.parse('redis://user:p%40ss@cache.internal:6379/2');
    assert.ok(url);
    assert.equal(url.scrub('failed on redis://user:p%40ss@cache.internal:6379/2 now'), 'failed on redis://cache.internal:6379/2 now');
    assert.equal(String(url), 'redis://cache.internal:6379/2');
  });

  describe('against a real Redis', () => {
    const PASSWORD = 'redis-messages-PASSWORD-97';
    let server: RedisServer;
    let redis: RedisRateLimit;
    let lines: string[];
    before(async () => {
      server = await startRedisServer(PASSWORD);
      const url = RedisUrl.parse(server.url);
      assert.ok(url);
      const recorded = recorder();
      lines = recorded.lines;
      redis = await connectRedisRateLimit(url, LIMIT, recorded.log);
      await waitFor(lines, /rate limit shared through Redis/);
    });
    after(async () => {
      redis.close();
      await server.stop();
    });

    it('WRONGTYPE: counted in memory, and said once, without the password', async () => {
      await redis.client.lpush('zoom-join-signature:wrong-type-client', 'x');
      await redis.limiter.consume('wrong-type-client');
      await redis.limiter.consume('wrong-type-client');
      const line = await waitFor(lines, /WRONGTYPE/);
      assert.match(line, /^warn /);
      assert.match(line, /on its own/);
      assert.equal(lines.filter((text) => /WRONGTYPE/.test(text)).length, 1, lines.join('\n'));
      assert.ok(!lines.join('\n').includes(PASSWORD));
    });

    it('OOM: said, naming the error', async () => {
      await redis.client.config('SET', 'maxmemory', '1');
      try {
        await redis.limiter.consume('oom-client');
        const line = await waitFor(lines, /OOM/);
        assert.match(line, /^warn /);
      } finally {
        await redis.client.config('SET', 'maxmemory', '0');
      }
    });

    it('rediss:// to a port that does not speak TLS: says that TLS failed', async () => {
      const url = RedisUrl.parse(server.url.replace('redis://', 'rediss://'));
      assert.ok(url);
      const { lines: tlsLines, log } = recorder();
      const tls = await connectRedisRateLimit(url, LIMIT, log);
      try {
        const line = await waitFor(tlsLines, /^warn /);
        assert.match(line, /TLS/, line);
        assert.match(line, /does not speak TLS|may not speak TLS/, line);
        assert.ok(!line.includes(PASSWORD));
      } finally {
        tls.close();
      }
    });
  });
});
