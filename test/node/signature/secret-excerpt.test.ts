// What an endpoint echoes back must not show its secrets in an error: the values of secret-like keys are redacted in
// every body excerpt, in linear time however the body is built.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerptBody } from '../../../src/signature/body-excerpt.js';
import { redactSecretValues } from '../../../src/safe-text.js';

const VALUE = 'Sup3rS3cretValue';

describe('secret values in body excerpts', () => {
  for (const [name, body] of [
    ['KEY=value (an env dump in a 500)', `Error: config ZOOM_MEETING_SDK_SECRET=${VALUE} ZOOM_MEETING_SDK_KEY=abc`],
    ['KEY: value', `client_secret: ${VALUE}\nother: 1`],
    ['JSON', `{"sdkKey":"abc","sdkSecret": "${VALUE}","ok":false}`],
    ['JSON with escapes', `{"password":"a\\"${VALUE}\\"b"}`],
    ['lower case env', `zoom_meeting_sdk_secret=${VALUE}`],
    ['password', `PASSWORD=${VALUE}`],
    ['token', `{"access_token":"${VALUE}"}`],
    ['api key', `{"API key": "${VALUE}"}`],
    ['apikey', `apikey=${VALUE}&x=1`],
    ['api_key', `api_key: '${VALUE}'`],
    ['x-api-key', `x-api-key: ${VALUE}`],
    ['authorization', `Authorization: Bearer ${VALUE}`],
    ['in a JSON string', `{"error":"missing setting ZOOM_MEETING_SDK_SECRET=${VALUE}"}`],
    ['query string', `GET /?token=${VALUE}&a=1`],
  ] as const) {
    it(`${name}: the value is redacted, the key kept`, () => {
      const excerpt = excerptBody(body);
      assert.ok(!excerpt.includes(VALUE), excerpt);
      assert.match(excerpt, /\[redacted\]/);
    });
  }

  it('keeps what is no secret', () => {
    assert.equal(excerptBody('{"error":{"code":"origin-not-allowed","message":"Not allowed"}}'), '{"error":{"code":"origin-not-allowed","message":"Not allowed"}}');
    assert.equal(redactSecretValues('sdkKey=abc meetingNumber: 123'), 'sdkKey=abc meetingNumber: 123');
    assert.equal(redactSecretValues('ZOOM_MEETING_SDK_SECRET=abc rest'), 'ZOOM_MEETING_SDK_SECRET=[redacted] rest');
    assert.equal(redactSecretValues('{"sdkSecret":"abc","x":1}'), '{"sdkSecret":"[redacted]","x":1}');
  });

  it('an HTML page: after the tags are stripped', () => {
    const excerpt = excerptBody(`<!doctype html><html><body><pre>SECRET=<b>${VALUE}</b></pre></body></html>`, { html: true });
    assert.ok(!excerpt.includes(VALUE), excerpt);
  });

  it('a value cut at the end of the body is redacted too', () => {
    assert.equal(redactSecretValues(`{"sdkSecret":"${VALUE.slice(0, 5)}`), '{"sdkSecret":"[redacted]');
  });

  it('runs in linear time on bodies built to make patterns backtrack', () => {
    const bodies = [
      'a'.repeat(200_000),
      'secret'.repeat(40_000),
      'secret '.repeat(40_000),
      'secret:'.repeat(40_000),
      `"${'a-'.repeat(100_000)}`,
      `password="${'\\'.repeat(200_000)}`,
      `${'x'.repeat(63)} `.repeat(3000) + '=',
      `token=${' '.repeat(200_000)}`,
      ' \t'.repeat(100_000) + ':',
    ];
    for (const body of bodies) {
      const started = performance.now();
      redactSecretValues(body);
      excerptBody(body);
      excerptBody(body, { html: true });
      const ms = performance.now() - started;
      assert.ok(ms < 250, `${ms.toFixed(0)} ms on ${JSON.stringify(body.slice(0, 20))}…`);
    }
  });
});
