// `zoom-join doctor <signature>`, run as a real process: the forum thread's token (role as the string "0", signed
// with an OAuth app's secret) without a secret, with the secret it was signed with, and with another one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { REPO, runCli } from './servers.js';

const OAUTH_KEY = 'oAuthClientId123';
const OAUTH_SECRET = 'OAuthAppSecret-9f8e7d6c5b4a';
const OTHER_SECRET = 'MeetingSdkSecret-0a1b2c3d4e';

async function token(claims: Record<string, unknown>, secret = OAUTH_SECRET): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - 30;
  return new SignJWT({ appKey: OAUTH_KEY, sdkKey: OAUTH_KEY, mn: '85746065432', role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200, ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

const forumToken = () => token({ role: '0' });

describe('zoom-join doctor <signature>', () => {
  it('reports role as a string as a problem, says no secret was checked, and exits 1', async () => {
    const run = await runCli(['doctor', await forumToken()]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /✖ The signature's role is the string "0"; Zoom documents it as a number\./);
    assert.match(run.stdout, /→ Sign role as the number 0/);
    assert.match(run.stdout, /Not checked against a secret: ZOOM_MEETING_SDK_SECRET is not set/);
    assert.doesNotMatch(run.stdout, /If Zoom still answers 3712/, 'that conclusion needs a verified token');
    assert.match(run.stdout, /✖ 1 problem that stops a join\./);
  });

  it('with the secret and key it was signed with: says so, and what that leaves when Zoom answers 3712', async () => {
    const run = await runCli(['doctor', await token({})], { ZOOM_MEETING_SDK_SECRET: OAUTH_SECRET, ZOOM_MEETING_SDK_KEY: OAUTH_KEY });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /✔ The token was signed with ZOOM_MEETING_SDK_SECRET\./);
    assert.match(run.stdout, /✔ Its appKey\/sdkKey is ZOOM_MEETING_SDK_KEY\./);
    assert.match(run.stdout, /If Zoom still answers 3712 .* not a Meeting SDK app's Client ID and Client Secret \(most often an OAuth/);
    assert.ok(!run.stdout.includes(OAUTH_SECRET) && !run.stderr.includes(OAUTH_SECRET), 'the secret is never printed');
  });

  it('with another secret and key: says plainly it was not signed with them, and exits 1', async () => {
    const run = await runCli(['doctor', await forumToken()], { ZOOM_MEETING_SDK_SECRET: OTHER_SECRET, ZOOM_MEETING_SDK_KEY: 'meetingSdkKey' });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✖ The token was NOT signed with ZOOM_MEETING_SDK_SECRET/);
    assert.match(run.stdout, /✖ Its appKey\/sdkKey \("oAuthClientId123", "oAuthClientId123"\) is not ZOOM_MEETING_SDK_KEY \("meetingSdkKey"\)/);
    assert.doesNotMatch(run.stdout, /If Zoom still answers 3712/);
    assert.match(run.stdout, /✖ 3 problems that stop a join\./);
  });

  it('never prints the secret, in text or JSON, whether it matches or not, even when a claim carries it', async () => {
    // A token that carries the secret in a claim is the worst case: only the output filter stands in the way.
    const leaky = await token({ note: OTHER_SECRET });
    const quoted = 'sec"ret\\with-quotes';
    for (const [jwt, secret] of [
      [await forumToken(), OAUTH_SECRET],
      [await forumToken(), OTHER_SECRET],
      [leaky, OTHER_SECRET],
      [await token({ note: quoted }, quoted), quoted],
    ] as const) {
      for (const json of [false, true]) {
        const run = await runCli(['doctor', jwt, ...(json ? ['--json'] : [])], { ZOOM_MEETING_SDK_SECRET: secret });
        assert.ok(!run.stdout.includes(secret), `stdout holds the secret (json ${json})`);
        assert.ok(!run.stdout.includes(JSON.stringify(secret).slice(1, -1)), `stdout holds the secret as JSON spells it (json ${json})`);
        assert.ok(!run.stderr.includes(secret), `stderr holds the secret (json ${json})`);
        assert.ok(run.stdout.length > 100, 'something was printed');
      }
    }
  });

  it('--json gives the findings, the decoded claims and the verdict, and the same exit code', async () => {
    const run = await runCli(['doctor', await forumToken(), '--json'], { ZOOM_MEETING_SDK_SECRET: OTHER_SECRET });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      sections: { title: string; findings: { check: string; mark: string }[]; details: { claims: { role: unknown }; signedWithSecret: string } }[];
    };
    assert.equal(report.ok, false);
    const [section] = report.sections;
    assert.ok(section);
    assert.deepEqual(
      section.findings.map((finding) => `${finding.check}:${finding.mark}`),
      ['role-type:problem', 'secret:problem'],
    );
    assert.equal(section.details.claims.role, '0');
    assert.equal(section.details.signedWithSecret, 'no');
  });

  it('reads the token from stdin with "-", and compares --meeting-number and --role', async () => {
    const run = await runCli(['doctor', '-', '--meeting-number', '111 222 333', '--role', '1'], {}, `${await forumToken()}\n`);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✖ The signature is for meeting "85746065432", but this page joins meeting "111222333"\./);
    assert.match(run.stdout, /✖ The signature grants role 0, but this page joins with role 1\./);
  });

  it('reports a value that is no JWT and an expired token as problems, and then draws no 3712 conclusion', async () => {
    const garbage = await runCli(['doctor', 'Bearer abc']);
    assert.equal(garbage.code, 1);
    assert.match(garbage.stdout, /✖ The signature starts with "Bearer "/);
    const old = await token({ iat: 1_000_000, exp: 1_007_200, tokenExp: 1_007_200 });
    const expired = await runCli(['doctor', old], { ZOOM_MEETING_SDK_SECRET: OAUTH_SECRET });
    assert.equal(expired.code, 1);
    assert.match(expired.stdout, /✖ The signature expired/);
    assert.match(expired.stdout, /✔ The token was signed with ZOOM_MEETING_SDK_SECRET/);
    assert.doesNotMatch(expired.stdout, /If Zoom still answers 3712/, 'the claims explain the refusal already');
  });

  it('usage errors exit 2 with a line on stderr; --help exits 0', async () => {
    for (const args of [[], ['doctor'], ['check', 'x'], ['doctor', '--role', '2', 'x'], ['doctor', '--endpoint', 'http://127.0.0.1:1/'], ['doctor', '--nope'], ['doctor', 'x', '--page', 'http://127.0.0.1:1/'], ['doctor', '--asset-path', 'lib/']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, /^zoom-join: .+\nRun zoom-join --help for usage\.\n$/);
      assert.equal(run.stdout, '');
    }
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /zoom-join doctor <signature \| ->/);
    assert.match(help.stdout, /Exit codes: 0 nothing stops a join .*, 1 a problem stops a join, 2 usage error\./);
  });

  it('the built bin (npm run build) prints what the source prints, and exits the same', async () => {
    const jwt = await forumToken();
    const env = { ...process.env, ZOOM_MEETING_SDK_SECRET: OTHER_SECRET };
    const built = spawnSync(join(REPO, 'dist/doctor/cli.js'), ['doctor', jwt], { encoding: 'utf8', env });
    assert.equal(built.status, 1, built.stderr);
    const source = await runCli(['doctor', jwt], { ZOOM_MEETING_SDK_SECRET: OTHER_SECRET });
    assert.equal(built.stdout, source.stdout);
    assert.match(built.stdout, /✖ The token was NOT signed with ZOOM_MEETING_SDK_SECRET/);
  });
});
