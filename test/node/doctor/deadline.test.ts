// Every network mode of the doctor ends within its stated time, even against a server that accepts the connection
// and never answers: a CI job that runs the doctor must not hang.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runCli } from './servers.js';

/** Seconds each request may wait (--timeout). */
const TIMEOUT_S = 1;
/** Starting a tsx process on a busy machine, on top of the doctor's own 3 × timeout. */
const MARGIN_MS = 6000;

describe('zoom-join doctor against a server that never answers', () => {
  let server: Server;
  let url: string;
  const sockets = new Set<Socket>();
  before(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      // Reads nothing, writes nothing, never closes.
      socket.pause();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });

  async function timed(args: string[]): Promise<{ code: number | null; ms: number; stdout: string }> {
    const start = Date.now();
    const run = await runCli([...args, '--timeout', String(TIMEOUT_S)]);
    return { code: run.code, ms: Date.now() - start, stdout: run.stdout + run.stderr };
  }

  for (const [name, args] of [
    ['--endpoint, same origin', () => ['doctor', '--endpoint', `${url}/`, '--origin', url]],
    ['--endpoint, cross-origin (preflight)', () => ['doctor', '--endpoint', `${url}/`, '--origin', 'https://page.example.com']],
    ['--asset-path with --page', () => ['doctor', '--asset-path', `${url}/lib`, '--page', `${url}/`]],
    ['--asset-path', () => ['doctor', '--asset-path', `${url}/lib`]],
  ] as const) {
    it(`${name}: exits 1 within 3 × --timeout`, { timeout: 3 * TIMEOUT_S * 1000 + MARGIN_MS + 5000 }, async () => {
      const run = await timed(args());
      assert.equal(run.code, 1, run.stdout);
      assert.ok(run.ms < 3 * TIMEOUT_S * 1000 + MARGIN_MS, `took ${run.ms} ms`);
      assert.match(run.stdout, /✖/);
    });
  }

  it('--timeout must be a positive number of seconds', async () => {
    const run = await runCli(['doctor', '--endpoint', `${url}/`, '--origin', url, '--timeout', 'soon']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--timeout is a number of seconds/);
  });
});
