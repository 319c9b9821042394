// `zoom-join doctor --sdk` and the SDK version part of `--asset-path`: the version a page would run, from the installed
// package or from what is served, whether zoom-join supports it, and what is known of Zoom's support for it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseAssetPath } from '../../../doctor/asset-path.js';
import { hasProblem, renderText, type Section } from '../../../doctor/report.js';
import { diagnoseInstalledSdk, ZOOM_LIFECYCLE_POLICY_URL } from '../../../doctor/sdk-version.js';
import { libHost, otherVersionManifest, runCli } from './servers.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const OLDEST = join(REPO, 'node_modules/@zoom/meetingsdk-oldest');

/** A project folder whose node_modules/@zoom/meetingsdk is `install` (a folder to link to, or a version to fake). */
function project(install?: { link: string } | { version: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'zoom-join-doctor-sdk-'));
  writeFileSync(join(root, 'package.json'), '{"name":"app","private":true}');
  if (install) {
    mkdirSync(join(root, 'node_modules/@zoom'), { recursive: true });
    const target = join(root, 'node_modules/@zoom/meetingsdk');
    if ('link' in install) symlinkSync(install.link, target, 'dir');
    else {
      mkdirSync(target);
      writeFileSync(join(target, 'package.json'), JSON.stringify({ name: '@zoom/meetingsdk', version: install.version }));
    }
  }
  return root;
}

const marks = (sections: Section[]) => sections.flatMap((section) => section.findings.map((finding) => `${finding.check}:${finding.mark}`));

describe('zoom-join doctor --sdk', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const inProject = (install?: { link: string } | { version: string }): string => {
    const folder = project(install);
    folders.push(folder);
    return folder;
  };

  it("the newest tested version: supported, one of the suites' versions, Zoom's policy and where its table is; exit 0", async () => {
    const run = await runCli(['doctor', '--sdk', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { sections: Section[] };
    assert.deepEqual(marks(report.sections), ['sdk-version:info', 'sdk-range:ok', 'zoom-support:info']);
    assert.deepEqual(report.sections[0]?.details, { version: '6.2.0', supportedRange: '^5.0.0 || ^6.0.0', newestTested: '6.2.0' });
    const support = report.sections[0]!.findings[2]!;
    assert.match(support.message, /no support dates: Zoom enforces a minimum Meeting SDK version every quarter/);
    assert.match(support.hint ?? '', /10000 \(sdk-version-unsupported\)/);
    assert.ok(support.steps?.some((step) => step.includes(ZOOM_LIFECYCLE_POLICY_URL)));
  });

  // The CLI's own wiring is proven above; the other cases call the check it runs.
  it('the oldest tested version (5.0.0): supported, with a warning that it is older than the newest tested; no problem', () => {
    const section = diagnoseInstalledSdk(inProject({ link: OLDEST }));
    const text = renderText([section]);
    assert.equal(hasProblem([section]), false);
    assert.match(text, /· @zoom\/meetingsdk 5\.0\.0 is installed/);
    assert.match(text, /✔ 5\.0\.0 is inside the versions zoom-join supports/);
    assert.match(text, /! .*5\.0\.0 is older than 6\.2\.0, the newest zoom-join tested\./);
    assert.match(text, /→ npm install @zoom\/meetingsdk@6\.2\.0/);
  });

  it('a version outside the range: a problem', () => {
    const section = diagnoseInstalledSdk(inProject({ version: '3.13.2' }));
    assert.equal(hasProblem([section]), true);
    assert.match(renderText([section]), /✖ 3\.13\.2 is outside the versions zoom-join supports \(\^5\.0\.0 \|\| \^6\.0\.0\)\./);
  });

  it('nothing installed: a problem naming what to install, or the CDN', () => {
    const section = diagnoseInstalledSdk(inProject());
    assert.equal(hasProblem([section]), true);
    assert.match(renderText([section]), /✖ @zoom\/meetingsdk is not installed for /);
    assert.match(renderText([section]), /sdk-version and no asset-path/);
  });

  it('--from without --sdk is a usage error', async () => {
    const run = await runCli(['doctor', '--from', '.']);
    assert.equal(run.code, 2);
  });
});

describe('zoom-join doctor --asset-path: the served version', () => {
  const oldestManifest = JSON.parse(readFileSync(join(OLDEST, 'dist/lib/av/manifest.json'), 'utf8')) as Record<string, { hash: string; size: number }>;
  let closers: Array<() => Promise<void>> = [];
  before(() => {
    closers = [];
  });
  after(() => Promise.all(closers.map((close) => close())));

  it('the oldest tested version served: recognised from its files, supported, warned as old', async () => {
    const host = await libHost({ manifest: oldestManifest });
    closers.push(() => host.close());
    const sections = await diagnoseAssetPath({ assetPath: `${host.url}/lib` });
    const findings = sections[0]!.findings;
    assert.deepEqual(findings.slice(1, 5).map((finding) => `${finding.check}:${finding.mark}`), ['manifest:ok', 'sdk-version:info', 'sdk-range:ok', 'zoom-support:warning']);
    assert.match(findings[1]!.message, /is @zoom\/meetingsdk 5\.0\.0's \(recognised by its js_media\.min\.js hash\)/);
    assert.match(findings[2]!.message, new RegExp(`5\\.0\\.0 is served at ${host.url}/lib`));
  });

  it('a version it cannot recognise, named with --sdk-version: taken as that version, inside the range but untested', async () => {
    const host = await libHost({ manifest: otherVersionManifest() });
    closers.push(() => host.close());
    const run = await runCli(['doctor', '--asset-path', `${host.url}/lib`, '--sdk-version', '6.1.0']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ av\/manifest\.json is taken as @zoom\/meetingsdk 6\.1\.0's, as --sdk-version says\./);
    assert.match(run.stdout, /✔ 6\.1\.0 is inside the versions zoom-join supports \(\^5\.0\.0 \|\| \^6\.0\.0\); its suites run 5\.0\.0 and 6\.2\.0\./);
  });
});
