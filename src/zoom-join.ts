import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { initialValues, litProperties, type ZoomJoinProperties } from './attributes.js';
import type { ZoomJoinError } from './zoom-join-error.js';
import { MeetingController } from './meeting/meeting-controller.js';
import { memoizeImport } from './lazy-import.js';
import type { SdkAdapterFactory, ZoomParticipant, ZoomSdk } from './sdk/adapter.js';
import { renderedLocale, useLocaleOf } from './l10n/locale.js';
import { ZoomStatus } from './status.js';
import { zoomJoinStyles } from './zoom-join.styles.js';

/** The preflight's checks, texts and panel: a small lazy chunk, fetched once an element with a preflight is on the page. */
const loadPreflight = memoizeImport(() => import('./preflight/preflight-session.js'));

/** Made at each render, so it speaks the locale of the moment. */
const statusText = (): Record<ZoomStatus, string> => ({
  idle: msg('Not in a meeting'),
  preloading: msg('Preparing Zoom…'),
  ready: msg('Ready to join'),
  signing: msg('Getting a signature…'),
  joining: msg('Joining the meeting…'),
  'waiting-room': msg('In the waiting room: the host will let you in'),
  'waiting-for-host': msg('Waiting for the host to start the meeting…'),
  'waiting-for-sign-in': msg('Sign in with Zoom to join this meeting'),
  'waiting-for-authorized-user': msg('Waiting for the Zoom user you join on behalf of to be in the meeting…'),
  joined: msg('In the meeting'),
  reconnecting: msg('Reconnecting to the meeting…'),
  leaving: msg('Leaving…'),
  left: msg('You left the meeting'),
  error: msg('Could not join'),
});

/**
 * Puts a Zoom meeting on the page through the Zoom Meeting SDK for Web. Its attributes and properties are listed,
 * with their defaults, in src/attributes.ts.
 *
 * @attr status - Reflected, read-only: the current status
 * @attr lang - The language: the SDK's, one it ships (de-DE, es-ES, fr-FR, ja-JP, zh-CN, …; `de` picks de-DE), default en-US; and the element's own texts', where they are translated (de, es, fr, ja, pt-PT, zh-CN; else English), each marked with the `lang` it is in. One language per page: the last element to set it wins; changed in a meeting it applies from the next join (`zoom-warning` `lang-next-join`)
 * @fires zoom-status - `{status, previous}` on every status change
 * @fires zoom-joined - `{meetingNumber, userName, view}` once in the meeting; `view` is the one that ran (`view="auto"`: `component` on desktops, `client` on phones and tablets)
 * @fires zoom-left - `{reason}` once the meeting is over: `user`, `ended`, `removed`, `connection-lost`, `authorized-user-left`, `memory-pressure`, `element-removed`
 * @fires zoom-participants - `{participants}` in a meeting, whenever someone joins, leaves or changes role
 * @fires zoom-connection - `{state: 'reconnecting' | 'connected', reason?}` when the meeting's connection drops and comes back
 * @fires zoom-frame - `{window, view}` when the element opened a frame for the SDK, before the SDK loads into it (advanced: set up what the SDK should find there)
 * @fires zoom-error - a `ZoomJoinError` after `status` became `error`
 * @fires zoom-signature-warning - `{problems}` when the signature check found warnings (the join goes on)
 * @fires zoom-progress - `{phase: 'assets', loaded, total, fraction, file}` while the SDK's files preload; fraction only grows and ends at 1
 * @fires zoom-capabilities - which SDK features this page and device allow (gallery view, virtual background, screen sharing, ...) and the `device` (`phone`, `tablet`, `desktop`), when preloading starts
 * @fires zoom-preflight - `{secureContext, camera, microphone, permissionsPolicy, browser, device, view, problems}` when the element connects and whenever a camera or microphone permission changes (not with `preflight="none"`): what will not work, and what to do, before the join
 * @fires zoom-warning - `{code, message}`: something was skipped (e.g. `vb-skipped-low-memory`), the device cannot do something (`device-no-screen-share`, `device-no-virtual-background`, `device-no-gallery-view`: phones and tablets), the Client View asks the user for something (`passcode-prompt`, `registration-prompt`), an SDK option was left out (`sdk-option-invalid`, `sdk-option-managed`) or an app's function in them threw (`sdk-option-callback-failed`), or `lang` changed in a meeting (`lang-next-join`); nothing failed
 * @fires zoom-memory - `{usedBytes, limitBytes?, at, source}` every `memory-interval` ms while preparing, joining or joined
 * @fires zoom-timing - `{phases: {name: ms}, total, view, outcome}` after each join attempt (joined, failed or cancelled); each phase is also a `zoom-join:<phase>` User Timing measure
 * @fires zoom-memory-warning - `{reason: 'growth' | 'budget' | 'near-limit' | 'freeze' | 'sdk-out-of-memory', ...}`; cancelable
 * @slot - Content shown beside the element's own status line
 * @slot meeting - The box the meeting fills while joining or joined: the element puts the SDK's own frame in it (style it as `zoom-join [slot=meeting]`)
 * @csspart status - The status line
 * @csspart progress - The asset download progress bar, while preloading and joining
 * @csspart join-button - The Join button
 * @csspart sign-in-button - "Sign in with Zoom" (a link styled as a button), while the signature endpoint asks for a Zoom sign-in
 * @csspart error - The error panel
 * @csspart error-title - The error's title
 * @csspart error-message - What went wrong
 * @csspart error-hint - Why it went wrong, in one sentence
 * @csspart error-steps - What to do about it: an ordered list, one `<li>` per step (absent when there are none)
 * @csspart error-code - The stable error code (and Zoom's number)
 * @csspart retry-button - The Retry button in the error panel
 * @csspart cancel-button - Cancels a join in progress (while signing or joining)
 * @csspart preflight - The pre-join panel (`preflight="panel"`), while something stands in the way: a list of problems (also `preflight-title`, `preflight-problems`, `preflight-problem` with `data-code`, `preflight-severity`, `preflight-message`, `preflight-steps`)
 * @csspart warning - The memory warning banner (also `warning-title`, `warning-cause`, `warning-advice`, `warning-dismiss`)
 * @cssprop --zoom-join-accent - Button colour
 * @cssprop --zoom-join-accent-contrast - Button text colour
 * @cssprop --zoom-join-color - Text colour of the element's own chrome
 * @cssprop --zoom-join-error-border - Error panel border colour
 * @cssprop --zoom-join-font - Font of the element's own chrome
 * @cssprop --zoom-join-error-background - Error panel background
 * @cssprop --zoom-join-error-color - Error panel text colour
 * @cssprop --zoom-join-meeting-height - Height of the meeting while joining or joined (default `min(600px, 100vh)`)
 */
export class ZoomJoin extends LitElement {
  static override styles = zoomJoinStyles;
  /** From the attribute table (src/attributes.ts), which also types the properties and documents them. */
  static override properties = litProperties();

  /**
   * Which SDK implementation elements use; tests and the demo swap it. Set once per page, before joining.
   * Undefined means the real `@zoom/meetingsdk`, loaded lazily when the first join starts.
   */
  static adapterFactory: SdkAdapterFactory | undefined = undefined;
  /**
   * A removed element waits this long before leaving, so that putting it back at once keeps its state. The browser
   * reloads a moved frame, though, so a meeting does not survive a move.
   */
  static teardownDelayMs = 500;

  private readonly meeting: MeetingController;
  /** The pre-join panel: nothing while the preflight's lazy chunk loads, then what it attached renders it. */
  private preflightPanel?: () => unknown;
  /** Focus was last inside the element: its controls or the meeting's frame (moving it elsewhere clears this). */
  private focusWithin = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    Object.assign(this, initialValues());
    this.meeting = new MeetingController(this);
    this.addEventListener('focusin', () => (this.focusWithin = true));
    this.addEventListener('focusout', (event) => {
      // No relatedTarget: focus went nowhere, as when the focused button is removed; that is when it is put back.
      if (event.relatedTarget && !this.contains(event.relatedTarget as Node)) this.focusWithin = false;
    });
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // The texts re-render when the translation arrives (updateWhenLocaleChanges).
    if (name === 'lang') void useLocaleOf(value);
  }

  /** Where the element is: idle, preloading, ready, signing, joining, joined, reconnecting, leaving, left or error. */
  get status(): ZoomStatus {
    return this.meeting.status;
  }

  /** Everyone in the meeting (the user too, as `isYou`) while in one; empty otherwise. Read-only, kept up to date. */
  get participants(): readonly ZoomParticipant[] {
    return this.meeting.participants;
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

  /** Mutes the user in the meeting; rejects with a `ZoomJoinError` (`not-in-meeting`, `meeting-command-failed`). */
  mute(): Promise<void> {
    return this.meeting.command('mute');
  }

  /** Unmutes the user in the meeting; rejects like `mute()`. */
  unmute(): Promise<void> {
    return this.meeting.command('unmute');
  }

  /** Ends the meeting for everyone (the host only); rejects like `mute()`. Then `zoom-left` says `ended`. */
  end(): Promise<void> {
    return this.meeting.command('end');
  }

  /**
   * Advanced: the SDK of the meeting under way — `{view: 'component', client}` or `{view: 'client', ZoomMtg}`, typed
   * by the installed `@zoom/meetingsdk` — for what the element does not offer; undefined outside a meeting. It lives
   * in the element's frame and goes with it when the meeting ends: do not keep it.
   */
  get sdk(): ZoomSdk | undefined {
    return this.meeting.sdk;
  }

  /** Tries the last failed join again. */
  retry(): Promise<void> {
    return this.meeting.join();
  }

  /** Join and Retry: a retry is a join. */
  private onJoinClick(): void {
    this.join().catch(() => {
      // Reported through zoom-error and the error panel.
    });
  }

  /** A link, so it is one to assistive technology and works without script; the click opens the sign-in itself. */
  private onSignInClick(event: MouseEvent): void {
    event.preventDefault();
    this.meeting.openSignIn();
  }

  override updated(): void {
    // From then on the preflight follows the element itself (a controller of its own).
    if (!this.preflightPanel && this.preflight !== 'none') {
      this.preflightPanel = () => nothing;
      loadPreflight().then((module) => (this.preflightPanel = module.attachPreflight(this)), () => (this.preflightPanel = undefined));
    }
    // The Join, Cancel or Retry button a keyboard user pressed is gone (or the meeting's frame that had focus):
    // focus goes to what replaced it — Retry, or the error panel when there is nothing to retry — but never when
    // focus is somewhere else on the page.
    const active = document.activeElement;
    if (!this.focusWithin || (active && active !== document.body)) return;
    const root = this.renderRoot;
    (root.querySelector<HTMLElement>('[part=retry-button]') ?? root.querySelector<HTMLElement>('[part=error],[part=join-button],[part=cancel-button]'))?.focus();
  }

  override render() {
    const status = this.status;
    // Which meeting the buttons act on, for their accessible names (the visible text stays short).
    const meeting = this.meetingNumber?.trim();
    // With auto-join the button stays hidden until the automatic join happened; after a leave it is the way back.
    const showJoin =
      (!this.autoJoin || this.meeting.autoJoinStarted) &&
      (status === ZoomStatus.idle || status === ZoomStatus.ready || status === ZoomStatus.left);
    const showCancel =
      status === ZoomStatus.signing ||
      status === ZoomStatus.joining ||
      status === ZoomStatus.waitingRoom ||
      status === ZoomStatus.waitingForHost ||
      status === ZoomStatus.waitingForSignIn ||
      status === ZoomStatus.waitingForAuthorizedUser;
    const signInUrl = this.meeting.signInUrl;
    // The status line is the one live region: it announces a failure once, with its title (the panel is not live).
    const locale = renderedLocale();
    const detail = status === ZoomStatus.error ? this.error?.title : this.meeting.statusDetail;
    return html`
      <div part="status" role="status" aria-live="polite" lang=${locale}>
        ${status === ZoomStatus.left && detail ? detail : html`${statusText()[status]}${detail ? html` — ${detail}` : nothing}`}
      </div>
      ${status === ZoomStatus.idle || status === ZoomStatus.preloading || status === ZoomStatus.ready ? this.preflightPanel?.() : nothing}
      ${showJoin
        ? html`<button part="join-button" type="button" lang=${locale} aria-label=${meeting ? msg(str`Join meeting ${meeting}`) : nothing} @click=${this.onJoinClick}>${msg('Join meeting')}</button>`
        : nothing}
      ${signInUrl
        ? html`<a part="sign-in-button" lang=${locale} href=${signInUrl} target="_blank" @click=${this.onSignInClick}>${msg('Sign in with Zoom')}</a>`
        : nothing}
      ${showCancel ? html`<button part="cancel-button" type="button" lang=${locale} aria-label=${meeting ? msg(str`Cancel joining meeting ${meeting}`) : nothing} @click=${this.leave}>${msg('Cancel')}</button>` : nothing}
      ${this.renderProgress(status)}
      ${status === ZoomStatus.error ? this.meeting.renderError(this.onJoinClick) : nothing}
      ${this.meeting.memory.renderWarning()}
      <slot></slot>
      <slot name="meeting"></slot>
    `;
  }

  private renderProgress(status: ZoomStatus) {
    const busy = status === ZoomStatus.preloading || status === ZoomStatus.signing || status === ZoomStatus.joining;
    const fraction = this.meeting.assets.progress;
    if (!busy || fraction === undefined) return nothing;
    return html`<progress part="progress" lang=${renderedLocale()} max="1" .value=${fraction} aria-label=${msg('Loading Zoom')}></progress>`;
  }
}

// The properties' types come from the attribute table: declaration merging gives the class them as its own.
export interface ZoomJoin extends ZoomJoinProperties {}
