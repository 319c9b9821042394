import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveLibLocation } from '../../../src/assets/lib-url.js';
import { manifestUrl, parseManifest } from '../../../src/assets/manifest.js';
import { SDK_CDN_LIB_URL } from '../../../src/sdk/version.js';

describe('resolveLibLocation', () => {
  const base = 'https://app.example/pages/meeting.html';
  test('no asset-path: Zoom CDN, not self-hosted', () => {
    assert.deepEqual(resolveLibLocation('', base), { libUrl: SDK_CDN_LIB_URL, selfHosted: false });
    assert.deepEqual(resolveLibLocation(undefined, base), { libUrl: SDK_CDN_LIB_URL, selfHosted: false });
  });
  test('relative paths resolve against the page; trailing slashes go', () => {
    assert.deepEqual(resolveLibLocation('/zoom-sdk/lib/', base), { libUrl: 'https://app.example/zoom-sdk/lib', selfHosted: true });
    assert.deepEqual(resolveLibLocation('sdk/lib', base), { libUrl: 'https://app.example/pages/sdk/lib', selfHosted: true });
  });
  test('non-http(s) values: undefined (join reports them)', () => {
    assert.equal(resolveLibLocation('ftp://x/lib', base), undefined);
    assert.equal(resolveLibLocation('javascript:alert(1)', base), undefined);
  });
});

describe('manifest helpers', () => {
  test('manifestUrl', () => {
    assert.equal(manifestUrl('https://a/lib'), 'https://a/lib/av/manifest.json');
  });
  test('parseManifest keeps hash and size, drops the rest, refuses bad shapes', () => {
    const hash = 'a'.repeat(64);
    assert.deepEqual(parseManifest({ 'x.js': { hash, size: 3, path: 'x.js', type: 'application/javascript' } }), { 'x.js': { hash, size: 3 } });
    assert.equal(parseManifest({ 'x.js': { hash: 'short', size: 3 } }), undefined);
    assert.equal(parseManifest({ 'x.js': { hash, size: -1 } }), undefined);
    assert.equal(parseManifest('text'), undefined);
    assert.equal(parseManifest({}), undefined);
  });
});
