import { cdnSdkVersion, isSupportedSdkVersion, sdkCdnLibUrl, SDK_VERSION } from '../sdk/version.js';

export interface LibLocation {
  /** Absolute `dist/lib` URL without a trailing slash. */
  libUrl: string;
  /** False for Zoom's CDN (no manifest check there: it is Zoom's copy of exactly the version its URL names). */
  selfHosted: boolean;
}

/**
 * The `asset-path` attribute resolved the way readJoinConfig() resolves it, available before any join input is
 * valid (preloading starts long before the meeting number is known). Undefined for a value join will reject.
 * Without an asset path, Zoom's CDN folder of `sdkVersion` (SDK_VERSION when unset or unusable).
 */
export function resolveLibLocation(assetPath: unknown, baseUrl: string, sdkVersion = ''): LibLocation | undefined {
  const text = typeof assetPath === 'string' ? assetPath.trim() : '';
  if (!text) return { libUrl: sdkCdnLibUrl(isSupportedSdkVersion(sdkVersion) ? sdkVersion : SDK_VERSION), selfHosted: false };
  try {
    const url = new URL(text, baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const libUrl = url.href.replace(/\/+$/, '');
    return { libUrl, selfHosted: cdnSdkVersion(libUrl) === undefined };
  } catch {
    return undefined;
  }
}
