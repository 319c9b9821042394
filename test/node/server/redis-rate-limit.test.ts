// One rate limit across processes: real redis-server, real server processes, real HTTP. Redis runs with a password
// throughout, so every test also checks that it never reaches the output.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { createSignatureHandler, createRedisRateLimiter, REDIS_CLIENT_OPTIONS } from '../../../server/index.js';
import { SignatureServerConfigError, startSignatureServer } from '../../../server/start-server.js';
import { freePort, startRedisServer, type RedisServer } from './redis-server.js';

const KEY = 'redisTestClientId';
const SECRET = 'redis-suite-SECRET-97531eca';
const REDIS_PASSWORD = 'redis-PASSWORD-x7Yq2';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SIGN = JSON.stringify({ meetingNumber: '123456789', role: 0 });
const CLI = join(REPO, 'server/cli.ts');

/** The parent's environment without anything the server reads, so only what a test passes counts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ZOOM_|PORT$|HOST$)/.test(name)) env[name] = value;
  }
  return { ...env, ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET, ...extra };
}

interface Cli {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

function runCli(t: TestContext, env: Record<string, string>, script = CLI, args: string[] = []): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO, env: cleanEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.after(() => {
    child.kill('SIGKILL');
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Waits until the CLI's stdout + stderr match, failing with what it printed. */
async function waitForOutput(cli: Cli, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { stdout, stderr } = cli.output();
    const match = pattern.exec(`${stdout}\n${stderr}`);
    if (match) return match;
    if (cli.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${what}: ${JSON.stringify(cli.output())}`);
}

async function startCli(t: TestContext, env: Record<string, string>): Promise<{ cli: Cli; url: string }> {
  const cli = runCli(t, { PORT: String(await freePort()), ...env });
  const match = await waitForOutput(cli, /listening on (http:\/\/\S+)/, 'the CLI did not start');
  return { cli, url: match[1]! };
}

interface Answer {
  status: number;
  body: { error?: { code?: string } };
  retryAfter: string | null;
  contentType: string | null;
  ms: number;
}

async function post(url: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: SIGN,
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    status: response.status,
    body,
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type'),
    ms: performance.now() - started,
  };
}

function statuses(answers: Answer[]): number[] {
  return answers.map((answer) => answer.status);
}

function assertNothingSecret(...clis: Cli[]): void {
  for (const cli of clis) {
    const { stdout, stderr } = cli.output();
    for (const secret of [SECRET, REDIS_PASSWORD]) {
      assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `a secret was printed: ${stdout}\n${stderr}`);
    }
  }
}

async function redisFor(t: TestContext): Promise<RedisServer> {
  const redis = await startRedisServer(REDIS_PASSWORD);
  t.after(() => redis.stop());
  return redis;
}

const redisLine = (redis: RedisServer) => `Redis at redis://127.0.0.1:${redis.port}`;

describe('ZOOM_JOIN_REDIS_URL: one rate limit across server processes', () => {
  it('two processes with ZOOM_JOIN_RATE_LIMIT=10 share one budget: 6 requests to each, 10 signed, 2 refused', async (t) => {
    const redis = await redisFor(t);
    const env = { ZOOM_JOIN_RATE_LIMIT: '10', ZOOM_JOIN_REDIS_URL: redis.url };
    const [a, b] = await Promise.all([startCli(t, env), startCli(t, env)]);
    for (const { cli } of [a, b]) {
      await waitForOutput(cli, new RegExp(`rate limit shared through ${redisLine(redis)}\\b`), 'no Redis line');
    }
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i++) answers.push(await post(a.url), await post(b.url));
    assert.equal(answers.filter((answer) => answer.status === 200).length, 10, `${statuses(answers)}`);
    const refused = answers.filter((answer) => answer.status === 429);
    assert.equal(refused.length, 2, `${statuses(answers)}`);
    for (const answer of refused) {
      assert.equal(answer.body.error?.code, 'rate-limited');
      assert.ok(Number(answer.retryAfter) >= 1, `Retry-After ${answer.retryAfter}`);
    }
    assertNothingSecret(a.cli, b.cli);
  });

  it('while Redis is down each process stays up, answers JSON and limits on its own; once back, one budget again', async (t) => {
    const redis = await redisFor(t);
    const env = { ZOOM_JOIN_RATE_LIMIT: '3', ZOOM_JOIN_REDIS_URL: redis.url };
    const [a, b] = await Promise.all([startCli(t, env), startCli(t, env)]);
    for (const { cli } of [a, b]) await waitForOutput(cli, /rate limit shared through Redis/, 'no Redis line');
    assert.deepEqual(statuses([await post(a.url), await post(b.url)]), [200, 200]);

    await redis.stop();
    for (const { cli } of [a, b]) {
      const lost = new RegExp(`lost ${redisLine(redis)} \\(.+\\)\\. Until it answers, each process counts on its own`);
      await waitForOutput(cli, lost, 'no warning that Redis was lost');
    }
    for (const { url } of [a, b]) {
      const answers = [await post(url), await post(url), await post(url), await post(url)];
      assert.deepEqual(statuses(answers), [200, 200, 200, 429], 'each process keeps its own limit of 3');
      for (const answer of answers) assert.match(answer.contentType ?? '', /^application\/json/);
      assert.equal(answers[3]!.body.error?.code, 'rate-limited');
    }

    await redis.restart();
    for (const { cli } of [a, b]) {
      await waitForOutput(cli, new RegExp(`${redisLine(redis)} answers again`), 'no word that Redis is back');
    }
    const shared = [await post(a.url), await post(a.url), await post(b.url), await post(b.url)];
    assert.deepEqual(statuses(shared), [200, 200, 200, 429], 'one budget of 3 across both processes again');

    for (const { cli } of [a, b]) {
      assert.equal(cli.output().stderr.match(/lost Redis/g)?.length, 1, 'one warning per outage, not one per attempt');
      cli.child.kill('SIGTERM');
      assert.equal(await cli.exited, 0);
    }
    assertNothingSecret(a.cli, b.cli);
  });

  it('a Redis that stops answering (SIGSTOP) holds requests up only briefly, then is reported and rejoined', async (t) => {
    const redis = await redisFor(t);
    const { cli, url } = await startCli(t, { ZOOM_JOIN_RATE_LIMIT: '100', ZOOM_JOIN_REDIS_URL: redis.url });
    await waitForOutput(cli, /rate limit shared through Redis/, 'no Redis line');
    const before = await post(url);
    assert.equal(before.status, 200);

    redis.pause();
    t.after(() => redis.resume());
    // Without a bound, these would wait for Redis for ever (the fetch gives up after 10 s and the test fails).
    const during = [];
    for (let i = 0; i < 5; i++) during.push(await post(url));
    assert.deepEqual(statuses(during), [200, 200, 200, 200, 200]);
    await waitForOutput(cli, new RegExp(`lost ${redisLine(redis)}`), 'no warning that Redis stopped answering');
    const afterReport = await post(url);
    assert.equal(afterReport.status, 200);
    t.diagnostic(
      `ms per request: Redis answering ${before.ms.toFixed(1)}; paused ${during.map((a) => a.ms.toFixed(0)).join(', ')}; ` +
        `after the client gave up on it ${afterReport.ms.toFixed(1)}`,
    );

    redis.resume();
    await waitForOutput(cli, new RegExp(`${redisLine(redis)} answers again`), 'no word that Redis is back');
    assert.equal((await post(url)).status, 200);
    assertNothingSecret(cli);
  });

  it('starts with an unreachable ZOOM_JOIN_REDIS_URL, says so without the password, and limits per process', async (t) => {
    const port = await freePort();
    const { cli, url } = await startCli(t, {
      ZOOM_JOIN_RATE_LIMIT: '2',
      ZOOM_JOIN_REDIS_URL: `redis://signer:${REDIS_PASSWORD}@127.0.0.1:${port}/0`,
    });
    const warning = await waitForOutput(cli, /zoom-join-signature: cannot reach Redis at (\S+) \(([^)]*)\)\. (.+)/, 'no warning');
    assert.equal(warning[1], `redis://127.0.0.1:${port}/0`);
    assert.match(warning[2]!, /ECONNREFUSED/);
    assert.match(warning[3]!, /each process counts on its own \(2 requests per client per process/);
    assert.match(warning[3]!, /check ZOOM_JOIN_REDIS_URL and that Redis is running/);
    assert.deepEqual(statuses([await post(url), await post(url), await post(url)]), [200, 200, 429]);
    assertNothingSecret(cli);
  });

  for (const text of ['localhost:6379', `http://signer:${REDIS_PASSWORD}@cache.internal:6379`, 'redis://', 'redis//cache']) {
    it(`refuses ZOOM_JOIN_REDIS_URL=${text.replace(REDIS_PASSWORD, '…')} without repeating it`, async () => {
      await assert.rejects(
        startSignatureServer({
          ZOOM_MEETING_SDK_KEY: KEY,
          ZOOM_MEETING_SDK_SECRET: SECRET,
          PORT: '0',
          ZOOM_JOIN_REDIS_URL: text,
        }),
        (error: unknown) =>
          error instanceof SignatureServerConfigError &&
          /ZOOM_JOIN_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL such as redis:\/\/127\.0\.0\.1:6379/.test(error.message) &&
          !error.message.includes(REDIS_PASSWORD),
      );
    });
  }

  it('is listed by --help, with what it needs and what happens while Redis is away', async (t) => {
    const help = runCli(t, {}, CLI, ['--help']);
    assert.equal(await help.exited, 0);
    assert.match(help.output().stdout, /ZOOM_JOIN_REDIS_URL +redis:\/\/\[user:password@\]host:6379: one rate limit shared/);
    assert.match(help.output().stdout, /needs the ioredis package\); while Redis is away each process limits on its own/);
  });

  it('keeps the Redis password out of the server config it reports', async (t) => {
    const redis = await redisFor(t);
    const server = await startSignatureServer({
      ZOOM_MEETING_SDK_KEY: KEY,
      ZOOM_MEETING_SDK_SECRET: SECRET,
      PORT: '0',
      ZOOM_JOIN_REDIS_URL: redis.url,
    });
    t.after(() => server.close());
    const shown = JSON.stringify(server.config) + String(server.config.redisUrl);
    assert.match(shown, new RegExp(`redis://127\\.0\\.0\\.1:${redis.port}`));
    assert.ok(!shown.includes(REDIS_PASSWORD), shown);
    assert.equal((await post(server.url)).status, 200);
  });

  it('exits 1 naming the package to install when ioredis is not installed', async (t) => {
    // The CLI's own sources, next to a node_modules with every package it needs except ioredis.
    const dir = mkdtempSync(join(tmpdir(), 'zoom-join-no-ioredis-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(REPO, 'server'), join(dir, 'server'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    mkdirSync(join(dir, 'node_modules', '@hono'), { recursive: true });
    for (const name of ['hono', '@hono/node-server', 'jose', 'oauth4webapi', 'rate-limiter-flexible', 'valibot']) {
      symlinkSync(join(REPO, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    }
    const env = { PORT: String(await freePort()), ZOOM_JOIN_REDIS_URL: `redis://:${REDIS_PASSWORD}@127.0.0.1:1` };
    const cli = runCli(t, env, join(dir, 'server/cli.ts'));
    assert.equal(await cli.exited, 1);
    const { stdout, stderr } = cli.output();
    assert.doesNotMatch(stdout, /listening on/);
    assert.match(stderr, /ZOOM_JOIN_REDIS_URL is set, but the ioredis package is not installed/);
    assert.match(stderr, /npm install ioredis/);
    assert.match(stderr, /npx -p zoom-join -p ioredis zoom-join-signature/);
    assert.match(stderr, /or unset ZOOM_JOIN_REDIS_URL/);
    assertNothingSecret(cli);
  });
});

describe('createRedisRateLimiter (zoom-join/server)', () => {
  async function listen(t: TestContext, client: Redis, points: number): Promise<string> {
    const handler = createSignatureHandler({
      sdkKey: KEY,
      sdkSecret: SECRET,
      rateLimit: createRedisRateLimiter({ client, points, duration: 60 }),
      clientKey: () => 'one-client',
    });
    const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  function connect(t: TestContext, redis: RedisServer, options = REDIS_CLIENT_OPTIONS): Promise<Redis> {
    const client = new Redis(redis.url, options);
    client.on('error', () => {});
    t.after(() => client.disconnect());
    return new Promise((resolve) => client.once('ready', () => resolve(client)));
  }

  it('gives two handlers with their own clients one budget', async (t) => {
    const redis = await redisFor(t);
    const first = await listen(t, await connect(t, redis), 3);
    const second = await listen(t, await connect(t, redis), 3);
    const answers = [await post(first), await post(second), await post(first), await post(second)];
    assert.deepEqual(statuses(answers), [200, 200, 200, 429]);
  });

  it("answers from memory at once when Redis is down, even on a client with ioredis' default queueing", async (t) => {
    const redis = await redisFor(t);
    const client = await connect(t, redis, {} as typeof REDIS_CLIENT_OPTIONS);
    const url = await listen(t, client, 3);
    assert.equal((await post(url)).status, 200);
    await redis.stop();
    const deadline = Date.now() + 10_000;
    while (client.status === 'ready' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.notEqual(client.status, 'ready');
    // Memory counts from the outage on: 3 more, then refused, all without waiting for the reconnection.
    assert.deepEqual(statuses([await post(url), await post(url), await post(url), await post(url)]), [200, 200, 200, 429]);
  });
});

describe('ioredis stays optional', () => {
  async function imports(entry: string): Promise<Array<{ path: string; kind: string }>> {
    const result = await build({
      entryPoints: [join(REPO, entry)],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    });
    return Object.values(result.metafile.outputs).flatMap((output) => output.imports);
  }

  it('the Fetch handler entry (zoom-join/server) never imports ioredis, statically or dynamically', async () => {
    const found = (await imports('server/index.ts')).filter((entry) => entry.path === 'ioredis');
    assert.deepEqual(found, []);
  });

  it('the CLI imports ioredis only on demand', async () => {
    const found = (await imports('server/cli.ts')).filter((entry) => entry.path === 'ioredis');
    assert.deepEqual(found.map((entry) => entry.kind), ['dynamic-import']);
  });

  it('package.json lists ioredis as an optional peer dependency, not a dependency', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    assert.equal(pkg.dependencies?.ioredis, undefined);
    assert.ok(pkg.peerDependencies?.ioredis, 'peerDependencies.ioredis');
    assert.equal(pkg.peerDependenciesMeta?.ioredis?.optional, true);
  });
});
