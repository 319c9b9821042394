/**
 * What each SDK view loads from a self-hosted copy of the package's `dist/`: the scripts the element puts into its
 * frame, and the folders the SDK then loads from by itself. Shared by the element and zoom-join/vite, which copies
 * (and serves) only what the chosen views load. Kept free of DOM code: the Vite plugin imports it in Node.
 */
import { cdnSdkVersion, SDK_VERSION } from './version.js';

export type SdkViewName = 'component' | 'client';

/**
 * The classic scripts that put a view's SDK into a realm, in order: the vendor libraries it expects as globals
 * (from `lib/vendor/`), then the view's bundle — from the folder above `lib/` when self-hosted (the package's
 * `dist/`), from the CDN's root on Zoom's CDN, where both bundles carry the version in their names. The version is
 * the one a CDN URL names; for a self-hosted copy, `servedVersion` (the Client View's bundle carries it in its name
 * there too), SDK_VERSION when unknown.
 */
export function sdkRealmScripts(view: SdkViewName, libUrl: string, servedVersion: string = SDK_VERSION): string[] {
  const lib = libUrl.replace(/\/+$/, '');
  const cdnVersion = cdnSdkVersion(lib);
  const fromCdn = cdnVersion !== undefined;
  const version = cdnVersion ?? servedVersion;
  // The Client View's bundle has one name everywhere; the Component View's differs between the package and the CDN.
  const bundles = {
    component: fromCdn ? `zoom-meeting-embedded-${version}.min.js` : 'zoomus-websdk-embedded.umd.min.js',
    client: `zoom-meeting-${version}.min.js`,
  };
  const folder = fromCdn ? new URL(lib).origin : lib.replace(/\/lib$/, '');
  // The Client View bundle reads React, Redux and ReduxThunk (and lodash) as globals, as Zoom's own CDN sample loads it.
  const vendors = view === 'component' ? ['react', 'react-dom'] : ['react', 'react-dom', 'redux', 'redux-thunk', 'lodash'];
  return [...vendors.map((name) => `${lib}/vendor/${name}.min.js`), `${folder}/${bundles[view]}`];
}

/**
 * The SDK version of a copy of the package's `dist/`, from its files (paths relative to it): the Client View's bundle
 * carries it in its name, in every version. Undefined when there is no such bundle (not an SDK's dist/).
 */
export function sdkVersionOfDist(files: readonly string[]): string | undefined {
  for (const file of files) {
    const match = /^zoom-meeting-(\d+\.\d+\.\d+)\.min\.js$/.exec(file);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Folders of `dist/` a view's SDK loads from by itself, at run time, from paths it derives from `lib/`. Whole
 * folders: which of their files a meeting asks for depends on the browser and on what happens in it (js_media picks
 * its workers and wasm by SIMD, threads and device; the Component View's virtual backgrounds come from `lib/image/`;
 * the Client View's code-split chunks and CSS from `../ui/`, its sounds from `lib/audio/`, its languages from
 * `lib/lang/`, its chat from `lib/webim.min.js`). The media engine's files are those `lib/av/manifest.json` lists.
 */
export const SDK_VIEW_FOLDERS: Readonly<Record<SdkViewName, readonly string[]>> = {
  component: ['lib/av/', 'lib/image/'],
  client: ['lib/', 'ui/'],
};

/**
 * The files of `dist/` (paths relative to it, with `/`) that `views` load, out of `available` (every file of the
 * installed package's dist/). `avManifest` is the names `lib/av/manifest.json` lists: the media engine's files;
 * `version` the installed package's (the Client View's bundle is named with it).
 */
export function sdkViewFiles(
  views: readonly SdkViewName[],
  available: readonly string[],
  avManifest: readonly string[],
  version: string = SDK_VERSION,
): string[] {
  const av = new Set(['lib/av/manifest.json', ...avManifest.map((name) => `lib/av/${name}`)]);
  const wanted = new Set<string>();
  for (const view of views) {
    // The element's own script list, for a self-hosted lib/ at an arbitrary origin, made relative to dist/.
    const base = 'https://self-hosted.invalid/dist/';
    for (const url of sdkRealmScripts(view, `${base}lib`, version)) wanted.add(url.slice(base.length));
    for (const file of available) {
      const folder = SDK_VIEW_FOLDERS[view].find((prefix) => file.startsWith(prefix));
      if (folder === undefined) continue;
      if (file.startsWith('lib/av/') && !av.has(file)) continue;
      wanted.add(file);
    }
  }
  return available.filter((file) => wanted.has(file));
}
