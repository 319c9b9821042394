import { test } from 'node:test';
import assert from 'node:assert/strict';
import { returnTo } from '../../../src/meeting/zoom-sign-in.js';
import { safeReturnPath } from '../../../server/sign-in/return-path.js';

const page = (href: string) => {
  const url = new URL(href);
  return { origin: url.origin, pathname: url.pathname, search: url.search, hash: url.hash, href: url.href };
};

test("redirect sign-in: a page on the sign-in's site asks to come back to its own path, which the server accepts", () => {
  const back = returnTo('https://app.example/zoom/sign-in', page('https://app.example/meetings/42?tab=join#now'));
  assert.equal(back, '/meetings/42?tab=join#now');
  assert.equal(safeReturnPath(back), back, 'the reference server sends the tab back there');
});

test('a page on another site asks with its whole URL (the reference server refuses it and returns to its own root)', () => {
  const back = returnTo('https://auth.example/zoom/sign-in', page('https://app.example/meetings/42'));
  assert.equal(back, 'https://app.example/meetings/42');
  assert.equal(safeReturnPath(back), '/');
});
