import { msg } from '@lit/localize';
import { emit, type ZoomLeftReason } from '../events.js';
import type { SdkAdapterEvent, ZoomParticipant } from '../sdk/adapter.js';
import type { SdkView } from '../zoom-join-error.js';
import { watchLanguage } from './language-switch.js';

/** What the status line says instead of "You left the meeting" when the user did not leave, by reason. */
export const leftTexts: Readonly<Record<ZoomLeftReason, string | undefined>> = {
  user: undefined,
  get ended() {
    return msg('The host ended the meeting');
  },
  get removed() {
    return msg('The host removed you from the meeting');
  },
  get 'connection-lost'() {
    return msg('The connection to the meeting was lost and did not come back: join again once you are online');
  },
  get 'authorized-user-left'() {
    return msg('The Zoom user you joined on behalf of left the meeting, and Zoom let you in only with them: join again once they are back');
  },
  get 'memory-pressure'() {
    return msg('You left the meeting: the page was running out of memory');
  },
  'element-removed': undefined,
};

/**
 * Life in a meeting, from the SDK's `joined` to the meeting's end: who is there, and whether the connection is
 * being re-established. Started by the MeetingController when the join resolved, dropped when the meeting ends.
 */
export class InMeeting {
  participants: readonly ZoomParticipant[] = [];
  reconnecting = false;
  /** Participants are told only once the page heard of the join (the SDK may list them before). */
  private started = false;

  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private stopLanguageWatch?: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly settings: {
      /** The longest a reconnection may take before the meeting counts as lost (0: no limit). */
      reconnectTimeoutMs: number;
      /** The connection drops (true) or is back (false): the controller's status follows. */
      onReconnecting(reconnecting: boolean): void;
      /** The reconnection took too long: the controller leaves. */
      onLost(): void;
      /** The view and the SDK language joined with: `lang` may change in the meeting. */
      view: SdkView;
      language: string;
    },
  ) {}

  /** The meeting is over: nothing more is told, and no timer runs. */
  dispose(): void {
    clearTimeout(this.reconnectTimer);
    this.stopLanguageWatch?.();
    this.stopLanguageWatch = undefined;
    this.started = false;
  }

  /** The page heard of the join: from now on it hears of every change, starting with who is there already. */
  start(): void {
    this.started = true;
    const { view, language } = this.settings;
    this.stopLanguageWatch ??= watchLanguage(this.host, { view, joinedIn: language });
    if (this.participants.length > 0) emit(this.host, 'zoom-participants', { participants: this.participants });
  }

  /** Takes what the SDK reports in the meeting; false for what is not the meeting's own (its end, failures). */
  handle(event: SdkAdapterEvent): boolean {
    if (event.type === 'participants') {
      this.participants = Object.freeze(event.participants.map((participant) => Object.freeze({ ...participant })));
      if (this.started) emit(this.host, 'zoom-participants', { participants: this.participants });
      return true;
    }
    if (event.type === 'connection') {
      const reconnecting = event.state === 'reconnecting';
      if (reconnecting === this.reconnecting) return true;
      this.reconnecting = reconnecting;
      clearTimeout(this.reconnectTimer);
      const { reconnectTimeoutMs } = this.settings;
      if (reconnecting && reconnectTimeoutMs > 0) this.reconnectTimer = setTimeout(() => this.settings.onLost(), reconnectTimeoutMs);
      this.settings.onReconnecting(reconnecting);
      emit(this.host, 'zoom-connection', { state: event.state, ...(event.reason ? { reason: event.reason } : {}) });
      return true;
    }
    return false;
  }
}
