// A real redis-server (Debian's package) for the shared rate-limit tests: its own loopback port, no persistence,
// stopped by the test. `npm test` installs the package first (scripts/system-packages.mjs).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';

export const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface RedisServer {
  port: number;
  /** redis://:<password>@127.0.0.1:<port> */
  url: string;
  /** Shuts Redis down and waits for the process to end. */
  stop(): Promise<void>;
  /** Starts Redis again on the same port, empty. */
  restart(): Promise<void>;
  /** SIGSTOP: the connection stays open, nothing answers. */
  pause(): void;
  resume(): void;
}

export async function startRedisServer(password: string): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new Error(`${REDIS_SERVER_PATH} is missing: run npm test once (it installs redis-server), or set REDIS_SERVER_PATH`);
  }
  const port = await freePort();
  let child = await launch(port, password);
  return {
    port,
    url: `redis://:${password}@127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    restart: async () => {
      child = await launch(port, password);
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

async function launch(port: number, password: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER_PATH,
    [
      ...['--port', String(port), '--bind', '127.0.0.1'],
      ...['--save', '', '--appendonly', 'no', '--dir', tmpdir()],
      ...['--requirepass', password],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
  const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    await ready;
  } finally {
    clearTimeout(deadline);
  }
  // Never outlive the test run, even if a test forgets to stop it.
  process.once('exit', () => child.kill('SIGKILL'));
  return child;
}
