// `zoom-join doctor <signature>` on the role claim: a string role is an error (Zoom wants a number), and a role 1
// (host) signature comes with what joining as host needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { runCli } from './servers.js';

const KEY = 'roleClientId123';
const SECRET = 'RoleSdkSecret-5e6f7a8b9c';

async function token(role: unknown): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - 30;
  return new SignJWT({ appKey: KEY, sdkKey: KEY, mn: '85746065432', role, iat, exp: iat + 7200, tokenExp: iat + 7200 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(SECRET));
}

describe('zoom-join doctor <signature>: role', () => {
  it('a string role is a problem: exit 1, and no "claims are what Zoom expects"', async () => {
    const run = await runCli(['doctor', await token('0')], { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_MEETING_SDK_KEY: KEY });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✖ The signature's role is the string "0"; Zoom documents it as a number\./);
    assert.doesNotMatch(run.stdout, /The claims are what Zoom expects/);
  });

  it('role 1 says it is a host signature that needs the host\'s ZAK, or role 0 for an attendee', async () => {
    const run = await runCli(['doctor', await token(1)], { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_MEETING_SDK_KEY: KEY });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /role 1 \(host\)/);
    assert.match(run.stdout, /ZAK \(zak\)/);
    assert.match(run.stdout, /role 0/);
  });

  it('role 0 has no host note', async () => {
    const run = await runCli(['doctor', await token(0)], { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_MEETING_SDK_KEY: KEY });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stdout, /ZAK/);
  });
});
