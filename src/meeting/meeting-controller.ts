import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { AssetController } from '../assets/asset-controller.js';
import { setting, unusableAttributes, type ZoomJoinState } from '../attributes.js';
import type { VirtualBackgroundMode } from '../assets/plan.js';
import type { PreloadStrategy } from '../assets/preload-trigger.js';
import { ZoomJoinError, type SdkView } from '../zoom-join-error.js';
import { emit, type ZoomLeftReason } from '../events.js';
import { memoizeImport } from '../lazy-import.js';
import type { ZoomAnswer } from '../error-codes/zoom-answers.js';
import type { SdkAdapter, SdkAdapterEvent, SdkAdapterFactory, SdkCommand, SdkPrompt, ZoomParticipant, ZoomSdk } from '../sdk/adapter.js';
import type { MeetingLock } from './browser-lock.js';
import { JoinRun } from './join-run.js';
import { inMeetingStatuses, joinableStatuses, memoryWatchedStatuses, ZoomStatus } from '../status.js';
import { joinCodeLoadFailedError } from './join-code-load-error.js';
import { markResumeAfterSignIn, takeResumeAfterSignIn } from './sign-in-resume.js';
import { MemoryWatch } from './memory-watch.js';

export type JoinMachinery = typeof import('./join-machinery.js');

/**
 * The attribute checks, signature client, lock, SDK adapters and error texts: one lazy chunk, imported once per
 * page when a join or a preload starts. A failed import is forgotten, for browsers that fetch it again (Chromium
 * keeps the failure until the page is reloaded).
 */
const loadJoinMachinery = memoizeImport((): Promise<JoinMachinery> => import('./join-machinery.js'));

/** The element class's settings for every element: which SDK to use, and the grace before a removed one leaves. */
interface MeetingStatics {
  /** Undefined: the real SDK, loaded with the rest of the join machinery. */
  adapterFactory?: SdkAdapterFactory | undefined;
  /**
   * How long a removed element waits before leaving, so that putting it back at once keeps its state (the SDK's
   * frame reloads when moved: see sdk-realm.ts).
   */
  teardownDelayMs: number;
}

export type MeetingHost = ReactiveControllerHost & ZoomJoinState;

/**
 * The SDK is a singleton per page: a second join would tear down the first meeting. The first controller to claim
 * the page keeps it until it releases it.
 */
let pageMeetingOwner: MeetingController | undefined;

/**
 * Owns one meeting: status, the SDK adapter, join and leave, auto-join, and teardown on removal, with the asset
 * preload and the memory watch it drives. Every step takes the current run's AbortSignal, so leaving or removing
 * the element cancels whatever is in flight.
 */
export class MeetingController implements ReactiveController {
  status: ZoomStatus = ZoomStatus.idle;
  error?: ZoomJoinError;
  /** A line the status adds while joining: the SDK is asking the user for something. */
  statusDetail?: string;
  readonly assets: AssetController;
  readonly memory: MemoryWatch;
  /** auto-join joins once; after a leave or a failure the user (or retry()) decides. */
  autoJoinStarted = false;

  private adapter?: SdkAdapter;
  private unsubscribe?: () => void;
  private pendingDestroy?: Promise<void>;
  private run?: JoinRun;
  /** The current join's timing (from the join machinery). */
  private timing?: InstanceType<JoinMachinery['JoinTiming']>;
  private leaving?: Promise<void>;
  private teardownTimer?: ReturnType<typeof setTimeout>;
  private meetingLock?: MeetingLock;
  private machinery?: JoinMachinery;
  /** What the current join reached, for a join-timeout message. */
  private progress: { step: string; zoomAnswer?: ZoomAnswer; prompt?: SdkPrompt; authorizedUser?: { name?: string } } = { step: '' };
  private sdkRoot?: HTMLElement;
  /** The meeting the user is in, from the join's success to the meeting's end. */
  private inMeeting?: InstanceType<JoinMachinery['InMeeting']>;
  /** While the join waits for the visitor to sign in with Zoom. */
  private signIn?: InstanceType<JoinMachinery['ZoomSignIn']>;

  constructor(private readonly host: MeetingHost) {
    // The asset controller first: its update settles the preload state this one mirrors.
    this.assets = new AssetController(
      host,
      () => ({
        strategy: setting(host, 'preload') as PreloadStrategy,
        assetPath: host.assetPath,
        sdkVersion: host.sdkVersion,
        // As given: the preload code (lazy) decides `auto` for this device, as the join does.
        view: host.view,
        virtualBackground: setting(host, 'virtualBackground') as VirtualBackgroundMode,
      }),
      () => void loadJoinMachinery().catch(() => undefined),
      (libUrl, signal) => this.prepareSdk(libUrl, signal),
    );
    this.memory = new MemoryWatch(host, () => void this.leave('memory-pressure'));
    host.addController(this);
  }

  /** Everyone in the meeting while the user is in one; empty otherwise. */
  get participants(): readonly ZoomParticipant[] {
    return (inMeetingStatuses.has(this.status) && this.inMeeting?.participants) || [];
  }

  /** The SDK of the meeting under way (advanced use), or undefined. */
  get sdk(): ZoomSdk | undefined {
    return inMeetingStatuses.has(this.status) ? this.adapter?.sdk() : undefined;
  }

  /** Where "Sign in with Zoom" goes while the join waits for it. */
  get signInUrl(): string | undefined {
    return this.status === ZoomStatus.waitingForSignIn ? this.signIn?.url : undefined;
  }

  /** Opens Zoom's sign-in; from the click on "Sign in with Zoom" (a popup needs the gesture). */
  openSignIn(): void {
    this.signIn?.open(setting(this.host, 'signIn') === 'redirect' ? 'redirect' : 'popup');
  }

  /** Asks the SDK in the meeting to mute, unmute or end it; rejects with a ZoomJoinError (status unchanged). */
  async command(command: SdkCommand): Promise<void> {
    const machinery = await loadJoinMachinery();
    const adapter = this.adapter;
    if (!adapter || !inMeetingStatuses.has(this.status)) throw machinery.notInMeetingError(command);
    try {
      await adapter.command(command);
    } catch (raw) {
      throw machinery.scrubJoinError(machinery.meetingCommandError(command, raw), this.host);
    }
  }

  private get statics(): MeetingStatics {
    return this.host.constructor as unknown as MeetingStatics;
  }

  /** Before each render: the preload's progress shows in the status, and memory is watched while it matters. */
  hostUpdate(): void {
    this.syncPreparation();
    this.memory.update(memoryWatchedStatuses.has(this.status));
  }

  hostUpdated(): void {
    // Mirrored as an attribute for CSS (`zoom-join[status=joined]`) and tests.
    if (this.host.getAttribute('status') !== this.status) this.host.setAttribute('status', this.status);
    if (
      !this.autoJoinStarted &&
      this.status === ZoomStatus.idle &&
      this.canAutoJoin() &&
      // Back from Zoom's sign-in in this tab: the join it left for goes on.
      (this.host.autoJoin || takeResumeAfterSignIn(String(this.host.meetingNumber ?? '').replace(/[\s-]+/g, '')))
    ) {
      this.autoJoinStarted = true;
      // After this update, not inside it: joining changes status, which renders again.
      queueMicrotask(() => this.join().catch(() => undefined));
    }
  }

  private canAutoJoin(): boolean {
    const { signature, signatureProvider, signatureEndpoint, meetingNumber, userName } = this.host;
    return this.host.isConnected && Boolean(meetingNumber && userName) && Boolean(signature || signatureProvider || signatureEndpoint);
  }

  /**
   * Preloading makes the SDK itself ready, not just its files: the adapter loads it into the realm it will join
   * in (and runs js_media there) while the page is idle, so Join does not wait for megabytes of JavaScript.
   */
  private async prepareSdk(libUrl: string, signal: AbortSignal): Promise<void> {
    const machinery = await loadJoinMachinery();
    // A meeting holds the realm: the next one is prepared after it (the run itself may not have unwound yet).
    if (!joinableStatuses.has(this.status)) return;
    const adapter = await this.adapterFor(machinery.resolveView(this.host.view), machinery);
    await adapter.prepare?.({ root: this.meetingRoot(), libUrl }, signal);
  }

  hostConnected(): void {
    if (this.teardownTimer !== undefined) {
      clearTimeout(this.teardownTimer);
      this.teardownTimer = undefined;
    }
  }

  hostDisconnected(): void {
    if (this.teardownTimer !== undefined) return;
    this.teardownTimer = setTimeout(() => {
      this.teardownTimer = undefined;
      void this.teardown();
    }, this.statics.teardownDelayMs);
  }

  join(): Promise<void> {
    if (this.run) return this.run.promise;
    if (inMeetingStatuses.has(this.status)) return Promise.resolve();
    this.progress = { step: msg('checking the attributes and the SDK files') };
    const run = new JoinRun(setting(this.host, 'joinTimeout'));
    run.promise = this.runJoin(run).finally(() => {
      run.clearTimeout();
      if (this.run === run) this.run = undefined;
    });
    this.run = run;
    return run.promise;
  }

  async leave(reason: ZoomLeftReason = 'user'): Promise<void> {
    // A join queued behind a leave in progress is cancelled too, not left to start afterwards.
    if (this.run) {
      // Leaving while joining cancels the join; for memory pressure that is a failure the page must hear of.
      this.run.stop(reason === 'memory-pressure' ? reason : undefined);
      await this.run.promise.catch(() => undefined);
      return;
    }
    if (!inMeetingStatuses.has(this.status)) return;
    return this.endInMeeting(reason);
  }

  /**
   * The meeting is over for the user: left by them (status `leaving` first) or ended by the SDK's report (ended,
   * removed, connection lost: nothing left to leave). Runs once; a join meanwhile waits for it.
   */
  private endInMeeting(reason: ZoomLeftReason): Promise<void> {
    this.leaving ??= this.runLeave(reason).finally(() => {
      this.leaving = undefined;
    });
    return this.leaving;
  }

  private async runJoin(run: JoinRun): Promise<void> {
    const { signal } = run;
    if (this.leaving) {
      await this.leaving;
      if (signal.aborted) throw (await loadJoinMachinery()).cancelledError();
    }
    if (!joinableStatuses.has(this.status)) return;

    // The attribute checks and error texts come with the join machinery (one small lazy chunk, no network but
    // our own code); they run before anything else: no signature, asset or SDK request on bad input.
    let machinery: JoinMachinery;
    try {
      machinery = await loadJoinMachinery();
      this.machinery = machinery;
    } catch (raw) {
      return this.fail(joinCodeLoadFailedError(raw));
    }
    const timing = (this.timing = new machinery.JoinTiming(this.host, run.at));
    const config = machinery.readJoinConfig(this.host, document.baseURI);
    if (config instanceof ZoomJoinError) return this.fail(config);
    for (const warning of machinery.attributeWarnings(this.host, unusableAttributes(this.host))) emit(this.host, 'zoom-warning', warning);
    const sdkOptions = machinery.sdkOptionsOf(this.host, config.view, (warning) => emit(this.host, 'zoom-warning', warning));
    if (pageMeetingOwner && pageMeetingOwner !== this) return this.fail(machinery.anotherMeetingOnThisPageError());
    pageMeetingOwner = this;

    try {
      // Asset-path problems surface here, before the signature and the SDK (instead of the SDK's opaque 5001).
      timing.begin('asset-check');
      await this.assets.prepareJoin(signal);
      if (signal.aborted) throw signal.reason;
      this.setStatus(ZoomStatus.signing);
      const videoWebRtcMode = await this.assets.capabilities().then(
        (capabilities) => capabilities.videoWebRtcMode,
        () => undefined,
      );
      // Who is there may be told while the join runs; the page hears of it once it heard of the join.
      const inMeeting = new machinery.InMeeting(this.host, {
        reconnectTimeoutMs: setting(this.host, 'reconnectTimeout'),
        onReconnecting: (reconnecting) => this.setStatus(reconnecting ? ZoomStatus.reconnecting : ZoomStatus.joined),
        onLost: () => void this.endInMeeting('connection-lost'),
        view: config.view,
        language: config.language,
      });
      this.inMeeting = inMeeting;
      // Whom an OBF token joins on behalf of, as the endpoint named them: the wait for them says so.
      let onBehalfOf: string | undefined;
      const joinOnce = (): Promise<void> => machinery.runJoinFlow({
        config,
        secrets: this.host,
        allowDuplicate: this.host.allowDuplicate,
        enforceVirtualBackground: setting(this.host, 'virtualBackground') === 'enforce',
        sdkOptions,
        videoWebRtcMode,
        signal,
        timing,
        sdkRoot: () => this.meetingRoot(),
        adapterFor: (view) => this.adapterFor(view, machinery),
        onLock: (lock) => {
          this.meetingLock = lock;
        },
        onSignatureWarnings: (problems) => emit(this.host, 'zoom-signature-warning', { problems }),
        onSigned: (signed) => {
          onBehalfOf = signed.onBehalfOf;
          this.setStatus(ZoomStatus.joining);
        },
        onStep: (step) => {
          this.progress.step = step;
        },
      });
      await machinery.joinWithWaits(joinOnce, {
        signal,
        waitForHost: this.host.waitForHost,
        host: {
          run,
          timing,
          clearTry: async (frame) => {
            if (frame) await this.adapter?.leave().catch(() => undefined);
            this.meetingLock?.release();
            this.meetingLock = undefined;
          },
          show: ({ status, detail, progress }) => {
            this.setStatus(status);
            if (progress) this.progress = progress;
            this.statusDetail = detail;
          },
          onBehalfOf: () => onBehalfOf,
        },
        untilSignedIn: (url, waitSignal) => {
          const signIn = (this.signIn = new machinery.ZoomSignIn(url, () => markResumeAfterSignIn(config.meetingNumber), waitSignal));
          this.host.requestUpdate();
          return signIn.done.finally(() => {
            if (this.signIn === signIn) this.signIn = undefined;
          });
        },
      });
      timing.begin('meeting-info');
      const info = (await this.adapter?.meetingInfo().catch(() => undefined)) ?? {};
      if (signal.aborted) throw signal.reason;
      // The join is over before anyone hears of it: a leave() from a zoom-joined listener must leave, not cancel.
      if (this.run === run) this.run = undefined;
      this.setStatus(ZoomStatus.joined);
      emit(this.host, 'zoom-joined', {
        meetingNumber: config.meetingNumber,
        userName: config.userName,
        view: config.view,
        ...info,
      });
      timing.finish('joined');
      inMeeting.start();
    } catch (raw) {
      // The realm this join used goes, with whatever it started.
      await this.adapter?.leave().catch(() => undefined);
      this.endMeeting();
      const error = machinery.failedJoinError(raw, signal, run.stoppedBy, { timeoutMs: setting(this.host, 'joinTimeout'), ...this.progress });
      if (error) return this.fail(error);
      this.setStatus(ZoomStatus.idle);
      timing.finish('cancelled');
      throw machinery.cancelledError();
    }
  }

  private async runLeave(reason: ZoomLeftReason): Promise<void> {
    const byUser = reason === 'user' || reason === 'memory-pressure' || reason === 'element-removed';
    if (byUser) this.setStatus(ZoomStatus.leaving);
    try {
      // The meeting's frame goes either way (and the adapter takes it down on a later task than the SDK's report).
      await this.adapter?.leave();
    } catch {
      // Leaving a meeting that the SDK already considers gone is not a failure the page can act on.
    }
    this.endMeeting();
    // A removed element's root is gone with it, so its SDK client goes too — before zoom-left says it is over.
    if (reason === 'element-removed') await this.disposeAdapter();
    this.setStatus(ZoomStatus.left);
    this.statusDetail = this.machinery?.leftTexts[reason];
    emit(this.host, 'zoom-left', { reason });
  }

  /** Sets status `error`, then fires `zoom-error`, then rejects the join with the same error. */
  private fail(raw: ZoomJoinError): never {
    // The last pass before anyone sees it. Without the join code only its own load failure gets here; it quotes none.
    const error = this.machinery ? this.machinery.scrubJoinError(raw, this.host) : raw;
    this.error = error;
    this.setStatus(ZoomStatus.error);
    emit(this.host, 'zoom-error', error);
    this.timing?.finish('failed');
    throw error;
  }

  private async adapterFor(view: SdkView, machinery: JoinMachinery): Promise<SdkAdapter> {
    if (this.pendingDestroy) await this.pendingDestroy;
    if (this.adapter && this.adapter.view !== view) await this.disposeAdapter();
    if (!this.adapter) {
      const factory = this.statics.adapterFactory ?? machinery.createSdkAdapter;
      this.adapter = factory(view);
      this.unsubscribe = this.adapter.subscribe((event) => this.onSdkEvent(event));
    }
    return this.adapter;
  }

  private onSdkEvent(event: SdkAdapterEvent): void {
    if (event.type === 'memory-failure') {
      this.memory.reportSdkFailure(event.failure);
      return;
    }
    if (event.type === 'zoom-answered') {
      if (this.run) this.progress.zoomAnswer = event.answer;
      // Zoom's join web service answered: what follows is the SDK reaching the meeting (or reporting a refusal). The
      // Client View asks it again (JSONP) while the host holds the user in the waiting room: that wait goes on.
      if (this.status !== ZoomStatus.waitingRoom) this.timing?.begin('joined');
      return;
    }
    if (event.type === 'prompt') {
      // Prompts arrive during a join, so the join machinery (and its texts) is loaded.
      if (!this.run || !this.machinery || this.progress.prompt === event.prompt) return;
      const texts = this.machinery.promptTexts[event.prompt];
      this.progress.prompt = event.prompt;
      this.statusDetail = texts.line;
      this.host.requestUpdate();
      emit(this.host, 'zoom-warning', { code: event.prompt, message: texts.warning });
      return;
    }
    if (event.type === 'waiting-room') {
      // Held before the meeting: the join waits on the host, and its timeout with it.
      const run = this.run;
      if (!run || (this.status !== ZoomStatus.joining && this.status !== ZoomStatus.waitingRoom)) return;
      if (event.held) run.pauseTimeout();
      else run.resumeTimeout();
      this.timing?.begin(event.held ? 'waiting' : 'joined');
      this.setStatus(event.held ? ZoomStatus.waitingRoom : ZoomStatus.joining);
      return;
    }
    if (event.type === 'participants' || event.type === 'connection') {
      this.inMeeting?.handle(event);
      return;
    }
    if (!inMeetingStatuses.has(this.status)) return;
    if (event.type === 'meeting-ended') {
      // Its realm goes, then the page hears why (endMeeting prepares the next).
      void this.endInMeeting(event.reason);
      return;
    }
    void this.adapter?.leave().catch(() => undefined);
    this.endMeeting();
    try {
      this.fail(event.error);
    } catch {
      // fail() throws for join()'s sake; here the event is the only report.
    }
  }

  /**
   * The error panel, once the join machinery that renders it is loaded: always, except when loading it failed,
   * where the status line says so (that error's title asks for a reload).
   */
  renderError(onRetry: () => void): TemplateResult | undefined {
    return this.error && this.machinery?.renderErrorPanel(this.error, onRetry);
  }

  /** Frees the page's meeting slot, and has the SDK made ready again for the next join (the adapter left its realm). */
  private endMeeting(): void {
    this.inMeeting?.dispose();
    this.inMeeting = undefined;
    if (pageMeetingOwner === this) pageMeetingOwner = undefined;
    this.meetingLock?.release();
    this.meetingLock = undefined;
    if (this.host.isConnected) this.assets.prepareAgain();
  }

  private async disposeAdapter(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) return;
    this.adapter = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const destroying = adapter.destroy().catch(() => undefined);
    this.pendingDestroy = destroying;
    await destroying;
    if (this.pendingDestroy === destroying) this.pendingDestroy = undefined;
  }

  private async teardown(): Promise<void> {
    if (this.run) {
      this.run.stop();
      await this.run.promise.catch(() => undefined);
    }
    if (inMeetingStatuses.has(this.status)) await this.leave('element-removed');
    this.endMeeting();
    await this.disposeAdapter();
  }

  private setStatus(status: ZoomStatus): void {
    const previous = this.status;
    if (previous === status) return;
    this.status = status;
    if (status !== ZoomStatus.error) this.error = undefined;
    this.statusDetail = undefined;
    this.host.requestUpdate();
    emit(this.host, 'zoom-status', { status, previous });
  }

  /** Mirrors the asset preload into the status while no meeting is under way: idle → preloading → ready. */
  private syncPreparation(): void {
    if (this.status !== ZoomStatus.idle && this.status !== ZoomStatus.preloading && this.status !== ZoomStatus.ready) return;
    if (this.run) return;
    const state = this.assets.state;
    this.setStatus(state === 'preloading' ? ZoomStatus.preloading : state === 'ready' ? ZoomStatus.ready : ZoomStatus.idle);
  }

  /** The box the SDK's frame goes in: light DOM, so that the page can size it as `zoom-join [slot=meeting]`. */
  private meetingRoot(): HTMLElement {
    if (!this.sdkRoot) {
      this.sdkRoot = document.createElement('div');
      this.sdkRoot.slot = 'meeting';
      this.sdkRoot.className = 'zoom-join-meeting';
      this.host.append(this.sdkRoot);
    }
    return this.sdkRoot;
  }

}
