/**
 * Phone, tablet or desktop, and the SDK view that suits it. Zoom designs the Component View for desktop browsers
 * and recommends the Client View for phones and tablets (https://developers.zoom.us/docs/meeting-sdk/web/ and
 * …/web/client-view/), so `view="auto"` takes the Client View on both.
 */
import type { SdkView } from '../zoom-join-error.js';

export type DeviceKind = 'phone' | 'tablet' | 'desktop';

/** The parts of `navigator` read here, typed structurally (userAgentData is not in every lib). */
export interface DeviceNavigator {
  userAgent?: string;
  maxTouchPoints?: number;
  userAgentData?: { brands?: ReadonlyArray<{ brand: string }>; mobile?: boolean };
}

/**
 * Client hints first where the browser gives real ones (a UA override without hints leaves `brands` empty), then the
 * UA string. iPadOS asks for desktop sites as "Macintosh" but has a touch screen; Android tablets omit "Mobile".
 */
export function deviceKindOf(nav: DeviceNavigator | undefined = globalThis.navigator): DeviceKind {
  const ua = nav?.userAgent ?? '';
  if (/iPad/.test(ua) || (/Macintosh/.test(ua) && (nav?.maxTouchPoints ?? 0) > 1)) return 'tablet';
  const hints = nav?.userAgentData;
  if (hints && (hints.brands?.length ?? 0) > 0 && hints.mobile) return 'phone';
  if (/iPhone|iPod|Mobi/.test(ua)) return 'phone';
  if (/Android/.test(ua)) return 'tablet';
  return 'desktop';
}

/** The view a `view` value means on this device: `auto` (or nothing) is the Client View on phones and tablets. */
export function resolveView(view: unknown, nav?: DeviceNavigator): SdkView {
  // As readJoinConfig reads it: an attribute written with spaces means the same view everywhere.
  const named = typeof view === 'string' ? view.trim() : view;
  if (named === 'client' || named === 'component') return named;
  return deviceKindOf(nav) === 'desktop' ? 'component' : 'client';
}
