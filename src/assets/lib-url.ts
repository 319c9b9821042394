import { SDK_CDN_LIB_URL } from '../sdk/version.js';

export interface LibLocation {
  /** Absolute `dist/lib` URL without a trailing slash. */
  libUrl: string;
  /** False for Zoom's CDN (no manifest check there: it is Zoom's copy of exactly this version). */
  selfHosted: boolean;
}

/**
 * The `asset-path` attribute resolved the way readJoinConfig() resolves it, available before any join input is
 * valid (preloading starts long before the meeting number is known). Undefined for a value join will reject.
 */
export function resolveLibLocation(assetPath: unknown, baseUrl: string): LibLocation | undefined {
  const text = typeof assetPath === 'string' ? assetPath.trim() : '';
  if (!text) return { libUrl: SDK_CDN_LIB_URL, selfHosted: false };
  try {
    const url = new URL(text, baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const libUrl = url.href.replace(/\/+$/, '');
    return { libUrl, selfHosted: libUrl !== SDK_CDN_LIB_URL };
  } catch {
    return undefined;
  }
}
