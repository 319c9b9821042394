// The SDK's own realm: a same-origin frame the element will run the SDK in. Here, the real Component View bundle
// is loaded into it and joined offline, and the page around it must come out untouched.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isAbortError } from '../../src/abort.js';
import { normalizeSdkError } from '../../src/sdk/normalize-error.js';
import { ClientViewAdapter } from '../../src/sdk/client-view-adapter.js';
import { ComponentViewAdapter } from '../../src/sdk/component-view-adapter.js';
import { ZoomJoinError } from '../../src/zoom-join-error.js';
import { loadSdkIntoRealm, openSdkRealm, realmPermissions, sdkRealmScripts, SdkRealmError, SdkRealmSlot, type SdkRealm } from '../../src/sdk/sdk-realm.js';
import { SDK_CDN_LIB_URL } from '../../src/sdk/version.js';
import { isError, safeCause, secretScrubber } from '../../src/secret-scrub.js';
import { testSignature } from '../support/test-signature.js';
import { sdkGlobalsOn, within } from './real-sdk-support.js';

const DIST = '/node_modules/@zoom/meetingsdk/dist';
const LIB = `${DIST}/lib`;

interface EmbeddedApi {
  createClient(): {
    init(options: Record<string, unknown>): Promise<unknown>;
    join(options: Record<string, unknown>): Promise<unknown>;
  };
  destroyClient(): void;
}

interface ClientViewApi {
  setZoomJSLib(path: string, dir: string): void;
  preLoadWasm(): unknown;
  prepareWebSDK(): unknown;
  init(options: Record<string, unknown>): void;
  join(options: Record<string, unknown>): void;
}

async function box(): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div style="width: 640px; height: 400px"></div>`);
}

describe('SDK realm', function () {
  this.timeout(60000);
  const realms: SdkRealm[] = [];
  afterEach(() => {
    for (const realm of realms.splice(0)) realm.discard();
  });

  it('is a same-origin frame filling its box, with the meeting permissions delegated and a document of its own', async () => {
    const container = await box();
    const realm = await openSdkRealm(container);
    realms.push(realm);
    expect(realm.frame.parentElement).to.equal(container);
    const { width, height } = realm.frame.getBoundingClientRect();
    expect([width, height]).to.deep.equal([640, 400]);
    expect(realm.frame.getAttribute('allow')).to.equal('camera; microphone; display-capture; fullscreen; autoplay; clipboard-write');
    expect(realm.window.location.href).to.equal('about:srcdoc');
    expect(realm.window.document).to.not.equal(document);
    expect(realm.window.origin).to.equal(window.origin);
    // The page is not cross-origin isolated here, so neither is the frame, and isolation is not delegated.
    expect(realm.window.crossOriginIsolated).to.equal(false);
    expect(realmPermissions(true)).to.contain('cross-origin-isolated');
  });

  it('scripts loaded into it define their globals there, in order, and not on the page', async () => {
    const realm = await openSdkRealm(await box());
    realms.push(realm);
    await Promise.all([realm.loadScript(`${LIB}/vendor/react.min.js`), realm.loadScript(`${LIB}/vendor/react-dom.min.js`)]);
    const inFrame = realm.window as unknown as { React?: { version?: string }; ReactDOM?: unknown };
    expect(inFrame.React?.version).to.match(/^18\./);
    expect(inFrame.ReactDOM).to.exist;
    expect('React' in window || 'ReactDOM' in window).to.equal(false);
  });

  it('a script that does not load rejects with an error naming it', async () => {
    const realm = await openSdkRealm(await box());
    realms.push(realm);
    const error = await realm.loadScript(`${LIB}/no-such-file.js`).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(SdkRealmError);
    expect((error as Error).message).to.contain(`${LIB}/no-such-file.js`);
  });

  it('an abort before the frame is ready rejects with the reason and leaves no frame behind', async () => {
    const container = await box();
    const abort = new AbortController();
    const opening = openSdkRealm(container, { signal: abort.signal });
    abort.abort(new DOMException('left', 'AbortError'));
    const error = await opening.catch((caught: unknown) => caught);
    expect((error as DOMException).message).to.equal('left');
    expect(container.querySelector('iframe')).to.equal(null);
  });

  it('the real Component View runs and fails offline inside it; the page keeps no global, style or root of it', async () => {
    const headBefore = document.head.children.length;
    const bodyBefore = document.body.querySelectorAll('*').length;
    const unloadBefore = window.onbeforeunload;
    const container = await box();
    const nodesAfterBox = document.body.querySelectorAll('*').length;

    const realm = await openSdkRealm(container);
    // The UMD build names its global ReactWidgets; the CommonJS entry re-exports the same class as ZoomMtgEmbedded.
    const api = (await loadSdkIntoRealm(realm, 'component', new URL(LIB, location.href).href)) as EmbeddedApi | undefined;
    expect(api, 'the bundle defined its client class in the frame').to.equal((realm.window as unknown as { ReactWidgets?: EmbeddedApi }).ReactWidgets);
    const root = realm.window.document.createElement('div');
    realm.window.document.body.append(root);
    const client = api!.createClient();
    await client.init({ zoomAppRoot: root, assetPath: new URL(`${LIB}/av`, location.href).href, language: 'en-US', patchJsMedia: false });
    const failure = await within(
      client
        .join({ signature: testSignature({ meetingNumber: '12345678901' }), meetingNumber: '12345678901', userName: 'Realm test', password: '' })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
      30000,
      'the offline join to fail',
    );
    // Zoom is unreachable here: the SDK's own connection error, as when it runs in a page.
    expect((failure as { errorCode?: number }).errorCode).to.equal(-3000);

    expect(sdkGlobalsOn(realm.window).length, 'the SDK set up its globals in the frame').to.be.greaterThan(2);
    expect(sdkGlobalsOn(window)).to.deep.equal([], 'no SDK global on the page');
    expect(document.head.children.length).to.equal(headBefore, 'nothing added to the page head');
    expect(document.getElementById('zmmtg-root')).to.equal(null);
    expect(window.onbeforeunload).to.equal(unloadBefore);
    expect(realm.window.document.head.querySelectorAll('style').length, 'its styles went to the frame').to.be.greaterThan(0);
    // The page's own DOM grew by the box and the frame only.
    expect(document.body.querySelectorAll('*').length).to.equal(nodesAfterBox + 1);

    realm.discard();
    realm.discard();
    expect(container.querySelector('iframe')).to.equal(null);
    expect(document.body.querySelectorAll('*').length).to.equal(nodesAfterBox);
    expect(nodesAfterBox).to.be.greaterThan(bodyBefore);
  });

  it('the real Client View runs inside it, laid out in the frame\'s box, and fails offline; the page keeps none of it', async () => {
    const headBefore = document.head.children.length;
    const unloadBefore = window.onbeforeunload;
    const container = await box();
    const realm = await openSdkRealm(container);
    realms.push(realm);
    const api = (await loadSdkIntoRealm(realm, 'client', new URL(LIB, location.href).href)) as ClientViewApi | undefined;
    expect(api, 'the bundle defined ZoomMtg in the frame').to.exist;
    api!.setZoomJSLib(new URL(LIB, location.href).href, '/av');
    await api!.preLoadWasm();
    await api!.prepareWebSDK();
    await new Promise((resolve, reject) =>
      api!.init({ leaveUrl: 'about:blank', patchJsMedia: false, leaveOnPageUnload: true, success: resolve, error: reject }),
    );
    const failure = await within(
      new Promise((resolve) =>
        api!.join({
          signature: testSignature({ meetingNumber: '12345678901' }),
          meetingNumber: '12345678901',
          userName: 'Realm test',
          passWord: '',
          success: () => resolve(undefined),
          error: resolve,
        }),
      ),
      30000,
      'the offline join to fail',
    );
    // Offline, the Client View's join answers "Fail to join the meeting." (errorCode 1).
    expect((failure as { errorCode?: number }).errorCode).to.equal(1);

    const root = realm.window.document.getElementById('zmmtg-root');
    expect(root, "the Client View's root is in the frame").to.exist;
    const rect = root!.getBoundingClientRect();
    expect(rect.width).to.be.at.most(640);
    expect(rect.height).to.be.at.most(400);
    expect(document.getElementById('zmmtg-root')).to.equal(null);
    expect(sdkGlobalsOn(window)).to.deep.equal([]);
    expect('ZoomMtg' in window).to.equal(false);
    expect(document.head.children.length).to.equal(headBefore);
    expect(window.onbeforeunload).to.equal(unloadBefore);
  });

  it("errors thrown in it are read as errors on the page's side, though they are not instanceof the page's Error", async () => {
    const realm = await openSdkRealm(await box());
    realms.push(realm);
    const frame = realm.window as unknown as { TypeError: TypeErrorConstructor; Error: ErrorConstructor; DOMException: typeof DOMException };
    const thrown = new frame.TypeError('Failed to fetch secret-token-123');
    expect(thrown instanceof Error, 'another realm').to.equal(false);
    expect(isError(thrown)).to.equal(true);
    expect(isAbortError(new frame.DOMException('stopped', 'AbortError'))).to.equal(true);

    const cause = safeCause(thrown, secretScrubber(['secret-token-123'])) as Error;
    expect(cause instanceof TypeError, "copied as the page's TypeError").to.equal(true);
    expect(cause.message).to.not.contain('secret-token-123');
    expect(cause.message).to.contain('Failed to fetch');

    const error = normalizeSdkError(new frame.Error('The SDK broke inside its frame'), { view: 'component', stage: 'join', secrets: [] });
    expect(error.message).to.contain('The SDK broke inside its frame');
  });

  it('knows where each view\'s scripts are, self-hosted and on Zoom\'s CDN', () => {
    expect(sdkRealmScripts('component', 'https://app.example/zoom-sdk/lib/')).to.deep.equal([
      'https://app.example/zoom-sdk/lib/vendor/react.min.js',
      'https://app.example/zoom-sdk/lib/vendor/react-dom.min.js',
      'https://app.example/zoom-sdk/zoomus-websdk-embedded.umd.min.js',
    ]);
    // Zoom's CDN keeps the vendor libraries under the version's lib/ and both bundles at its root, versioned by name.
    expect(sdkRealmScripts('client', SDK_CDN_LIB_URL)).to.deep.equal([
      'https://source.zoom.us/6.2.0/lib/vendor/react.min.js',
      'https://source.zoom.us/6.2.0/lib/vendor/react-dom.min.js',
      'https://source.zoom.us/6.2.0/lib/vendor/redux.min.js',
      'https://source.zoom.us/6.2.0/lib/vendor/redux-thunk.min.js',
      'https://source.zoom.us/6.2.0/lib/vendor/lodash.min.js',
      'https://source.zoom.us/zoom-meeting-6.2.0.min.js',
    ]);
    expect(sdkRealmScripts('component', SDK_CDN_LIB_URL).at(-1)).to.equal('https://source.zoom.us/zoom-meeting-embedded-6.2.0.min.js');
  });

  it('every script it names for a self-hosted dist/ exists in the installed package', async () => {
    for (const view of ['component', 'client'] as const) {
      for (const url of sdkRealmScripts(view, new URL(LIB, location.href).href)) {
        const response = await fetch(url, { method: 'HEAD' });
        expect(response.status, url).to.equal(200);
      }
    }
  });

  it('an asset path without the SDK is an SdkRealmError naming the first script that did not load', async () => {
    const realm = await openSdkRealm(await box());
    realms.push(realm);
    const error = await loadSdkIntoRealm(realm, 'component', new URL('/no-such/lib', location.href).href).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(SdkRealmError);
    expect((error as Error).message).to.contain('/no-such/lib/vendor/react.min.js');
  });

  it('in either realm adapter, SDK files that do not load into the frame fail as sdk-load-failed, naming the file, and leave no frame', async () => {
    for (const adapter of [new ComponentViewAdapter(), new ClientViewAdapter()]) {
      const root = await box();
      const libUrl = new URL('/no-such/lib', location.href).href;
      const error = (await adapter.load({ root, libUrl }, new AbortController().signal).catch((caught: unknown) => caught)) as ZoomJoinError;
      expect(error, adapter.view).to.be.instanceOf(ZoomJoinError);
      expect(error.code).to.equal('sdk-load-failed');
      expect(error.view).to.equal(adapter.view);
      expect(error.message).to.contain('/no-such/lib/vendor/react.min.js');
      expect(root.querySelector('iframe')).to.equal(null);
    }
  });

  it('a frame moved in the page loses its document: the realm says so once, and a prepared realm is replaced at the join', async () => {
    const first = await box();
    const second = await box();
    const libUrl = new URL(LIB, location.href).href;
    const slot = new SdkRealmSlot('component', (candidate: unknown): candidate is object => Boolean(candidate), async () => undefined);
    await slot.prepare(first, libUrl, new AbortController().signal);
    const prepared = first.querySelector('iframe')!;
    const preparedWindow = prepared.contentWindow as Window & { ReactWidgets?: unknown };
    expect(preparedWindow.ReactWidgets).to.exist;

    // Re-parenting the box (as a framework may) moves the frame: the browser gives it a new, empty document.
    second.append(first);
    await waitUntil(() => !(prepared.contentWindow as Window & { ReactWidgets?: unknown }).ReactWidgets, 'the frame reloaded');
    const { realm } = await slot.take(first, libUrl, new AbortController().signal);
    realms.push(realm);
    expect(realm.frame, 'a fresh frame, not the reloaded one').to.not.equal(prepared);
    expect(prepared.isConnected, 'the reloaded frame is gone').to.equal(false);
    expect((realm.window as Window & { ReactWidgets?: unknown }).ReactWidgets, 'the SDK, loaded in the fresh frame').to.exist;

    let heard = 0;
    realm.onLost(() => heard++);
    expect(realm.lost).to.equal(false);
    document.body.append(first);
    expect(realm.lost, 'known at once: the frame has a new window').to.equal(true);
    await waitUntil(() => heard > 0, 'the listener heard it once the new document loaded');
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.remove();
    expect(heard).to.equal(1);
  });
});
