// The element's SDK options behind the adapter interface (a fake adapter: exact and fast): what reaches init for each
// view, the warnings a page hears at the join, the JSON attribute form, and lang changed in a meeting. The real SDK
// runs them in real-sdk-options-*.test.ts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { ZoomWarningDetail } from '../../src/assets/asset-events.js';
import type { SdkInitOptions } from '../../src/sdk/adapter.js';
import { FakeAdapter } from '../support/fake-adapter.js';
import { renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '5556667770';
const sdk = useFakeSdk();

async function join(attributes: Record<string, string>, set: (element: Awaited<ReturnType<typeof renderZoomJoin>>) => void = () => undefined) {
  const adapter = new FakeAdapter(attributes.view === 'client' ? 'client' : 'component');
  sdk.adapters().next = adapter;
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', ...attributes });
  element.signature = testSignature({ meetingNumber: MEETING });
  const warnings: ZoomWarningDetail[] = [];
  element.addEventListener('zoom-warning', (event) => warnings.push(event.detail));
  set(element);
  await element.join();
  const init = adapter.calls.find((call) => call.method === 'init') as { options: SdkInitOptions } | undefined;
  return { element, warnings, init: init!.options };
}

describe('<zoom-join> SDK options', () => {
  it("the joining view's property reaches init as sdkOptions, checked; the other view's is not read", async () => {
    const { init, warnings } = await join({ view: 'client' }, (element) => {
      element.clientViewOptions = { disableInvite: true, ...({ nope: 1 } as object) };
      element.componentViewOptions = { video: { isResizable: false } };
    });
    expect(init.sdkOptions).to.deep.equal({ disableInvite: true });
    expect(warnings.map((warning) => `${warning.code} ${warning.message.split(' is ')[0]}`)).to.deep.equal(['sdk-option-invalid clientViewOptions.nope']);
  });

  it('the attribute form is JSON', async () => {
    const fromAttribute = await join({ 'component-view-options': '{"video":{"isResizable":false}}' });
    expect(fromAttribute.init.sdkOptions).to.deep.equal({ video: { isResizable: false } });
  });

  it('without options a custom adapter sees no sdkOptions at all', async () => {
    const without = await join({});
    expect('sdkOptions' in without.init).to.equal(false);
    expect(without.warnings).to.deep.equal([]);
  });

  it('lang changed in a meeting: lang-next-join once per new language; an unknown one says the meeting keeps its own', async () => {
    const { element, warnings } = await join({ lang: 'fr' });
    const next = oneEvent(element, 'zoom-warning');
    element.lang = 'de-DE';
    expect((await next).detail.code).to.equal('lang-next-join');
    element.lang = 'DE-de';
    element.setAttribute('lang', 'xx');
    await waitUntil(() => warnings.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.map((warning) => warning.code)).to.deep.equal(['lang-next-join', 'attribute-invalid']);
    expect(warnings[1]!.message).to.contain('the meeting stays in de-DE');
    await element.leave();
    element.lang = 'es';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings, 'out of a meeting lang is just read at the next join').to.have.length(2);
  });
});
