// Load test of the reference signature server (zoom-join-signature) on loopback.
// Spawns the CLI (dist/server/cli.js when built, else server/cli.ts through tsx), warms it up, measures a baseline
// (POSTs refused with 415 before any JSON or JWT work, i.e. the HTTP + routing floor of the same process), then
// 10 s of valid signature requests with 50 connections. Last line: `RESULT rps=... p99_ms=...`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONNECTIONS = 50;
const DURATION_S = 10;
const BASELINE_S = 5;
const WARMUP_S = 2;
const BODY = JSON.stringify({ meetingNumber: '123 4567 8901', role: 0 });

async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function startServer(port) {
  const built = `${ROOT}dist/server/cli.js`;
  const args = existsSync(built) ? [built] : ['--import', 'tsx', `${ROOT}server/cli.ts`];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ZOOM_MEETING_SDK_KEY: 'benchClientId',
      ZOOM_MEETING_SDK_SECRET: 'bench-meeting-sdk-secret-not-real',
      HOST: '127.0.0.1',
      PORT: String(port),
      // The default 30 a minute per client would turn the run into a 429 benchmark.
      ZOOM_JOIN_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (code ${code})`)));
  });
  return { child, ready, source: existsSync(built) ? 'dist/server/cli.js' : 'server/cli.ts via tsx' };
}

function load(url, durationSeconds, contentType) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationSeconds,
    method: 'POST',
    headers: { 'content-type': contentType },
    body: BODY,
  });
}

function describe(label, result) {
  const rps = result.requests.average;
  const p99 = result.latency.p99;
  console.log(
    `${label.padEnd(22)} ${rps.toFixed(0).padStart(7)} req/s   p50 ${result.latency.p50} ms   p99 ${p99} ms   ` +
      `2xx ${result['2xx']}   non-2xx ${result.non2xx}   errors ${result.errors}   timeouts ${result.timeouts}`,
  );
  return { rps, p99 };
}

const server = startServer(await freePort());
const stop = () => server.child.exitCode === null && server.child.kill('SIGTERM');
process.once('SIGINT', () => {
  stop();
  process.exit(130);
});

try {
  const url = await server.ready;
  console.log(`signature server: ${server.source} at ${url}; ${CONNECTIONS} connections, node ${process.version}`);
  await load(url, WARMUP_S, 'application/json');
  const baseline = describe('baseline (415 reject)', await load(url, BASELINE_S, 'text/plain'));
  const signing = await load(url, DURATION_S, 'application/json');
  const measured = describe('valid POST (signing)', signing);
  if (signing.non2xx > 0 || signing.errors > 0) {
    console.error(`warning: ${signing.non2xx} non-2xx responses and ${signing.errors} errors during the signing run`);
  }
  console.log(`signing / baseline throughput: ${(measured.rps / baseline.rps).toFixed(2)}`);
  console.log(`RESULT rps=${measured.rps.toFixed(0)} p99_ms=${measured.p99}`);
} finally {
  if (server.child.exitCode === null) {
    const exited = once(server.child, 'exit');
    stop();
    await exited;
  }
}
