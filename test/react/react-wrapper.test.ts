// `zoom-join/react` rendered by React 18 (react-dom/client createRoot): props become element properties, and the
// element's events arrive in the `onZoom*` callbacks. React's CommonJS builds reach the browser as the ESM copies
// scripts/prebundle-react.mjs makes (aliased in web-test-runner.config.mjs).
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, createRef, Fragment, useLayoutEffect, type ReactNode, type RefObject } from 'react';
import type { ZoomErrorEvent, ZoomJoinedEvent, ZoomStatusEvent } from '../../src/events.js';
import { ZoomJoin, type ZoomJoinProps } from '../../src/react/index.js';
import { ZoomJoin as ZoomJoinElement } from '../../src/zoom-join.js';
import { fakeAdapters } from '../support/fake-adapter.js';
import { testSignature } from '../support/test-signature.js';

/** The part of react-dom/client used here (the project has no @types/react-dom). */
interface ReactRoot {
  render(node: ReactNode): void;
  unmount(): void;
}
interface ReactDomClient {
  createRoot(container: Element): ReactRoot;
}

const MEETING = '1234567890';
const originalFactory = ZoomJoinElement.adapterFactory;
const originalDelay = ZoomJoinElement.teardownDelayMs;

let reactDom: ReactDomClient;
let container: HTMLElement;
let root: ReactRoot | undefined;

before(async () => {
  // A string-typed specifier keeps TypeScript from looking for react-dom's (absent) types; the runtime import is the
  // same bare specifier.
  reactDom = (await import('react-dom/client' as string)) as ReactDomClient;
});

beforeEach(() => {
  ZoomJoinElement.teardownDelayMs = 0;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  const element = container.querySelector('zoom-join');
  await element?.leave().catch(() => undefined);
  root?.unmount();
  root = undefined;
  container.remove();
  ZoomJoinElement.adapterFactory = originalFactory;
  ZoomJoinElement.teardownDelayMs = originalDelay;
  // The element's teardown (after teardownDelayMs) frees the page's one meeting slot for the next test.
  await new Promise((resolve) => setTimeout(resolve, 20));
});

/** Calls `onCommit` after every commit, once its children's layout effects (where @lit/react sets props) have run. */
function Committed({ onCommit, children }: { onCommit: () => void; children?: ReactNode }) {
  useLayoutEffect(onCommit);
  return createElement(Fragment, null, children);
}

/** Renders `<ZoomJoin {...props}/>` and resolves with the element once React has committed it and Lit rendered. */
async function render(props: ZoomJoinProps): Promise<ZoomJoinElement> {
  root ??= reactDom.createRoot(container);
  const currentRoot = root;
  await new Promise<void>((resolve) => currentRoot.render(createElement(Committed, { onCommit: resolve }, createElement(ZoomJoin, props))));
  const element = container.querySelector('zoom-join');
  expect(element, 'React rendered <zoom-join>').to.be.instanceOf(ZoomJoinElement);
  await element!.updateComplete;
  return element!;
}

async function clickJoin(element: ZoomJoinElement): Promise<void> {
  await element.updateComplete;
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>('[part=join-button]');
  expect(button, 'the Join button').to.exist;
  button!.click();
}

describe('zoom-join/react', () => {
  it('registers <zoom-join> with the element class when the page has not', () => {
    expect(customElements.get('zoom-join')).to.equal(ZoomJoinElement);
  });

  it('reports a config error (no meeting number) through onZoomError', async () => {
    const errors: ZoomErrorEvent[] = [];
    const element = await render({ userName: 'Ada', signature: testSignature(), onZoomError: (event) => errors.push(event) });
    await clickJoin(element);
    // The first join of the page loads the element's lazy join code, which the dev server compiles on demand.
    await waitUntil(() => errors.length > 0, 'onZoomError was called', { timeout: 10_000 });
    expect(errors).to.have.length(1);
    expect(errors[0].detail.code).to.equal('meeting-number-missing');
    expect(errors[0].detail.category).to.equal('config');
    expect(element.status).to.equal('error');
  });

  it('joins through a fake SDK adapter: onZoomStatus, then onZoomJoined with the props it was given', async () => {
    const adapters = fakeAdapters();
    ZoomJoinElement.adapterFactory = adapters.factory;
    const statuses: string[] = [];
    const joined: ZoomJoinedEvent[] = [];
    const element = await render({
      meetingNumber: MEETING,
      userName: 'Ada',
      signature: testSignature({ meetingNumber: MEETING }),
      onZoomStatus: (event: ZoomStatusEvent) => statuses.push(event.detail.status),
      onZoomJoined: (event) => joined.push(event),
      onZoomError: (event) => expect.fail(`unexpected zoom-error ${event.detail.code}`),
    });
    await clickJoin(element);
    await waitUntil(() => joined.length > 0, 'onZoomJoined was called');
    expect(joined[0].detail).to.deep.equal({ meetingNumber: MEETING, userName: 'Ada', view: 'component' });
    expect(statuses.at(-1)).to.equal('joined');
    expect(adapters.created).to.have.length(1);
    expect(adapters.created[0].count('join')).to.equal(1);
  });

  it('sets props as properties, so a signature never becomes an attribute', async () => {
    const signature = testSignature({ meetingNumber: MEETING });
    const element = await render({ meetingNumber: MEETING, userName: 'Ada', signature, autoJoin: false });
    expect(element.meetingNumber).to.equal(MEETING);
    expect(element.signature).to.equal(signature);
    expect(element.getAttributeNames()).to.not.include('signature');
    expect(element.outerHTML).to.not.contain(signature);
  });

  it('calls the newest callback after a re-render and none after the prop is removed', async () => {
    const first: string[] = [];
    const second: string[] = [];
    await render({ userName: 'Ada', onZoomLeft: () => first.push('left') });
    const element = await render({ userName: 'Ada', onZoomLeft: () => second.push('left') });
    element.dispatchEvent(new CustomEvent('zoom-left', { detail: { reason: 'user' } }));
    expect(first).to.deep.equal([]);
    expect(second).to.deep.equal(['left']);
    await render({ userName: 'Ada' });
    element.dispatchEvent(new CustomEvent('zoom-left', { detail: { reason: 'user' } }));
    expect(second).to.deep.equal(['left']);
  });

  it('maps every zoom-* event, including ones the element fires in later versions, to its onZoom* prop', async () => {
    const seen: string[] = [];
    const record = (name: string) => (event: Event) => seen.push(`${name}:${event.type}`);
    const element = await render({
      onZoomStatus: record('onZoomStatus'),
      onZoomJoined: record('onZoomJoined'),
      onZoomLeft: record('onZoomLeft'),
      onZoomError: record('onZoomError'),
      onZoomSignatureWarning: record('onZoomSignatureWarning'),
      onZoomProgress: record('onZoomProgress'),
      onZoomMemory: record('onZoomMemory'),
      onZoomMemoryWarning: record('onZoomMemoryWarning'),
      onZoomCapabilities: record('onZoomCapabilities'),
      onZoomWarning: record('onZoomWarning'),
    });
    const names = [
      'zoom-status',
      'zoom-joined',
      'zoom-left',
      'zoom-error',
      'zoom-signature-warning',
      'zoom-progress',
      'zoom-memory',
      'zoom-memory-warning',
      'zoom-capabilities',
      'zoom-warning',
    ];
    for (const name of names) element.dispatchEvent(new CustomEvent(name, { detail: {} }));
    expect(seen).to.deep.equal([
      'onZoomStatus:zoom-status',
      'onZoomJoined:zoom-joined',
      'onZoomLeft:zoom-left',
      'onZoomError:zoom-error',
      'onZoomSignatureWarning:zoom-signature-warning',
      'onZoomProgress:zoom-progress',
      'onZoomMemory:zoom-memory',
      'onZoomMemoryWarning:zoom-memory-warning',
      'onZoomCapabilities:zoom-capabilities',
      'onZoomWarning:zoom-warning',
    ]);
  });

  it('forwards a ref to the element', async () => {
    const ref: RefObject<ZoomJoinElement> = createRef<ZoomJoinElement>();
    const element = await render({ ref, userName: 'Ada' });
    expect(ref.current).to.equal(element);
    expect(ref.current).to.be.instanceOf(ZoomJoinElement);
  });
});
