// The built-in size table is generated from the installed package; this fails, and prints the new table body to
// paste into src/assets/builtin-manifest.ts, whenever the package changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUILTIN_MANIFEST, BUILTIN_MANIFEST_VERSION, KNOWN_SDK_WITNESSES, recognizeSdkVersion } from '../../../src/assets/builtin-manifest.js';
import { parseManifest } from '../../../src/assets/manifest.js';
import { SdkFile, VERSION_WITNESS } from '../../../src/assets/sdk-files.js';
import { OLDEST_TESTED_SDK_VERSION, SDK_VERSION, SDK_VERSION_RANGE } from '../../../src/sdk/version.js';

const sdkRoot = fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk/', import.meta.url));
const installedVersion = (JSON.parse(readFileSync(`${sdkRoot}package.json`, 'utf8')) as { version: string }).version;
const manifestJson: unknown = JSON.parse(readFileSync(`${sdkRoot}dist/lib/av/manifest.json`, 'utf8'));
/** The oldest tested version, installed next to the newest under an npm alias. */
const oldestRoot = fileURLToPath(new URL('../../../node_modules/@zoom/meetingsdk-oldest/', import.meta.url));
const oldestPackage = JSON.parse(readFileSync(`${oldestRoot}package.json`, 'utf8')) as { name: string; version: string };
const oldestManifestJson: unknown = JSON.parse(readFileSync(`${oldestRoot}dist/lib/av/manifest.json`, 'utf8'));
const ourPackage = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
};

function generatedTable(): string {
  const manifest = parseManifest(manifestJson) ?? {};
  return Object.values(SdkFile)
    .sort()
    .map((path) => {
      const entry = manifest[path];
      if (!entry) return `  // '${path}' is missing from the installed manifest`;
      return path === VERSION_WITNESS
        ? `  '${path}': { size: ${entry.size}, hash: '${entry.hash}' },`
        : `  '${path}': { size: ${entry.size} },`;
    })
    .join('\n');
}

describe('built-in manifest table', () => {
  test('describes the installed SDK version, which is the pinned one', () => {
    assert.equal(BUILTIN_MANIFEST_VERSION, installedVersion);
    assert.equal(BUILTIN_MANIFEST_VERSION, SDK_VERSION);
  });

  test('the installed manifest parses and every plannable file is in it', () => {
    const manifest = parseManifest(manifestJson);
    assert.ok(manifest, 'manifest.json has the expected shape');
    const missing = Object.values(SdkFile).filter((path) => !manifest[path]);
    assert.deepEqual(missing, []);
  });

  test('sizes (and the version witness hash) match the installed manifest', () => {
    const manifest = parseManifest(manifestJson) ?? {};
    const table = BUILTIN_MANIFEST as Record<string, { size: number; hash?: string }>;
    const mismatched = Object.keys(table).filter((path) => {
      const entry = manifest[path];
      return !entry || entry.size !== table[path]?.size || (table[path]?.hash !== undefined && table[path]?.hash !== entry.hash);
    });
    assert.deepEqual(mismatched, [], `regenerate src/assets/builtin-manifest.ts with:\n${generatedTable()}`);
    assert.deepEqual(Object.keys(table).sort(), Object.values(SdkFile).sort(), 'exactly the plannable files');
    assert.ok(table[VERSION_WITNESS]?.hash, 'the witness keeps its hash');
  });

  test('the manifest names no version (which is why the witness hash identifies it)', () => {
    const text = JSON.stringify(manifestJson);
    assert.ok(!/"version"/.test(text));
  });
});

describe('the supported SDK versions', () => {
  test('the peer range is the one the element checks sdk-version against, and stays optional', () => {
    assert.equal(ourPackage.peerDependencies['@zoom/meetingsdk'], SDK_VERSION_RANGE);
    assert.equal(ourPackage.peerDependenciesMeta['@zoom/meetingsdk']?.optional, true);
  });

  test('the newest tested is the devDependency, the oldest an npm alias of the same package', () => {
    assert.equal(ourPackage.devDependencies['@zoom/meetingsdk'], SDK_VERSION);
    assert.equal(ourPackage.devDependencies['@zoom/meetingsdk-oldest'], `npm:@zoom/meetingsdk@${OLDEST_TESTED_SDK_VERSION}`);
    assert.equal(oldestPackage.name, '@zoom/meetingsdk');
    assert.equal(oldestPackage.version, OLDEST_TESTED_SDK_VERSION);
  });

  test('the witness table holds exactly the two tested versions, as their installed manifests say', () => {
    assert.deepEqual(Object.keys(KNOWN_SDK_WITNESSES).sort(), [OLDEST_TESTED_SDK_VERSION, SDK_VERSION].sort());
    for (const [version, json] of [[SDK_VERSION, manifestJson], [OLDEST_TESTED_SDK_VERSION, oldestManifestJson]] as const) {
      const manifest = parseManifest(json);
      assert.ok(manifest, `${version}'s manifest parses`);
      assert.equal(recognizeSdkVersion(manifest[VERSION_WITNESS]), version);
    }
  });

  test("every file the plan can name is in the oldest version's manifest too", () => {
    const manifest = parseManifest(oldestManifestJson) ?? {};
    assert.deepEqual(Object.values(SdkFile).filter((path) => !manifest[path]), []);
  });
});
