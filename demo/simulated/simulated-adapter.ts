import type { SdkView, ZoomJoinError } from '../../src/index.js';
import type {
  SdkAdapter,
  SdkAdapterEvent,
  SdkEventListener,
  SdkInitOptions,
  SdkJoinOptions,
  SdkMeetingInfo,
  SdkPrepareOptions,
} from '../../src/sdk/adapter.js';
// The real adapters' normaliser, so a simulated failure reads exactly like the same failure from the real SDK.
import { normalizeSdkError } from '../../src/sdk/normalize-error.js';
import { downloadJoinAssets, type AssetProgress } from './asset-download.js';
import { sdkRejection } from './sdk-failures.js';
import type { SimulatedMeeting, SimulatedZoom } from './simulated-zoom.js';
import { delay } from './timing.js';

/** The SDK's round trip to zoom.us (wc/info) and the meeting server, roughly as measured on a fast network. */
const ZOOM_ANSWER_MS = 400;
/** slow-assets: ~7 MB at this rate takes about 4.5 s. */
const SLOW_BYTES_PER_SECOND = 1.5 * 1024 * 1024;

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * The SDK adapter the demo swaps in (`ZoomJoin.adapterFactory`) for simulated mode. It behaves like the Component
 * View adapter at the adapter boundary: downloads the join assets for real from the element's asset path, asks the
 * simulated Zoom whether the join is admitted, and rejects with the same `ZoomJoinError`s the real SDK's rejections
 * become. It also dispatches `zoom-progress` on the element while downloading.
 */
export class SimulatedAdapter implements SdkAdapter, SimulatedMeeting {
  private options?: SdkInitOptions;
  private meetingView?: HTMLElement;
  private readonly listeners = new Set<SdkEventListener>();

  constructor(
    readonly view: SdkView,
    private readonly zoom: SimulatedZoom,
  ) {}

  async load(_options: SdkPrepareOptions, signal: AbortSignal): Promise<void> {
    await delay(50, signal);
  }

  async init(options: SdkInitOptions, signal: AbortSignal): Promise<void> {
    await delay(20, signal);
    this.options = options;
  }

  async join(options: SdkJoinOptions, signal: AbortSignal): Promise<void> {
    const init = this.options;
    if (!init) throw this.failure({ type: 'JOIN_MEETING_FAILED', reason: 'join called before init', errorCode: 2 }, options);
    const element = init.root.closest('zoom-join') ?? init.root;
    const { assets } = this.zoom.scenario;
    const avUrl = `${init.libUrl}/${assets === 'unreachable' ? 'av-unreachable' : 'av'}`;
    try {
      await downloadJoinAssets(avUrl, {
        signal,
        ...(assets === 'slow' ? { bytesPerSecond: SLOW_BYTES_PER_SECOND } : {}),
        onProgress: (progress: AssetProgress) => {
          // The element reports its own preload's progress; a second stream would make the bar jump back.
          if (element.getAttribute('preload') !== 'none') return;
          element.dispatchEvent(new CustomEvent('zoom-progress', { detail: progress, bubbles: true, composed: true }));
        },
      });
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      throw this.failure(sdkRejection(5001), options);
    }

    await delay(ZOOM_ANSWER_MS, signal);
    const refusal = this.zoom.answerJoin();
    if (refusal !== undefined) throw this.failure(sdkRejection(refusal), options);

    this.showMeeting(init.root, options);
    this.zoom.joined(this);
  }

  async leave(): Promise<void> {
    await delay(100);
    this.closeMeeting();
  }

  async meetingInfo(): Promise<SdkMeetingInfo> {
    return {};
  }

  sdk(): undefined {
    return undefined;
  }

  async command(): Promise<void> {
    throw new Error('The simulated SDK has no meeting controls');
  }

  async destroy(): Promise<void> {
    this.closeMeeting();
    this.options = undefined;
  }

  subscribe(listener: SdkEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  end(): void {
    this.closeMeeting();
    this.notify({ type: 'meeting-ended', reason: 'ended' });
  }

  private notify(event: SdkAdapterEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private failure(raw: unknown, options: SdkJoinOptions): ZoomJoinError {
    const secrets = [options.signature, options.zak, options.tk, options.obfToken, options.passcode].filter(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    return normalizeSdkError(raw, { view: this.view, stage: 'join', secrets });
  }

  private showMeeting(root: HTMLElement, options: SdkJoinOptions): void {
    const meeting = document.createElement('div');
    meeting.className = 'simulated-meeting';
    meeting.dataset.simulatedMeeting = options.meetingNumber;
    const title = document.createElement('strong');
    title.textContent = `Simulated meeting ${options.meetingNumber}`;
    const who = document.createElement('span');
    who.textContent = ` — you are in as ${options.userName} (${this.view} view). No audio or video: the SDK is simulated.`;
    meeting.append(title, who);
    root.append(meeting);
    this.meetingView = meeting;
  }

  private closeMeeting(): void {
    this.meetingView?.remove();
    this.meetingView = undefined;
    this.zoom.left(this);
  }
}
