/**
 * Which @zoom/meetingsdk versions zoom-join runs. Zoom blocks old versions on a schedule (join error 10000) and
 * ships fixes in new ones, so the element accepts every version of the range below, not one exact release.
 * Kept free of DOM code: zoom-join/vite and the doctor import it in Node.
 */

/** The newest version the suites run: the default on Zoom's CDN, and the one the built-in size table describes. */
export const SDK_VERSION = '6.2.0';

/** The oldest version the real-SDK suites run (an npm alias devDependency installs it next to the newest). */
export const OLDEST_TESTED_SDK_VERSION = '5.0.0';

/** The majors zoom-join runs: from the oldest tested one to the newest. */
const SUPPORTED_MAJORS: readonly number[] = [5, 6];

/** The peer dependency range, as package.json writes it (`^5.0.0 || ^6.0.0`). */
export const SDK_VERSION_RANGE = SUPPORTED_MAJORS.map((major) => `^${major}.0.0`).join(' || ');

/** A plain release version (`6.2.0`); prereleases and ranges are not versions the element can load. */
const VERSION_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Whether `version` is a release inside SDK_VERSION_RANGE. */
export function isSupportedSdkVersion(version: string): boolean {
  const match = VERSION_PATTERN.exec(version);
  return match !== null && SUPPORTED_MAJORS.includes(Number(match[1]));
}

/** `value` (an attribute as given) trimmed when it is a version of the range, else undefined: the default applies. */
export function usableSdkVersion(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  return isSupportedSdkVersion(text) ? text : undefined;
}

/** Whether `version` looks like a release version at all (inside the range or not). */
export function isSdkVersionText(version: string): boolean {
  return VERSION_PATTERN.test(version);
}

/** Zoom's CDN folder for a version's `dist/lib`. */
export function sdkCdnLibUrl(version: string): string {
  return `https://source.zoom.us/${version}/lib`;
}

/** Zoom's CDN folder for SDK_VERSION's `dist/lib`; used when neither `asset-path` nor `sdk-version` is given. */
export const SDK_CDN_LIB_URL = sdkCdnLibUrl(SDK_VERSION);

const CDN_LIB = /^https:\/\/source\.zoom\.us\/(\d{1,3}\.\d{1,3}\.\d{1,3})\/lib\/?$/;

/** The version a Zoom CDN lib URL names, or undefined for any other (self-hosted) URL. */
export function cdnSdkVersion(libUrl: string): string | undefined {
  return CDN_LIB.exec(libUrl)?.[1];
}
