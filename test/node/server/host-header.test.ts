// RFC 9112 §3.2: a request with more than one Host header is answered 400. Node keeps only the first Host in
// `headers`, so a proxy that routes by the last one and this server would disagree about the request's target.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createNodeSignatureListener } from '../../../server/node-server.js';
import { startSignatureServer } from '../../../server/start-server.js';

const KEY = 'hostHeaderClientId';
const SECRET = 'host-header-SECRET-2468ace';
const BODY = '{"meetingNumber":"123456789","role":0}';

/** Sends `head` and the body as raw bytes and reads everything until the server closes the socket. */
async function raw(port: number, head: string): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.end(`${head}Content-Type: application/json\r\nContent-Length: ${BODY.length}\r\nConnection: close\r\n\r\n${BODY}`);
  await once(socket, 'close');
  return text;
}

const TWO_HOSTS = 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n';

describe('two Host headers', () => {
  it('the CLI server answers 400 invalid-host and signs nothing (on / and on other paths)', async () => {
    const server = await startSignatureServer({ ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET, PORT: '0', ZOOM_JOIN_RATE_LIMIT: '0' });
    try {
      const reply = await raw(server.port, TWO_HOSTS);
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.match(reply, /"code":"invalid-host"/);
      assert.doesNotMatch(reply, /"signature"/);
      const other = await raw(server.port, 'POST /elsewhere HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1\r\n');
      assert.match(other, /^HTTP\/1\.1 400 /);
      // One Host header still signs.
      const one = await raw(server.port, 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      assert.match(one, /^HTTP\/1\.1 200 /);
    } finally {
      await server.close();
    }
  });

  it('the Node listener on its own answers 400 invalid-host', async () => {
    const server = createServer(createNodeSignatureListener({ sdkKey: KEY, sdkSecret: SECRET, rateLimit: false })).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const reply = await raw((server.address() as AddressInfo).port, TWO_HOSTS);
      assert.match(reply, /^HTTP\/1\.1 400 /);
      assert.match(reply, /"code":"invalid-host"/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
