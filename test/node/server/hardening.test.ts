// Settings that would let other sites use the server's credentials: a credentialed wildcard, and DNS rebinding
// (a page on another domain that resolves to the local server passes as "same origin" unless Host is checked).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { createSignatureHandler } from '../../../server/index.js';
import { startSignatureServer } from '../../../server/start-server.js';

const KEY = 'hardeningClientId';
const SECRET = 'hardening-SECRET-13579bdf';

/** A raw HTTP request, so the Host header can be what an attacker's page would send. */
function post(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ meetingNumber: '123456789', role: 0 });
    const outgoing = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('signature server hardening', () => {
  it('refuses allowCredentials with allowedOrigins "*" at creation', () => {
    assert.throws(
      () => createSignatureHandler({ sdkKey: KEY, sdkSecret: SECRET, allowedOrigins: ['*'], allowCredentials: true }),
      /allowCredentials cannot be combined with allowedOrigins "\*"/,
    );
  });

  it('the CLI server on loopback answers loopback host names and refuses any other Host (DNS rebinding) with 403', async () => {
    const server = await startSignatureServer({
      ZOOM_MEETING_SDK_KEY: KEY,
      ZOOM_MEETING_SDK_SECRET: SECRET,
      PORT: '0',
      ZOOM_JOIN_RATE_LIMIT: '0',
    });
    try {
      const local = await post(server.port, { host: `127.0.0.1:${server.port}` });
      assert.equal(local.status, 200);
      const named = await post(server.port, { host: `localhost:${server.port}` });
      assert.equal(named.status, 200);
      const rebound = await post(server.port, {
        host: `evil.example:${server.port}`,
        origin: `http://evil.example:${server.port}`,
      });
      assert.equal(rebound.status, 403);
      assert.equal(JSON.parse(rebound.body).error.code, 'host-not-allowed');
      assert.ok(!rebound.body.includes(SECRET));
    } finally {
      await server.close();
    }
  });

  it('ZOOM_JOIN_ALLOWED_HOSTS adds names the server answers to', async () => {
    const server = await startSignatureServer({
      ZOOM_MEETING_SDK_KEY: KEY,
      ZOOM_MEETING_SDK_SECRET: SECRET,
      PORT: '0',
      ZOOM_JOIN_RATE_LIMIT: '0',
      ZOOM_JOIN_ALLOWED_HOSTS: 'auth.example.com',
    });
    try {
      assert.equal((await post(server.port, { host: 'auth.example.com' })).status, 200);
      assert.equal((await post(server.port, { host: 'other.example.com' })).status, 403);
    } finally {
      await server.close();
    }
  });
});
