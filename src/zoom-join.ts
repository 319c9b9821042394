import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ZoomJoinError } from './zoom-join-error.js';
import { AssetWatch } from './meeting/asset-watch.js';
import { loadJoinMachinery } from './meeting/load-join-machinery.js';
import { MeetingController } from './meeting/meeting-controller.js';
import { MemoryWatch } from './meeting/memory-watch.js';
import type { SdkMemoryFailure } from './memory/sdk-memory-failure.js';
import { memoryWatchedStatuses } from './memory/watched-statuses.js';
import type { SdkAdapterFactory } from './sdk/adapter.js';
import type { SignatureProvider, SignatureRequestOptions } from './signature/signature-types.js';
import { ZoomStatus } from './status.js';
import { zoomJoinStyles } from './zoom-join.styles.js';

const DEFAULT_JOIN_TIMEOUT_MS = 60000;

const statusText: Record<ZoomStatus, string> = {
  idle: 'Not in a meeting',
  preloading: 'Preparing Zoom…',
  ready: 'Ready to join',
  signing: 'Getting a signature…',
  joining: 'Joining the meeting…',
  joined: 'In the meeting',
  leaving: 'Leaving…',
  left: 'You left the meeting',
  error: 'Could not join',
};

/**
 * Puts a Zoom meeting on the page through the Zoom Meeting SDK for Web.
 *
 * @attr status - Reflected, read-only: the current status
 * @attr lang - The SDK's language (default en-US)
 * @fires zoom-status - `{status, previous}` on every status change
 * @fires zoom-joined - `{meetingNumber, userName, view}` once in the meeting
 * @fires zoom-left - `{reason}` after leaving
 * @fires zoom-error - a `ZoomJoinError` after `status` became `error`
 * @fires zoom-signature-warning - `{problems}` when the signature check found warnings (the join goes on)
 * @fires zoom-progress - `{phase: 'assets', loaded, total, fraction, file}` while the SDK's files preload; fraction only grows and ends at 1
 * @fires zoom-capabilities - which SDK features this page and device allow (gallery view, virtual background, ...)
 * @fires zoom-warning - `{code, message}`: something was skipped (e.g. `vb-skipped-low-memory`), or the Client View asks the user for something (`passcode-prompt`, `registration-prompt`); nothing failed
 * @fires zoom-memory - `{usedBytes, limitBytes?, at, source}` every `memory-interval` ms while preparing, joining or joined
 * @fires zoom-memory-warning - `{reason: 'growth' | 'budget' | 'near-limit' | 'freeze' | 'sdk-out-of-memory', ...}`; cancelable
 * @slot - Content shown beside the element's own status line
 * @slot meeting - Where the SDK's meeting UI is rendered (the element creates it; it must be light DOM)
 * @csspart status - The status line
 * @csspart progress - The asset download progress bar, while preloading and joining
 * @csspart join-button - The Join button
 * @csspart error - The error panel
 * @csspart error-title - The error's title
 * @csspart error-message - What went wrong
 * @csspart error-hint - Why it went wrong, in one sentence
 * @csspart error-steps - What to do about it: an ordered list, one `<li>` per step (absent when there are none)
 * @csspart error-code - The stable error code (and Zoom's number)
 * @csspart retry-button - The Retry button in the error panel
 * @csspart cancel-button - Cancels a join in progress (while signing or joining)
 * @csspart warning - The memory warning banner (also `warning-title`, `warning-cause`, `warning-advice`, `warning-dismiss`)
 * @cssprop --zoom-join-accent - Button colour
 * @cssprop --zoom-join-accent-contrast - Button text colour
 * @cssprop --zoom-join-color - Text colour of the element's own chrome
 * @cssprop --zoom-join-error-border - Error panel border colour
 * @cssprop --zoom-join-font - Font of the element's own chrome
 * @cssprop --zoom-join-error-background - Error panel background
 * @cssprop --zoom-join-error-color - Error panel text colour
 */
export class ZoomJoin extends LitElement {
  static override styles = zoomJoinStyles;

  /** Lit reactive properties (declared here rather than with decorators: a smaller first load). */
  static override properties = {
    meetingNumber: { attribute: 'meeting-number' },
    passcode: {},
    password: {},
    userName: { attribute: 'user-name' },
    userEmail: { attribute: 'user-email' },
    role: {},
    view: {},
    assetPath: { attribute: 'asset-path' },
    signatureEndpoint: { attribute: 'signature-endpoint' },
    autoJoin: { type: Boolean, attribute: 'auto-join' },
    allowDuplicate: { type: Boolean, attribute: 'allow-duplicate' },
    joinTimeout: { type: Number, attribute: 'join-timeout' },
    memoryInterval: { attribute: 'memory-interval' },
    memoryGrowthLimit: { attribute: 'memory-growth-limit' },
    memoryBudget: { attribute: 'memory-budget' },
    freezeThreshold: { attribute: 'freeze-threshold' },
    onMemoryPressure: { attribute: 'on-memory-pressure' },
    preload: {},
    virtualBackground: { attribute: 'virtual-background' },
    signature: { attribute: false },
    zak: { attribute: false },
    tk: { attribute: false },
    obfToken: { attribute: false },
    signatureProvider: { attribute: false },
    signatureRequest: { attribute: false },
  };

  /**
   * Which SDK implementation elements use; tests and the demo swap it. Set once per page, before joining.
   * Undefined means the real `@zoom/meetingsdk`, loaded lazily when the first join starts.
   */
  static adapterFactory: SdkAdapterFactory | undefined = undefined;
  /** A removed element waits this long before leaving, so moving it in the DOM keeps the call. */
  static teardownDelayMs = 500;

  /** Digits; spaces and dashes are removed. */
  meetingNumber = '';
  passcode = '';
  /** Same as `passcode` (the SDK's own name). */
  password = '';
  userName = '';
  userEmail = '';
  /**
   * 0 attendee, 1 host. Kept as given so a bad value can be reported as given. (It shadows the ARIA `role`
   * reflection, which has no meaning on this element.)
   */
  override role: string | null = '0';
  /** `component` (inside the element) or `client` (Zoom's full-page view). */
  view = 'component';
  /** URL of the folder where `@zoom/meetingsdk/dist/lib` is served; relative values resolve against the page. */
  assetPath = '';
  signatureEndpoint = '';
  /** Join as soon as the inputs are present and the element is connected. */
  autoJoin = false;
  /** Join even when this meeting is already open in another element or tab of this browser. */
  allowDuplicate = false;
  /**
   * The longest a join may take, from the click to being in the meeting, in milliseconds (default 60000; 0 for no
   * limit). When it runs out the element stops the SDK and raises `join-timeout` naming the step it hung in.
   */
  joinTimeout = DEFAULT_JOIN_TIMEOUT_MS;
  /** Memory sampling period in ms (default 2000). */
  memoryInterval?: string;
  /** Heap growth, in MB/s sustained over the window, that raises a warning (default 5). */
  memoryGrowthLimit?: string;
  /** Used heap, in MB, that raises a warning (default: none). */
  memoryBudget?: string;
  /** A main-thread block longer than this many ms raises a freeze warning (default 2000; 0 turns it off). */
  freezeThreshold?: string;
  /** When to preload the SDK's files: `none`, `intent`, `visible`, `idle` (default) or `eager`. */
  preload = 'idle';
  /** `off` (default), `preload` (fetch the virtual-background files where the device can afford them) or `enforce`. */
  virtualBackground = 'off';
  /** `warn` (default): show the banner; `leave`: also leave cleanly on budget / near-limit / SDK out of memory; `none`. */
  onMemoryPressure = 'warn';

  // Secrets: properties only, never attributes, never reflected, never rendered or logged.
  signature?: string;
  zak?: string;
  tk?: string;
  obfToken?: string;
  /** Replaces the endpoint fetch: `async (params, {signal}) => signature | {signature, sdkKey}`. */
  signatureProvider?: SignatureProvider;
  /** Method, headers, credentials, body builder, timeout and retries for the endpoint request. */
  signatureRequest?: SignatureRequestOptions;

  private readonly meeting = new MeetingController(this, () => ({
    adapterFactory: (this.constructor as typeof ZoomJoin).adapterFactory,
    teardownDelayMs: (this.constructor as typeof ZoomJoin).teardownDelayMs,
    allowDuplicate: this.allowDuplicate,
    // A value the check reports as unusable (negative, not a number) falls back to the default.
    joinTimeoutMs: Number.isFinite(this.joinTimeout) && this.joinTimeout >= 0 ? this.joinTimeout : DEFAULT_JOIN_TIMEOUT_MS,
  }));
  private readonly memory = new MemoryWatch(this);
  private readonly assets = new AssetWatch(
    this,
    () => ({
      preload: this.preload,
      assetPath: this.assetPath,
      view: this.view,
      virtualBackground: this.virtualBackground,
    }),
    () => this.warmJoinCode(),
  );
  private meetingRoot?: HTMLElement;
  /** auto-join joins once; after a leave or a failure the user (or retry()) decides. */
  private autoJoinStarted = false;

  /** Where the element is: idle, preloading, ready, signing, joining, joined, leaving, left or error. */
  get status(): ZoomStatus {
    return this.meeting.status;
  }

  /** The last failure while `status` is `error`. */
  get error(): ZoomJoinError | undefined {
    return this.meeting.error;
  }

  /** Resolves once in the meeting; rejects with a `ZoomJoinError`. Calling it again while joining joins once. */
  join(): Promise<void> {
    return this.meeting.join();
  }

  /** Leaves the meeting (or cancels a join in progress). */
  leave(): Promise<void> {
    return this.meeting.leave('user');
  }

  /** Tries the last failed join again. */
  retry(): Promise<void> {
    return this.meeting.join();
  }

  /**
   * Preloading warms more than files: the join machinery and the SDK's own module are imported (parsed and run)
   * while the page is idle, so Join does not wait for megabytes of JavaScript to compile.
   */
  private warmJoinCode(): void {
    const view = this.view === 'client' ? 'client' : 'component';
    loadJoinMachinery()
      .then((machinery) => ((this.constructor as typeof ZoomJoin).adapterFactory ? undefined : machinery.preloadSdkView(view)))
      .catch(() => {
        // An optimisation only: the join loads what it needs and reports what fails.
      });
  }

  /** @internal */
  prepareAssets(signal: AbortSignal): Promise<void> {
    return this.assets.prepareJoin(signal);
  }

  /** @internal */
  async videoWebRtcMode(): Promise<0 | 1 | undefined> {
    try {
      return (await this.assets.capabilities()).videoWebRtcMode;
    } catch {
      return undefined;
    }
  }

  /** @internal */
  enforceVirtualBackground(): boolean {
    return this.virtualBackground.trim().toLowerCase() === 'enforce';
  }

  /** @internal */
  leaveForMemoryPressure(): void {
    void this.meeting.leave('memory-pressure');
  }

  /** @internal */
  sdkMemoryFailure(failure: SdkMemoryFailure): void {
    this.memory.reportSdkFailure(failure);
  }

  /** @internal The SDK injects its styles into document.head, so its root must be light DOM to be styled. */
  sdkRoot(): HTMLElement {
    if (!this.meetingRoot) {
      this.meetingRoot = document.createElement('div');
      this.meetingRoot.slot = 'meeting';
      this.meetingRoot.className = 'zoom-join-meeting';
      this.append(this.meetingRoot);
    }
    return this.meetingRoot;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const assetSettings = ['preload', 'assetPath', 'view', 'virtualBackground'] as const;
    if (assetSettings.some((name) => changed.has(name))) this.assets.settingsChanged();
    this.meeting.syncPreparation(this.assets.state);
    this.memory.sync(memoryWatchedStatuses.has(this.status));
    const memorySettings = ['memoryInterval', 'memoryGrowthLimit', 'memoryBudget', 'freezeThreshold', 'onMemoryPressure'] as const;
    if (memorySettings.some((name) => changed.has(name))) this.memory.reconfigure();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Status lives in the controller; mirror it as an attribute for CSS (`zoom-join[status=joined]`) and tests.
    if (this.getAttribute('status') !== this.status) this.setAttribute('status', this.status);
    if (this.autoJoin && !this.autoJoinStarted && this.status === ZoomStatus.idle && this.canAutoJoin()) {
      this.autoJoinStarted = true;
      // After this update, not inside it: joining changes status, which renders again.
      queueMicrotask(() => this.onJoinClick());
    }
  }

  private canAutoJoin(): boolean {
    const hasSignatureSource = Boolean(this.signature || this.signatureProvider || this.signatureEndpoint);
    return this.isConnected && Boolean(this.meetingNumber && this.userName) && hasSignatureSource;
  }

  private onJoinClick(): void {
    this.join().catch(() => {
      // Reported through zoom-error and the error panel.
    });
  }

  private onRetryClick(): void {
    this.retry().catch(() => {
      // Reported through zoom-error and the error panel.
    });
  }

  override render() {
    const status = this.status;
    // With auto-join the button stays hidden until the automatic join happened; after a leave it is the way back.
    const showJoin =
      (!this.autoJoin || this.autoJoinStarted) &&
      (status === ZoomStatus.idle || status === ZoomStatus.ready || status === ZoomStatus.left);
    const showCancel = status === ZoomStatus.signing || status === ZoomStatus.joining;
    return html`
      <div part="status" role="status" aria-live="polite">
        ${statusText[status]}${this.meeting.statusDetail ? html` — ${this.meeting.statusDetail}` : nothing}
      </div>
      ${showJoin
        ? html`<button part="join-button" type="button" @click=${this.onJoinClick}>Join meeting</button>`
        : nothing}
      ${showCancel ? html`<button part="cancel-button" type="button" @click=${this.leave}>Cancel</button>` : nothing}
      ${this.renderProgress(status)}
      ${status === ZoomStatus.error && this.error ? this.renderError(this.error) : nothing}
      ${this.memory.renderWarning()}
      <slot></slot>
      <slot name="meeting"></slot>
    `;
  }

  private renderProgress(status: ZoomStatus) {
    const busy = status === ZoomStatus.preloading || status === ZoomStatus.signing || status === ZoomStatus.joining;
    const fraction = this.assets.progress;
    if (!busy || fraction === undefined) return nothing;
    return html`<progress part="progress" max="1" .value=${fraction} aria-label="Loading Zoom"></progress>`;
  }

  private renderError(error: ZoomJoinError) {
    return html`
      <div part="error" role="alert">
        <strong part="error-title">${error.title}</strong>
        <p part="error-message">${error.message}</p>
        <p part="error-hint">${error.hint}</p>
        ${error.steps.length > 0
          ? html`<ol part="error-steps">${error.steps.map((step) => html`<li>${step}</li>`)}</ol>`
          : nothing}
        <code part="error-code">${error.code}${error.sdkCode !== undefined ? ` (Zoom ${error.sdkCode})` : ''}</code>
        ${error.retryable
          ? html`<button part="retry-button" type="button" @click=${this.onRetryClick}>Retry</button>`
          : nothing}
      </div>
    `;
  }
}
