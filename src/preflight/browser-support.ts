/**
 * Which browser this is, and whether Zoom supports it for the Meeting SDK for Web. Zoom lists Chrome, Firefox,
 * Safari and Edge on desktops, and iOS/iPadOS and Android browsers, each "within two versions of their current
 * version" (https://developers.zoom.us/docs/meeting-sdk/web/browser-support/). The minimums below are two versions
 * below the releases current in December 2026 (Chrome and Edge 156, Firefox 159, Safari and iOS 27 after 26 and 18):
 * raise them as browsers move on. Read from the UA string, which keeps the browser and its major version under UA
 * reduction; on iOS every browser is Safari's engine, so the iOS version decides.
 */
import { msg, str } from '@lit/localize';
import { deviceKindOf, type DeviceNavigator } from '../device/device-kind.js';

export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ios' | 'other';

export interface BrowserSupport {
  /** The browser's name as people know it ("Chrome", "Samsung Internet", …). */
  name: string;
  /** Its major version (on iOS and iPadOS: the system's), when the UA says it. */
  version?: number;
  /** On Zoom's list and at least `minimum`. */
  supported: boolean;
  /** The oldest version Zoom supports; absent for browsers Zoom does not list. */
  minimum?: number;
}

/** The oldest version of each listed browser Zoom supports (see above). */
export const ZOOM_MINIMUM_VERSIONS: Record<Exclude<BrowserFamily, 'other'>, number> = {
  chrome: 154,
  edge: 154,
  firefox: 157,
  safari: 18,
  ios: 18,
};

const major = (ua: string, pattern: RegExp): number | undefined => {
  const match = pattern.exec(ua);
  return match ? Number(match[1]) : undefined;
};

/** Name, family and version from the UA; the order matters (Edge and Opera also say Chrome, Chrome also says Safari). */
function identify(ua: string, nav: DeviceNavigator | undefined): { name: string; family: BrowserFamily; version?: number } {
  if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && deviceKindOf(nav) === 'tablet')) {
    const app = /CriOS/.test(ua) ? 'Chrome' : /FxiOS/.test(ua) ? 'Firefox' : /EdgiOS/.test(ua) ? 'Edge' : 'Safari';
    // iPadOS asking for the desktop site shows no iOS version, only Safari's (which follows it).
    return { name: msg(str`${app} on iOS`), family: 'ios', version: major(ua, /OS (\d+)_/) ?? major(ua, /Version\/(\d+)/) };
  }
  // l10n-ignore: product names
  if (/SamsungBrowser\//.test(ua)) return { name: 'Samsung Internet', family: 'other', version: major(ua, /SamsungBrowser\/(\d+)/) };
  if (/OPR\/|Opera/.test(ua)) return { name: 'Opera', family: 'other', version: major(ua, /OPR\/(\d+)/) };
  if (/Edg(?:e|A)?\//.test(ua)) return { name: 'Edge', family: 'edge', version: major(ua, /Edg(?:e|A)?\/(\d+)/) };
  if (/Firefox\//.test(ua)) return { name: 'Firefox', family: 'firefox', version: major(ua, /Firefox\/(\d+)/) };
  if (/(?:Chrome|Chromium|HeadlessChrome)\//.test(ua)) return { name: 'Chrome', family: 'chrome', version: major(ua, /(?:Chrome|Chromium|HeadlessChrome)\/(\d+)/) };
  // l10n-ignore: a product name
  if (/Trident\/|MSIE /.test(ua)) return { name: 'Internet Explorer', family: 'other', version: major(ua, /(?:MSIE |rv:)(\d+)/) };
  if (/Version\/\d+.*Safari\//.test(ua)) return { name: 'Safari', family: 'safari', version: major(ua, /Version\/(\d+)/) };
  return { name: msg('an unknown browser'), family: 'other' };
}

export function browserSupport(nav: DeviceNavigator | undefined = globalThis.navigator): BrowserSupport {
  const { name, family, version } = identify(nav?.userAgent ?? '', nav);
  if (family === 'other') return { name, ...(version !== undefined ? { version } : {}), supported: false };
  const minimum = ZOOM_MINIMUM_VERSIONS[family];
  // A listed browser that hides its version gets the benefit of the doubt.
  return { name, ...(version !== undefined ? { version } : {}), supported: version === undefined || version >= minimum, minimum };
}
