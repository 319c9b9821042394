// npm test's first step (scripts/system-packages.mjs): silent when Chromium and redis-server are there; without root,
// it stops at once with the command that installs what is missing. (The root path runs apt-get: not in a test.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

// The unprivileged run uses a copy in a folder anyone can read: the checkout itself may be private to root (a clone
// in /root), and the script must not depend on where it lies.
const WORLD_READABLE = mkdtempSync(join(tmpdir(), 'zoom-join-system-packages-'));
chmodSync(WORLD_READABLE, 0o755);
const SCRIPT_COPY = join(WORLD_READABLE, 'system-packages.mjs');
copyFileSync(`${REPO}scripts/system-packages.mjs`, SCRIPT_COPY);
chmodSync(SCRIPT_COPY, 0o644);
after(() => rmSync(WORLD_READABLE, { recursive: true, force: true }));

function run(env: Record<string, string>, asNobody: boolean): { status: number | null; stdout: string; stderr: string } {
  // setpriv (util-linux) drops root for the run, as a developer's shell would be.
  const dropRoot = asNobody && process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [command, ...args] = [...dropRoot, process.execPath, SCRIPT_COPY];
  const inherited = { ...process.env };
  delete inherited.CHROMIUM_PATH;
  delete inherited.REDIS_SERVER_PATH;
  const result = spawnSync(command!, args, { cwd: WORLD_READABLE, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/system-packages.mjs', () => {
  it('says nothing and succeeds when Chromium and redis-server are installed', () => {
    const result = run({}, false);
    assert.deepEqual(result, { status: 0, stdout: '', stderr: '' });
  });

  it('without root, stops at once with the apt-get command for what is missing', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium', REDIS_SERVER_PATH: '/nonexistent/redis-server' }, true);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(
      result.stderr.includes(
        "sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium redis-server'",
      ),
      result.stderr,
    );
    assert.match(result.stderr, /Chromium: nothing at \/nonexistent\/chromium \(set by CHROMIUM_PATH\)/);
    assert.match(result.stderr, /redis-server: nothing at \/nonexistent\/redis-server \(set by REDIS_SERVER_PATH\)/);
    assert.match(result.stderr, /then run npm test again/);
  });

  it('asks only for the package that is missing', () => {
    const result = run({ REDIS_SERVER_PATH: '/nonexistent/redis-server' }, true);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /apt-get install -y redis-server'/);
    assert.doesNotMatch(result.stderr, /Chromium/);
  });

  it('runs first in npm test', () => {
    const { scripts } = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as { scripts: Record<string, string> };
    assert.match(scripts.test ?? '', /^node scripts\/system-packages\.mjs && /);
  });
});
