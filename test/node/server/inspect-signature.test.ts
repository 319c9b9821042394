import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { inspectSignature } from '../../../src/signature/inspect.js';
import { createSignatureHandler } from '../../../server/index.js';

// Its own file: the page-side checker and the server are written separately, and a break in one should not hide
// the other's tests.
const KEY = 'inspectCompatClientId';
const SECRET = 'inspect-compat-SECRET-13579bdf';

describe('server signatures pass the page-side inspectSignature', () => {
  let url = '';
  let close = async (): Promise<void> => {};

  before(async () => {
    const handler = createSignatureHandler({ sdkKey: KEY, sdkSecret: SECRET, rateLimit: false, authorize: () => true });
    const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  const requests = [
    { meetingNumber: '123 4567 8901', role: 0 },
    { meetingNumber: 987654321, role: 1 },
    { meetingNumber: '123-456-7890', role: 0, videoWebRtcMode: 1 },
    { meetingNumber: '1234567890', role: 0, videoWebRtcMode: 0, expirationSeconds: 1800 },
    { meetingNumber: '12345678901', role: 1, expirationSeconds: 172800 },
  ] as const;

  for (const request of requests) {
    it(`finds no problem in the signature for ${JSON.stringify(request)}`, async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      assert.equal(response.status, 200);
      const { signature } = (await response.json()) as { signature: string };
      const result = inspectSignature(signature, { meetingNumber: request.meetingNumber, role: request.role, sdkKey: KEY });
      assert.deepEqual(result.problems, []);
      assert.equal(result.payload?.['appKey'], KEY);
    });
  }
});
