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
    expect(error.title).to.equal('Keine Meeting-Nummer');
    await element.updateComplete;
    expect(part(element, 'error').getAttribute('lang')).to.equal('de');
    expect(part(element, 'error-title').textContent).to.equal('Keine Meeting-Nummer');
    expect(part(element, 'error-hint').textContent).to.equal(
      'Das Element hat keine Meeting-Nummer und weiß daher nicht, welchem Meeting es beitreten soll.',
    );
    expect(part(element, 'status').textContent).to.contain('Beitritt fehlgeschlagen');

    element.setAttribute('lang', 'en');
    await waitUntil(() => part(element, 'status').textContent!.includes('Could not join'), 'the status line re-renders in English');
    expect(part(element, 'status').getAttribute('lang')).to.equal('en');
    // The error keeps the language it was made in, and its panel says so.
    expect(part(element, 'error').getAttribute('lang')).to.equal('de');
  });

  /** The translation of an English text in a locale's XLIFF file, as the translators wrote it. */
  async function translated(locale: string, english: string): Promise<string> {
    const xliff = new DOMParser().parseFromString(await (await fetch(`/xliff/${locale}.xlf`)).text(), 'application/xml');
    const unit = [...xliff.querySelectorAll('trans-unit')].find((candidate) => candidate.querySelector('source')?.textContent === english);
    return unit?.querySelector('target')?.textContent ?? '';
  }

  // The SDK's language tag as a page would write it → the translation it picks.
  for (const [lang, locale] of [['de-DE', 'de'], ['es', 'es'], ['fr-FR', 'fr'], ['ja', 'ja'], ['pt-PT', 'pt-PT'], ['zh-CN', 'zh-CN']] as const) {
    it(`lang="${lang}": the status line and Join speak ${locale} (its XLIFF translation) and carry lang="${locale}"`, async () => {
      const [status, join] = await Promise.all([translated(locale, 'Not in a meeting'), translated(locale, 'Join meeting')]);
      expect(status, `${locale}.xlf translates the status`).to.not.equal('');
      const element = await fixture<ZoomJoin>(html`<zoom-join lang=${lang} user-name="Ada" preload="none"></zoom-join>`);
      await waitUntil(() => part(element, 'status').textContent!.trim() === status, `the ${locale} status line arrives`);
      expect(part(element, 'status').getAttribute('lang')).to.equal(locale);
      expect(part(element, 'join-button').textContent!.trim()).to.equal(join);
      element.setAttribute('lang', 'en');
      await waitUntil(() => part(element, 'status').textContent!.trim() === 'Not in a meeting', 'back in English');
    });
  }

  it('a language without a translation renders English, marked lang="en"', async () => {
    const element = await fixture<ZoomJoin>(html`<zoom-join lang="ko" user-name="Ada" preload="none"></zoom-join>`);
    await element.updateComplete;
    expect(part(element, 'status').textContent!.trim()).to.equal('Not in a meeting');
    expect(part(element, 'status').getAttribute('lang')).to.equal('en');
  });
});
