/**
 * What a meeting needs from the browser, named in the SDK frame's `allow` attribute (sdk-realm.ts). A same-origin
 * frame has them by default; the attribute, which is what the browser goes by, keeps that explicit. The preflight
 * reads the same list to tell what reaches the SDK.
 */
export const DELEGATED_FEATURES = ['camera', 'microphone', 'display-capture', 'fullscreen', 'autoplay', 'clipboard-write'] as const;

export type DelegatedFeature = (typeof DELEGATED_FEATURES)[number];

/**
 * The frame's `allow` attribute. `cross-origin-isolated` is delegated only where the page is isolated itself, so
 * that SharedArrayBuffer (the SDK's threads, noise suppression, 720p) is there inside the frame exactly when the
 * page has it.
 */
export function realmPermissions(pageIsolated: boolean): string {
  return [...DELEGATED_FEATURES, ...(pageIsolated ? ['cross-origin-isolated'] : [])].join('; ');
}
