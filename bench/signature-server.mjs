// Load test of the reference signature server (zoom-join-signature) beside two servers measured in the same run:
//   sample — the stack of Zoom's auth-endpoint sample (Express + cors + jsrsasign, bench/servers/sample-stack.mjs)
//   floor  — bare node:http + node:crypto HMAC (bench/servers/floor.mjs): what signing costs with nothing else
// zoom-join runs as users run it: the CLI (dist/server/cli.js when built, else server/cli.ts through tsx) with its
// rate limiter on (memory store) and a limit too high to trigger. Each round loads every server in turn
// (interleaved, so machine noise hits all three alike); figures are medians over rounds. Every server's answer is
// verified as an HS256 JWT with the same claims before loading. Goals: ≥ 4× sample req/s, ≥ 0.4× floor req/s,
// p99 ≤ ¼ of sample's, no errors. Last line: `RESULT ...`. BENCH_ROUNDS / BENCH_SECONDS / BENCH_CONNECTIONS override.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { jwtVerify } from 'jose';
import { ROOT, freePort, spawnListening } from './lib/servers.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_S = 2;
const KEY = 'benchClientId';
const SECRET = 'bench-meeting-sdk-secret-not-real';
const BODY = JSON.stringify({ meetingNumber: '123 4567 8901', role: 0 });

const builtCli = `${ROOT}dist/server/cli.js`;
// A build older than the server's sources would measure yesterday's server.
if (existsSync(builtCli)) {
  const newestSource = Math.max(...readdirSync(`${ROOT}server`).map((name) => statSync(`${ROOT}server/${name}`).mtimeMs));
  if (statSync(builtCli).mtimeMs < newestSource) {
    console.error('bench/signature-server: dist/server/cli.js is older than server/; run npm run build first');
    process.exit(1);
  }
}
const SERVERS = [
  {
    name: 'zoom-join',
    args: existsSync(builtCli) ? [builtCli] : ['--import', 'tsx', `${ROOT}server/cli.ts`],
    source: existsSync(builtCli) ? 'dist/server/cli.js' : 'server/cli.ts via tsx',
    // On, as deployed, but too high to refuse anything during the run.
    env: { ZOOM_JOIN_RATE_LIMIT: '1000000000' },
  },
  { name: 'sample', args: [`${ROOT}bench/servers/sample-stack.mjs`], source: 'Express + cors + jsrsasign', env: {} },
  { name: 'floor', args: [`${ROOT}bench/servers/floor.mjs`], source: 'node:http + node:crypto', env: {} },
];

async function start(server) {
  const { child, url } = await spawnListening(server.args, {
    ...server.env,
    ZOOM_MEETING_SDK_KEY: KEY,
    ZOOM_MEETING_SDK_SECRET: SECRET,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  });
  return { ...server, child, url };
}

/** The answer must be a verifiable signature with the claims Zoom reads, or the comparison means nothing. */
async function verify(server) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
  const body = await response.json();
  const { payload } = await jwtVerify(body.signature, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
  const ok = payload.mn === '12345678901' && payload.role === 0 && payload.appKey === KEY && payload.exp - payload.iat === 7200;
  if (!ok || body.sdkKey !== KEY) throw new Error(`${server.name} answered unexpected claims: ${JSON.stringify(payload)}`);
}

function load(url, seconds) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const running = [];
const stopAll = async () => {
  await Promise.all(
    running.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
};
process.once('SIGINT', () => {
  for (const { child } of running) child.kill('SIGKILL');
  process.exit(130);
});

try {
  for (const server of SERVERS) running.push(await start(server));
  console.log(`node ${process.version}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} interleaved rounds`);
  for (const server of running) {
    await verify(server);
    console.log(`${server.name.padEnd(10)} ${server.source} at ${server.url}`);
    await load(server.url, WARMUP_S);
  }
  const runs = new Map(running.map((server) => [server.name, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const server of running) {
      const result = await load(server.url, SECONDS);
      const run = { rps: result.requests.average, p99: result.latency.p99, bad: result.non2xx + result.errors + result.timeouts };
      runs.get(server.name).push(run);
      console.log(
        `round ${round}  ${server.name.padEnd(10)} ${run.rps.toFixed(0).padStart(7)} req/s   p50 ${result.latency.p50} ms   ` +
          `p99 ${run.p99} ms   non-2xx ${result.non2xx}   errors ${result.errors}   timeouts ${result.timeouts}`,
      );
    }
  }
  const figures = Object.fromEntries(
    [...runs].map(([name, list]) => [
      name,
      { rps: median(list.map((run) => run.rps)), p99: median(list.map((run) => run.p99)), bad: list.reduce((sum, run) => sum + run.bad, 0) },
    ]),
  );
  const ours = figures['zoom-join'];
  const vsSample = ours.rps / figures.sample.rps;
  const vsFloor = ours.rps / figures.floor.rps;
  const p99VsSample = ours.p99 / figures.sample.p99;
  const met = vsSample >= 4 && vsFloor >= 0.4 && p99VsSample <= 0.25 && ours.bad === 0;
  console.log(
    `RESULT zoom_join_rps=${ours.rps.toFixed(0)} zoom_join_p99_ms=${ours.p99} sample_rps=${figures.sample.rps.toFixed(0)} ` +
      `sample_p99_ms=${figures.sample.p99} floor_rps=${figures.floor.rps.toFixed(0)} floor_p99_ms=${figures.floor.p99} ` +
      `vs_sample=${vsSample.toFixed(2)}x vs_floor=${vsFloor.toFixed(2)}x p99_vs_sample=${p99VsSample.toFixed(2)} ` +
      `errors=${ours.bad} goals=${met ? 'met' : 'missed'}`,
  );
} finally {
  await stopAll();
}
