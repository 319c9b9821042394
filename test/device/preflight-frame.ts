// Loaded in the preflight tests' frames (an insecure host; a frame whose Permissions Policy blocks the camera):
// defines <zoom-join> there and, in a frame of another origin, posts what the element reported to the test page.
import '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';

if (new URLSearchParams(location.search).has('report')) {
  const element = document.createElement('zoom-join') as ZoomJoin;
  element.setAttribute('preflight', 'panel');
  element.setAttribute('preload', 'none');
  element.setAttribute('meeting-number', '12345678901');
  element.setAttribute('user-name', 'Ada Insecure');
  element.addEventListener('zoom-preflight', (event) => {
    void element.updateComplete.then(() => {
      const panel = element.shadowRoot!.querySelector('[part=preflight]');
      parent.postMessage({ type: 'preflight-frame', detail: event.detail, panel: panel?.textContent?.replace(/\s+/g, ' ').trim() ?? null }, '*');
    });
  });
  document.body.append(element);
}
