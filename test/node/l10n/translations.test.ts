import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = JSON.parse(readFileSync(`${root}lit-localize.json`, 'utf8')) as { targetLocales: string[] };

/**
 * The locales whose translation is done: each must translate every message. A locale joins this list once its
 * xliff/<locale>.xlf is translated and `npm run l10n:build` has run.
 */
export const COMPLETE_LOCALES: readonly string[] = ['de', 'es', 'fr', 'ja', 'pt-PT', 'zh-CN'];

/** Every trans-unit of an XLIFF file: its id and whether it has a non-empty target. */
function units(locale: string): Map<string, boolean> {
  const xliff = readFileSync(`${root}xliff/${locale}.xlf`, 'utf8');
  const found = new Map<string, boolean>();
  for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    found.set(id!, /<target>(?!<\/target>)[\s\S]+?<\/target>/.test(body!));
  }
  return found;
}

/** The ids of the messages in a generated locale module. */
function moduleIds(locale: string): Set<string> {
  const source = readFileSync(`${root}src/locales/${locale}.ts`, 'utf8');
  return new Set([...source.matchAll(/^\s*'(s[0-9a-f]{16})':/gm)].map((match) => match[1]!));
}

test('every target locale has an XLIFF file and a locale module with the same messages', () => {
  const english = units(config.targetLocales[0]!);
  assert.ok(english.size > 700, `${english.size} messages extracted`);
  for (const locale of config.targetLocales) {
    assert.deepEqual([...units(locale).keys()].sort(), [...english.keys()].sort(), `${locale}.xlf has every message`);
    assert.deepEqual([...moduleIds(locale)].sort(), [...english.keys()].sort(), `src/locales/${locale}.ts is built from it`);
  }
});

test('the complete locales translate every message', () => {
  for (const locale of COMPLETE_LOCALES) {
    assert.ok(config.targetLocales.includes(locale), `${locale} is a target locale`);
    const missing = [...units(locale)].filter(([, translated]) => !translated).map(([id]) => id);
    assert.deepEqual(missing, [], `${locale} translates every message`);
  }
});

test('the XLIFF files hold exactly the messages in src/ (npm run l10n:extract has run since the last text changed)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'zoom-join-l10n-'));
  try {
    // The project's own settings, extracting into a scratch folder instead of xliff/.
    const settings = JSON.parse(readFileSync(`${root}lit-localize.json`, 'utf8')) as Record<string, unknown>;
    const extractConfig = join(scratch, 'lit-localize.json');
    writeFileSync(
      extractConfig,
      JSON.stringify({ ...settings, tsConfig: `${root}tsconfig.l10n.json`, interchange: { format: 'xliff', xliffDir: scratch } }),
    );
    execFileSync(`${root}node_modules/.bin/lit-localize`, ['extract', '--config', extractConfig], { cwd: root, stdio: 'pipe' });
    const extracted = readFileSync(join(scratch, `${config.targetLocales[0]!}.xlf`), 'utf8');
    const inSource = [...extracted.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]!).sort();
    assert.deepEqual([...units(config.targetLocales[0]!).keys()].sort(), inSource, 'run npm run l10n:extract, translate the new texts, then npm run l10n:build');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
