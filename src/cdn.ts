/**
 * The drop-in entry (`dist/cdn/zoom-join.js`): registers `<zoom-join>` and exports only the light API, so a plain
 * `<script type="module">` page loads no error tables or signature inspector until a join needs them. The full
 * API (describeZoomError, inspectSignature, ...) is `dist/cdn/zoom-join-api.js`.
 */
import { ZoomJoin } from './zoom-join.js';

if (!customElements.get('zoom-join')) customElements.define('zoom-join', ZoomJoin);

export { ZoomJoin };
export { ZoomStatus } from './status.js';
export { ZoomJoinError, ErrorCategory, isZoomJoinError } from './zoom-join-error.js';
