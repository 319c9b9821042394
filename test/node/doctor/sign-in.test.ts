// `zoom-join doctor --sign-in`: every message a person sees about the sign-in settings, from the check itself and
// from the CLI as a real process (exit code, and no secret in what it prints).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseSignIn } from '../../../doctor/sign-in.js';
import { Mark, type Finding } from '../../../doctor/report.js';
import { runCli } from './servers.js';

const GOOD: Record<string, string> = {
  ZOOM_OAUTH_CLIENT_ID: 'oauthClientId42',
  ZOOM_OAUTH_CLIENT_SECRET: 'OAuthClientSecret-7a6b5c4d3e2f',
  ZOOM_OAUTH_REDIRECT_URI: 'https://auth.example.com/zoom/callback',
  ZOOM_WEBHOOK_SECRET_TOKEN: 'WebhookSecretToken-1q2w3e4r',
  ZOOM_JOIN_SESSION_SECRET: 'session-secret-of-forty-characters-xxxxx',
  ZOOM_JOIN_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function find(env: Record<string, string>, check: string): Finding[] {
  return diagnoseSignIn(env).findings.filter((finding) => finding.check === check);
}

function only(env: Record<string, string>, check: string): Finding {
  const found = find(env, check);
  assert.equal(found.length, 1, `one ${check} finding, got ${JSON.stringify(found)}`);
  return found[0] as Finding;
}

const problems = (env: Record<string, string>): string[] =>
  diagnoseSignIn(env)
    .findings.filter((finding) => finding.mark === Mark.problem)
    .map((finding) => finding.check);

describe('doctor --sign-in: the checks', () => {
  it('a complete, sound setting has no problem and names each variable as fine', () => {
    assert.deepEqual(problems(GOOD), []);
    assert.equal(only(GOOD, 'oauth-client-id').message, 'ZOOM_OAUTH_CLIENT_ID is set (oauthClientId42).');
    assert.equal(only(GOOD, 'oauth-client-secret').message, 'ZOOM_OAUTH_CLIENT_SECRET is set (not shown).');
    assert.equal(find(GOOD, 'redirect-uri')[0]?.message, 'ZOOM_OAUTH_REDIRECT_URI is https://auth.example.com/zoom/callback.');
    assert.match(only(GOOD, 'redirect-uri-registered').message, /OAuth Redirect URL and on the OAuth Allow List/);
    assert.equal(only(GOOD, 'webhook-secret').message, 'ZOOM_WEBHOOK_SECRET_TOKEN is set (not shown).');
    assert.equal(only(GOOD, 'session-secret').message, 'ZOOM_JOIN_SESSION_SECRET is set, 40 characters (not shown).');
    assert.equal(only(GOOD, 'token-key').message, 'ZOOM_JOIN_TOKEN_KEY decodes to 32 bytes (not shown).');
  });

  it('always names the scope the app needs, user:read:token', () => {
    const scope = only(GOOD, 'scope');
    assert.equal(scope.mark, Mark.info);
    assert.match(scope.message, /must have the scope user:read:token/);
    assert.match(scope.steps?.[0] ?? '', /Scopes → Add Scopes → user:read:token/);
  });

  it('nothing set: sign-in is not configured, and says why it matters since March 2026', () => {
    const section = diagnoseSignIn({});
    assert.equal(section.findings.length, 1);
    const finding = section.findings[0];
    assert.equal(finding?.check, 'sign-in-not-configured');
    assert.equal(finding?.mark, Mark.problem);
    assert.match(finding?.hint ?? '', /2 March 2026/);
    assert.match(finding?.steps?.join(' ') ?? '', /user:read:token/);
  });

  for (const [name, check, step] of [
    ['ZOOM_OAUTH_CLIENT_ID', 'oauth-client-id', /Client ID from Zoom App Marketplace/],
    ['ZOOM_OAUTH_CLIENT_SECRET', 'oauth-client-secret', /Client Secret from Zoom App Marketplace/],
    ['ZOOM_OAUTH_REDIRECT_URI', 'redirect-uri', /https:\/\/auth\.example\.com\/zoom\/callback/],
    ['ZOOM_WEBHOOK_SECRET_TOKEN', 'webhook-secret', /Event Subscriptions.*app_deauthorized.*\/zoom\/webhook/],
    ['ZOOM_JOIN_SESSION_SECRET', 'session-secret', /randomBytes\(32\)/],
    ['ZOOM_JOIN_TOKEN_KEY', 'token-key', /randomBytes\(32\)\.toString\('base64'\)/],
  ] as const) {
    it(`${name} missing: "${name} is not set." with what to do`, () => {
      const env = { ...GOOD, [name]: '' };
      const finding = only(env, check);
      assert.equal(finding.mark, Mark.problem);
      assert.equal(finding.message, `${name} is not set.`);
      assert.match(finding.steps?.join(' ') ?? '', step);
      assert.deepEqual(problems(env), [check]);
    });
  }

  it('a relative redirect URI is not an absolute URL', () => {
    const finding = only({ ...GOOD, ZOOM_OAUTH_REDIRECT_URI: '/zoom/callback' }, 'redirect-uri');
    assert.equal(finding.mark, Mark.problem);
    assert.equal(finding.message, 'ZOOM_OAUTH_REDIRECT_URI is not an absolute URL: "/zoom/callback".');
  });

  it('a redirect URI with a fragment is refused', () => {
    const env = { ...GOOD, ZOOM_OAUTH_REDIRECT_URI: 'https://auth.example.com/zoom/callback#done' };
    const finding = only(env, 'redirect-uri-fragment');
    assert.equal(finding.mark, Mark.problem);
    assert.match(finding.message, /has a fragment/);
    assert.match(finding.steps?.[0] ?? '', /Remove everything from "#"/);
    assert.deepEqual(problems(env), ['redirect-uri-fragment']);
  });

  it('http is refused on a public host and only a warning on loopback', () => {
    const remote = only({ ...GOOD, ZOOM_OAUTH_REDIRECT_URI: 'http://auth.example.com/zoom/callback' }, 'redirect-uri');
    assert.equal(remote.mark, Mark.problem);
    assert.equal(remote.message, 'ZOOM_OAUTH_REDIRECT_URI uses http, not https: http://auth.example.com.');
    assert.match(remote.steps?.[0] ?? '', /ZOOM_OAUTH_REDIRECT_URI=https:\/\/auth\.example\.com\/zoom\/callback/);
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
      const env = { ...GOOD, ZOOM_OAUTH_REDIRECT_URI: `http://${host}/zoom/callback` };
      const local = find(env, 'redirect-uri').find((finding) => finding.mark === Mark.warning);
      assert.match(local?.message ?? '', /uses http on this machine .*: fine for development only\./, host);
      assert.deepEqual(problems(env), [], host);
    }
  });

  it('a callback path other than /zoom/callback is a warning naming the right one', () => {
    const finding = only({ ...GOOD, ZOOM_OAUTH_REDIRECT_URI: 'https://auth.example.com/oauth/cb' }, 'redirect-uri-path');
    assert.equal(finding.mark, Mark.warning);
    assert.match(finding.message, /ends in \/oauth\/cb; the reference server answers the callback at \/zoom\/callback/);
    assert.match(finding.steps?.[0] ?? '', /https:\/\/auth\.example\.com\/zoom\/callback/);
  });

  it('the same Client ID as ZOOM_MEETING_SDK_KEY is fine (one General app); another one is a warning', () => {
    const same = only({ ...GOOD, ZOOM_MEETING_SDK_KEY: GOOD['ZOOM_OAUTH_CLIENT_ID'] ?? '' }, 'same-app');
    assert.equal(same.mark, Mark.ok);
    assert.match(same.message, /one app signs users in and signs the joins/);
    const other = only({ ...GOOD, ZOOM_MEETING_SDK_KEY: 'meetingSdkKey' }, 'same-app');
    assert.equal(other.mark, Mark.warning);
    assert.equal(other.message, 'ZOOM_OAUTH_CLIENT_ID and ZOOM_MEETING_SDK_KEY name two different Zoom apps.');
    assert.match(other.steps?.[0] ?? '', /enable Meeting SDK \(Features → Embed\)/);
    assert.deepEqual(find(GOOD, 'same-app'), [], 'nothing to compare without ZOOM_MEETING_SDK_KEY');
  });

  it('a session secret under 32 characters is refused, with its length', () => {
    const finding = only({ ...GOOD, ZOOM_JOIN_SESSION_SECRET: 'x'.repeat(31) }, 'session-secret');
    assert.equal(finding.mark, Mark.problem);
    assert.equal(finding.message, 'ZOOM_JOIN_SESSION_SECRET is 31 characters; it needs at least 32.');
  });

  it('a token key that is not base64, or not 32 bytes, is refused', () => {
    const notBase64 = only({ ...GOOD, ZOOM_JOIN_TOKEN_KEY: 'not base64 at all!' }, 'token-key');
    assert.equal(notBase64.mark, Mark.problem);
    assert.equal(notBase64.message, 'ZOOM_JOIN_TOKEN_KEY is not base64.');
    const short = only({ ...GOOD, ZOOM_JOIN_TOKEN_KEY: Buffer.alloc(16, 1).toString('base64') }, 'token-key');
    assert.equal(short.message, 'ZOOM_JOIN_TOKEN_KEY decodes to 16 bytes; AES-256-GCM needs exactly 32.');
    const hex = only({ ...GOOD, ZOOM_JOIN_TOKEN_KEY: 'ab'.repeat(32) }, 'token-key');
    assert.equal(hex.message, 'ZOOM_JOIN_TOKEN_KEY decodes to 48 bytes; AES-256-GCM needs exactly 32.', 'hex text is not the key');
  });

  it('ZOOM_JOIN_ATTACH other than obf or zak is refused; base URLs must be https', () => {
    const attach = only({ ...GOOD, ZOOM_JOIN_ATTACH: 'both' }, 'attach');
    assert.equal(attach.message, 'ZOOM_JOIN_ATTACH is "both"; the server accepts obf or zak and will not start.');
    assert.deepEqual(find({ ...GOOD, ZOOM_JOIN_ATTACH: 'zak' }, 'attach'), []);
    const base = only({ ...GOOD, ZOOM_API_BASE_URL: 'http://api.zoom.us' }, 'api-base-url');
    assert.equal(base.message, 'ZOOM_API_BASE_URL is not an https:// URL.');
    assert.deepEqual(find({ ...GOOD, ZOOM_OAUTH_BASE_URL: 'https://zoomgov.com' }, 'oauth-base-url'), []);
  });
});

describe('zoom-join doctor --sign-in (the CLI)', () => {
  it('a sound setting: exit 0, the scope reminder, and no secret printed', async () => {
    const run = await runCli(['doctor', '--sign-in'], GOOD);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Sign in with Zoom$/m);
    assert.match(run.stdout, /· The app must have the scope user:read:token/);
    assert.match(run.stdout, /✔ Nothing found that stops a join\./);
    for (const name of ['ZOOM_OAUTH_CLIENT_SECRET', 'ZOOM_WEBHOOK_SECRET_TOKEN', 'ZOOM_JOIN_SESSION_SECRET', 'ZOOM_JOIN_TOKEN_KEY']) {
      const secret = GOOD[name] ?? '';
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `${name} is never printed`);
    }
  });

  it('problems: exit 1, each said with what to do, and the count', async () => {
    const run = await runCli(['doctor', '--sign-in'], { ...GOOD, ZOOM_JOIN_TOKEN_KEY: 'abc', ZOOM_WEBHOOK_SECRET_TOKEN: '' });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✖ ZOOM_WEBHOOK_SECRET_TOKEN is not set\.\n.*\n\s+→ In your app: Features → Access → Event Subscriptions/);
    assert.match(run.stdout, /✖ ZOOM_JOIN_TOKEN_KEY decodes to 2 bytes; AES-256-GCM needs exactly 32\.\n\s+→ Generate one with/);
    assert.match(run.stdout, /✖ 2 problems that stop a join\./);
  });

  it('--json carries the findings for scripts, without secrets', async () => {
    const run = await runCli(['doctor', '--sign-in', '--json'], GOOD);
    assert.equal(run.code, 0, run.stderr);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; sections: { title: string; findings: Finding[] }[] };
    assert.equal(parsed.ok, true);
    assert.ok(parsed.sections[0]?.findings.some((finding) => finding.check === 'scope'));
    assert.ok(!run.stdout.includes(GOOD['ZOOM_OAUTH_CLIENT_SECRET'] ?? ''));
  });
});
