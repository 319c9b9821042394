import { expect } from '@open-wc/testing';
import type { SdkAdapterFactory } from '../../src/sdk/adapter.js';
import { ZoomJoin } from '../../src/zoom-join.js';
import { networkLog, type LoggedRequest } from '../support/network-log.js';

/** Where the test runner serves the installed SDK's dist/lib (relative on purpose: the element must resolve it). */
export const RELATIVE_ASSET_PATH = '/node_modules/@zoom/meetingsdk/dist/lib';

/** The oldest SDK version the suites run (the npm alias @zoom/meetingsdk-oldest), served the same way. */
export const OLDEST_ASSET_PATH = '/node_modules/@zoom/meetingsdk-oldest/dist/lib';

/** Hosts the SDK falls back to when it ignores or cannot use the asset path. */
const CDN_HOSTS = /(^|\.)source\.zoom\.us$|cloudfront\.net$|(^|\.)zoomgov\.com$|(^|\.)zoom\.com\.cn$/;

export function assetRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((request) => /\.(js|wasm|json|css|png|svg|mp3)(\?|$)/.test(new URL(request.url).pathname));
}

/** Proves the SDK loaded its assets from this server only: none from a CDN, js_media from the resolved path. */
export async function expectSelfHostedAssetsOnly(mediaFile: string): Promise<LoggedRequest[]> {
  const log = await networkLog();
  const external = assetRequests(log).filter((request) => {
    const url = new URL(request.url);
    return url.origin !== window.location.origin && url.protocol !== 'blob:' && url.protocol !== 'data:';
  });
  expect(external.map((request) => request.url)).to.deep.equal([], 'no asset comes from another host');
  const cdn = log.filter((request) => request.url.startsWith('http') && CDN_HOSTS.test(new URL(request.url).hostname));
  expect(cdn.map((request) => request.url)).to.deep.equal([], 'no request goes to a Zoom CDN');
  const media = log.find((request) => request.url === new URL(`${RELATIVE_ASSET_PATH}/${mediaFile}`, window.location.href).href);
  expect(media, `${mediaFile} was requested from the resolved asset path`).to.exist;
  return log;
}

export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms)),
  ]);
}

/** Globals either view of the SDK is known to add to the window it runs in. */
const SDK_GLOBALS = [
  'ReactWidgets',
  'ZoomMtgEmbedded',
  'ZoomMtg',
  'JsMediaSDK_Instance',
  'zoomcli',
  '__MEDIA_SDK_CHUNK_LOADER__',
  'webpackChunk_zoom_webclientjs',
  'React',
  'ReactDOM',
  'Redux',
];

/** Which of the SDK's globals `target` (a window) has. */
export function sdkGlobalsOn(target: object): string[] {
  return SDK_GLOBALS.filter((name) => name in target);
}

/** Makes every element in this suite use `factory`, and gives the page its own back afterwards. */
export function useAdapterFactory(factory: SdkAdapterFactory): void {
  let saved: SdkAdapterFactory | undefined;
  before(() => {
    saved = ZoomJoin.adapterFactory;
    ZoomJoin.adapterFactory = factory;
  });
  after(() => {
    ZoomJoin.adapterFactory = saved;
  });
}
