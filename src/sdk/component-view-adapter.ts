import type { SdkAdapter, SdkEventListener, SdkInitOptions, SdkJoinOptions } from './adapter.js';
import { normalizeSdkError } from './normalize-error.js';
import { hasFunctions, memoizeImport, secretsOf, throwIfAborted, unwrapModule } from './sdk-module.js';

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

const loadEmbeddedApi = memoizeImport(async (): Promise<EmbeddedApi> => {
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

export class ComponentViewAdapter implements SdkAdapter {
  readonly view = 'component' as const;
  private api?: EmbeddedApi;
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
    throwIfAborted(signal);
    try {
      this.api = await loadEmbeddedApi();
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'load' });
    }
  }

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const api = this.requireApi();
    try {
      this.client = api.createClient();
      await this.client.init({
        zoomAppRoot: options.root,
        assetPath: `${options.libUrl}/av`,
        language: options.language,
        // Patching rewrites js_media URLs for Zoom's CDN only; against self-hosted files it breaks them.
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
      // Subscribing before init throws inside the SDK (it reads options init has not stored yet).
      this.client.on('connection-change', this.onConnectionChange);
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'init' });
    }
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const client = this.requireClient();
    this.secrets = secretsOf(options);
    try {
      await client.join({
        signature: options.signature,
        meetingNumber: options.meetingNumber,
        userName: options.userName,
        password: options.passcode ?? '',
        ...(options.sdkKey ? { sdkKey: options.sdkKey } : {}),
        ...(options.userEmail ? { userEmail: options.userEmail } : {}),
        ...(options.zak ? { zak: options.zak } : {}),
        ...(options.tk ? { tk: options.tk } : {}),
        ...(options.obfToken ? { obfToken: options.obfToken } : {}),
      });
      this.joined = true;
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'join', secrets: this.secrets });
    }
  }

  async leave(): Promise<void> {
    if (!this.client) return;
    this.joined = false;
    try {
      await this.client.leaveMeeting();
    } catch (raw) {
      throw normalizeSdkError(raw, { view: this.view, stage: 'leave' });
    }
  }

  async destroy(): Promise<void> {
    this.joined = false;
    this.secrets = [];
    const { api, client } = this;
    this.client = undefined;
    if (!api || !client) return;
    client.off('connection-change', this.onConnectionChange);
    try {
      api.destroyClient();
    } catch {
      // Destroying a client that never joined can throw inside the SDK; there is nothing left to release then.
    }
    await new Promise((resolve) => setTimeout(resolve, DESTROY_SETTLE_MS));
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
