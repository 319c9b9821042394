import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findUnlocalised } from './find-unlocalised.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Generated translations (lit-localize build) are the texts themselves, not sources of them.
const generated = join(root, 'src/locales');

function sourcesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === generated ? [] : sourcesIn(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('no human text in src/ escapes msg()', () => {
  const files = sourcesIn(join(root, 'src'));
  assert.ok(files.length > 50, 'src/ was read');
  const findings = files.flatMap((file) => findUnlocalised(relative(root, file), readFileSync(file, 'utf8')));
  assert.deepEqual(findings.map((found) => `${found.file}:${found.line} ${found.text}`), []);
});

test('the check names the file and line of an unwrapped text, and leaves wrapped text, codes and console lines alone', () => {
  const file = 'test/node/l10n/fixtures/unwrapped.ts.txt';
  const findings = findUnlocalised(file, readFileSync(join(root, file), 'utf8'));
  assert.deepEqual(findings, [{ file, line: 4, text: 'Could not reach the meeting' }]);
});

test('the check finds text in a lit html template and its aria-label, not in markup', () => {
  const source = [
    "const a = html`<button part=\"x\" type=\"button\">Join meeting</button>`;",
    'const b = html`<progress max="1" aria-label="Loading Zoom"></progress>`;',
    "const c = html`<div part=\"status\" role=\"status\">${msg('Ready to join')}</div>`;",
  ].join('\n');
  assert.deepEqual(findUnlocalised('inline.ts', source).map((found) => found.line), [1, 2]);
});
