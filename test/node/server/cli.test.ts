import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { jwtVerify } from 'jose';
import { freePort } from './redis-server.js';
import {
  SignatureServerConfigError,
  startSignatureServer,
  type SignatureServerEnv,
} from '../../../server/start-server.js';

const KEY = 'cliTestClientId';
const SECRET = 'cli-suite-SECRET-2468ace0';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CREDENTIALS = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET };
const SIGN = { meetingNumber: '123 456 789', role: 0 };

/** The parent's environment without anything the server reads, so only what a test passes counts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ZOOM_|PORT$|HOST$)/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

interface Cli {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function runCli(env: Record<string, string>, args: string[] = []): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: REPO, env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function waitForUrl(cli: Cli): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/\S+)/.exec(cli.output().stdout);
    if (match?.[1]) return match[1];
    if (cli.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`the CLI did not start: ${JSON.stringify(cli.output())}`);
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function assertNoSecret(cli: Cli): void {
  const { stdout, stderr } = cli.output();
  assert.ok(!stdout.includes(SECRET) && !stderr.includes(SECRET), 'the CLI printed the secret');
}

describe('zoom-join-signature CLI', () => {
  it('serves POST / on the given port, prints one line, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const cli = runCli({ ...CREDENTIALS, PORT: String(port), ZOOM_JOIN_ALLOWED_ORIGINS: 'https://app.example, http://localhost:5173' });
    try {
      const url = await waitForUrl(cli);
      assert.equal(url, `http://127.0.0.1:${port}/`);
      const response = await post(url, SIGN);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { signature: string; sdkKey: string };
      assert.equal(body.sdkKey, KEY);
      const { payload } = await jwtVerify(body.signature, new TextEncoder().encode(SECRET));
      assert.equal(payload.mn, '123456789');
      const cors = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
        body: JSON.stringify(SIGN),
      });
      assert.equal(cors.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.equal((await post(url, { ...SIGN, role: 1 })).status, 403, 'host role is off by default');
      assert.equal((await fetch(url)).status, 405);
      const elsewhere = await post(new URL('/signature', url).href, SIGN);
      assert.equal(elsewhere.status, 404);
      assert.equal(((await elsewhere.json()) as { error: { code: string } }).error.code, 'not-found');
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal(await cli.exited, 0);
    assert.equal(cli.output().stdout.trim().split('\n').length, 1);
    assertNoSecret(cli);
  });

  it('stops on SIGINT', async () => {
    const cli = runCli({ ...CREDENTIALS, PORT: String(await freePort()) });
    await waitForUrl(cli);
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);
  });

  it('exits 1 without credentials, naming both variables and the right kind of app', async () => {
    const cli = runCli({});
    assert.equal(await cli.exited, 1);
    const { stderr } = cli.output();
    assert.match(stderr, /ZOOM_MEETING_SDK_KEY/);
    assert.match(stderr, /ZOOM_MEETING_SDK_SECRET/);
    assert.match(stderr, /Meeting SDK app's Client ID and Client Secret, not an OAuth app's/);
    assert.ok(!/\bat .+:\d+:\d+/.test(stderr), 'a stack trace was printed');
  });

  it('exits 1 with only the secret set, without printing it', async () => {
    const cli = runCli({ ZOOM_MEETING_SDK_SECRET: SECRET });
    assert.equal(await cli.exited, 1);
    assert.match(cli.output().stderr, /missing: ZOOM_MEETING_SDK_KEY/);
    assertNoSecret(cli);
  });

  it('exits 1 when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const cli = runCli({ ...CREDENTIALS, PORT: String((blocker.address() as AddressInfo).port) });
      assert.equal(await cli.exited, 1);
      assert.match(cli.output().stderr, /EADDRINUSE/);
      assertNoSecret(cli);
    } finally {
      blocker.close();
    }
  });

  it('prints the settings for --help', async () => {
    const cli = runCli({}, ['--help']);
    assert.equal(await cli.exited, 0);
    for (const name of ['ZOOM_MEETING_SDK_KEY', 'ZOOM_MEETING_SDK_SECRET', 'ZOOM_JOIN_ALLOWED_ORIGINS', 'ZOOM_JOIN_ALLOW_HOST', 'PORT', 'HOST']) {
      assert.match(cli.output().stdout, new RegExp(name));
    }
  });
});

describe('startSignatureServer (in-process)', () => {
  async function withServer(env: SignatureServerEnv, body: (url: string) => Promise<void>): Promise<void> {
    const server = await startSignatureServer({ ...CREDENTIALS, PORT: '0', ...env });
    try {
      await body(server.url);
    } finally {
      await server.close();
    }
  }

  it('listens on a free port with PORT=0 and reports it, without the secret', async () => {
    const server = await startSignatureServer({ ...CREDENTIALS, PORT: '0' });
    try {
      assert.ok(server.port > 0);
      assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
      assert.ok(!JSON.stringify(server.config).includes(SECRET));
      assert.equal((await post(server.url, SIGN)).status, 200);
    } finally {
      await server.close();
    }
  });

  it('gives host signatures only with ZOOM_JOIN_ALLOW_HOST=1', async () => {
    await withServer({ ZOOM_JOIN_ALLOW_HOST: '1' }, async (url) => {
      const response = await post(url, { ...SIGN, role: 1 });
      assert.equal(response.status, 200);
      const { signature } = (await response.json()) as { signature: string };
      assert.equal((await jwtVerify(signature, new TextEncoder().encode(SECRET))).payload.role, 1);
    });
    await withServer({ ZOOM_JOIN_ALLOW_HOST: '0' }, async (url) => {
      assert.equal((await post(url, { ...SIGN, role: 1 })).status, 403);
    });
  });

  it('limits each client address to ZOOM_JOIN_RATE_LIMIT a minute', async () => {
    await withServer({ ZOOM_JOIN_RATE_LIMIT: '2' }, async (url) => {
      assert.equal((await post(url, SIGN)).status, 200);
      assert.equal((await post(url, SIGN)).status, 200);
      const limited = await post(url, SIGN);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    });
  });

  it('turns rate limiting off with ZOOM_JOIN_RATE_LIMIT=0', async () => {
    await withServer({ ZOOM_JOIN_RATE_LIMIT: '0' }, async (url) => {
      for (let i = 0; i < 35; i++) assert.equal((await post(url, SIGN)).status, 200);
    });
  });

  it('keys by X-Forwarded-For with ZOOM_JOIN_TRUST_PROXY=1', async () => {
    await withServer({ ZOOM_JOIN_RATE_LIMIT: '1', ZOOM_JOIN_TRUST_PROXY: '1' }, async (url) => {
      const from = (address: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify(SIGN),
        });
      assert.equal((await from('198.51.100.1')).status, 200);
      assert.equal((await from('198.51.100.2')).status, 200);
      assert.equal((await from('198.51.100.1')).status, 429);
    });
  });

  for (const [name, env, pattern] of [
    ['no credentials', { ZOOM_MEETING_SDK_KEY: '', ZOOM_MEETING_SDK_SECRET: '' }, /ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET/],
    ['a bad PORT', { PORT: '80a' }, /PORT/],
    ['a PORT above 65535', { PORT: '70000' }, /PORT/],
    ['a bad allowed origin', { ZOOM_JOIN_ALLOWED_ORIGINS: 'app.example' }, /allowedOrigins/],
    ['a bad rate limit', { ZOOM_JOIN_RATE_LIMIT: 'lots' }, /ZOOM_JOIN_RATE_LIMIT/],
    // The password is in the URL: the message names the setting, never its value.
    ['Redis with the rate limit off', { ZOOM_JOIN_RATE_LIMIT: '0', ZOOM_JOIN_REDIS_URL: `redis://:${SECRET}@127.0.0.1:6379` }, /ZOOM_JOIN_RATE_LIMIT=0 turns the rate limit off, so there is nothing to share through ZOOM_JOIN_REDIS_URL/],
  ] as const) {
    it(`rejects ${name} with a SignatureServerConfigError`, async () => {
      await assert.rejects(
        startSignatureServer({ ...CREDENTIALS, PORT: '0', ...env }),
        (error: unknown) =>
          error instanceof SignatureServerConfigError && pattern.test(error.message) && !error.message.includes(SECRET),
      );
    });
  }
});
