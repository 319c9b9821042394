// What a person sees of a failure (the panel, the zoom-error event, join()'s rejection, `cause`) never holds a
// password from a URL, a secret property or the passcode, whichever part failed: the endpoint, the asset path, an
// attribute, a signature provider, an SDK adapter, or the SDK once in the meeting. Real HTTP and real Chromium; a
// fake SDK adapter at the boundary.
import { expect, waitUntil } from '@open-wc/testing';
import { ErrorCategory, ZoomJoinError } from '../../src/zoom-join-error.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { errorPanelText, joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { FakeAdapter } from '../support/fake-adapter.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '12345678901';
const PASSWORD = 'hunter2-url-password';
const PASSCODE = 'Pa55-code-9';
const ZAK = 'zak-secret-value-0123456789';
const TK = 'tk-secret-value-0123456789';
const OBF = 'obf-secret-value-0123456789';
const SECRETS = [PASSWORD, PASSCODE, encodeURIComponent(PASSCODE), ZAK, TK, OBF];
const WITH_CREDENTIALS = `${location.protocol}//ada:${PASSWORD}@${location.host}`;

const sdk = useFakeSdk();

/** Everything of an error a person or a log can see: texts, JSON, problems, cause (message, stack, fields), panel. */
function exposed(element: ZoomJoin, error: ZoomJoinError): string {
  const cause = error.cause;
  const causeText =
    cause instanceof Error ? `${cause.name} ${cause.message} ${cause.stack ?? ''}` : JSON.stringify(cause ?? null);
  return [
    error.title,
    error.message,
    error.hint,
    ...error.steps,
    JSON.stringify(error),
    causeText,
    String(error),
    errorPanelText(element),
  ].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text, `leaks ${secret}`).not.to.contain(secret);
  expect(text).not.to.contain('ada:');
}

/** Joins, and checks that the event and join()'s rejection carry the same (clean) error. */
async function cleanFailure(element: ZoomJoin): Promise<ZoomJoinError> {
  const rejected = element.join().then(
    () => undefined,
    (error: unknown) => error,
  );
  // Generous: on a loaded machine a real request can take well over waitUntil's default second.
  const error = element.error ?? (await waitUntil(() => element.error, 'the join failed', { timeout: 15000 }).then(() => element.error));
  expect(await rejected).to.equal(element.error);
  await element.updateComplete;
  expect(error).to.be.instanceOf(ZoomJoinError);
  expectNoSecret(exposed(element, error!));
  return error!;
}

async function withSecrets(attributes: Record<string, string> = {}): Promise<ZoomJoin> {
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', passcode: PASSCODE, ...attributes });
  element.zak = ZAK;
  element.tk = TK;
  element.obfToken = OBF;
  return element;
}

/**
 * An element with every secret, and the fake adapter it will get. The OBF token comes with the signature from a
 * provider, as a signature server with Zoom sign-in attaches it (the zak property is then not sent, but still a secret).
 */
async function signedWithAdapter(attributes: Record<string, string> = {}): Promise<{ element: ZoomJoin; adapter: FakeAdapter }> {
  const element = await withSecrets(attributes);
  element.obfToken = undefined;
  element.signatureProvider = () => ({ signature: testSignature({ meetingNumber: MEETING }), obfToken: OBF });
  const adapter = new FakeAdapter();
  sdk.adapters().next = adapter;
  return { element, adapter };
}

describe('no credentials from URLs in errors', () => {
  it('a signature endpoint with user:password@ is named without them', async () => {
    const element = await withSecrets({ 'signature-endpoint': `${WITH_CREDENTIALS}/test-endpoint/ok` });
    const error = await cleanFailure(element);
    expect(error.code).to.equal('signature-request-invalid');
    expect(error.message).to.contain(`${location.protocol}//${location.host}/test-endpoint/ok`);
    expect(error.message).to.contain('credentials', "the browser's reason is kept");
  });

  it('an asset path with user:password@ is named without them', async () => {
    const element = await withSecrets({ 'asset-path': `${WITH_CREDENTIALS}/zoom-sdk/lib` });
    element.signature = testSignature({ meetingNumber: MEETING });
    const error = await cleanFailure(element);
    expect(error.code).to.equal('asset-path-invalid');
    expect(error.message).to.contain(`(checked ${location.protocol}//${location.host}/zoom-sdk/lib/av/manifest.json)`);
  });

  it('an attribute that is not an http(s) URL is quoted without them', async () => {
    const element = await withSecrets({ 'signature-endpoint': `ftp://ada:${PASSWORD}@files.example/sig` });
    const error = await cleanFailure(element);
    expect(error.code).to.equal('signature-endpoint-invalid');
    expect(error.message).to.contain('"ftp://files.example/sig"');
  });
});

describe('no secret property and no passcode in errors', () => {
  const quoted = `passcode ${PASSCODE} (${encodeURIComponent(PASSCODE)}), zak ${ZAK}, tk ${TK}, obfToken ${OBF} at ${WITH_CREDENTIALS}/wc`;

  it('an adapter that fails quoting them', async () => {
    const { element, adapter } = await signedWithAdapter();
    adapter.failWith('join', Object.assign(new Error(`join refused: ${quoted}`), { options: { zak: ZAK, passWord: PASSCODE } }));
    const error = await cleanFailure(element);
    expect(error.code).to.equal('sdk-unknown');
    expect(error.message).to.contain('join refused: passcode [redacted]');
  });

  it('an adapter that builds its own ZoomJoinError quoting them, with the join options as cause', async () => {
    const { element, adapter } = await signedWithAdapter();
    const own = new ZoomJoinError({
      code: 'sdk-unknown',
      category: ErrorCategory.sdk,
      title: `Refused (${PASSCODE})`,
      message: `Refused: ${quoted}`,
      hint: `The server did not take ${ZAK}.`,
      steps: [`Check ${TK}.`],
      cause: { reason: quoted, passWord: PASSCODE, zak: ZAK },
    });
    adapter.failWith('join', own);
    const error = await cleanFailure(element);
    expect(error.code).to.equal('sdk-unknown');
    expect(error.message).to.contain('Refused: passcode [redacted]');
  });

  it('a signature provider that throws quoting them', async () => {
    const element = await withSecrets();
    element.signatureProvider = () => {
      throw new Error(`backend said no to ${quoted}`);
    };
    const error = await cleanFailure(element);
    expect(error.code).to.equal('signature-provider-failed');
    expect(error.message).to.contain('backend said no to passcode [redacted]');
  });

  it('the SDK failing in the meeting with an error that quotes them', async () => {
    const { element, adapter } = await signedWithAdapter();
    await element.join();
    const failed = new Promise<ZoomJoinError>((resolve) =>
      element.addEventListener('zoom-error', (event) => resolve(event.detail), { once: true }),
    );
    adapter.emit({
      type: 'connection-failed',
      error: new ZoomJoinError({ code: 'connection-error', category: ErrorCategory.network, message: `Lost: ${quoted}`, hint: 'h.' }),
    });
    const error = await failed;
    await element.updateComplete;
    expect(error).to.equal(element.error);
    expectNoSecret(exposed(element, error));
  });

  it("a join that times out after Zoom answered with a text that quotes them", async () => {
    const { element, adapter } = await signedWithAdapter({ 'join-timeout': '500' });
    adapter.hold('join');
    const failing = joinFailure(element);
    await waitUntil(() => adapter.count('join') === 1);
    adapter.emit({ type: 'zoom-answered', answer: { httpStatus: 200, status: false, errorCode: 3004, errorMessage: `bad ${PASSCODE}` } });
    const error = await failing;
    expect(error?.code).to.equal('join-timeout');
    expect(error?.message).to.contain('bad [redacted]');
    expectNoSecret(exposed(element, error!));
  });
});
