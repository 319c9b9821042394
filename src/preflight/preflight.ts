/**
 * The preflight's checks: secure context, camera and microphone permissions, the Permissions Policy the SDK's frame
 * gets, the browser against Zoom's list. Every probe is injectable, so tests describe a browser instead of depending
 * on the one they run in.
 */
import { deviceKindOf, resolveView, type DeviceNavigator } from '../device/device-kind.js';
import { DELEGATED_FEATURES, type DelegatedFeature } from '../sdk/realm-permissions.js';
import { browserSupport } from './browser-support.js';
import { problemText } from './preflight-texts.js';
import type { PreflightPermission, PreflightProblem, PreflightProblemCode, ZoomPreflightDetail } from './preflight-types.js';

/** Chromium's `document.featurePolicy` (the Permissions Policy API it ships; not in TypeScript's DOM lib). */
interface FeaturePolicyLike {
  allowsFeature(feature: string): boolean;
  features(): string[];
}

export interface PreflightProbes {
  secureContext: boolean;
  navigator: DeviceNavigator;
  featurePolicy: FeaturePolicyLike | undefined;
  /** The Permissions API's state, or `unsupported` (no API, or a name the browser does not know). */
  permission: (name: 'camera' | 'microphone') => Promise<{ state: PreflightPermission; status?: PermissionStatus }>;
}

async function queryPermission(name: 'camera' | 'microphone'): Promise<{ state: PreflightPermission; status?: PermissionStatus }> {
  try {
    const status = await navigator.permissions.query({ name: name as PermissionName });
    return { state: status.state, status };
  } catch {
    // Firefox before 131 and older Safari throw for camera/microphone: they cannot say.
    return { state: 'unsupported' };
  }
}

export function defaultProbes(): PreflightProbes {
  return {
    secureContext: globalThis.isSecureContext === true,
    navigator: globalThis.navigator,
    featurePolicy: (document as Document & { featurePolicy?: FeaturePolicyLike }).featurePolicy,
    permission: queryPermission,
  };
}

/**
 * What the SDK's frame gets: it is same-origin and names every one of these features in its `allow`, so it has
 * exactly what the page's own policy allows the page's origin (a parent frame's `allow`, a Permissions-Policy header).
 */
function framePolicy(policy: FeaturePolicyLike | undefined): Record<DelegatedFeature, boolean | 'unknown'> {
  const known = policy ? new Set(policy.features()) : new Set<string>();
  const entries = DELEGATED_FEATURES.map((feature) => [feature, policy && known.has(feature) ? policy.allowsFeature(feature) : 'unknown'] as const);
  return Object.fromEntries(entries) as Record<DelegatedFeature, boolean | 'unknown'>;
}

export interface PreflightResult {
  detail: ZoomPreflightDetail;
  /** The permission statuses to watch for changes (a user allowing the camera in the site settings). */
  statuses: PermissionStatus[];
}

export async function runPreflight(view: unknown, probes: PreflightProbes = defaultProbes()): Promise<PreflightResult> {
  const [camera, microphone] = await Promise.all([probes.permission('camera'), probes.permission('microphone')]);
  const permissionsPolicy = framePolicy(probes.featurePolicy);
  const browser = browserSupport(probes.navigator);
  const codes: PreflightProblemCode[] = [];
  if (!probes.secureContext) codes.push('insecure-context');
  if (permissionsPolicy.camera === false) codes.push('camera-blocked');
  else if (camera.state === 'denied') codes.push('camera-denied');
  if (permissionsPolicy.microphone === false) codes.push('microphone-blocked');
  else if (microphone.state === 'denied') codes.push('microphone-denied');
  if (permissionsPolicy['display-capture'] === false) codes.push('screen-share-blocked');
  if (!browser.supported) codes.push(browser.minimum === undefined ? 'browser-unsupported' : 'browser-outdated');
  const problems: PreflightProblem[] = codes.map((code) => ({ code, blocking: code === 'insecure-context', ...problemText(code, browser) }));
  return {
    detail: {
      secureContext: probes.secureContext,
      camera: camera.state,
      microphone: microphone.state,
      permissionsPolicy,
      browser,
      device: deviceKindOf(probes.navigator),
      view: resolveView(view, probes.navigator),
      problems,
    },
    statuses: [camera.status, microphone.status].filter((status): status is PermissionStatus => status !== undefined),
  };
}
