/**
 * `zoom-join doctor --sdk [--from <folder>]`, and part of `--asset-path`: which @zoom/meetingsdk version a page would
 * run (installed for the project, or served at the asset path), whether zoom-join supports it, and what is known of
 * Zoom's own support for it.
 *
 * Zoom's support: the SDK carries no support dates or minimum version (its bundles only know the refusal, errorCode
 * 10000 `UPDATE`, which Zoom's join web service answers). Zoom documents the policy instead: it enforces a minimum
 * SDK version quarterly (the first weekend of February, May, August and November), announced three months ahead, in
 * the "Version enforcements for developers" tables of the Zoom Software Quarterly Lifecycle Policy. So the doctor
 * says what it cannot know, where the answer is, and how old the version is next to the newest zoom-join tested.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { KNOWN_SDK_WITNESSES } from '../src/assets/builtin-manifest.js';
import { isSdkVersionText, isSupportedSdkVersion, SDK_VERSION, SDK_VERSION_RANGE } from '../src/sdk/version.js';
import { Mark, type Finding, type Section } from './report.js';

/** Where Zoom publishes the minimum versions and their enforcement dates. */
export const ZOOM_LIFECYCLE_POLICY_URL = 'https://support.zoom.com/hc/en/article?id=zm_kb&sysparm_article=KB0061130';

export interface InstalledSdk {
  version: string;
  /** The package folder it was read from. */
  folder: string;
}

/** The @zoom/meetingsdk Node resolution finds from `from` (a project folder), or undefined when none is installed. */
export function findInstalledSdk(from: string): InstalledSdk | undefined {
  const require = createRequire(join(from, 'package.json'));
  let manifestPath: string;
  try {
    manifestPath = require.resolve('@zoom/meetingsdk/package.json');
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown };
  return typeof version === 'string' ? { version, folder: dirname(manifestPath) } : undefined;
}

/** -1, 0 or 1 as `a` is older than, the same as or newer than `b` (plain x.y.z versions). */
function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

const UPGRADE = `npm install @zoom/meetingsdk@${SDK_VERSION}, then copy its dist/lib to the asset path again (zoom-join/vite does it on build).`;

/** The findings about one SDK version, `where` saying where it was found ("installed in …", "served at …"). */
export function sdkVersionFindings(version: string, where: string): Finding[] {
  const findings: Finding[] = [{ check: 'sdk-version', mark: Mark.info, message: `@zoom/meetingsdk ${version} is ${where}.` }];
  if (!isSdkVersionText(version) || !isSupportedSdkVersion(version)) {
    findings.push({
      check: 'sdk-range',
      mark: Mark.problem,
      message: `${version} is outside the versions zoom-join supports (${SDK_VERSION_RANGE}).`,
      hint: 'The element loads and reads the SDK by the names and answers of those versions; another may fail to load or to join.',
      steps: [UPGRADE],
    });
    return findings;
  }
  const tested = Object.keys(KNOWN_SDK_WITNESSES);
  findings.push({
    check: 'sdk-range',
    mark: Mark.ok,
    message: tested.includes(version)
      ? `${version} is inside the versions zoom-join supports (${SDK_VERSION_RANGE}), and one its suites run (${tested.join(', ')}).`
      : `${version} is inside the versions zoom-join supports (${SDK_VERSION_RANGE}); its suites run ${tested.join(' and ')}.`,
  });
  const older = compareVersions(version, SDK_VERSION) < 0;
  findings.push({
    check: 'zoom-support',
    mark: older ? Mark.warning : Mark.info,
    message:
      `The SDK carries no support dates: Zoom enforces a minimum Meeting SDK version every quarter (first weekend of ` +
      `February, May, August and November, announced three months ahead)` +
      (older ? `, and ${version} is older than ${SDK_VERSION}, the newest zoom-join tested.` : '.'),
    hint: 'Below the minimum, every join fails with Zoom error 10000 (sdk-version-unsupported).',
    steps: [
      `Check ${version} against the "Version enforcements for developers" table: ${ZOOM_LIFECYCLE_POLICY_URL}`,
      ...(older ? [UPGRADE] : []),
    ],
  });
  return findings;
}

/** The section for the SDK installed for the project in `from`. */
export function diagnoseInstalledSdk(from: string): Section {
  const installed = findInstalledSdk(from);
  if (!installed) {
    return {
      title: `Meeting SDK installed for ${from}`,
      findings: [
        {
          check: 'sdk-version',
          mark: Mark.problem,
          message: `@zoom/meetingsdk is not installed for ${from}.`,
          hint: "Self-hosting (asset-path, zoom-join/vite) serves the installed package's files; only Zoom's CDN works without it.",
          steps: [`npm install @zoom/meetingsdk@${SDK_VERSION}`, 'Or give the element sdk-version and no asset-path, to load that version from Zoom\'s CDN.'],
        },
      ],
    };
  }
  return {
    title: `Meeting SDK installed for ${from}`,
    findings: sdkVersionFindings(installed.version, `installed (${installed.folder})`),
    details: { version: installed.version, supportedRange: SDK_VERSION_RANGE, newestTested: SDK_VERSION },
  };
}
