import type { SdkInitOptions, SdkJoinOptions } from './adapter.js';
import { sdkMemoryFailure } from './sdk-memory-failure.js';
import { normalizeSdkError } from './normalize-error.js';
import { hasFunctions, sdkJoinOptions, secretsOf } from './sdk-module.js';
import { SdkRealmSlot } from './sdk-realm.js';
import { RealmAdapter } from './realm-adapter.js';
import { warmJsMedia } from '../assets/warm.js';

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

interface ConnectionChange {
  state?: string;
  reason?: string;
  errorCode?: number;
}

/**
 * The Component View, run in a realm of its own (see sdk-realm.ts): every join gets a frame with the SDK loaded —
 * prepared ahead of the click when the element preloads — and leaving discards it with everything the SDK made.
 */
export class ComponentViewAdapter extends RealmAdapter<EmbeddedApi> {
  readonly view = 'component' as const;
  protected readonly slot = new SdkRealmSlot<EmbeddedApi>('component', isEmbeddedApi, async ({ realm }, libUrl, signal, ahead) => {
    // The SDK runs js_media only once Join is clicked; run ahead, its 1.6 MB is compiled and cached by then.
    if (ahead) await warmJsMedia(libUrl, { signal, window: realm.window });
  });
  private client?: EmbeddedClient;
  private secrets: string[] = [];

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

  private readonly onMediaError = (payload: unknown): void => {
    const failure = sdkMemoryFailure(payload);
    if (failure) this.notify({ type: 'memory-failure', failure });
  };

  /** The SDK's client, initialised on a root inside the realm. */
  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    return this.initInRealm(signal, async (api, realmWindow) => {
      const frameDocument = realmWindow.document;
      const appRoot = frameDocument.createElement('div');
      frameDocument.body.append(appRoot);
      const client = api.createClient();
      await client.init({
        zoomAppRoot: appRoot,
        assetPath: `${options.libUrl}/av`,
        language: options.language,
        // Patching rewrites js_media URLs for Zoom's CDN only; against self-hosted files it breaks them.
        patchJsMedia: !options.selfHosted,
        leaveOnPageUnload: true,
        // Only set keys reach the SDK: it checks the option names it is given, and undefined is not known to it as absent.
        ...(options.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      });
      client.on('connection-change', this.onConnectionChange);
      client.on('media-internal-error', this.onMediaError);
      this.client = client;
    });
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const client = this.client;
    if (!client) throw new Error('ComponentViewAdapter.init() must resolve before join()');
    this.secrets = secretsOf(options);
    return this.joinInRealm(signal, this.secrets, () => client.join(sdkJoinOptions(options, 'password')));
  }

  async leave(): Promise<void> {
    const { client, joined } = this;
    this.joined = false;
    // Leaving lets Zoom know at once; whatever the meeting left behind goes with its frame.
    if (client && joined) await client.leaveMeeting().catch(() => undefined);
    this.discardRealm();
  }

  protected override discardRealm(): void {
    if (this.client) {
      this.client.off('connection-change', this.onConnectionChange);
      this.client.off('media-internal-error', this.onMediaError);
    }
    this.client = undefined;
    // The join's passcode and tokens go with its frame.
    this.secrets = [];
    super.discardRealm();
  }
}
