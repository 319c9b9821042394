// The distribution checks themselves, on small fixtures: the size budget (first load = entry + static imports, SDK
// markers, the limit) and the README reference check (names missing from the tables are reported as rows to add).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'zoom-join-dist-scripts-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function runScript(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeFiles(folder: string, files: Record<string, string>): string {
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), contents);
  }
  return folder;
}

/** A drop-in build in miniature: an entry, a static chunk, and a lazy chunk of join code. */
function cdnFixture(name: string, overrides: Record<string, string> = {}): string {
  return writeFiles(join(scratch, name), {
    'zoom-join.js': 'import { helper } from "./chunks/shared.js";\nexport const load = () => import("./chunks/join-machinery-ABC123.js");\nhelper();\n',
    'chunks/shared.js': 'export function helper() { return "lit-ish code"; }\n',
    'chunks/join-machinery-ABC123.js': 'export default { realmGlobals: ["ReactWidgets", "JsMediaSDK_Instance"] };\n',
    ...overrides,
  });
}

describe('scripts/size-budget.mjs', () => {
  it('counts the entry and its static imports, not the lazy chunk, and passes under budget', () => {
    const { status, stdout, stderr } = runScript('size-budget.mjs', ['--dir', cdnFixture('ok')]);
    assert.equal(status, 0, stderr);
    const firstLoad = stdout.slice(0, stdout.indexOf('not in the first load'));
    assert.match(firstLoad, /zoom-join\.js/);
    assert.match(firstLoad, /chunks\/shared\.js/);
    assert.doesNotMatch(firstLoad, /join-machinery-ABC123/);
    assert.match(stdout.slice(stdout.indexOf('not in the first load')), /chunks\/join-machinery-ABC123\.js/);
    assert.match(stdout, /RESULT first_load_gz_kb=\d+\.\d first_load_raw_kb=\d+\.\d budget_gz_kb=16\.1 lazy_total_gz_kb=/);
    assert.match(stdout, /size-budget: ok/);
  });

  it('fails when the first load is over budget, and says by how much', () => {
    const { status, stderr } = runScript('size-budget.mjs', ['--dir', cdnFixture('over'), '--max-kb', '0.05']);
    assert.equal(status, 1);
    assert.match(stderr, /first load is [\d.]+ KB gz, over the 0\.1 KB budget by [\d.]+ KB/);
  });

  it('fails when SDK code is in the first load or in a lazy chunk: the SDK runs in its frame, never from this build', () => {
    for (const file of ['chunks/shared.js', 'chunks/join-machinery-ABC123.js']) {
      const dir = cdnFixture(`sdk-in-${file.replace(/\W/g, '-')}`, { [file]: 'self.webpackChunk_zoom_webclientjs = [];\n' });
      const { status, stderr } = runScript('size-budget.mjs', ['--dir', dir]);
      assert.equal(status, 1, file);
      assert.match(stderr, new RegExp(`SDK code in the build: ${file.replace(/[./]/g, '\\$&')} contains webpackChunk_zoom_webclientjs`));
    }
  });

  it('fails with a hint when there is no build', () => {
    const { status, stderr } = runScript('size-budget.mjs', ['--dir', join(scratch, 'nothing-here')]);
    assert.equal(status, 1);
    assert.match(stderr, /run npm run build first/);
  });
});

describe('scripts/check-readme-reference.mjs', () => {
  const manifest = {
    schemaVersion: '1.0.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'dist/zoom-join.js',
        declarations: [
          {
            kind: 'class',
            name: 'ZoomJoin',
            customElement: true,
            tagName: 'zoom-join',
            attributes: [
              { name: 'meeting-number', description: 'Digits' },
              { name: 'asset-path', description: 'Where the SDK | assets are' },
            ],
            events: [
              { name: 'zoom-joined', description: '`{meetingNumber}` once in' },
              { name: 'zoom-error', description: 'a `ZoomJoinError`' },
            ],
            cssParts: [{ name: 'join-button', description: 'The Join button' }],
            cssProperties: [{ name: '--zoom-join-accent', description: 'Button colour' }],
          },
        ],
      },
    ],
  };
  const manifestFile = writeFiles(join(scratch, 'readme'), { 'custom-elements.json': JSON.stringify(manifest) });
  const complete = [
    '# x',
    '### Attributes',
    '| attribute | meaning |',
    '| --- | --- |',
    '| `meeting-number`, `asset-path` | ... |',
    '### Events',
    '| event | detail |',
    '| --- | --- |',
    '| `zoom-joined` | ... |',
    '| `zoom-error` | ... |',
    'Parts: `join-button`. Custom properties: `--zoom-join-accent`.',
    '',
  ].join('\n');

  /** The check on the README and docs/ written into the test folder (the README holding the reference), against its manifest. */
  const checkReadme = () =>
    runScript('check-readme-reference.mjs', [
      '--manifest',
      join(manifestFile, 'custom-elements.json'),
      '--readme',
      join(manifestFile, 'README.md'),
      '--reference',
      join(manifestFile, 'README.md'),
    ]);

  it('passes when every attribute and event is in a table and every part and CSS property is named', () => {
    writeFiles(manifestFile, { 'README.md': complete });
    const { status, stdout, stderr } = checkReadme();
    assert.equal(status, 0, stderr);
    assert.match(stdout, /names all 6/);
  });

  it('reports what is missing as rows to paste, and fails', () => {
    const incomplete = complete
      .replace('| `meeting-number`, `asset-path` | ... |', '| `meeting-number` | ... |')
      .replace('| `zoom-error` | ... |\n', '')
      .replace('`--zoom-join-accent`', 'the accent colour')
      // A name in prose does not count for attributes: they belong in the table.
      .concat('\nSet `asset-path` to your copy.\n');
    writeFiles(manifestFile, { 'README.md': incomplete });
    const { status, stderr } = checkReadme();
    assert.equal(status, 1);
    assert.match(stderr, /Attributes: asset-path/);
    assert.match(stderr, /\| `asset-path` \| Where the SDK \\\| assets are \|/);
    assert.match(stderr, /Events: zoom-error/);
    assert.match(stderr, /CSS custom properties: --zoom-join-accent/);
    assert.doesNotMatch(stderr, /meeting-number|zoom-joined|join-button/);
  });

  it('fails on a link from the README or docs/ that leads nowhere, naming it', () => {
    writeFiles(manifestFile, {
      'README.md': `${complete}\nSee [the guide](docs/guide.md#setup), [gone](docs/gone.md) and [here](#events).\n`,
      'docs/guide.md': '# Guide\n\n## Setup\n\nBack to [the README](../README.md#nowhere).\n',
    });
    const { status, stderr } = checkReadme();
    assert.equal(status, 1);
    assert.match(stderr, /README\.md: docs\/gone\.md \(no such file\)/);
    assert.match(stderr, /guide\.md: \.\.\/README\.md#nowhere \(no such heading/);
    assert.doesNotMatch(stderr, /docs\/guide\.md#setup|#events/);
  });

  it('fails when the README grows past 14 KB: it is the entry page, details go to docs/', () => {
    writeFiles(manifestFile, { 'README.md': `${complete}\n${'A paragraph that belongs in a guide. '.repeat(400)}\n` });
    const { status, stderr } = checkReadme();
    assert.equal(status, 1);
    assert.match(stderr, /README\.md is 1\d\.\d KB, over 14 KB: move details to a page in docs\/ and link it\./);
  });

  it('prints the reference tables from the manifest with --print', () => {
    const { status, stdout } = runScript('check-readme-reference.mjs', ['--manifest', join(manifestFile, 'custom-elements.json'), '--print']);
    assert.equal(status, 0);
    assert.match(stdout, /### Attributes\n\n\| attribute \| meaning \|\n\| --- \| --- \|\n\| `meeting-number` \| Digits \|/);
    assert.match(stdout, /\| `zoom-error` \| a `ZoomJoinError` \|/);
  });
});
