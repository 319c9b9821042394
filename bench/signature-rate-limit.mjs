// What sharing the rate limit through Redis costs: the CLI with the in-memory limiter (baseline) against the same CLI
// with ZOOM_JOIN_REDIS_URL pointing at a local redis-server (Debian's, started here on a free loopback port, no
// persistence). Both limits are set too high to refuse anything, so every request is signed and counted. Each runs
// 5 s with 1 connection (latency of one request) and 5 s with 50 (throughput).
// Last line: `RESULT redis_mean_ms_1conn=... memory_mean_ms_1conn=... redis_latency_ratio_1conn=...
// redis_rps_ratio_50conn=...` (ratios: Redis ÷ memory).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import autocannon from 'autocannon';
import { ROOT, freePort, spawnListening } from './lib/servers.mjs';

const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const PHASE_S = 5;
const WARMUP_S = 2;
const BODY = JSON.stringify({ meetingNumber: '123 4567 8901', role: 0 });

async function startRedis() {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()];
  const child = spawn(REDIS_SERVER_PATH, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited early (code ${code})`)));
  });
  return { child, url: `redis://127.0.0.1:${port}` };
}

async function startServer(extraEnv) {
  const built = `${ROOT}dist/server/cli.js`;
  const args = existsSync(built) ? [built] : ['--import', 'tsx', `${ROOT}server/cli.ts`];
  const { child, url, printed } = await spawnListening(args, {
    ZOOM_MEETING_SDK_KEY: 'benchClientId',
    ZOOM_MEETING_SDK_SECRET: 'bench-meeting-sdk-secret-not-real',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    // Counted, never refused: the run measures the counting, not 429s.
    ZOOM_JOIN_RATE_LIMIT: String(Number.MAX_SAFE_INTEGER),
    ...extraEnv,
  });
  // The Redis line comes before the listening line, or the run would measure the in-memory fallback.
  if (extraEnv.ZOOM_JOIN_REDIS_URL && !/rate limit shared through Redis/.test(printed)) {
    child.kill();
    throw new Error(`the server is not using Redis: ${printed}`);
  }
  return { child, url };
}

function load(url, connections, duration) {
  return autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
}

function describe(label, result) {
  console.log(
    `${label.padEnd(20)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   ` +
      `p99 ${result.latency.p99} ms   2xx ${result['2xx']}   non-2xx ${result.non2xx}   errors ${result.errors}`,
  );
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: not every request was signed`);
  return result;
}

async function measure(label, server) {
  await load(server.url, 10, WARMUP_S);
  const one = describe(`${label}, 1 conn`, await load(server.url, 1, PHASE_S));
  const many = describe(`${label}, 50 conn`, await load(server.url, 50, PHASE_S));
  return { one, many };
}

const redis = await startRedis();
const children = [redis.child];
const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
process.once('exit', stopAll);
try {
  const memoryServer = await startServer({});
  children.push(memoryServer.child);
  const memory = await measure('memory', memoryServer);
  memoryServer.child.kill('SIGTERM');

  const redisServer = await startServer({ ZOOM_JOIN_REDIS_URL: redis.url });
  children.push(redisServer.child);
  const shared = await measure('redis', redisServer);

  const ratio = (a, b) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
  // p50 of 1-connection runs is often 0 or 1 ms at autocannon's 1 ms resolution; the mean keeps the difference.
  const mean = (result) => result.latency.average.toFixed(2);
  console.log(
    `RESULT redis_mean_ms_1conn=${mean(shared.one)} memory_mean_ms_1conn=${mean(memory.one)} ` +
      `redis_latency_ratio_1conn=${ratio(shared.one.latency.average, memory.one.latency.average)} ` +
      `redis_rps_ratio_50conn=${ratio(shared.many.requests.average, memory.many.requests.average)}`,
  );
} finally {
  stopAll();
}
