import type { SdkCommand, SdkInitOptions, SdkJoinOptions, SdkMeetingEnd, SdkMeetingInfo, ZoomParticipant, ZoomSdk } from './adapter.js';
import { sdkMemoryFailure } from './sdk-memory-failure.js';
import { hasFunctions, sdkJoinOptions, secretsOf } from './sdk-module.js';
import { SdkRealmSlot } from './sdk-realm.js';
import { answeredWithin, nextTask, RealmAdapter } from './realm-adapter.js';
import { warmJsMedia } from '../assets/warm.js';
import { intoRealm } from './options/into-realm.js';

/** The few members of the Component View client we use, typed structurally (the SDK's own typings are loose). */
interface EmbeddedClient {
  init(options: Record<string, unknown>): Promise<unknown>;
  join(options: Record<string, unknown>): Promise<unknown>;
  leaveMeeting(): Promise<unknown>;
  endMeeting(): Promise<unknown>;
  mute(muted: boolean): Promise<unknown>;
  getAttendeeslist(): EmbeddedParticipant[] | undefined;
  getCurrentUser(): EmbeddedParticipant | null;
  getCurrentMeetingInfo(): { meetingTopic?: string } | undefined;
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

/** The fields of the SDK's `Participant` the element reads. */
interface EmbeddedParticipant {
  userId: number;
  userName?: string;
  displayName?: string;
  isHost?: boolean;
  isCoHost?: boolean;
  bHold?: boolean;
  isHold?: boolean;
}

function participantOf(user: EmbeddedParticipant, you: number | undefined): ZoomParticipant {
  return {
    id: user.userId,
    name: user.userName ?? user.displayName ?? '',
    role: user.isHost ? 'host' : user.isCoHost ? 'co-host' : 'attendee',
    inWaitingRoom: user.bHold === true,
    isYou: user.userId === you,
  };
}

/**
 * The reasons the SDK gives with `connection-change {state: 'Closed'}` when the meeting ended for the user (its
 * 7939 handler); any other (an unknown reason, a duplicated session) counts as ended.
 */
const REMOVED_REASONS = new Set(['kicked by host', 'expeled by host']) // l10n-ignore: the SDK's own English, matched;
/** 7939 reason 21: the Zoom user the OBF token joined on behalf of left (its own dialog says 4019). */
// l10n-ignore: the SDK's own English, matched
const AUTHORIZED_USER_LEFT = 'bot user kicked due to master leaving';

function endOf(reason: string | undefined): SdkMeetingEnd {
  if (reason === AUTHORIZED_USER_LEFT) return 'authorized-user-left';
  return reason !== undefined && REMOVED_REASONS.has(reason) ? 'removed' : 'ended';
}

/** The SDK's roster events; the element reads the whole list after each. */
const ROSTER_EVENTS = ['user-added', 'user-removed', 'user-updated'];

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
    // The SDK runs js_media only once Join is clicked; run ahead, its 1.6 MB is compiled and cached by then. The SDK
    // runs its own copy in this frame on join: ours leaves no globals for that copy to find.
    if (ahead) await warmJsMedia(libUrl, { signal, window: realm.window, withdrawGlobals: true });
  });
  private client?: EmbeddedClient;

  private readonly onConnectionChange = (payload: unknown): void => {
    const change = (payload ?? {}) as ConnectionChange;
    // Before join resolves, failures arrive through join's rejection; afterwards only events can tell us.
    if (!this.joined) return;
    if (change.state === 'Closed' || change.state === 'Fail') {
      this.meetingEnded(change.state === 'Fail' || this.reconnecting ? 'connection-lost' : endOf(change.reason));
    } else if (change.state === 'Reconnecting') {
      // The host let the user in from the waiting room: the SDK reconnects to the meeting proper.
      if (change.reason === 'on hold') return; // l10n-ignore: the SDK's own English, matched
      this.reconnecting = true;
      this.notify({ type: 'connection', state: 'reconnecting', ...(change.reason ? { reason: change.reason } : {}) });
    } else if (change.state === 'Connected') {
      this.reconnecting = false;
      this.notify({ type: 'connection', state: 'connected' });
    }
  };

  private readonly onRoster = (): void => {
    this.isHeld();
    if (this.joined) this.notify({ type: 'participants', participants: this.participants() });
  };

  /** The user's own entry says whether the host holds them in the waiting room (its on-hold-change never comes). */
  protected override isHeld(): boolean {
    const you = this.client?.getCurrentUser();
    if (you) this.setHeld(you.bHold === true || you.isHold === true);
    return this.held;
  }

  private participants(): ZoomParticipant[] {
    const you = this.client?.getCurrentUser()?.userId;
    return (this.client?.getAttendeeslist() ?? []).map((user) => participantOf(user, you));
  }

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
        ...(options.sdkOptions ? { customize: intoRealm(options.sdkOptions, realmWindow) } : {}),
      });
      client.on('connection-change', this.onConnectionChange);
      client.on('media-internal-error', this.onMediaError);
      for (const name of ROSTER_EVENTS) client.on(name, this.onRoster);
      this.client = client;
    });
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const client = this.client;
    if (!client) throw new Error('ComponentViewAdapter.init() must resolve before join()');
    return this.joinInRealm(signal, secretsOf(options), () => client.join(sdkJoinOptions(options, 'password')));
  }

  async meetingInfo(): Promise<SdkMeetingInfo> {
    const client = this.client;
    if (!client || !this.joined) return {};
    const you = client.getCurrentUser();
    const topic = client.getCurrentMeetingInfo()?.meetingTopic;
    // The participants known at the join, told after the join itself: the roster events only tell of changes.
    void nextTask().then(this.onRoster);
    return { ...(topic ? { topic } : {}), ...(you ? { userId: you.userId, role: participantOf(you, you.userId).role } : {}) };
  }

  sdk(): ZoomSdk | undefined {
    // Our structural view of the client is the SDK's own object: handed out as the SDK types it.
    return this.client && this.joined ? { view: 'component', client: this.client as unknown as Extract<ZoomSdk, { view: 'component' }>['client'] } : undefined;
  }

  async command(command: SdkCommand): Promise<void> {
    const client = this.client;
    if (!client || !this.joined) throw new Error('The Zoom SDK is not in a meeting');
    // The SDK resolves '' when done and rejects (or resolves) {type, reason} when it refuses.
    const answer = await answeredWithin(command === 'end' ? this.untilOver(client.endMeeting()) : client.mute(command === 'mute'), command);
    if (answer && typeof answer === 'object') throw answer;
  }

  async leave(): Promise<void> {
    const { client, joined } = this;
    this.joined = false;
    // Leaving lets Zoom know at once; whatever the meeting left behind goes with its frame.
    if (client && joined) await client.leaveMeeting().catch(() => undefined);
    await nextTask();
    this.discardRealm();
  }

  protected override discardRealm(): void {
    if (this.client) {
      this.client.off('connection-change', this.onConnectionChange);
      this.client.off('media-internal-error', this.onMediaError);
      for (const name of ROSTER_EVENTS) this.client.off(name, this.onRoster);
    }
    this.client = undefined;
    super.discardRealm();
  }
}
