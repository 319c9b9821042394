// The range of @zoom/meetingsdk versions zoom-join runs: what the element, its asset plan and zoom-join/vite derive
// from each installed version's own files (the newest, @zoom/meetingsdk, and the oldest, the npm alias
// @zoom/meetingsdk-oldest), and how a version outside the range is refused.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { initialValues, unusableAttributes, type ZoomJoinState } from '../../../src/attributes.js';
import { resolveLibLocation } from '../../../src/assets/lib-url.js';
import { parseManifest } from '../../../src/assets/manifest.js';
import { planAssets } from '../../../src/assets/plan.js';
import { attributeWarnings, readJoinConfig } from '../../../src/config/join-config.js';
import { cdnSdkVersion, isSupportedSdkVersion, OLDEST_TESTED_SDK_VERSION, SDK_VERSION, usableSdkVersion } from '../../../src/sdk/version.js';
import { sdkRealmScripts, sdkVersionOfDist } from '../../../src/sdk/view-files.js';
import { installedSdkVersion, sdkAssetFiles, UnsupportedSdkVersionError } from '../../../vite-plugin/index.js';
import { device } from '../assets/devices.js';

const distOf = (name: string): string => fileURLToPath(new URL(`../../../node_modules/@zoom/${name}/dist/`, import.meta.url));
const installed = [
  { version: SDK_VERSION, dist: distOf('meetingsdk') },
  { version: OLDEST_TESTED_SDK_VERSION, dist: distOf('meetingsdk-oldest') },
];
const manifestOf = (dist: string) => parseManifest(JSON.parse(readFileSync(join(dist, 'lib/av/manifest.json'), 'utf8')));

describe('the supported range', () => {
  test('5.x and 6.x releases; nothing else, no prereleases or ranges', () => {
    for (const version of ['5.0.0', '5.1.4', '6.0.2', '6.2.0', '6.10.1']) assert.equal(isSupportedSdkVersion(version), true, version);
    for (const version of ['4.0.0', '3.13.2', '7.0.0', '6.2', '6.2.0-beta.1', '^6.2.0', 'latest', '', ' 6.2.0']) {
      assert.equal(isSupportedSdkVersion(version), false, version);
    }
  });
});

describe('each installed version, from its own files', () => {
  for (const { version, dist } of installed) {
    test(`${version}: zoom-join/vite reads the version and copies its own Client View bundle`, () => {
      assert.equal(installedSdkVersion(dist), version);
      const files = sdkAssetFiles(['client'], dist);
      assert.ok(files.includes(`zoom-meeting-${version}.min.js`), 'the bundle named with this version');
      assert.deepEqual(files.filter((file) => /^zoom-meeting-\d/.test(file)), [`zoom-meeting-${version}.min.js`]);
      const manifest = manifestOf(dist) ?? {};
      const av = files.filter((file) => file.startsWith('lib/av/') && file !== 'lib/av/manifest.json').map((file) => file.slice('lib/av/'.length));
      assert.deepEqual(av.sort(), Object.keys(manifest).sort(), "the media engine's files are those its own manifest lists");
    });

    test(`${version}: the plan weighs the files by the served manifest's own sizes`, () => {
      const manifest = manifestOf(dist);
      assert.ok(manifest);
      const plan = planAssets({ view: 'component', capabilities: device(), manifest, sdkVersion: version });
      assert.equal(plan.sizesFrom, 'manifest');
      assert.equal(plan.sdkVersion, version);
      for (const file of plan.files) assert.equal(file.size, manifest[file.path]?.size, file.path);
      assert.ok(plan.totalBytes > 1e6);
    });
  }

  test('the two versions differ where it matters: js_media sizes, so no table may stand in for the other', () => {
    const [newest, oldest] = installed.map(({ dist }) => manifestOf(dist)?.['js_media.min.js']?.size);
    assert.notEqual(newest, oldest);
  });

  test("without a manifest, only the newest tested version has built-in sizes; another counts files", () => {
    assert.equal(planAssets({ view: 'component', capabilities: device(), sdkVersion: SDK_VERSION }).sizesFrom, 'builtin');
    const plan = planAssets({ view: 'component', capabilities: device(), sdkVersion: OLDEST_TESTED_SDK_VERSION });
    assert.equal(plan.sizesFrom, 'none');
    assert.deepEqual(plan.warnings.map((warning) => warning.code), ['asset-sizes-unknown']);
  });
});

describe('a version outside the range', () => {
  test('zoom-join/vite refuses it by name, with the range and what to install', () => {
    const dist = mkdtempSync(join(tmpdir(), 'zoom-join-old-sdk-'));
    try {
      mkdirSync(join(dist, 'lib/av'), { recursive: true });
      writeFileSync(join(dist, 'lib/av/manifest.json'), '{}');
      writeFileSync(join(dist, 'zoom-meeting-3.13.2.min.js'), '');
      assert.throws(() => sdkAssetFiles(['component'], dist), (error: unknown) => {
        assert.ok(error instanceof UnsupportedSdkVersionError);
        assert.match(error.message, /@zoom\/meetingsdk 3\.13\.2 is outside the versions zoom-join supports \(\^5\.0\.0 \|\| \^6\.0\.0\)/);
        assert.match(error.message, /npm install @zoom\/meetingsdk@6\.2\.0/);
        return true;
      });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('a folder that is no SDK dist/ names no version', () => {
    assert.equal(sdkVersionOfDist(['lib/av/manifest.json', 'zoomus-websdk.umd.min.js']), undefined);
    assert.equal(sdkVersionOfDist(readdirSync(distOf('meetingsdk-oldest'))), OLDEST_TESTED_SDK_VERSION);
  });
});

/** An element as the controllers see it, with `sdk-version` as written. */
function element(sdkVersion?: string): ZoomJoinState {
  const written: Record<string, string> = sdkVersion === undefined ? {} : { 'sdk-version': sdkVersion };
  return { ...initialValues(), ...(sdkVersion === undefined ? {} : { sdkVersion }), getAttribute: (name: string) => written[name] ?? null } as unknown as ZoomJoinState;
}

describe('sdk-version attribute', () => {
  test('a version of the range is used as written (trimmed), with no warning', () => {
    assert.equal(usableSdkVersion(' 5.1.4 '), '5.1.4');
    assert.deepEqual(attributeWarnings(element('6.0.2'), unusableAttributes(element('6.0.2'))), []);
  });

  test('anything else is an attribute-invalid warning naming the range, and counts as unset', () => {
    for (const value of ['4.2.0', 'latest', '6.2']) {
      const host = element(value);
      assert.equal(usableSdkVersion(value), undefined);
      const warnings = attributeWarnings(host, unusableAttributes(host));
      assert.deepEqual(warnings.map((warning) => warning.code), ['attribute-invalid']);
      assert.equal(
        warnings[0]!.message,
        `sdk-version="${value}" is not a @zoom/meetingsdk version of ^5.0.0 || ^6.0.0, such as 6.2.0; using the version served at asset-path (on Zoom's CDN, 6.2.0).`,
      );
    }
  });

  test("without asset-path it picks Zoom's CDN folder, and the bundles the frame loads are that version's", () => {
    const base = 'https://app.example/page.html';
    assert.deepEqual(resolveLibLocation('', base, '5.1.4'), { libUrl: 'https://source.zoom.us/5.1.4/lib', selfHosted: false });
    assert.deepEqual(resolveLibLocation('', base, 'latest'), { libUrl: 'https://source.zoom.us/6.2.0/lib', selfHosted: false });
    assert.deepEqual(resolveLibLocation('/zoom-sdk/lib', base, '5.1.4'), { libUrl: 'https://app.example/zoom-sdk/lib', selfHosted: true });
    assert.equal(cdnSdkVersion('https://source.zoom.us/5.1.4/lib'), '5.1.4');
    assert.equal(sdkRealmScripts('component', 'https://source.zoom.us/5.1.4/lib').at(-1), 'https://source.zoom.us/zoom-meeting-embedded-5.1.4.min.js');
    assert.equal(sdkRealmScripts('client', 'https://source.zoom.us/5.1.4/lib', '6.2.0').at(-1), 'https://source.zoom.us/zoom-meeting-5.1.4.min.js', 'a CDN URL names its own version');
    assert.equal(sdkRealmScripts('client', 'https://app.example/zoom-sdk/lib', '5.0.0').at(-1), 'https://app.example/zoom-sdk/zoom-meeting-5.0.0.min.js');
    const inputs = { meetingNumber: '12345678901', userName: 'Ada', userEmail: '', passcode: '', password: '', meetingRole: '0', view: 'client', assetPath: '', signatureEndpoint: '', lang: '' };
    const config = readJoinConfig({ ...inputs, sdkVersion: '5.1.4' }, base);
    assert.ok(!(config instanceof Error));
    assert.equal(config.libUrl, 'https://source.zoom.us/5.1.4/lib');
    assert.equal(config.selfHosted, false);
  });
});
