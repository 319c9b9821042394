// Settings that would let other sites use the server's credentials: a credentialed wildcard, and DNS rebinding
// (a page on another domain that resolves to the local server passes as "same origin" unless Host is checked).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { createSignatureHandler } from '../../../server/index.js';
import { SignatureServerConfigError, startSignatureServer, type SignatureServerEnv } from '../../../server/start-server.js';

const KEY = 'hardeningClientId';
const SECRET = 'hardening-SECRET-13579bdf';

/** A raw HTTP request, so the Host header can be what an attacker's page would send. */
function post(
  port: number,
  headers: Record<string, string>,
  address = '127.0.0.1',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ meetingNumber: '123456789', role: 0 });
    const outgoing = request(
      { host: address, port, method: 'POST', path: '/', headers: { 'content-type': 'application/json', ...headers } },
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

const BASE_ENV = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET, PORT: '0', ZOOM_JOIN_RATE_LIMIT: '0' };

async function withCliServer(env: SignatureServerEnv, use: (port: number) => Promise<void>): Promise<void> {
  const server = await startSignatureServer({ ...BASE_ENV, ...env });
  try {
    await use(server.port);
  } finally {
    await server.close();
  }
}

describe('DNS-rebinding guard on every loopback address', () => {
  for (const [host, address, hostHeader] of [
    ['127.0.0.2', '127.0.0.2', '127.0.0.2'],
    ['127.1.2.3', '127.1.2.3', '127.1.2.3'],
    ['::1', '::1', '[::1]'],
    ['0:0:0:0:0:0:0:1', '::1', '[::1]'],
    ['localhost', '127.0.0.1', 'localhost'],
  ] as const) {
    it(`HOST=${host}: answers ${hostHeader}, refuses a rebound name with 403`, async () => {
      await withCliServer({ HOST: host }, async (port) => {
        assert.equal((await post(port, { host: `${hostHeader}:${port}` }, address)).status, 200);
        const rebound = await post(port, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }, address);
        assert.equal(rebound.status, 403);
        assert.equal(JSON.parse(rebound.body).error.code, 'host-not-allowed');
      });
    });
  }

  for (const host of ['0.0.0.0', '::', '10.1.2.3', 'signer.internal']) {
    it(`HOST=${host} without ZOOM_JOIN_ALLOWED_HOSTS refuses to start, saying what to set`, async () => {
      await assert.rejects(
        startSignatureServer({ ...BASE_ENV, HOST: host }),
        (error: unknown) =>
          error instanceof SignatureServerConfigError &&
          error.message.includes(`HOST=${host}`) &&
          /set ZOOM_JOIN_ALLOWED_HOSTS to the host names/.test(error.message),
      );
    });
  }

  it('HOST=0.0.0.0 with ZOOM_JOIN_ALLOWED_HOSTS answers only the listed names', async () => {
    await withCliServer({ HOST: '0.0.0.0', ZOOM_JOIN_ALLOWED_HOSTS: 'auth.example.com' }, async (port) => {
      assert.equal((await post(port, { host: 'auth.example.com' })).status, 200);
      assert.equal((await post(port, { host: `127.0.0.1:${port}` })).status, 403);
      assert.equal((await post(port, { host: 'evil.example' })).status, 403);
    });
  });

  it('refuses a ZOOM_JOIN_ALLOWED_HOSTS entry that is not a host name', async () => {
    await assert.rejects(
      startSignatureServer({ ...BASE_ENV, ZOOM_JOIN_ALLOWED_HOSTS: 'https://auth.example.com' }),
      /ZOOM_JOIN_ALLOWED_HOSTS: "https:\/\/auth.example.com" is not a host name/,
    );
  });

  it('answers a request without a Host header 400 invalid-host, not a signature', async () => {
    await withCliServer({}, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const body = '{"meetingNumber":"123456789","role":0}';
      socket.end(`POST / HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      const reply = await readAll(socket);
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.match(reply, /"code":"invalid-host"/);
      assert.doesNotMatch(reply, /signature"/);
    });
  });
});

/** Everything the server sends until it closes the socket. */
async function readAll(socket: Socket): Promise<string> {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  await once(socket, 'close');
  return text;
}

describe('connection limits', () => {
  it('closes a client that stalls in its headers after ZOOM_JOIN_REQUEST_TIMEOUT seconds, with 408', async () => {
    await withCliServer({ ZOOM_JOIN_REQUEST_TIMEOUT: '1' }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
      const started = Date.now();
      const reply = await readAll(socket);
      assert.match(reply, /^HTTP\/1\.1 408 /);
      assert.ok(Date.now() - started < 5000, `closed after ${Date.now() - started} ms`);
    });
  });

  it('closes a client that stalls in its body after ZOOM_JOIN_REQUEST_TIMEOUT seconds', async () => {
    await withCliServer({ ZOOM_JOIN_REQUEST_TIMEOUT: '1' }, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"meet');
      const started = Date.now();
      const reply = await readAll(socket);
      assert.doesNotMatch(reply, /signature"/);
      assert.ok(Date.now() - started < 5000, `closed after ${Date.now() - started} ms`);
    });
  });

  it('defaults to a 10 s request timeout, not Node\'s 300 s', async () => {
    const server = await startSignatureServer(BASE_ENV);
    try {
      assert.equal(server.config.requestTimeoutSeconds, 10);
      assert.equal(server.config.maxConnections, 1024);
    } finally {
      await server.close();
    }
  });

  it('closes connections beyond ZOOM_JOIN_MAX_CONNECTIONS at once and keeps serving the others', async () => {
    await withCliServer({ ZOOM_JOIN_MAX_CONNECTIONS: '2' }, async (port) => {
      const held = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
      await Promise.all(held.map((socket) => once(socket, 'connect')));
      // Let the server count both before the third arrives.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = connect(port, '127.0.0.1');
      const reply = await readAll(extra);
      assert.equal(reply, '');
      const body = '{"meetingNumber":"123456789","role":0}';
      const first = held[0]!;
      first.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      assert.match(await readAll(first), /^HTTP\/1\.1 200 /);
      held[1]!.destroy();
    });
  });

  for (const [name, value] of [
    ['ZOOM_JOIN_REQUEST_TIMEOUT', '0'],
    ['ZOOM_JOIN_MAX_CONNECTIONS', '0'],
    ['ZOOM_JOIN_MAX_EXPIRATION', '600'],
  ] as const) {
    it(`refuses ${name}=${value} with the allowed range`, async () => {
      await assert.rejects(startSignatureServer({ ...BASE_ENV, [name]: value }), new RegExp(`${name} must be a whole number from`));
    });
  }

  it('ZOOM_JOIN_MAX_EXPIRATION caps the lifetime callers may ask for', async () => {
    await withCliServer({ ZOOM_JOIN_MAX_EXPIRATION: '3600' }, async (port) => {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ meetingNumber: '123456789', role: 0, expirationSeconds: 7200 }),
      });
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /1800 to 3600/);
    });
  });
});

describe('the Node server without allowedHosts', () => {
  it('treats a page origin on a request without a Host header as cross-origin (403), not a crash', async () => {
    const { createServer } = await import('node:http');
    const { createNodeSignatureListener } = await import('../../../server/node-server.js');
    const errors: unknown[] = [];
    const server = createServer(
      createNodeSignatureListener({ sdkKey: KEY, sdkSecret: SECRET, rateLimit: false, onError: (error) => errors.push(error) }),
    ).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as { port: number };
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const body = '{"meetingNumber":"123456789","role":0}';
      socket.end(
        `POST / HTTP/1.0\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body}`,
      );
      const reply = await readAll(socket);
      assert.match(reply, /^HTTP\/1\.1 403 /);
      assert.match(reply, /"code":"origin-not-allowed"/);
      assert.deepEqual(errors, []);
    } finally {
      server.close();
    }
  });
});
