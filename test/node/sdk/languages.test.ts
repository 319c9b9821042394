import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SDK_LANGUAGES, sdkLanguageOf } from '../../../src/sdk/languages.js';

const sdkDist = join(dirname(createRequire(import.meta.url).resolve('@zoom/meetingsdk/package.json')), 'dist');

test('the languages the element offers are exactly those the installed SDK ships (lib/lang/*.json)', () => {
  const shipped = readdirSync(join(sdkDist, 'lib', 'lang'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
  assert.deepEqual([...SDK_LANGUAGES].sort(), shipped);
});

test('lang values: any case, underscores, and a primary subtag pick the SDK language; others none', () => {
  assert.equal(sdkLanguageOf('de-DE'), 'de-DE');
  assert.equal(sdkLanguageOf('DE_de'), 'de-DE');
  assert.equal(sdkLanguageOf('de'), 'de-DE');
  assert.equal(sdkLanguageOf('pt-BR'), 'pt-PT');
  assert.equal(sdkLanguageOf('zh'), 'zh-CN');
  assert.equal(sdkLanguageOf('zh-TW'), 'zh-TW');
  assert.equal(sdkLanguageOf('en'), 'en-US');
  assert.equal(sdkLanguageOf('xx-YY'), undefined);
  assert.equal(sdkLanguageOf('klingon'), undefined);
  assert.equal(sdkLanguageOf(' '), undefined);
});
