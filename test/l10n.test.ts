import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { ZoomJoin } from '../src/zoom-join.js';
import { ZoomJoin as ZoomJoinClass } from '../src/zoom-join.js';
import { fakeAdapters } from './support/fake-adapter.js';
import { testSignature } from './support/test-signature.js';

// The element's own texts follow its lang: the status line, the buttons and the error panel render in that locale
// and carry it as their lang; switching lang back re-renders them in English.
const originalFactory = ZoomJoinClass.adapterFactory;
beforeEach(() => (ZoomJoinClass.adapterFactory = fakeAdapters().factory));
afterEach(() => (ZoomJoinClass.adapterFactory = originalFactory));

const part = (element: ZoomJoin, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;

describe('<zoom-join> own texts in the locale of lang', () => {
  it('renders the status line, Join and the error panel in German with lang="de", and in English again after lang="en"', async () => {
    const element = await fixture<ZoomJoin>(html`<zoom-join lang="de-DE" user-name="Ada" preload="none"></zoom-join>`);
    await waitUntil(() => part(element, 'status').textContent!.includes('Nicht in einem Meeting'), 'the German status arrives');
    expect(part(element, 'status').getAttribute('lang')).to.equal('de');
    expect(part(element, 'join-button').textContent!.trim()).to.equal('Meeting beitreten');
    expect(part(element, 'join-button').getAttribute('lang')).to.equal('de');

    element.signature = testSignature();
    const failed = oneEvent(element, 'zoom-error');
    await element.join().catch(() => undefined);
    const error = (await failed).detail;
    expect(error.code).to.equal('meeting-number-missing');
    expect(error.title).to.equal('Keine Meetingnummer');
    await element.updateComplete;
    expect(part(element, 'error').getAttribute('lang')).to.equal('de');
    expect(part(element, 'error-title').textContent).to.equal('Keine Meetingnummer');
    expect(part(element, 'error-hint').textContent).to.equal(
      'Das Element hat keine Meetingnummer und weiß daher nicht, welchem Meeting es beitreten soll.',
    );
    expect(part(element, 'status').textContent).to.contain('Beitritt fehlgeschlagen');

    element.setAttribute('lang', 'en');
    await waitUntil(() => part(element, 'status').textContent!.includes('Could not join'), 'the status line re-renders in English');
    expect(part(element, 'status').getAttribute('lang')).to.equal('en');
    // The error keeps the language it was made in, and its panel says so.
    expect(part(element, 'error').getAttribute('lang')).to.equal('de');
  });

  it('a language without a translation renders English, marked lang="en"', async () => {
    const element = await fixture<ZoomJoin>(html`<zoom-join lang="ko" user-name="Ada" preload="none"></zoom-join>`);
    await element.updateComplete;
    expect(part(element, 'status').textContent!.trim()).to.equal('Not in a meeting');
    expect(part(element, 'status').getAttribute('lang')).to.equal('en');
  });
});
