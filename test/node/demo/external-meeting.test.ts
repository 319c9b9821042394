/**
 * The demo's external meetings without a browser: the dev server's routes (the Zoom OAuth double, the library's
 * sign-in and its signature handler with attach 'obf') answer a whole popup sign-in, and the meeting double's check
 * accepts the OBF token the signature endpoint gave, for that meeting only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUTHORIZING_USER, createExternalMeeting, EXTERNAL_SIGNER, isExternalMeetingPath } from '../../../demo/server/external-meeting.js';

const ORIGIN = 'http://127.0.0.1:5173';
const MEETING = '12345678901';

/** Cookies by name, as a browser on one origin keeps them. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): Response {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(cookie)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    return response;
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function send(external: ReturnType<typeof createExternalMeeting>, jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('cookie', jar.header());
  const response = await external.handle(new Request(new URL(url, ORIGIN), { ...init, headers, redirect: 'manual' }));
  assert.ok(response, `a route for ${url}`);
  return jar.take(response);
}

function signatureRequest(): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ meetingNumber: MEETING, role: 0 }) };
}

describe('demo external meetings (dev server routes)', () => {
  it('a popup sign-in on the consent page, then an OBF token the meeting double accepts for this meeting', async () => {
    const external = createExternalMeeting({ sdkKey: 'demo-sdk-key', allowedOrigins: () => [ORIGIN] });
    const jar = new Jar();

    const refused = await send(external, jar, EXTERNAL_SIGNER, signatureRequest());
    assert.equal(refused.status, 401);
    const { error } = (await refused.json()) as { error: { code: string; signInUrl: string } };
    assert.equal(error.code, 'sign-in-required');
    assert.equal(error.signInUrl, `${ORIGIN}/zoom/sign-in`);

    const start = await send(external, jar, '/zoom/sign-in?popup=1');
    assert.equal(start.status, 302);
    const consentUrl = new URL(start.headers.get('location') ?? '');
    assert.equal(consentUrl.origin + consentUrl.pathname, `${ORIGIN}/zoom-double-oauth/oauth/authorize`);
    const consent = await send(external, jar, consentUrl.href);
    const page = await consent.text();
    assert.match(page, /action="\/zoom-double-oauth\/oauth\/authorize\/decision"/, "the consent form posts under the double's prefix");
    const request = /name="request" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const allowed = await send(external, jar, '/zoom-double-oauth/oauth/authorize/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, decision: 'allow', user: AUTHORIZING_USER.id }).toString(),
    });
    assert.equal(allowed.status, 302);
    const callback = await send(external, jar, allowed.headers.get('location') ?? '');
    assert.equal(callback.status, 200);
    assert.match(await callback.text(), /zoom-join:signed-in/);

    const signed = await send(external, jar, EXTERNAL_SIGNER, signatureRequest());
    assert.equal(signed.status, 200);
    const body = (await signed.json()) as { signature: string; sdkKey: string; obfToken?: string };
    assert.equal(body.sdkKey, 'demo-sdk-key');
    assert.equal(typeof body.obfToken, 'string');
    const grant = external.authorization.verify('obf', body.obfToken ?? '');
    assert.deepEqual(grant, { userId: AUTHORIZING_USER.id, expired: false, meetingNumber: MEETING });
    assert.equal(external.authorization.verify('zak', body.obfToken ?? ''), null, 'an OBF token is no ZAK');
    assert.equal(external.authorization.verify('obf', body.signature), null, 'a signature is no OBF token');
    assert.ok(
      external.oauthDouble.record.some((entry) => entry.path === '/v2/users/me/token' && entry.tokenType === 'onbehalf' && entry.meetingId === MEETING),
      'the OBF token came from the double for this meeting',
    );

    const out = await send(external, jar, '/zoom/sign-out', { method: 'POST', headers: { origin: ORIGIN } });
    assert.equal(out.status, 200);
    assert.equal((await send(external, jar, EXTERNAL_SIGNER, signatureRequest())).status, 401, 'signed out: sign in again');
  });

  it('answers only its own paths, and only on the origins the dev server answers on', async () => {
    const external = createExternalMeeting({ sdkKey: 'demo-sdk-key', allowedOrigins: () => [ORIGIN] });
    assert.equal(await external.handle(new Request(`${ORIGIN}/api/sim/signature`)), null);
    const elsewhere = await external.handle(new Request('http://evil.example/zoom/sign-in'));
    assert.equal(elsewhere?.status, 403);
    assert.ok(isExternalMeetingPath('/zoom/callback?code=1'));
    assert.ok(isExternalMeetingPath('/zoom-double-oauth/oauth/token'));
    assert.ok(!isExternalMeetingPath('/zoom-sdk/lib/av/js_media.min.js'));
    assert.ok(!isExternalMeetingPath('/zoom-double-sw.ts'));
  });
});
