/**
 * The package entry: registers `<zoom-join>` and exports the public API. Import `zoom-join/zoom-join.js` for the
 * class without registering it.
 */
import { ZoomJoin } from './zoom-join.js';

if (!customElements.get('zoom-join')) customElements.define('zoom-join', ZoomJoin);

declare global {
  interface HTMLElementTagNameMap {
    'zoom-join': ZoomJoin;
  }
}

export { ZoomJoin };
export { ZoomStatus } from './status.js';
export { ZoomJoinError, ErrorCategory, isZoomJoinError } from './zoom-join-error.js';
export type { ZoomJoinErrorCode } from './zoom-join-error.js';
export type { ErrorCategory as ZoomErrorCategory, SdkView, SignatureProblem } from './zoom-join-error.js';
export type { ZoomJoinProperties } from './attributes.js';
export type { ClientViewOptions, ComponentViewOptions, PopperAnchor } from './sdk/options/sdk-option-types.js';
export type { SdkOptionWarningCode } from './sdk/options/check-options.js';
export type * from './events.js';
export type * from './assets/asset-events.js';
export type * from './memory/memory-events.js';
export type {
  SdkAdapter,
  SdkAdapterFactory,
  SdkAdapterEvent,
  SdkEventListener,
  SdkInitOptions,
  SdkJoinOptions,
  SdkPrepareOptions,
} from './sdk/adapter.js';
export { inspectSignature } from './signature/inspect.js';
export { describeZoomError } from './error-codes/index.js';
export type { SignatureProvider, SignatureRequestOptions } from './signature/fetch-signature.js';
