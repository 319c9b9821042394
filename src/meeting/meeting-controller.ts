import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JoinAttributes } from '../config/join-config.js';
import { ZoomJoinError, type SdkView } from '../zoom-join-error.js';
import { emit, type ZoomLeftReason } from '../events.js';
import type { SdkMemoryFailure } from '../memory/sdk-memory-failure.js';
import type { ZoomAnswer } from '../error-codes/zoom-answers.js';
import type { SdkAdapter, SdkAdapterEvent, SdkAdapterFactory, SdkPrompt } from '../sdk/adapter.js';
import type { MeetingLock } from './browser-lock.js';
import type { MeetingSecrets } from './meeting-secrets.js';
import { loadJoinMachinery, type JoinMachinery } from './load-join-machinery.js';
import { joinableStatuses, ZoomStatus } from '../status.js';
import { claimPageMeeting, releasePageMeeting } from './page-meeting.js';
import { joinCodeLoadFailedError } from './join-code-load-error.js';

/** What the controller needs from its element. */
/** What the controller needs from its element: its attributes and secret properties, and a few hooks. */
export interface MeetingHost extends ReactiveControllerHost, HTMLElement, JoinAttributes, MeetingSecrets {
  sdkRoot(): HTMLElement;
  sdkMemoryFailure(failure: SdkMemoryFailure): void;
  /** Checks the asset path and waits (bounded) for the preload; rejects with an `assets` ZoomJoinError. */
  prepareAssets(signal: AbortSignal): Promise<void>;
  /** 1 asks the signature endpoint for gallery view without SharedArrayBuffer (the page is not isolated). */
  videoWebRtcMode(): Promise<0 | 1 | undefined>;
  /** `virtual-background="enforce"`. */
  enforceVirtualBackground(): boolean;
}

export interface MeetingSettings {
  /** Undefined: the real SDK, loaded with the rest of the join machinery. */
  adapterFactory: SdkAdapterFactory | undefined;
  /** How long a removed element waits before leaving, so that moving it in the DOM keeps the call. */
  teardownDelayMs: number;
  /** Skip the one-meeting-per-browser lock (`allow-duplicate`). */
  allowDuplicate: boolean;
  /** The longest a join may take, click to joined, in ms; 0 for no limit. */
  joinTimeoutMs: number;
}

function abortError(): DOMException {
  return new DOMException('The join was cancelled', 'AbortError');
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/** The abort reason that marks a join stopped by the `on-memory-pressure="leave"` policy. */
const memoryPressureAbort = new DOMException('Stopped by the memory-pressure policy', 'AbortError');
/** The abort reason that marks a join that ran out of its `join-timeout`. */
const joinTimeoutAbort = new DOMException('The join ran out of time', 'AbortError');

/**
 * Owns one meeting: status, the SDK adapter, join and leave, and teardown on removal. Every step takes the
 * current run's AbortSignal, so leaving or removing the element cancels whatever is in flight.
 */
export class MeetingController implements ReactiveController {
  status: ZoomStatus = ZoomStatus.idle;
  error?: ZoomJoinError;
  /** A line the status adds while joining: the SDK is asking the user for something. */
  statusDetail?: string;

  private adapter?: SdkAdapter;
  private unsubscribe?: () => void;
  private pendingDestroy?: Promise<void>;
  private run?: { promise: Promise<void>; abort: AbortController };
  private leaving?: Promise<void>;
  private teardownTimer?: ReturnType<typeof setTimeout>;
  private meetingLock?: MeetingLock;
  private machinery?: JoinMachinery;
  /** What the current join reached, for a join-timeout message. */
  private progress: { step: string; zoomAnswer?: ZoomAnswer; prompt?: SdkPrompt } = { step: '' };

  constructor(
    private readonly host: MeetingHost,
    private readonly settings: () => MeetingSettings,
  ) {
    host.addController(this);
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
    }, this.settings().teardownDelayMs);
  }

  join(): Promise<void> {
    if (this.run) return this.run.promise;
    if (this.status === ZoomStatus.joined) return Promise.resolve();
    const abort = new AbortController();
    this.progress = { step: 'checking the attributes and the SDK files' };
    const { joinTimeoutMs } = this.settings();
    const timer =
      joinTimeoutMs > 0 ? setTimeout(() => abort.abort(joinTimeoutAbort), joinTimeoutMs) : undefined;
    const promise = this.runJoin(abort.signal).finally(() => {
      clearTimeout(timer);
      if (this.run?.abort === abort) this.run = undefined;
    });
    this.run = { promise, abort };
    return promise;
  }

  async leave(reason: ZoomLeftReason = 'user'): Promise<void> {
    // A join queued behind a leave in progress is cancelled too, not left to start afterwards.
    if (this.run) {
      // Leaving while joining cancels the join; for memory pressure that is a failure the page must hear of.
      this.run.abort.abort(reason === 'memory-pressure' ? memoryPressureAbort : abortError());
      await this.run.promise.catch(() => undefined);
      return;
    }
    if (this.leaving) return this.leaving;
    if (this.status !== ZoomStatus.joined) return;
    this.leaving = this.runLeave(reason).finally(() => {
      this.leaving = undefined;
    });
    return this.leaving;
  }

  private async runJoin(signal: AbortSignal): Promise<void> {
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
    const config = machinery.readJoinConfig(machinery.joinInputsOf(this.host, document.baseURI));
    if (config instanceof ZoomJoinError) return this.fail(config);
    for (const warning of machinery.optionalAttributeWarnings(this.host)) {
      emit(this.host, 'zoom-warning', warning);
    }
    if (!claimPageMeeting(this)) return this.fail(machinery.anotherMeetingOnThisPageError());

    try {
      // Asset-path problems surface here, before the signature and the SDK (instead of the SDK's opaque 5001).
      await this.host.prepareAssets(signal);
      if (signal.aborted) throw signal.reason;
      this.setStatus(ZoomStatus.signing);
      const videoWebRtcMode = await this.host.videoWebRtcMode();
      await machinery.runJoinFlow({
        config,
        secrets: this.host,
        allowDuplicate: this.settings().allowDuplicate,
        enforceVirtualBackground: this.host.enforceVirtualBackground(),
        ...(videoWebRtcMode !== undefined ? { videoWebRtcMode } : {}),
        signal,
        sdkRoot: () => this.host.sdkRoot(),
        adapterFor: (view) => this.adapterFor(view, machinery),
        onLock: (lock) => {
          this.meetingLock = lock;
        },
        onSignatureWarnings: (problems) => emit(this.host, 'zoom-signature-warning', { problems }),
        onSigned: () => this.setStatus(ZoomStatus.joining),
        onStep: (step) => {
          this.progress.step = step;
        },
      });
      // The join is over before anyone hears of it: a leave() from a zoom-joined listener must leave, not cancel.
      if (this.run?.abort.signal === signal) this.run = undefined;
      this.setStatus(ZoomStatus.joined);
      emit(this.host, 'zoom-joined', {
        meetingNumber: config.meetingNumber,
        userName: config.userName,
        view: config.view,
      });
    } catch (raw) {
      // Reset the SDK's meeting state but keep its client: the next join re-uses it (see ComponentViewAdapter).
      await this.adapter?.leave().catch(() => undefined);
      this.endMeeting();
      if (signal.reason === memoryPressureAbort) return this.fail(machinery.memoryPressureError());
      if (signal.reason === joinTimeoutAbort) {
        // Whatever the SDK started (a join still waiting, a form it shows) goes with its client.
        await this.disposeAdapter();
        return this.fail(
          machinery.joinTimeoutError({ timeoutMs: this.settings().joinTimeoutMs, ...this.progress }),
        );
      }
      if (isAbort(raw, signal)) {
        this.setStatus(ZoomStatus.idle);
        throw machinery.cancelledError();
      }
      return this.fail(raw instanceof ZoomJoinError ? raw : machinery.unexpectedError(raw));
    }
  }

  private async runLeave(reason: ZoomLeftReason): Promise<void> {
    this.setStatus(ZoomStatus.leaving);
    try {
      await this.adapter?.leave();
    } catch {
      // Leaving a meeting that the SDK already considers gone is not a failure the page can act on.
    }
    this.endMeeting();
    // A removed element's root is gone with it, so its SDK client goes too — before zoom-left says it is over.
    if (reason === 'removed') await this.disposeAdapter();
    this.setStatus(ZoomStatus.left);
    emit(this.host, 'zoom-left', { reason });
  }

  /** Sets status `error`, then fires `zoom-error`, then rejects the join with the same error. */
  private fail(raw: ZoomJoinError): never {
    // The last pass before anyone sees it. Without the join code only its own load failure gets here; it quotes none.
    const error = this.machinery ? this.machinery.scrubJoinError(raw, this.host) : raw;
    this.error = error;
    this.setStatus(ZoomStatus.error);
    emit(this.host, 'zoom-error', error);
    throw error;
  }

  private async adapterFor(view: SdkView, machinery: JoinMachinery): Promise<SdkAdapter> {
    if (this.pendingDestroy) await this.pendingDestroy;
    if (this.adapter && this.adapter.view !== view) await this.disposeAdapter();
    if (!this.adapter) {
      const factory = this.settings().adapterFactory ?? machinery.createSdkAdapter;
      this.adapter = factory(view);
      this.unsubscribe = this.adapter.subscribe((event) => this.onSdkEvent(event));
    }
    return this.adapter;
  }

  private onSdkEvent(event: SdkAdapterEvent): void {
    if (event.type === 'memory-failure') {
      this.host.sdkMemoryFailure(event.failure);
      return;
    }
    if (event.type === 'zoom-answered') {
      if (this.run) this.progress.zoomAnswer = event.answer;
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
    if (this.status !== ZoomStatus.joined) return;
    this.endMeeting();
    if (event.type === 'meeting-ended') {
      this.setStatus(ZoomStatus.left);
      emit(this.host, 'zoom-left', { reason: 'ended' });
      return;
    }
    try {
      this.fail(event.error);
    } catch {
      // fail() throws for join()'s sake; here the event is the only report.
    }
  }

  /** Frees the page's meeting slot. The SDK client stays for the next join; teardown destroys it. */
  private endMeeting(): void {
    releasePageMeeting(this);
    this.meetingLock?.release();
    this.meetingLock = undefined;
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
      this.run.abort.abort(abortError());
      await this.run.promise.catch(() => undefined);
    }
    if (this.status === ZoomStatus.joined) await this.leave('removed');
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

  /**
   * Mirrors the asset preload into the status while no meeting is under way: idle → preloading → ready.
   */
  syncPreparation(state: string | undefined): void {
    if (this.status !== ZoomStatus.idle && this.status !== ZoomStatus.preloading && this.status !== ZoomStatus.ready) return;
    if (this.run) return;
    this.setStatus(state === 'preloading' ? ZoomStatus.preloading : state === 'ready' ? ZoomStatus.ready : ZoomStatus.idle);
  }

}
