// `zoom-join doctor --token`: what a person is told about an OBF token or ZAK, read offline. The tokens come from
// the Zoom OAuth double where the shape matters, and are hand-made for the kinds pasted by mistake.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Mark, type Finding, type Section } from '../../../doctor/report.js';
import { diagnoseZoomToken, spell } from '../../../doctor/zoom-token.js';
import { startZoomOAuthDouble } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { runCli } from './servers.js';

const NOW = Date.UTC(2026, 11, 7, 12);

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJlLXBhcnQtbmV2ZXItcHJpbnRlZA`;
}

function only(section: Section, check: string): Finding {
  const found = section.findings.filter((finding) => finding.check === check);
  assert.equal(found.length, 1, `one ${check} finding in ${JSON.stringify(section.findings)}`);
  return found[0] as Finding;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

describe('doctor --token: the check', () => {
  it('an OBF token from the Zoom OAuth double: its kind, time left and meeting', async () => {
    const running = await startZoomOAuthDouble({ clientId: 'cid', clientSecret: 'csecret', webhookSecretToken: 'wsecret', now: () => NOW });
    try {
      running.double.controls.autoApprove();
      const { token } = await obtain(running.origin, 'type=onbehalf&meeting_id=85746065432');
      const section = diagnoseZoomToken(token, {}, NOW);
      assert.equal(only(section, 'kind').message, 'It says it is an OBF (on behalf of) token.');
      assert.equal(only(section, 'exp').message, `It expires in 2 h (${new Date(NOW + 7200_000).toISOString()}).`);
      assert.equal(only(section, 'meeting-number').message, 'It is for meeting 85746065432.');
      assert.match(only(section, 'obf-owner').message, /works only while the Zoom user it belongs to is in the meeting/);
      assert.equal(section.details?.['meetingNumber'], '85746065432');
      assert.ok(!JSON.stringify(section).includes(token), 'the token is not in the report');
      const zak = diagnoseZoomToken((await obtain(running.origin, 'type=zak')).token, {}, NOW);
      assert.match(only(zak, 'kind').message, /It says it is a ZAK/);
      assert.equal(zak.findings.some((finding) => finding.check === 'meeting-number'), false);
    } finally {
      await running.close();
    }
  });

  it('expired: how long ago and what to do; about to expire: a warning', () => {
    const expired = only(diagnoseZoomToken(jwt({ token_type: 'onbehalf', exp: seconds(NOW) - 600 }), {}, NOW), 'exp');
    assert.equal(expired.mark, Mark.problem);
    assert.equal(expired.message, `It expired 10 min ago (${new Date(NOW - 600_000).toISOString()}).`);
    assert.match(expired.steps?.[0] ?? '', /type=onbehalf&meeting_id=<meeting number>/);
    const zakExpired = only(diagnoseZoomToken(jwt({ token_type: 'zak', exp: seconds(NOW) - 10 }), {}, NOW), 'exp');
    assert.match(zakExpired.steps?.[0] ?? '', /type=zak\)/);
    const soon = only(diagnoseZoomToken(jwt({ token_type: 'zak', exp: seconds(NOW) + 30 }), {}, NOW), 'exp');
    assert.equal(soon.mark, Mark.warning);
    assert.match(soon.message, /^It expires in 30 s .*: a join started now may not reach Zoom in time\.$/);
    const none = only(diagnoseZoomToken(jwt({ token_type: 'zak' }), {}, NOW), 'exp');
    assert.equal(none.mark, Mark.warning);
    assert.equal(none.message, 'It has no numeric exp claim, so when it ends cannot be told.');
  });

  it('an OBF token for another meeting than --meeting-number is a problem', () => {
    const section = diagnoseZoomToken(jwt({ token_type: 'onbehalf', mn: '85746065432', exp: seconds(NOW) + 3600 }), { meetingNumber: '857 4606 5433' }, NOW);
    const finding = only(section, 'meeting-number');
    assert.equal(finding.mark, Mark.problem);
    assert.equal(finding.message, 'It is for meeting 85746065432, not 85746065433.');
    assert.match(finding.steps?.[0] ?? '', /meeting_id=85746065433/);
    const noMeeting = only(diagnoseZoomToken(jwt({ token_type: 'onbehalf', exp: seconds(NOW) + 3600 }), {}, NOW), 'meeting-number');
    assert.equal(noMeeting.mark, Mark.info);
  });

  it('a Meeting SDK signature is told apart, and where to check it', () => {
    const finding = only(diagnoseZoomToken(jwt({ appKey: 'k', sdkKey: 'k', mn: '85746065432', role: 0, exp: seconds(NOW) + 60 }), {}, NOW), 'kind');
    assert.equal(finding.mark, Mark.problem);
    assert.equal(finding.message, 'This is a Meeting SDK signature (it has appKey/sdkKey and mn), not an OBF token or ZAK.');
    assert.match(finding.steps?.[0] ?? '', /zoom-join doctor <signature>/);
  });

  it("a Zoom OAuth access or refresh token (the double's, shaped as Zoom's example) is told apart", async () => {
    const running = await startZoomOAuthDouble({ clientId: 'cid', clientSecret: 'csecret', webhookSecretToken: 'wsecret', now: () => NOW });
    try {
      running.double.controls.autoApprove();
      const { access, refresh } = await signIn(running.origin);
      const accessKind = only(diagnoseZoomToken(access, {}, NOW), 'kind');
      assert.equal(accessKind.mark, Mark.problem);
      assert.equal(accessKind.message, 'This is the Zoom OAuth access token of a signed-in user, not an OBF token or ZAK.');
      assert.match(accessKind.steps?.[0] ?? '', /Authorization: Bearer/);
      assert.match(only(diagnoseZoomToken(refresh, {}, NOW), 'kind').message, /OAuth refresh token/);
    } finally {
      await running.close();
    }
  });

  it('a JWT naming no kind: says the kind cannot be told, still reads exp', () => {
    const section = diagnoseZoomToken(jwt({ uid: 'someone', exp: seconds(NOW) + 90 }), {}, NOW);
    assert.equal(only(section, 'kind').mark, Mark.info);
    assert.match(only(section, 'kind').message, /Its kind cannot be told/);
    assert.equal(only(section, 'exp').message, `It expires in 1 min (${new Date(NOW + 90_000).toISOString()}).`);
  });

  it('not JWT-shaped: a clear error with what to pass instead', () => {
    for (const input of ['abc', '{"token":"x.y.z"}', 'a.b.c', '']) {
      const section = diagnoseZoomToken(input, {}, NOW);
      assert.equal(section.findings.length, 1, input);
      const finding = only(section, 'not-jwt');
      assert.equal(finding.mark, Mark.problem);
      assert.match(finding.message, input === '' ? /^No token was given\.$/ : /^This is not a JWT-shaped token/);
      assert.match(finding.steps?.[0] ?? '', /value of "token"/);
    }
  });

  it('spells durations for people', () => {
    assert.deepEqual([spell(42), spell(-600), spell(7200), spell(7260), spell(3 * 86400)], ['42 s', '10 min', '2 h', '2 h 1 min', '3 days']);
  });
});

describe('zoom-join doctor --token (the CLI)', () => {
  it('exit 0 for a live OBF token, and the token is never printed', async () => {
    const token = jwt({ token_type: 'onbehalf', mn: '85746065432', exp: seconds(Date.now()) + 3600 });
    const run = await runCli(['doctor', '--token', token, '--meeting-number', '85746065432']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^OBF token \/ ZAK$/m);
    assert.match(run.stdout, /✔ It says it is an OBF \(on behalf of\) token\./);
    assert.match(run.stdout, /✔ It expires in (59 min|1 h)/);
    assert.match(run.stdout, /✔ It is for meeting 85746065432\./);
    assert.ok(!run.stdout.includes(token) && !run.stdout.includes('c2lnbmF0dXJlLXBhcnQtbmV2ZXItcHJpbnRlZA'));
  });

  it('exit 1 for an expired token read from stdin, and for something that is not a JWT', async () => {
    const expired = await runCli(['doctor', '--token', '-'], {}, `${jwt({ token_type: 'zak', exp: seconds(Date.now()) - 7200 })}\n`);
    assert.equal(expired.code, 1);
    assert.match(expired.stdout, /✖ It expired 2 h ago/);
    const garbage = await runCli(['doctor', '--token', 'not-a-token']);
    assert.equal(garbage.code, 1);
    assert.match(garbage.stdout, /✖ This is not a JWT-shaped token/);
    assert.ok(!garbage.stdout.includes('not-a-token'), 'not even a wrong token is echoed');
  });

  it('a signature and --token both from stdin is a usage error', async () => {
    const run = await runCli(['doctor', '-', '--token', '-']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Only one of the signature and --token can be read from stdin\./);
  });
});

async function obtain(origin: string, query: string): Promise<{ token: string }> {
  const { access } = await signIn(origin);
  const response = await fetch(`${origin}/v2/users/me/token?${query}`, { headers: { authorization: `Bearer ${access}` } });
  assert.equal(response.status, 200);
  return (await response.json()) as { token: string };
}

/** Through the double's auto-approving consent, without PKCE (the double allows that, as Zoom does for confidential clients). */
async function signIn(origin: string): Promise<{ access: string; refresh: string }> {
  const redirectUri = 'https://app.example.com/zoom/callback';
  const authorize = new URL('/oauth/authorize', origin);
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: 'cid', redirect_uri: redirectUri }).toString();
  const back = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '');
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('cid:csecret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', redirect_uri: redirectUri }),
  });
  const tokens = (await response.json()) as { access_token: string; refresh_token: string };
  return { access: tokens.access_token, refresh: tokens.refresh_token };
}
