// Who a request counts against: the client key from a socket address or an X-Forwarded-For entry, and a handler
// that cannot tell callers apart refusing to start.
import assert from 'node:assert/strict';
import { BlockList } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createSignatureHandler, rateLimitKeyOf, type SignatureHandlerOptions } from '../../../server/index.js';
import { UNRECOGNISED_ADDRESS_KEY } from '../../../server/rate-limit.js';
import { startSignatureServer } from '../../../server/start-server.js';

const KEY = 'rateLimitTestClientId';
const SECRET = 'rate-limit-suite-SECRET-5a6b7c8d';
const SIGN = JSON.stringify({ meetingNumber: '123456789', role: 0 });

const closers: Array<() => Promise<void>> = [];
after(() => Promise.all(closers.map((close) => close())));

async function listen(options: Partial<SignatureHandlerOptions>): Promise<string> {
  const handler = createSignatureHandler({ sdkKey: KEY, sdkSecret: SECRET, ...options });
  const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A signature request from `address`, as the header a proxy or platform sets says. */
async function postFrom(url: string, address: string, header = 'x-forwarded-for'): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [header]: address },
    body: SIGN,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Spellings a proxy or a socket may use for 2001:db8:aa:bb::/64 hosts. */
const SAME_IPV6_CLIENT = [
  '2001:db8:aa:bb::1',
  '2001:DB8:AA:BB::1',
  '2001:0db8:00aa:00bb:0000:0000:0000:0001',
  '[2001:db8:aa:bb::1]',
  '[2001:db8:aa:bb::1]:443',
  '[2001:db8:aa:bb::1%eth0]:8080',
  '2001:db8:aa:bb::1%eth0',
  '2001:db8:aa:bb:ffff:ffff:ffff:ffff',
  '2001:db8:aa:bb:1::',
  '2001:db8:aa:bb::5:6:7',
  '2001:db8:aa:bb:0:0:192.0.2.1',
  '2001:db8:aa:bb::192.0.2.1',
  ' 2001:db8:aa:bb:1234:5678:9abc:def0 ',
];

/** Spellings of one IPv4 client. */
const SAME_IPV4_CLIENT = [
  '192.0.2.44',
  '192.0.2.44:5678',
  '::ffff:192.0.2.44',
  '::FFFF:192.0.2.44',
  '[::ffff:192.0.2.44]:5678',
  '::ffff:c000:22c',
  '0:0:0:0:0:ffff:c000:022c',
  '64:ff9b::192.0.2.44',
];

const NOT_ADDRESSES = [
  'unknown',
  '_hidden',
  'example.com',
  '1.2.3',
  '1.2.3.4.5',
  '256.1.1.1',
  '001.002.003.004',
  '0x7f.0.0.1',
  '1.2.3.4:',
  '[2001:db8::1',
  '[2001:db8::1]x',
  'g::1',
  '1:2:3:4:5:6:7:8:9',
  '2001:db8::1::2',
  '::ffff:999.1.1.1',
  'http://[::1]/',
  '[::1]/evil',
];

describe('rateLimitKeyOf', () => {
  it('keys IPv4 (and IPv4-mapped IPv6) by address', () => {
    assert.equal(rateLimitKeyOf('203.0.113.7'), '203.0.113.7');
    assert.equal(rateLimitKeyOf('::ffff:203.0.113.7'), '203.0.113.7');
  });

  it('keys IPv6 by its /64, so rotating addresses inside it shares one budget', () => {
    assert.equal(rateLimitKeyOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKeyOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.notEqual(rateLimitKeyOf('2001:db8:1:3::1'), rateLimitKeyOf('2001:db8:1:2::1'));
  });

  it('gives every spelling of one IPv6 /64 the same key', () => {
    for (const spelling of SAME_IPV6_CLIENT) assert.equal(rateLimitKeyOf(spelling), '2001:db8:aa:bb::/64', spelling);
  });

  it('gives every spelling of one IPv4 client (port, IPv4-mapped, hex tail, NAT64) the same key', () => {
    for (const spelling of SAME_IPV4_CLIENT) assert.equal(rateLimitKeyOf(spelling), '192.0.2.44', spelling);
  });

  it('puts text that is no address under one key, never its own', () => {
    for (const text of NOT_ADDRESSES) assert.equal(rateLimitKeyOf(text), UNRECOGNISED_ADDRESS_KEY, text);
  });

  it('agrees with node:net on which IPv6 addresses share a /64', () => {
    // Addresses from a few /64s that differ in one bit of the prefix or only in the interface id, written in
    // random spellings; node:net's own parser says which belong together.
    let seed = 7;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    const hex = (value: number) => value.toString(16);
    const prefixes = [
      [0x2001, 0xdb8, 0x10, 0x20],
      [0x2001, 0xdb8, 0x10, 0x21],
      [0x2001, 0xdb8, 0x11, 0x20],
      [0x2a00, 0x1450, 0x4001, 0x80c],
      [0, 0, 0, 0],
    ];
    const spell = (groups: number[]): string => {
      const texts = groups.map((group) => (random(3) === 0 ? group.toString(16).padStart(4, '0') : hex(group)));
      let text = texts.join(':');
      const zeros = /(^|:)0(:0)+(:|$)/.exec(text);
      if (zeros && random(2) === 0) text = text.replace(zeros[0], '::').replace(/^:::/, '::').replace(/:::$/, '::');
      if (random(2) === 0) text = text.toUpperCase();
      return random(3) === 0 ? `[${text}]:${1 + random(65535)}` : text;
    };
    const addresses = Array.from({ length: 60 }, () => {
      const prefix = prefixes[random(prefixes.length)]!;
      const groups = [...prefix, random(2) ? 0 : random(65536), random(65536), random(2) ? 0 : random(65536), random(65536)];
      return { groups, text: spell(groups) };
    });
    const bare = (groups: number[]) => groups.map(hex).join(':');
    for (const a of addresses) {
      const sameSubnet = new BlockList();
      sameSubnet.addSubnet(bare([...a.groups.slice(0, 4), 0, 0, 0, 0]), 64, 'ipv6');
      for (const b of addresses) {
        const together = sameSubnet.check(bare(b.groups), 'ipv6');
        assert.equal(rateLimitKeyOf(a.text) === rateLimitKeyOf(b.text), together, `${a.text} vs ${b.text}`);
      }
    }
  });
});

describe('trustProxy keys by the normalised X-Forwarded-For entry', () => {
  it('counts every spelling of one IPv6 client against one budget', async () => {
    const url = await listen({ rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }), trustProxy: 1 });
    assert.equal(await postFrom(url, SAME_IPV6_CLIENT[0]!), 200);
    for (const spelling of SAME_IPV6_CLIENT.slice(1)) assert.equal(await postFrom(url, spelling), 429, spelling);
  });

  it('counts every spelling of one IPv4 client against one budget', async () => {
    const url = await listen({ rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }), trustProxy: 1 });
    assert.equal(await postFrom(url, `198.51.100.9, ${SAME_IPV4_CLIENT[0]!}`), 200);
    for (const spelling of SAME_IPV4_CLIENT.slice(1)) {
      assert.equal(await postFrom(url, `198.51.100.9, ${spelling}`), 429, spelling);
    }
  });

  it('gives two /64s two budgets', async () => {
    const url = await listen({ rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }), trustProxy: 1 });
    assert.equal(await postFrom(url, '2001:db8:aa:bb::1'), 200);
    assert.equal(await postFrom(url, '2001:db8:aa:bc::1'), 200);
    assert.equal(await postFrom(url, '2001:db8:aa:bc::2'), 429);
  });

  it('puts entries that are no address under one budget, so made-up text cannot mint fresh ones', async () => {
    const url = await listen({ rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }), trustProxy: 1 });
    assert.equal(await postFrom(url, 'unknown'), 200);
    assert.equal(await postFrom(url, 'unknown-2'), 429);
    assert.equal(await postFrom(url, '_obfuscated'), 429);
  });

  it('does the same in the CLI server with ZOOM_JOIN_TRUST_PROXY', async () => {
    const server = await startSignatureServer({
      ZOOM_MEETING_SDK_KEY: KEY,
      ZOOM_MEETING_SDK_SECRET: SECRET,
      PORT: '0',
      ZOOM_JOIN_RATE_LIMIT: '1',
      ZOOM_JOIN_TRUST_PROXY: '1',
    });
    closers.push(() => server.close());
    assert.equal(await postFrom(server.url, '[2001:DB8:AA:BB::1]:443'), 200);
    assert.equal(await postFrom(server.url, '2001:db8:aa:bb:0:0:0:2'), 429);
    assert.equal(await postFrom(server.url, '2001:db8:aa:bc::1'), 200);
  });
});

describe('a handler that cannot tell callers apart', () => {
  const credentials = { sdkKey: KEY, sdkSecret: SECRET };

  for (const [name, options] of [
    ['the default limit', {}],
    ['a limiter of its own', { rateLimit: new RateLimiterMemory({ points: 5, duration: 60 }) }],
    ['trustProxy: false', { trustProxy: false }],
    ['trustProxy: 0', { trustProxy: 0 }],
  ] as const) {
    it(`throws at creation with ${name}, saying what to pass`, () => {
      assert.throws(
        () => createSignatureHandler({ ...credentials, ...options }),
        (error: unknown) =>
          error instanceof TypeError &&
          /every caller would share one budget/.test(error.message) &&
          /clientKey/.test(error.message) &&
          /cf-connecting-ip/.test(error.message) &&
          /x-real-ip/.test(error.message) &&
          /trustProxy/.test(error.message) &&
          /rateLimit: false/.test(error.message) &&
          !error.message.includes(SECRET),
      );
    });
  }

  it('starts with clientKey, trustProxy or rateLimit: false', () => {
    assert.equal(typeof createSignatureHandler({ ...credentials, clientKey: () => 'everyone' }), 'function');
    assert.equal(typeof createSignatureHandler({ ...credentials, trustProxy: true }), 'function');
    assert.equal(typeof createSignatureHandler({ ...credentials, rateLimit: false }), 'function');
  });

  it("keys by a platform's address header through clientKey and rateLimitKeyOf, as the README shows", async () => {
    const url = await listen({
      rateLimit: new RateLimiterMemory({ points: 1, duration: 60 }),
      clientKey: (request) => rateLimitKeyOf(request.headers.get('cf-connecting-ip') ?? ''),
    });
    const from = (address: string) => postFrom(url, address, 'cf-connecting-ip');
    assert.equal(await from('2001:db8:aa:bb::1'), 200);
    assert.equal(await from('2001:db8:aa:bb::99'), 429);
    assert.equal(await from('203.0.113.5'), 200);
  });
});
