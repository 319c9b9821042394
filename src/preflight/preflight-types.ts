import type { DeviceKind } from '../device/device-kind.js';
import type { DelegatedFeature } from '../sdk/realm-permissions.js';
import type { SdkView } from '../zoom-join-error.js';
import type { BrowserSupport } from './browser-support.js';

export type PreflightProblemCode =
  | 'insecure-context'
  | 'camera-denied'
  | 'microphone-denied'
  | 'camera-blocked'
  | 'microphone-blocked'
  | 'screen-share-blocked'
  | 'browser-unsupported'
  | 'browser-outdated';

/** What will not work, and what to do about it. */
export interface PreflightProblem {
  code: PreflightProblemCode;
  /** True when the meeting itself cannot work (an insecure page); false when only part of it will not. */
  blocking: boolean;
  message: string;
  /** What to do, in order. */
  steps: string[];
}

/** A permission as the Permissions API reports it, or `unsupported` where the browser cannot say. */
export type PreflightPermission = PermissionState | 'unsupported';

/** `zoom-preflight`: what this page, browser and device allow the meeting, before anyone clicks Join. */
export interface ZoomPreflightDetail {
  /** `isSecureContext`: without it there is no camera, microphone or Zoom SDK. */
  secureContext: boolean;
  /** `granted`, `denied`, `prompt` (the browser will ask on join) or `unsupported`. */
  camera: PreflightPermission;
  microphone: PreflightPermission;
  /**
   * Per feature the SDK's frame asks for (its `allow` attribute): whether the frame gets it, given the page's own
   * Permissions Policy; `unknown` where the browser cannot tell (no `document.featurePolicy`).
   */
  permissionsPolicy: Record<DelegatedFeature, boolean | 'unknown'>;
  /** The browser, and whether Zoom supports it (its documented list for the Meeting SDK for Web). */
  browser: BrowserSupport;
  device: DeviceKind;
  /** The view a join would run here (`view="auto"` decided for this device). */
  view: SdkView;
  /** Empty when nothing stands in the way. */
  problems: PreflightProblem[];
}
