// Servers for the benches: a free loopback port, and a Node process that says "listening on <url>" when ready.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts `node ...args` with `env` added; resolves with its URL and what it printed up to the listening line. The
 * shell's own ZOOM_* settings are left out (a ZOOM_JOIN_REDIS_URL there would quietly change what is measured).
 */
export async function spawnListening(args, env) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ZOOM_')));
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const { url, printed } = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1], printed: out });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited early (code ${code})`)));
  });
  return { child, url, printed };
}
