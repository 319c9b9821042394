// Every bad attribute and endpoint answer a user can produce: the element shows the code, status is `error`, and
// nothing reached the SDK. Then one case per SDK code family, in both views' shapes, through the fake adapter.
import { expect, waitUntil } from '@open-wc/testing';
import { describeZoomError } from '../../src/error-codes/index.js';
import { ZoomJoinError, type SdkView } from '../../src/zoom-join-error.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { errorPanelText, failSdkWith, joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '1234567890';
const sdk = useFakeSdk();
const valid = { 'meeting-number': MEETING, 'user-name': 'Ada' };

interface BadCase {
  name: string;
  attributes: Record<string, string | null>;
  code: string;
  category: string;
  setup?: (element: ZoomJoin) => void;
}

const withSignature = (element: ZoomJoin) => {
  element.signature = testSignature({ meetingNumber: MEETING });
};
const noRetries = (element: ZoomJoin) => {
  element.signatureRequest = { retries: 0, timeoutMs: 2000 };
};

const attributeCases: BadCase[] = [
  { name: 'no meeting-number', attributes: { ...valid, 'meeting-number': null }, code: 'meeting-number-missing', category: 'config' },
  { name: 'empty meeting-number', attributes: { ...valid, 'meeting-number': '' }, code: 'meeting-number-missing', category: 'config' },
  { name: 'blank meeting-number', attributes: { ...valid, 'meeting-number': '   ' }, code: 'meeting-number-missing', category: 'config' },
  { name: '8-digit meeting-number', attributes: { ...valid, 'meeting-number': '12345678' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'meeting-number starting with 0', attributes: { ...valid, 'meeting-number': '012 3456 7890' }, code: 'meeting-number-invalid', category: 'config' },
  { name: '12-digit meeting-number', attributes: { ...valid, 'meeting-number': '123456789012' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'letters in meeting-number', attributes: { ...valid, 'meeting-number': 'abc1234567' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'a join link as meeting-number', attributes: { ...valid, 'meeting-number': 'https://zoom.us/j/1234567890' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'full-width digits', attributes: { ...valid, 'meeting-number': '１２３４５６７８９０' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'dots in meeting-number', attributes: { ...valid, 'meeting-number': '123.456.7890' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'exponent meeting-number', attributes: { ...valid, 'meeting-number': '1e10' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'markup in meeting-number', attributes: { ...valid, 'meeting-number': '<img src=x onerror=alert(1)>' }, code: 'meeting-number-invalid', category: 'config' },
  { name: 'no user-name', attributes: { ...valid, 'user-name': null }, code: 'user-name-missing', category: 'config' },
  { name: 'blank user-name', attributes: { ...valid, 'user-name': '   ' }, code: 'user-name-missing', category: 'config' },
  { name: 'bad user-email', attributes: { ...valid, 'user-email': 'not-an-email' }, code: 'user-email-invalid', category: 'config' },
  { name: 'meeting-role 2', attributes: { ...valid, 'meeting-role': '2' }, code: 'role-invalid', category: 'config' },
  { name: 'meeting-role "host"', attributes: { ...valid, 'meeting-role': 'host' }, code: 'role-invalid', category: 'config' },
  { name: 'meeting-role -1', attributes: { ...valid, 'meeting-role': '-1' }, code: 'role-invalid', category: 'config' },
  { name: 'meeting-role 1.5', attributes: { ...valid, 'meeting-role': '1.5' }, code: 'role-invalid', category: 'config' },
  { name: 'meeting-role "1abc"', attributes: { ...valid, 'meeting-role': '1abc' }, code: 'role-invalid', category: 'config' },
  // role is ARIA's attribute: written for the meeting role, it says which attribute to use instead of guessing.
  { name: 'role "1" (ARIA\'s, not the meeting role)', attributes: { ...valid, role: '1' }, code: 'role-invalid', category: 'config' },
  { name: 'view "full"', attributes: { ...valid, view: 'full' }, code: 'view-invalid', category: 'config' },
  { name: 'view "embedded"', attributes: { ...valid, view: 'embedded' }, code: 'view-invalid', category: 'config' },
  { name: 'asset-path javascript:', attributes: { ...valid, 'asset-path': 'javascript:alert(1)' }, code: 'asset-path-invalid', category: 'config' },
  { name: 'asset-path ftp:', attributes: { ...valid, 'asset-path': 'ftp://example.com/lib' }, code: 'asset-path-invalid', category: 'config' },
  { name: 'asset-path unparsable', attributes: { ...valid, 'asset-path': 'http://[::1' }, code: 'asset-path-invalid', category: 'config' },
  { name: 'asset-path data:', attributes: { ...valid, 'asset-path': 'data:text/plain,x' }, code: 'asset-path-invalid', category: 'config' },
  { name: 'signature-endpoint javascript:', attributes: { ...valid, 'signature-endpoint': 'javascript:void(0)' }, code: 'signature-endpoint-invalid', category: 'config' },
  { name: 'signature-endpoint unparsable', attributes: { ...valid, 'signature-endpoint': 'http://[' }, code: 'signature-endpoint-invalid', category: 'config' },
  { name: 'signature-endpoint mailto:', attributes: { ...valid, 'signature-endpoint': 'mailto:a@example.com' }, code: 'signature-endpoint-invalid', category: 'config' },
].map((entry) => ({ ...entry, setup: withSignature }));

const endpointCases: BadCase[] = [
  { name: 'no signature source at all', attributes: valid, code: 'signature-endpoint-missing', category: 'signature' },
  { name: 'endpoint 404', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/404' }, code: 'signature-http-status', category: 'signature', setup: noRetries },
  { name: 'endpoint 500', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/500' }, code: 'signature-http-status', category: 'signature', setup: noRetries },
  { name: 'endpoint 429', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/429' }, code: 'signature-http-status', category: 'signature', setup: noRetries },
  { name: 'endpoint answers HTML', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/html' }, code: 'signature-not-json', category: 'signature' },
  { name: 'endpoint answers not JSON', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/not-json' }, code: 'signature-not-json', category: 'signature' },
  { name: 'endpoint JSON without signature', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/no-signature' }, code: 'signature-missing', category: 'signature' },
  { name: 'endpoint times out', attributes: { ...valid, 'signature-endpoint': '/test-endpoint/slow?ms=3000' }, code: 'signature-timeout', category: 'signature', setup: (element) => { element.signatureRequest = { retries: 0, timeoutMs: 200 }; } },
  { name: 'endpoint unreachable', attributes: { ...valid, 'signature-endpoint': 'http://127.0.0.1:9/' }, code: 'signature-network', category: 'signature', setup: noRetries },
  { name: 'the reference server refuses role 1 without authorize', attributes: { ...valid, 'meeting-role': '1', 'signature-endpoint': '/test-endpoint/status?code=403' }, code: 'signature-http-status', category: 'signature', setup: noRetries },
  { name: 'provider throws', attributes: valid, code: 'signature-provider-failed', category: 'signature', setup: (element) => { element.signatureProvider = async () => { throw new Error('backend down'); }; } },
  { name: 'provider returns a number', attributes: valid, code: 'signature-provider-failed', category: 'signature', setup: (element) => { element.signatureProvider = async () => 42 as unknown as string; } },
  { name: 'signature that is not a JWT', attributes: valid, code: 'signature-rejected-locally', category: 'signature', setup: (element) => { element.signature = 'not-a-jwt'; } },
  { name: 'signature without appKey', attributes: valid, code: 'signature-rejected-locally', category: 'signature', setup: (element) => { element.signature = testSignature({ meetingNumber: MEETING, sdkKey: null }); } },
];

describe('<zoom-join> bad input: the code is shown and the SDK is never called', () => {
  it(`has at least 30 cases (${attributeCases.length + endpointCases.length})`, () => {
    expect(attributeCases.length + endpointCases.length).to.be.at.least(30);
  });

  for (const badCase of [...attributeCases, ...endpointCases]) {
    it(`${badCase.name} → ${badCase.code}`, async () => {
      const element = await renderZoomJoin(badCase.attributes);
      badCase.setup?.(element);
      const error = await joinFailure(element);
      expect(error?.code).to.equal(badCase.code);
      expect(error?.category).to.equal(badCase.category);
      expect(element.status).to.equal('error');
      expect(element.getAttribute('status')).to.equal('error');
      const panel = element.shadowRoot!.querySelector('[part=error]');
      expect(panel, 'the error panel is shown').to.exist;
      expect(panel!.querySelector('[part=error-code]')!.textContent).to.contain(badCase.code);
      expect(panel!.querySelector('[part=error-hint]')!.textContent!.trim()).to.not.equal('');
      expect(error!.steps.length, 'steps say what to do').to.be.within(1, 4);
      expect(panel!.querySelectorAll('[part=error-steps] > li').length).to.equal(error!.steps.length);
      expect(panel!.querySelector('img'), 'text is escaped, never markup').to.equal(null);
      expect(sdk.adapters().created, 'no SDK adapter was created').to.have.length(0);
    });
  }
});

interface FamilyCase {
  sdkCode: number;
  category: string;
  retryable: boolean;
}

const families: FamilyCase[] = [
  { sdkCode: 3712, category: 'signature', retryable: false },
  { sdkCode: 3705, category: 'signature', retryable: false },
  { sdkCode: 3706, category: 'signature', retryable: false },
  { sdkCode: 3707, category: 'meeting', retryable: false },
  { sdkCode: 3008, category: 'meeting', retryable: true },
  { sdkCode: 3004, category: 'config', retryable: false },
  { sdkCode: 3000, category: 'meeting', retryable: false },
  { sdkCode: 4005, category: 'meeting', retryable: false },
  { sdkCode: 5001, category: 'assets', retryable: false },
  { sdkCode: 3635, category: 'network', retryable: true },
  { sdkCode: -3000, category: 'network', retryable: true },
  { sdkCode: 3621, category: 'network', retryable: true },
  { sdkCode: 3622, category: 'network', retryable: true },
  { sdkCode: 10000, category: 'sdk', retryable: false },
  { sdkCode: 987654, category: 'sdk', retryable: false },
];

function rawFailure(view: SdkView, sdkCode: number): unknown {
  return view === 'component'
    ? { type: 'JOIN_MEETING_FAILED', reason: 'from the test', errorCode: sdkCode }
    : { method: 'join', status: false, result: null, errorMessage: 'from the test', errorCode: sdkCode };
}

describe('<zoom-join> SDK failures, one per code family, in both views\' shapes', () => {
  for (const view of ['component', 'client'] as const) {
    for (const family of families) {
      it(`${view} view, Zoom ${family.sdkCode} → ${describeZoomError(family.sdkCode).code} (${family.category})`, async () => {
        const element = await renderZoomJoin({ ...valid, view });
        element.signature = testSignature({ meetingNumber: MEETING });
        failSdkWith(sdk, 'join', rawFailure(view, family.sdkCode));
        const error = await joinFailure(element);
        expect(error?.sdkCode).to.equal(family.sdkCode);
        expect(error?.code).to.equal(describeZoomError(family.sdkCode).code);
        expect(error?.category).to.equal(family.category);
        expect(error?.retryable).to.equal(family.retryable);
        expect(error?.view).to.equal(view);
        const panel = errorPanelText(element);
        expect(panel).to.contain(String(family.sdkCode));
        expect(panel).to.contain(error!.hint.slice(0, 40));
        for (const step of error!.steps) expect(panel).to.contain(step);
        const retry = element.shadowRoot!.querySelector('[part=retry-button]');
        expect(Boolean(retry)).to.equal(family.retryable);
      });
    }
  }

  it('a plain Error from the SDK (userName cannot be empty) becomes a config error', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    failSdkWith(sdk, 'join', new Error('userName cannot be empty'));
    const error = await joinFailure(element);
    expect(error?.category).to.equal('config');
  });

  it('the SDK\'s TypeError on a non-JWT becomes signature-malformed', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    failSdkWith(sdk, 'join', new TypeError("Cannot read properties of undefined (reading 'replace')"));
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-malformed');
    expect(error?.category).to.equal('signature');
  });

  it('a connection failure after joining (connection-change Fail) becomes zoom-error and status error', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    await element.join();
    const { normalizeSdkError } = await import('../../src/sdk/normalize-error.js');
    const errorEvent = new Promise<CustomEvent>((resolve) => element.addEventListener('zoom-error', resolve, { once: true }));
    sdk.adapters().created[0]!.emit({
      type: 'connection-failed',
      error: normalizeSdkError({ state: 'Fail', reason: 'connection error', errorCode: -3000 }, { view: 'component', stage: 'join' }),
    });
    const event = await errorEvent;
    expect(element.status).to.equal('error');
    expect((event.detail as { sdkCode?: number }).sdkCode).to.equal(-3000);
  });
});

describe('<zoom-join> error panel: the cause as a paragraph, the steps as an ordered list', () => {
  /** The text a sighted user sees: the shadow root's, less what is clipped to a pixel for screen readers only. */
  function seenText(element: ZoomJoin): string {
    const root = element.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('[part]')]
      .filter((part) => !part.parentElement?.closest('[part]') && part.getBoundingClientRect().width > 1)
      .map((part) => part.textContent ?? '')
      .join(' ');
  }

  it('shows the title once: the status line announces it but is hidden from sight, and a message that is only the title is not repeated', async () => {
    const element = await renderZoomJoin({ ...valid, 'signature-endpoint': '/test-endpoint/not-json' });
    const error = await joinFailure(element);
    expect(element.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain(error!.title, 'announced');
    expect(seenText(element).split(error!.title).length - 1).to.equal(1, seenText(element));

    const bare = new ZoomJoinError({ code: 'sdk-unknown', category: 'sdk', message: 'Something odd happened.', hint: 'The SDK failed.' });
    failSdkWith(sdk, 'join', bare);
    const second = await renderZoomJoin({ ...valid, 'meeting-number': '1234567891' });
    second.signature = testSignature({ meetingNumber: '1234567891' });
    await joinFailure(second);
    expect(seenText(second).split('Something odd happened.').length - 1).to.equal(1, seenText(second));
    expect(second.shadowRoot!.querySelector('[part=error-message]')).to.equal(null);
  });

  /** The panel's parts, in document order. */
  function partsOf(element: ZoomJoin): string[] {
    return [...element.shadowRoot!.querySelectorAll('[part=error] [part]')].map((node) => node.getAttribute('part')!);
  }

  it('shows every step of an SDK failure as one <li> of <ol part="error-steps">, after the hint', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    failSdkWith(sdk, 'join', rawFailure('component', 3004));
    const error = await joinFailure(element);
    expect(error?.steps).to.deep.equal(describeZoomError(3004).steps);
    expect(error?.steps.length, 'the 3004 row has steps').to.be.within(1, 4);
    const list = element.shadowRoot!.querySelector('[part=error] ol[part=error-steps]');
    expect(list, 'an ordered list of steps').to.exist;
    const items = [...list!.children];
    expect(items.map((item) => item.tagName)).to.deep.equal(items.map(() => 'LI'));
    expect(items.map((item) => item.textContent!.trim())).to.deep.equal(error!.steps);
    expect(element.shadowRoot!.querySelector('[part=error-hint]')!.textContent!.trim()).to.equal(error!.hint);
    // The existing parts stay, and the steps follow the hint they explain.
    expect(partsOf(element)).to.deep.equal(['error-title', 'error-message', 'error-hint', 'error-steps', 'error-code']);
  });

  it('shows the steps of the element\'s own errors too (a bad attribute)', async () => {
    const element = await renderZoomJoin({ ...valid, 'meeting-role': 'host' });
    element.signature = testSignature({ meetingNumber: MEETING });
    const error = await joinFailure(element);
    expect(error?.code).to.equal('role-invalid');
    const items = [...element.shadowRoot!.querySelectorAll('[part=error-steps] > li')];
    expect(error!.steps.length).to.be.greaterThan(0);
    expect(items.length).to.equal(error!.steps.length);
    expect(items.map((item) => item.textContent!.trim())).to.deep.equal(error!.steps);
  });

  it('a signature Zoom refused: what the in-page check found comes first, then the row\'s steps', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    failSdkWith(sdk, 'join', rawFailure('component', 3705));
    const error = await joinFailure(element);
    const items = [...element.shadowRoot!.querySelectorAll('[part=error-steps] > li')].map((item) => item.textContent!.trim());
    expect(items).to.deep.equal(error!.steps);
    expect(items[0]).to.contain('in-page check');
    expect(items.slice(1)).to.deep.equal(describeZoomError(3705).steps);
  });

  it('renders no list when an error has no steps', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    // An adapter may reject with its own ZoomJoinError, which the element passes on unchanged.
    failSdkWith(sdk, 'join', new ZoomJoinError({ code: 'sdk-unknown', category: 'sdk', message: 'From the page.', hint: 'Because.' }));
    const error = await joinFailure(element);
    expect(error?.code).to.equal('sdk-unknown');
    expect(error?.steps).to.deep.equal([]);
    expect(element.shadowRoot!.querySelector('[part=error-hint]')!.textContent!.trim()).to.equal('Because.');
    expect(element.shadowRoot!.querySelector('[part=error-steps]')).to.equal(null);
    expect(element.shadowRoot!.querySelector('[part=error] ol')).to.equal(null);
  });

  it('escapes step text: markup in a step is shown, never parsed', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    const step = 'Remove <img src=x onerror=alert(1)> from the name.';
    failSdkWith(sdk, 'join', new ZoomJoinError({ code: 'sdk-unknown', category: 'sdk', message: 'm', hint: 'h.', steps: [step] }));
    await joinFailure(element);
    const item = element.shadowRoot!.querySelector('[part=error-steps] > li');
    expect(item!.textContent).to.equal(step);
    expect(element.shadowRoot!.querySelector('[part=error] img')).to.equal(null);
  });

  it('a new failure replaces the list: steps never pile up across retries', async () => {
    const element = await renderZoomJoin(valid);
    element.signature = testSignature({ meetingNumber: MEETING });
    failSdkWith(sdk, 'join', rawFailure('component', 3712));
    const first = await joinFailure(element);
    // The retry re-uses the element's SDK client: make that one fail differently.
    sdk.adapters().created.at(-1)!.failWith('join', rawFailure('component', 3008));
    const second = await joinFailure(element);
    expect(second?.code).to.equal('meeting-not-started');
    const items = [...element.shadowRoot!.querySelectorAll('[part=error-steps] > li')].map((item) => item.textContent!.trim());
    expect(items).to.deep.equal(second!.steps);
    expect(items).to.not.deep.equal(first!.steps);
  });
});

describe('<zoom-join> tuning attributes with values it cannot use: a zoom-warning, the default, and the join goes on', () => {
  const cases: Array<[string, string]> = [
    ['preload', 'sometimes'],
    ['virtual-background', 'blur'],
    ['memory-interval', '-5'],
    ['memory-growth-limit', 'fast'],
    ['memory-budget', '0'],
    ['freeze-threshold', 'never'],
    ['on-memory-pressure', 'panic'],
  ];
  for (const [name, value] of cases) {
    it(`${name}="${value}" → zoom-warning attribute-invalid naming the attribute`, async () => {
      const element = await renderZoomJoin({ ...valid, [name]: value });
      element.signature = testSignature({ meetingNumber: MEETING });
      const warnings: Array<{ code: string; message: string }> = [];
      element.addEventListener('zoom-warning', (event) => warnings.push(event.detail));
      await element.join();
      expect(element.status).to.equal('joined');
      const warning = warnings.find((entry) => entry.code === 'attribute-invalid');
      expect(warning, 'a warning for the bad value').to.exist;
      expect(warning!.message).to.contain(`${name}="${value}"`);
    });
  }

  it('lang="klingon" → attribute-invalid naming the languages the SDK has; the SDK gets en-US and the join goes on', async () => {
    const element = await renderZoomJoin({ ...valid, lang: 'klingon' });
    element.signature = testSignature({ meetingNumber: MEETING });
    const warnings: Array<{ code: string; message: string }> = [];
    element.addEventListener('zoom-warning', (event) => warnings.push(event.detail));
    await element.join();
    expect(element.status).to.equal('joined');
    expect(warnings.map((warning) => warning.message)).to.deep.equal([
      'lang="klingon" is not a language the Zoom SDK has (de-DE, en-US, es-ES, fr-FR, id-ID, it-IT, ja-JP, ko-KR, ' +
        'nl-NL, pl-PL, pt-PT, ru-RU, sv-SE, tr-TR, vi-VN, zh-CN, zh-TW); using en-US.',
    ]);
    const init = sdk.adapters().created[0]!.calls.find((call) => call.method === 'init');
    expect(init?.method === 'init' && init.options.language).to.equal('en-US');
  });

  it('lang="de" gives the SDK de-DE without a warning, and the element\'s own texts say they are German', async () => {
    const element = await renderZoomJoin({ ...valid, lang: 'de' });
    element.signature = testSignature({ meetingNumber: MEETING });
    const warnings: string[] = [];
    element.addEventListener('zoom-warning', (event) => warnings.push(event.detail.code));
    const langs = () => [...element.shadowRoot!.querySelectorAll('[part=status], [part=join-button]')].map((part) => part.getAttribute('lang'));
    await waitUntil(() => langs().join() === 'de,de', 'the German translation arrives');
    await element.join();
    expect(warnings).to.deep.equal([]);
    const init = sdk.adapters().created[0]!.calls.find((call) => call.method === 'init');
    expect(init?.method === 'init' && init.options.language).to.equal('de-DE');
    // The texts' language is one per page: put English back for the tests after this one.
    element.setAttribute('lang', 'en');
    await waitUntil(() => element.shadowRoot!.querySelector('[part=status]')!.getAttribute('lang') === 'en');
  });

  it('valid tuning attributes raise no warning', async () => {
    const element = await renderZoomJoin({ ...valid, preload: 'none', 'virtual-background': 'off', 'memory-interval': '1000', 'on-memory-pressure': 'leave' });
    element.signature = testSignature({ meetingNumber: MEETING });
    const warnings: string[] = [];
    element.addEventListener('zoom-warning', (event) => warnings.push(event.detail.code));
    await element.join();
    expect(warnings).to.not.include('attribute-invalid');
  });
});
