// The element's signature path end to end: the real reference server over real HTTP at /api/signature, the
// in-page check, and a fake SDK adapter at the boundary.
import { expect, oneEvent } from '@open-wc/testing';
import { jwtVerify } from 'jose';
import { errorPanelText, failSdkWith, joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { REFERENCE_ENDPOINT, TEST_SDK_KEY, TEST_SDK_SECRET } from '../support/reference-server.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '98765432101';
const sdk = useFakeSdk();

function base64url(value: string): string {
  return btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Changes one claim and keeps the original HMAC: what an attacker (or a buggy proxy) would produce. */
function tamper(jwt: string, claims: Record<string, unknown>): string {
  const [header, payload, mac] = jwt.split('.');
  const decoded = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  return `${header}.${base64url(JSON.stringify({ ...decoded, ...claims }))}.${mac}`;
}

async function referenceSignature(meetingNumber = MEETING, role = 0): Promise<string> {
  const response = await fetch(REFERENCE_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meetingNumber, role }),
  });
  const body = (await response.json()) as { signature: string };
  return body.signature;
}

describe('<zoom-join> signature path', () => {
  it('joins through the reference signature server: the SDK gets a signature that verifies, and the sdkKey', async () => {
    const element = await renderZoomJoin({ 'meeting-number': '987 6543 2101', 'user-name': 'Ada', 'signature-endpoint': REFERENCE_ENDPOINT });
    await element.join();
    expect(element.status).to.equal('joined');
    const join = sdk.adapters().created[0]!.calls.find((call) => call.method === 'join');
    const options = join && join.method === 'join' ? join.options : undefined;
    expect(options?.sdkKey).to.equal(TEST_SDK_KEY);
    const { payload } = await jwtVerify(options!.signature, new TextEncoder().encode(TEST_SDK_SECRET));
    expect(payload).to.include({ appKey: TEST_SDK_KEY, mn: MEETING, role: 0 });
  });

  it('refuses a tampered signature locally (meeting number changed) before the SDK is touched', async () => {
    const forged = tamper(await referenceSignature(), { mn: '11111111111' });
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signatureProvider = async () => forged;
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-rejected-locally');
    expect(error?.category).to.equal('signature');
    expect(error?.problems?.map((problem) => problem.code)).to.include('meeting-number-mismatch');
    expect(sdk.adapters().created).to.have.length(0);
    expect(errorPanelText(element)).to.contain('signature-rejected-locally');
    expect(errorPanelText(element)).to.not.contain(forged);
  });

  it('refuses a signature expired by the signing clock locally with the expiry problem', async () => {
    const now = Math.floor(Date.now() / 1000);
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    const expired = testSignature({ meetingNumber: MEETING, iat: now - 9000, exp: now - 1800 });
    // With the signing side's time; judged by this device's clock alone it would only be a warning.
    element.signatureProvider = () => ({ signature: expired, serverTime: Date.now() });
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-rejected-locally');
    expect(error?.problems?.map((problem) => problem.code)).to.include('expired');
    expect(sdk.adapters().created).to.have.length(0);
  });

  it('refuses a signature for another role locally', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'meeting-role': '0' });
    element.signature = await referenceSignature(MEETING, 1);
    const error = await joinFailure(element);
    expect(error?.problems?.map((problem) => problem.code)).to.include('role-mismatch');
  });

  it('reports warnings in zoom-signature-warning and goes on joining', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signature = testSignature({ meetingNumber: MEETING, role: '0' });
    const warning = oneEvent(element, 'zoom-signature-warning');
    await element.join();
    const { detail } = (await warning) as CustomEvent<{ problems: { code: string }[] }>;
    expect(detail.problems.map((problem) => problem.code)).to.include('role-type');
    expect(element.status).to.equal('joined');
  });

  it('reports an endpoint failure as a signature error and never reaches the SDK', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'signature-endpoint': '/test-endpoint/html' });
    const error = await joinFailure(element);
    expect(error?.category).to.equal('signature');
    expect(error?.code).to.equal('signature-not-json');
    expect(sdk.adapters().created).to.have.length(0);
  });

  it('a signature provider that never answers fails after signatureRequest.timeoutMs', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signatureProvider = () => new Promise<string>(() => undefined);
    element.signatureRequest = { timeoutMs: 200 };
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-provider-failed');
    expect(error?.message).to.contain('200 ms');
    expect(sdk.adapters().created).to.have.length(0);
  });

  it('prefers a signature set directly over the endpoint (no request is made)', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'signature-endpoint': '/test-endpoint/500' });
    element.signature = testSignature({ meetingNumber: MEETING });
    await element.join();
    expect(element.status).to.equal('joined');
  });

  it('the OAuth-app case: a well-formed signature passes the local check, Zoom answers 3712, the panel says why', async () => {
    // Signed with the wrong app's secret: the claims are right, so only Zoom can tell — and the panel must explain.
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signature = testSignature({ meetingNumber: MEETING, sdkKey: 'oauth-client-id' });
    failSdkWith(sdk, 'join', { type: 'JOIN_MEETING_FAILED', reason: 'Signature is invalid.', errorCode: 3712 });
    const error = await joinFailure(element);
    expect(error?.sdkCode).to.equal(3712);
    expect(error?.code).to.equal('signature-invalid');
    const panel = errorPanelText(element);
    expect(panel).to.contain('Meeting SDK app');
    expect(panel).to.contain('OAuth');
    expect(panel).to.contain('found nothing wrong with its claims');
    expect(panel).to.contain('3712');
    expect(panel).to.not.contain(element.signature!);
  });
});
