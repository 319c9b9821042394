// zoom-preflight and the pre-join panel in this Chromium, with what a page cannot set itself changed through
// Playwright and CDP (test/support/device-control-plugin.mjs): permission states, the user agent, an insecure host,
// a frame whose Permissions Policy blocks the camera — and the real SDK joining the double's meeting there.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { ZoomPreflightDetail } from '../../src/index.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { loadAxe } from '../support/axe.js';
import { deviceControl } from '../support/device-control.js';
import { meetingDouble } from '../support/meeting-double.js';
import { testSignature } from '../support/test-signature.js';
import { RELATIVE_ASSET_PATH, within } from '../sdk/real-sdk-support.js';

const MEETING_NUMBER = '12345678901';

/** A new element and its first zoom-preflight (listened for on the document: it may come before fixture() returns). */
async function preflightOf(template = html`<zoom-join preload="none" preflight="panel" meeting-number=${MEETING_NUMBER} user-name="Ada"></zoom-join>`): Promise<{ element: ZoomJoin; detail: ZoomPreflightDetail }> {
  const first = oneEvent(document, 'zoom-preflight');
  const element = await fixture<ZoomJoin>(template);
  const { detail } = await within(first, 10_000, 'zoom-preflight');
  await element.updateComplete;
  return { element, detail };
}

/** axe-core's violations in the element (its shadow root included). */
async function axeViolations(element: ZoomJoin): Promise<string[]> {
  await loadAxe();
  const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
  return (await axe.run(element)).violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes)}`);
}

const panelOf = (element: ZoomJoin) => element.shadowRoot!.querySelector<HTMLElement>('[part=preflight]');

describe('preflight (zoom-preflight, preflight="panel")', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await deviceControl.resetPermissions();
    await deviceControl.userAgent(undefined);
  });

  it('nothing in the way: a secure page, permissions not asked yet (prompt), the frame gets every feature, a supported browser; no panel', async () => {
    const { element, detail } = await preflightOf();
    expect(detail).to.deep.include({ secureContext: true, camera: 'prompt', microphone: 'prompt', device: 'desktop', view: 'component', problems: [] });
    expect(detail.permissionsPolicy).to.deep.equal({ camera: true, microphone: true, 'display-capture': true, fullscreen: true, autoplay: true, 'clipboard-write': true });
    expect(detail.browser).to.deep.include({ name: 'Chrome', supported: true, minimum: 154 });
    expect(detail.browser.version).to.be.at.least(154);
    expect(panelOf(element), 'no panel when nothing stands in the way').to.equal(null);
    // The join button is there as always.
    expect(element.shadowRoot!.querySelector('[part=join-button]')).to.exist;
  });

  it('camera and microphone granted (Playwright) are reported as granted', async () => {
    await deviceControl.grant(['camera', 'microphone']);
    const { detail } = await preflightOf();
    expect([detail.camera, detail.microphone]).to.deep.equal(['granted', 'granted']);
    expect(detail.problems).to.deep.equal([]);
  });

  it('a blocked camera: the problem and its steps in the event and in the panel (a list, severity in words); allowing it re-runs the preflight', async () => {
    await deviceControl.permission('camera', 'denied');
    const { element, detail } = await preflightOf();
    expect([detail.camera, detail.microphone]).to.deep.equal(['denied', 'prompt']);
    expect(detail.problems.map((problem) => problem.code)).to.deep.equal(['camera-denied']);
    const [problem] = detail.problems;
    expect(problem!.blocking).to.equal(false);
    expect(problem!.message).to.equal('You have blocked the camera for this site, so the others will not see you.');
    expect(problem!.steps[0]).to.match(/set Camera to Allow/);

    const panel = panelOf(element)!;
    expect(panel, 'the panel').to.exist;
    const item = panel.querySelector('[part=preflight-problems] > li[part=preflight-problem][data-code=camera-denied]')!;
    expect(item.querySelector('[part=preflight-severity]')!.textContent).to.equal('Limited:');
    expect(item.querySelector('[part=preflight-message]')!.textContent).to.equal(problem!.message);
    expect([...item.querySelectorAll('[part=preflight-steps] > li')].map((li) => li.textContent)).to.deep.equal(problem!.steps);
    // Before the Join button, so a screen reader reaches it first.
    const order = [...element.shadowRoot!.querySelectorAll('[part=preflight],[part=join-button]')].map((node) => node.getAttribute('part'));
    expect(order).to.deep.equal(['preflight', 'join-button']);
    expect(await axeViolations(element), 'axe-core (contrast included) finds nothing in the panel').to.deep.equal([]);

    // The user allows the camera in the site settings: the element hears the permission change and checks again.
    const again = oneEvent(element, 'zoom-preflight');
    await deviceControl.permission('camera', 'granted');
    const { detail: after } = await within(again, 10_000, 'zoom-preflight after the permission change');
    expect(after.camera).to.equal('granted');
    expect(after.problems).to.deep.equal([]);
    await element.updateComplete;
    expect(panelOf(element), 'the panel is gone').to.equal(null);
  });

  it('preflight="none" checks nothing; preflight="event" (the default) reports without a panel', async () => {
    await deviceControl.permission('microphone', 'denied');
    let heard = 0;
    const count = () => heard++;
    document.addEventListener('zoom-preflight', count);
    try {
      const quiet = await fixture<ZoomJoin>(html`<zoom-join preflight="none" preload="none" meeting-number=${MEETING_NUMBER} user-name="Ada"></zoom-join>`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(heard, 'no zoom-preflight with preflight="none"').to.equal(0);
      expect(panelOf(quiet)).to.equal(null);
    } finally {
      document.removeEventListener('zoom-preflight', count);
    }
    const { element, detail } = await preflightOf(html`<zoom-join preload="none" meeting-number=${MEETING_NUMBER} user-name="Ada"></zoom-join>`);
    expect(element.preflight).to.equal('event');
    expect(detail.problems.map((problem) => problem.code)).to.deep.equal(['microphone-denied']);
    expect(panelOf(element), 'no panel unless asked for').to.equal(null);
  });

  it('a browser Zoom does not list (Samsung Internet) and an outdated Chrome: what to do instead', async () => {
    await deviceControl.userAgent('Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36');
    const samsung = await preflightOf();
    expect(samsung.detail.browser).to.deep.equal({ name: 'Samsung Internet', version: 25, supported: false });
    expect(samsung.detail).to.deep.include({ device: 'phone', view: 'client' });
    const unsupported = samsung.detail.problems.find((problem) => problem.code === 'browser-unsupported')!;
    expect(unsupported.message).to.match(/Zoom does not support Samsung Internet/);
    expect(unsupported.steps).to.deep.equal(['Open this page in Chrome, Edge, Firefox or Safari.']);
    expect(panelOf(samsung.element)!.textContent).to.contain('Open this page in Chrome, Edge, Firefox or Safari.');

    await deviceControl.userAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36');
    const old = await preflightOf();
    expect(old.detail.browser).to.deep.equal({ name: 'Chrome', version: 120, supported: false, minimum: 154 });
    expect(old.detail.problems.map((problem) => problem.code)).to.deep.equal(['browser-outdated']);
    expect(old.detail.problems[0]!.message).to.equal('This Chrome (version 120) is older than Zoom supports (version 154 or newer).');
  });

  it('an insecure page (http on a host that is not localhost): a blocking problem, said as "Will not work"', async () => {
    const host = 'zoom-join-insecure.test';
    await deviceControl.serveInsecure(host);
    const reported = new Promise<{ detail: ZoomPreflightDetail; panel: string | null }>((resolve) => {
      window.addEventListener('message', function onMessage(event) {
        if (event.data?.type !== 'preflight-frame') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      });
    });
    const frame = document.createElement('iframe');
    frame.src = `http://${host}/test/device/preflight-frame.html?report`;
    document.body.append(frame);
    try {
      const { detail, panel } = await within(reported, 20_000, "the insecure frame's zoom-preflight");
      expect(detail.secureContext).to.equal(false);
      expect(detail.problems[0]).to.deep.include({ code: 'insecure-context', blocking: true });
      expect(detail.problems[0]!.steps[0]).to.equal('Open this page at its address starting with https://.');
      // Another origin without allow= gets neither camera nor microphone: said too.
      expect(detail.problems.map((problem: { code: string }) => problem.code)).to.include.members(['camera-blocked', 'microphone-blocked']);
      expect(panel).to.match(/^Before you join Will not work: This page is not secure/);
    } finally {
      frame.remove();
    }
  });

  it("a frame whose Permissions Policy blocks the camera: camera-blocked, as the SDK's frame then really is; the real SDK still joins", async () => {
    const outer = document.createElement('iframe');
    outer.setAttribute('allow', "camera 'none'; microphone; display-capture");
    outer.style.cssText = 'width:900px;height:640px';
    outer.srcdoc = '<!doctype html><body><script type="module" src="/test/device/preflight-frame.ts"></script></body>';
    document.body.append(outer);
    try {
      const inner = outer.contentWindow!;
      await waitUntil(() => inner.customElements?.get('zoom-join'), '<zoom-join> defined in the frame', { timeout: 20_000 });
      await meetingDouble.start({ topic: 'Blocked camera meeting', hostName: 'Grace Host' });
      const element = inner.document.createElement('zoom-join') as ZoomJoin;
      for (const [name, value] of Object.entries({ preflight: 'panel', preload: 'none', 'join-timeout': '120000', 'meeting-number': MEETING_NUMBER, 'user-name': 'Ada Framed', 'asset-path': RELATIVE_ASSET_PATH })) {
        element.setAttribute(name, value);
      }
      element.signature = testSignature({ meetingNumber: MEETING_NUMBER });
      const first = oneEvent(element, 'zoom-preflight');
      inner.document.body.append(element);
      const { detail }: { detail: ZoomPreflightDetail } = await within(first, 10_000, 'zoom-preflight in the frame');
      expect(detail.permissionsPolicy).to.deep.include({ camera: false, microphone: true, 'display-capture': true });
      expect(detail.problems.map((problem) => problem.code)).to.deep.equal(['camera-blocked']);
      expect(detail.problems[0]!.steps[0]).to.match(/allow attribute of the iframe/);
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[data-code=camera-blocked]'), 'the panel names it').to.exist;

      const joined = oneEvent(element, 'zoom-joined');
      const failed = oneEvent(element, 'zoom-error').then((event) => {
        throw new Error(`the join failed: ${event.detail.code} ${event.detail.message}`);
      });
      void element.join().catch(() => undefined);
      const { detail: meeting } = await within(Promise.race([joined, failed]), 90_000, 'zoom-joined');
      expect(meeting.view).to.equal('component');
      // The SDK's frame: the camera is what the preflight said it would be.
      const sdkFrame = element.querySelector<HTMLIFrameElement>('[slot=meeting] iframe')!;
      const policy = (sdkFrame.contentDocument as Document & { featurePolicy: { allowsFeature(feature: string): boolean } }).featurePolicy;
      expect({ camera: policy.allowsFeature('camera'), microphone: policy.allowsFeature('microphone') }).to.deep.equal({ camera: false, microphone: true });
      expect(element.shadowRoot!.querySelector('[part=preflight]'), 'no panel in the meeting').to.equal(null);
      const left = oneEvent(element, 'zoom-left');
      await element.leave();
      await within(left, 20_000, 'zoom-left');
    } finally {
      outer.remove();
    }
  });
});
