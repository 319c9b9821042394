// zoom-join-signature with the ZOOM_OAUTH_* settings: the sign-in routes mounted next to POST /, in memory or in
// Redis, against the Zoom double over real HTTP.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { DEFAULT_USER, startZoomOAuthDouble, type RunningZoomOAuthDouble } from '../../../demo/zoom-oauth-double/zoom-oauth-double.js';
import { SignatureServerConfigError, startSignatureServer, type RunningSignatureServer } from '../../../server/start-server.js';
import { freePort, startRedisServer } from '../server/redis-server.js';
import { Browser, CLIENT_ID, CLIENT_SECRET, SESSION_SECRET, WEBHOOK_SECRET, errorOf } from './harness.js';

const TOKEN_KEY = Buffer.alloc(32, 5).toString('base64');

async function start(zoom: RunningZoomOAuthDouble, extra: Record<string, string> = {}): Promise<RunningSignatureServer> {
  const port = await freePort();
  return startSignatureServer(
    {
      ZOOM_MEETING_SDK_KEY: 'cliSdkKey',
      ZOOM_MEETING_SDK_SECRET: 'cli-SDK-secret-value',
      PORT: String(port),
      ZOOM_OAUTH_CLIENT_ID: CLIENT_ID,
      ZOOM_OAUTH_CLIENT_SECRET: CLIENT_SECRET,
      ZOOM_OAUTH_REDIRECT_URI: `http://127.0.0.1:${port}/zoom/callback`,
      ZOOM_WEBHOOK_SECRET_TOKEN: WEBHOOK_SECRET,
      ZOOM_JOIN_SESSION_SECRET: SESSION_SECRET,
      ZOOM_JOIN_TOKEN_KEY: TOKEN_KEY,
      ZOOM_OAUTH_BASE_URL: zoom.origin,
      ZOOM_API_BASE_URL: zoom.origin,
      ...extra,
    },
    { onError: () => {} },
  );
}

describe('zoom-join-signature with sign-in settings', () => {
  let zoom: RunningZoomOAuthDouble;
  before(async () => {
    zoom = await startZoomOAuthDouble({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhookSecretToken: WEBHOOK_SECRET });
  });
  after(() => zoom.close());

  it('mounts /zoom/*: sign in, then POST / answers with the OBF token; no secret in the reported config', async () => {
    const server = await start(zoom);
    try {
      const site = { origin: server.url.replace(/\/$/, ''), zoom };
      assert.deepEqual(server.config.signIn, {
        redirectUri: `${site.origin}/zoom/callback`,
        attach: 'obf',
        signInUrl: `${site.origin}/zoom/sign-in`,
      });
      const config = JSON.stringify(server.config);
      for (const secret of [CLIENT_SECRET, WEBHOOK_SECRET, SESSION_SECRET, TOKEN_KEY]) assert.ok(!config.includes(secret));

      const browser = new Browser();
      const refused = await browser.signature(site);
      assert.equal(refused.status, 401);
      assert.equal((await errorOf(refused)).signInUrl, `${site.origin}/zoom/sign-in`);
      const done = await browser.signIn(site, '?return=/after');
      assert.equal(done.status, 303);
      assert.equal(done.headers.get('location'), '/after');
      const response = await browser.signature(site);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { obfToken: string };
      assert.equal(zoom.double.verifyIssuedToken(body.obfToken)?.kind, 'obf');

      const webhook = await fetch(zoom.double.controls.urlValidationEvent('abc').request(`${site.origin}/zoom/webhook`));
      assert.equal(webhook.status, 200);
      // Other paths still answer 404, and a foreign Host is refused on sign-in routes too (DNS rebinding).
      assert.equal((await fetch(`${site.origin}/other`)).status, 404);
      const rebound = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port: server.port, path: '/zoom/sign-in', headers: { host: `evil.example:${server.port}` } }, (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      assert.equal(rebound, 403);
    } finally {
      await server.close();
    }
  });

  it('ZOOM_JOIN_ATTACH=zak and ZOOM_JOIN_REDIS_URL: the ZAK, and tokens sealed in the shared Redis', async () => {
    const redis = await startRedisServer('cli-signin-REDIS');
    const server = await start(zoom, { ZOOM_JOIN_ATTACH: 'zak', ZOOM_JOIN_REDIS_URL: redis.url });
    const client = new Redis(redis.url);
    try {
      const site = { origin: server.url.replace(/\/$/, ''), zoom };
      const browser = new Browser();
      await browser.signIn(site);
      const response = await browser.signature(site);
      assert.equal(response.status, 200);
      assert.equal(zoom.double.verifyIssuedToken(((await response.json()) as { zak: string }).zak)?.kind, 'zak');
      const stored = await client.get(`zoom-join:sign-in:tokens:${DEFAULT_USER.id}`);
      assert.match(stored ?? '', /^v1\./);
    } finally {
      client.disconnect();
      await server.close();
      await redis.stop();
    }
  });

  it('refuses to start with part of the settings, naming what is missing', async () => {
    await assert.rejects(
      startSignatureServer({ ZOOM_MEETING_SDK_KEY: 'k', ZOOM_MEETING_SDK_SECRET: 's', ZOOM_OAUTH_CLIENT_ID: CLIENT_ID }),
      (error: unknown) =>
        error instanceof SignatureServerConfigError &&
        /missing: ZOOM_OAUTH_CLIENT_SECRET, ZOOM_OAUTH_REDIRECT_URI, ZOOM_WEBHOOK_SECRET_TOKEN, ZOOM_JOIN_SESSION_SECRET, ZOOM_JOIN_TOKEN_KEY/.test(
          error.message,
        ),
    );
    await assert.rejects(start(zoom, { ZOOM_JOIN_TOKEN_KEY: 'c2hvcnQ=' }), /ZOOM_JOIN_TOKEN_KEY is 5 bytes, not 32/);
    await assert.rejects(start(zoom, { ZOOM_JOIN_SESSION_SECRET: 'short' }), /at least 32 characters/);
  });
});
