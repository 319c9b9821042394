import type { SdkAdapter, SdkEventListener, SdkInitOptions, SdkJoinOptions } from './adapter.js';
import { sdkMemoryFailure } from './sdk-memory-failure.js';
import { normalizeSdkError } from './normalize-error.js';
import { memoizeImport } from '../lazy-import.js';
import { hasFunctions, secretsOf, unwrapModule } from './sdk-module.js';
import { openRealmWithSdk, type SdkRealm } from './sdk-realm.js';
import { joinWatchingZoom } from './watched-join.js';

/** The few members of the Component View client we use, typed structurally (the SDK's own typings are loose). */
interface EmbeddedClient {
  init(options: Record<string, unknown>): Promise<unknown>;
  join(options: Record<string, unknown>): Promise<unknown>;
  leaveMeeting(): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): void;
  off(event: string, callback: (payload: unknown) => void): void;
}

interface EmbeddedApi {
  createClient(): EmbeddedClient;
  destroyClient(): void;
}

function isEmbeddedApi(candidate: unknown): candidate is EmbeddedApi {
  return hasFunctions(candidate, ['createClient', 'destroyClient']);
}

/** Loads (and so evaluates) the Component View module ahead of a join; the join then finds it in memory. */
export const loadEmbeddedApi = memoizeImport(async (): Promise<EmbeddedApi> => {
  const api = unwrapModule(await import('@zoom/meetingsdk/embedded'), isEmbeddedApi);
  if (!api) throw new Error('@zoom/meetingsdk/embedded did not export ZoomMtgEmbedded');
  return api;
});

/** `destroyClient()` is typed void but tears down asynchronously; creating a client sooner reuses a dying one. */
const DESTROY_SETTLE_MS = 600;

interface ConnectionChange {
  state?: string;
  reason?: string;
  errorCode?: number;
}

/**
 * The page's one SDK client and what it was initialised with. Measured (bench/rejoin-memory): destroying and
 * re-creating the client for every join grows the heap ~4 MB and the DOM ~17 nodes per cycle; re-using an
 * initialised client grows it far less. So the client outlives a join and is destroyed only when its root
 * goes away (the element is removed) or a different root, asset path or language needs a fresh init.
 */
interface PageClient {
  owner: ComponentViewAdapter;
  client: EmbeddedClient;
  root: HTMLElement;
  initKey: string;
}
let pageClient: PageClient | undefined;
let pageClientDestroying: Promise<void> | undefined;

function initKeyOf(options: SdkInitOptions): string {
  return JSON.stringify([options.libUrl, options.language, options.selfHosted, Boolean(options.enforceVirtualBackground)]);
}

/**
 * The SDK appends a fresh `<script src=".../js_media.min.js">` on every join and never removes the old ones;
 * once a script has run its element is inert, so only the newest is kept.
 */
function removeStaleMediaScripts(): void {
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src$="/js_media.min.js"]'));
  for (const script of scripts.slice(0, -1)) script.remove();
}

export interface ComponentViewOptions {
  /**
   * Run the SDK in a frame of its own inside the root (see sdk-realm.ts) instead of the page: a join gets a fresh
   * realm, and leaving discards it with everything the SDK made.
   */
  realm?: boolean;
}

export class ComponentViewAdapter implements SdkAdapter {
  readonly view = 'component' as const;
  private api?: EmbeddedApi;
  /** The frame the SDK runs in, with `realm: true`. */
  private realm?: SdkRealm;

  constructor(private readonly options: ComponentViewOptions = {}) {}
  private client?: EmbeddedClient;
  private joined = false;
  private secrets: string[] = [];
  private readonly listeners = new Set<SdkEventListener>();

  private readonly onConnectionChange = (payload: unknown): void => {
    const change = (payload ?? {}) as ConnectionChange;
    // Before join resolves, failures arrive through join's rejection; afterwards only events can tell us.
    if (!this.joined) return;
    if (change.state === 'Closed') {
      this.joined = false;
      this.notify({ type: 'meeting-ended' });
    } else if (change.state === 'Fail') {
      this.joined = false;
      const error = normalizeSdkError(payload, { view: this.view, stage: 'join', secrets: this.secrets });
      this.notify({ type: 'connection-failed', error });
    }
  };

  async load(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    // In a realm the SDK is loaded by init(), which knows where the frame goes and where the SDK is served.
    if (this.options.realm) return;
    try {
      this.api = await loadEmbeddedApi();
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'load' });
    }
  }

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.options.realm) return this.initInRealm(options, signal);
    const api = this.requireApi();
    if (pageClientDestroying) await pageClientDestroying;
    const initKey = initKeyOf(options);
    try {
      if (pageClient && pageClient.root === options.root && pageClient.initKey === initKey) {
        // Same root and settings: re-use the initialised client (see PageClient).
        this.adopt(pageClient);
        return;
      }
      if (pageClient) await pageClient.owner.destroy();
      const client = api.createClient();
      await client.init({
        zoomAppRoot: options.root,
        assetPath: `${options.libUrl}/av`,
        language: options.language,
        // Patching rewrites js_media URLs for Zoom's CDN only; against self-hosted files it breaks them.
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
      this.adopt({ owner: this, client, root: options.root, initKey });
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    }
  }

  /** A fresh frame in the root, the SDK loaded into it, and its client initialised on a root inside the frame. */
  private async initInRealm(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    if (this.client && this.realm?.frame.parentElement === options.root) return;
    this.discardRealm();
    const { realm, api } = await openRealmWithSdk(options.root, 'component', options.libUrl, isEmbeddedApi, signal);
    this.realm = realm;
    this.api = api;
    try {
      const frameDocument = realm.window.document;
      const appRoot = frameDocument.createElement('div');
      frameDocument.body.append(appRoot);
      const client = api.createClient();
      await client.init({
        zoomAppRoot: appRoot,
        assetPath: `${options.libUrl}/av`,
        language: options.language,
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
      client.on('connection-change', this.onConnectionChange);
      client.on('media-internal-error', this.onMediaError);
      this.client = client;
    } catch (raw) {
      this.discardRealm();
      signal.throwIfAborted();
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    }
  }

  /** Drops the frame and all the SDK made in it; the next init starts a fresh one. */
  private discardRealm(): void {
    if (this.client) this.unsubscribeFrom(this.client);
    this.client = undefined;
    this.api = undefined;
    this.realm?.discard();
    this.realm = undefined;
  }

  private readonly onMediaError = (payload: unknown): void => {
    const failure = sdkMemoryFailure(payload);
    if (failure) this.notify({ type: 'memory-failure', failure });
  };

  /** Takes over the page's client and its events (subscribing before init throws inside the SDK). */
  private adopt(state: PageClient): void {
    if (pageClient && pageClient.owner !== this) pageClient.owner.unsubscribeFrom(pageClient.client);
    if (this.client !== state.client) {
      state.client.on('connection-change', this.onConnectionChange);
      state.client.on('media-internal-error', this.onMediaError);
    }
    pageClient = { ...state, owner: this };
    if (state.owner !== this) state.owner.client = undefined;
    this.client = state.client;
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const client = this.requireClient();
    this.secrets = secretsOf(options);
    try {
      const joinOptions = {
        signature: options.signature,
        meetingNumber: options.meetingNumber,
        userName: options.userName,
        password: options.passcode ?? '',
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.sdkKey ? { sdkKey: options.sdkKey } : {}),
        ...(options.userEmail ? { userEmail: options.userEmail } : {}),
        ...(options.zak ? { zak: options.zak } : {}),
        ...(options.tk ? { tk: options.tk } : {}),
        ...(options.obfToken ? { obfToken: options.obfToken } : {}),
      };
      await joinWatchingZoom(() => client.join(joinOptions), {
        view: this.view,
        realm: this.realm?.window ?? window,
        secrets: this.secrets,
        notify: (event) => this.notify(event),
      });
      if (signal.aborted) {
        // The element stopped waiting (left or removed) while the SDK was still joining: leave what it joined.
        await client.leaveMeeting().catch(() => undefined);
        throw signal.reason;
      }
      this.joined = true;
    } catch (raw) {
      signal.throwIfAborted();
      throw raw;
    } finally {
      if (!this.realm) removeStaleMediaScripts();
    }
  }

  async leave(): Promise<void> {
    if (!this.client) return;
    this.joined = false;
    this.secrets = [];
    try {
      await this.client.leaveMeeting();
    } catch (raw) {
      if (!this.realm) throw normalizeSdkError(raw, { view: this.view, stage: 'leave' });
    } finally {
      // Whatever the meeting left behind goes with its frame; the next join gets a fresh one.
      if (this.realm) this.discardRealm();
    }
  }

  async destroy(): Promise<void> {
    this.joined = false;
    this.secrets = [];
    if (this.realm) {
      this.discardRealm();
      return;
    }
    const { api, client } = this;
    this.client = undefined;
    if (!client) return;
    this.unsubscribeFrom(client);
    // Only the adapter that owns the page's client may destroy it: another element may have taken it over.
    if (!api || pageClient?.owner !== this) return;
    pageClient = undefined;
    const destroying = (async () => {
      try {
        api.destroyClient();
      } catch {
        // Destroying a client that never joined can throw inside the SDK; there is nothing left to release then.
      }
      await new Promise((resolve) => setTimeout(resolve, DESTROY_SETTLE_MS));
    })();
    pageClientDestroying = destroying;
    await destroying;
    if (pageClientDestroying === destroying) pageClientDestroying = undefined;
  }

  private unsubscribeFrom(client: EmbeddedClient): void {
    client.off('connection-change', this.onConnectionChange);
    client.off('media-internal-error', this.onMediaError);
  }

  subscribe(listener: SdkEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(event: Parameters<SdkEventListener>[0]): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private requireApi(): EmbeddedApi {
    if (!this.api) throw new Error('ComponentViewAdapter.load() must resolve before init()');
    return this.api;
  }

  private requireClient(): EmbeddedClient {
    if (!this.client) throw new Error('ComponentViewAdapter.init() must resolve before join()');
    return this.client;
  }
}
