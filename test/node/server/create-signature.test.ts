import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { createSignature } from '../../../server/index.js';

const KEY = 'unitTestClientId';
const SECRET = 'unit-test-meeting-sdk-secret-0123456789';
const secretBytes = new TextEncoder().encode(SECRET);
const NOW = 1_700_000_000;

async function verified(token: string): Promise<Record<string, unknown>> {
  // Zoom's clock, not ours, judges expiry; pin the verifier's clock to the signing time.
  const { payload } = await jwtVerify(token, secretBytes, { algorithms: ['HS256'], currentDate: new Date(NOW * 1000) });
  return payload;
}

describe('createSignature', () => {
  it('signs HS256 with the claims Zoom reads (appKey, no sdkKey), iat backdated 30 s', async () => {
    const token = await createSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '123 4567 8901', role: 0, now: NOW });
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
    // No sdkKey claim: the SDK warns about one on every join (appKey is what it reads since 5.0).
    assert.deepEqual(await verified(token), {
      appKey: KEY,
      mn: '12345678901',
      role: 0,
      iat: NOW - 30,
      exp: NOW - 30 + 7200,
      tokenExp: NOW - 30 + 7200,
    });
  });

  it('uses expirationSeconds, role 1 and video_webrtc_mode when given', async () => {
    const token = await createSignature({
      sdkKey: KEY,
      sdkSecret: SECRET,
      meetingNumber: 987654321,
      role: 1,
      expirationSeconds: 1800,
      videoWebRtcMode: 0,
      now: NOW,
    });
    const payload = await verified(token);
    assert.equal(payload.mn, '987654321');
    assert.equal(payload.role, 1);
    assert.equal(payload.exp, NOW - 30 + 1800);
    assert.equal(payload.tokenExp, payload.exp);
    assert.equal(payload.video_webrtc_mode, 0);
  });

  it('floors a fractional now to whole seconds', async () => {
    const payload = await verified(
      await createSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '123-456-789', role: 0, now: NOW + 0.9 }),
    );
    assert.equal(payload.iat, NOW - 30);
    assert.ok(Number.isInteger(payload.exp));
  });

  it('defaults now to the current time', async () => {
    const token = await createSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '123456789', role: 0 });
    const { payload } = await jwtVerify(token, secretBytes);
    const expectedIat = Math.floor(Date.now() / 1000) - 30;
    assert.ok(Math.abs((payload.iat ?? 0) - expectedIat) <= 2, `iat ${payload.iat} vs ${expectedIat}`);
  });

  for (const [name, sdkKey, sdkSecret] of [
    ['no sdkKey', '', SECRET],
    ['no sdkSecret', KEY, ''],
    ['a blank sdkSecret', KEY, '   '],
  ] as const) {
    it(`throws for ${name}, naming Meeting SDK credentials and never the secret`, async () => {
      await assert.rejects(
        async () => createSignature({ sdkKey, sdkSecret, meetingNumber: '123456789', role: 0 }),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, /Meeting SDK app's Client ID and Client Secret/);
          assert.match(error.message, /not an OAuth/);
          assert.ok(!error.message.includes(SECRET));
          return true;
        },
      );
    });
  }

  const badInputs: Array<[string, Partial<Parameters<typeof createSignature>[0]>]> = [
    ['an 8-digit meeting number', { meetingNumber: '12345678' }],
    ['a negative meeting number', { meetingNumber: -123456789 }],
    ['a fractional meeting number', { meetingNumber: 123456789.5 }],
    ['unicode digits', { meetingNumber: '١٢٣٤٥٦٧٨٩' }],
    ['role 2', { role: 2 as 0 }],
    ['expirationSeconds below 1800', { expirationSeconds: 1799 }],
    ['expirationSeconds above 172800', { expirationSeconds: 172801 }],
    ['fractional expirationSeconds', { expirationSeconds: 3600.5 }],
    ['videoWebRtcMode 2', { videoWebRtcMode: 2 as 0 }],
    ['a non-finite now', { now: Number.NaN }],
  ];
  for (const [name, override] of badInputs) {
    it(`throws a RangeError for ${name}`, async () => {
      await assert.rejects(
        async () => createSignature({ sdkKey: KEY, sdkSecret: SECRET, meetingNumber: '123456789', role: 0, ...override }),
        RangeError,
      );
    });
  }
});

describe('createNodeSigner (the CLI\'s node:crypto path)', async () => {
  const { createNodeSigner } = await import('../../../server/node-server.js');
  const sign = createNodeSigner(KEY, SECRET);

  for (const params of [
    { meetingNumber: '123 4567 8901', role: 0 },
    { meetingNumber: 98765432101, role: 1, expirationSeconds: 1800, videoWebRtcMode: 1 },
    { meetingNumber: '123456789', role: 0, videoWebRtcMode: 0 },
  ] as const) {
    it(`signs ${JSON.stringify(params)} byte for byte like the jose path`, async () => {
      const nodeToken = sign({ ...params, now: NOW });
      assert.equal(nodeToken, await createSignature({ sdkKey: KEY, sdkSecret: SECRET, ...params, now: NOW }));
      assert.equal((await verified(String(nodeToken))).mn, String(params.meetingNumber).replace(/ /g, ''));
    });
  }

  it('refuses the same bad input as the jose path, with the same message', async () => {
    const bad = { meetingNumber: '0123456789', role: 0, now: NOW } as const;
    const nodeError = (() => {
      try {
        sign(bad);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    await assert.rejects(createSignature({ sdkKey: KEY, sdkSecret: SECRET, ...bad }), (error: unknown) => {
      assert.ok(error instanceof RangeError && nodeError instanceof RangeError);
      assert.equal(nodeError.message, error.message);
      return true;
    });
  });

  it('refuses missing credentials like the jose path, without echoing the secret', () => {
    assert.throws(() => createNodeSigner(KEY, ''), /Missing sdkSecret: sdkKey and sdkSecret are a Meeting SDK app's/);
  });
});
