// Runs one real-SDK join of <zoom-join> in this frame's own realm and posts the first zoom-error or prompt warning to
// the parent. Each case gets a page of its own: its own one-meeting-per-page slot and a clean teardown (removing the
// frame), whatever the element's own SDK frame inside it leaves behind.
import '../../../src/index.js';
import type { ZoomJoin } from '../../../src/zoom-join.js';
import { testSignature } from '../../support/test-signature.js';
import { RELATIVE_ASSET_PATH } from '../real-sdk-support.js';

const params = new URLSearchParams(window.location.search);
const element = document.createElement('zoom-join') as ZoomJoin;
element.setAttribute('view', params.get('view') ?? 'client');
element.setAttribute('meeting-number', '12345678901');
element.setAttribute('user-name', 'Double test');
element.setAttribute('asset-path', RELATIVE_ASSET_PATH);
element.setAttribute('preload', 'none');
const joinTimeout = params.get('join-timeout');
if (joinTimeout !== null) element.setAttribute('join-timeout', joinTimeout);
// Report warnings too (not only the first outcome) when the case waits for what follows a prompt.
const untilError = params.has('until-error');
element.signature = testSignature({ meetingNumber: '12345678901' });
document.body.append(element);

const started = performance.now();
const post = (outcome: Record<string, unknown>) =>
  window.parent.postMessage({ joinInFrame: true, ms: performance.now() - started, ...outcome }, window.location.origin);
element.addEventListener('zoom-error', async (event) => {
  const error = event.detail;
  // The panel renders after the event.
  await element.updateComplete;
  const panel = element.shadowRoot?.querySelector('[part=error]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  post({
    panel,
    kind: 'error',
    code: error.code,
    category: error.category,
    retryable: error.retryable,
    sdkCode: error.sdkCode,
    view: error.view,
    message: error.message,
    hint: error.hint,
  });
});
element.addEventListener('zoom-warning', async (event) => {
  if (untilError || (event.detail.code !== 'passcode-prompt' && event.detail.code !== 'registration-prompt')) return;
  const { code, message } = event.detail;
  // The status line renders after the event.
  await element.updateComplete;
  const status = element.shadowRoot?.querySelector('[part=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  post({ kind: 'warning', code, message, status });
});
element.join().catch(() => undefined);
