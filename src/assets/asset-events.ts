import type { DeviceWarningCode, ZoomCapabilitiesDetail } from './capabilities.js';
import type { AssetWarning } from './plan.js';
import type { AssetProgress } from './progress-tracker.js';
import type { SdkPrompt } from '../sdk/adapter.js';
import type { SdkOptionWarningCode } from '../sdk/options/check-options.js';

export type { ZoomCapabilitiesDetail } from './capabilities.js';

/** `zoom-progress`: `{phase: 'assets', loaded, total, fraction, file}`; fraction only grows and ends at 1. */
export type ZoomProgressDetail = AssetProgress;

/** `zoom-warning`: something degraded but the element goes on (e.g. `vb-skipped-low-memory`). */
export interface ZoomWarningDetail {
  /**
   * An asset or attribute problem, a form the Client View shows instead of failing (`passcode-prompt`, …), the device cannot do something, an SDK
   * option left out (`sdk-option-invalid`, `sdk-option-managed`) or an app's callback that threw
   * (`sdk-option-callback-failed`), or a language that applies from the next join (`lang-next-join`).
   */
  code: AssetWarning['code'] | DeviceWarningCode | SdkPrompt | SdkOptionWarningCode;
  message: string;
}

export type ZoomProgressEvent = CustomEvent<ZoomProgressDetail>;
export type ZoomCapabilitiesEvent = CustomEvent<ZoomCapabilitiesDetail>;
export type ZoomWarningEvent = CustomEvent<ZoomWarningDetail>;

/** Event name → detail type; part of events.ts's ZoomJoinEventDetails, which `emit()` checks against. */
export interface ZoomAssetEventDetails {
  'zoom-progress': ZoomProgressDetail;
  'zoom-capabilities': ZoomCapabilitiesDetail;
  'zoom-warning': ZoomWarningDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zoom-progress': ZoomProgressEvent;
    'zoom-capabilities': ZoomCapabilitiesEvent;
    'zoom-warning': ZoomWarningEvent;
  }
}
