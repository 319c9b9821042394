// Zoom's webhook at POST /zoom/webhook, signed by the double: url_validation, app_deauthorized, and forgeries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_USER } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { hmacSha256Hex } from '../../../server/sign-in/webhook.js';
import { Browser, WEBHOOK_SECRET, errorOf, startApp, type App } from './harness.js';

describe('POST /zoom/webhook', () => {
  let app: App;
  let url: string;
  before(async () => {
    app = await startApp();
    url = `${app.origin}/zoom/webhook`;
  });
  after(() => app.close());

  it("answers endpoint.url_validation with {plainToken, encryptedToken} (hex HMAC-SHA256 under the secret token)", async () => {
    const response = await fetch(app.zoom.double.controls.urlValidationEvent('plain-token-abc').request(url));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      plainToken: 'plain-token-abc',
      encryptedToken: await hmacSha256Hex(WEBHOOK_SECRET, 'plain-token-abc'),
    });
  });

  it("app_deauthorized deletes that user's tokens: their next signature asks them to sign in again", async () => {
    const browser = new Browser();
    await browser.signIn(app);
    assert.equal((await browser.signature(app)).status, 200);
    const response = await fetch(app.zoom.double.controls.deauthorizationEvent(DEFAULT_USER.id).request(url));
    assert.equal(response.status, 204);
    const after = await browser.signature(app);
    assert.equal(after.status, 401);
    assert.equal((await errorOf(after)).code, 'sign-in-required');
  });

  describe('forged webhooks: what the sender sees', () => {
    const deauthorize = JSON.stringify({ event: 'app_deauthorized', payload: { user_id: DEFAULT_USER.id } });

    async function signedInBrowser(): Promise<Browser> {
      const browser = new Browser();
      await browser.signIn(app);
      return browser;
    }

    it('a bad signature: 401 webhook-refused, nothing deleted', async () => {
      const browser = await signedInBrowser();
      const signed = app.zoom.double.controls.signWebhook(deauthorize);
      const headers = { ...signed.headers, 'x-zm-signature': `v0=${'0'.repeat(64)}` };
      const response = await fetch(url, { method: 'POST', headers, body: signed.body });
      assert.equal(response.status, 401);
      const error = await errorOf(response);
      assert.equal(error.code, 'webhook-refused');
      assert.match(error.message, /does not match this body/);
      assert.equal((await browser.signature(app)).status, 200);
    });

    it('a body changed after signing: 401 webhook-refused', async () => {
      const signed = app.zoom.double.controls.signWebhook(JSON.stringify({ event: 'meeting.started', payload: {} }));
      const response = await fetch(url, { method: 'POST', headers: signed.headers, body: deauthorize });
      assert.equal(response.status, 401);
      assert.equal((await errorOf(response)).code, 'webhook-refused');
    });

    it('a signature made with another secret token: 401 webhook-refused', async () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${await hmacSha256Hex('guessed-secret', `v0:${timestamp}:${deauthorize}`)}`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'x-zm-signature': signature, 'x-zm-request-timestamp': timestamp, 'content-type': 'application/json' },
        body: deauthorize,
      });
      assert.equal(response.status, 401);
    });

    it('a genuine event replayed 6 minutes later (old timestamp): 401, nothing deleted', async () => {
      const browser = await signedInBrowser();
      const signed = app.zoom.double.controls.signWebhook(deauthorize, Math.floor(Date.now() / 1000) - 360);
      const response = await fetch(signed.request(url));
      assert.equal(response.status, 401);
      assert.match((await errorOf(response)).message, /more than 5 minutes/);
      assert.equal((await browser.signature(app)).status, 200);
    });

    for (const missing of ['x-zm-signature', 'x-zm-request-timestamp']) {
      it(`no ${missing} header: 401 webhook-refused`, async () => {
        const signed = app.zoom.double.controls.signWebhook(deauthorize);
        const headers: Record<string, string> = { ...signed.headers };
        delete headers[missing];
        const response = await fetch(url, { method: 'POST', headers, body: signed.body });
        assert.equal(response.status, 401);
        assert.match((await errorOf(response)).message, /headers are required/);
      });
    }

    it('an unsigned url_validation (to learn the HMAC of a chosen text): 401, no encryptedToken', async () => {
      const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'chosen' } });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(response.status, 401);
      assert.ok(!(await response.text()).includes('encryptedToken'));
    });
  });
});
