// Whose clock judges a signature's iat and exp: the endpoint's (its Date header) when the page can read it, else
// this device's, and then a clock-only finding is a warning. Real HTTP against
// test/support/signature-endpoint-middleware.mjs (/test-endpoint/clock signs with a clock ?skew seconds off and
// sends its Date header), a fake SDK adapter at the boundary.
import { expect } from '@open-wc/testing';
import type { SignatureProblem } from '../../src/zoom-join-error.js';
import { fetchSignature } from '../../src/signature/fetch-signature.js';
import type { ZoomJoin } from '../../src/zoom-join.js';
import { joinFailure, renderZoomJoin, useFakeSdk } from '../support/element-harness.js';
import { testSignature } from '../support/test-signature.js';

const MEETING = '12345678901';
const HOURS_3 = 3 * 3600;
/** The signing server 3 h behind this device: its fresh 2-hour token expired an hour ago by the device's clock. */
const DEVICE_AHEAD = `/test-endpoint/clock?skew=-${HOURS_3}`;
/** The same endpoint on another origin (127.0.0.1 instead of localhost): its headers are CORS-filtered. */
const OTHER_ORIGIN = `${location.protocol}//127.0.0.1:${location.port}`;

/** Every problem of every zoom-signature-warning the element fires. */
function signatureWarnings(element: ZoomJoin): SignatureProblem[] {
  const problems: SignatureProblem[] = [];
  element.addEventListener('zoom-signature-warning', (event) => problems.push(...event.detail.problems));
  return problems;
}

async function elementWith(endpoint: string): Promise<ZoomJoin> {
  const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada', 'signature-endpoint': endpoint });
  element.signatureRequest = { retries: 0 };
  return element;
}

describe('fetchSignature: the endpoint\'s clock', () => {
  it('returns the Date header as serverTime', async () => {
    const result = await fetchSignature(DEVICE_AHEAD, { meetingNumber: MEETING, role: 0 });
    expect(result.serverTime).to.be.a('number');
    // The endpoint's clock runs 3 h behind this one; a minute covers the request and the header's whole seconds.
    expect(Math.abs(result.serverTime! - (Date.now() - HOURS_3 * 1000))).to.be.below(60_000);
  });

  it('has no serverTime without a Date header, or when another origin does not expose it', async () => {
    const none = await fetchSignature(`${DEVICE_AHEAD}&date=0`, { meetingNumber: MEETING, role: 0 });
    expect(none).not.to.have.property('serverTime');
    const hidden = await fetchSignature(`${OTHER_ORIGIN}${DEVICE_AHEAD}&cors=1`, { meetingNumber: MEETING, role: 0 });
    expect(hidden).not.to.have.property('serverTime');
    const exposed = await fetchSignature(`${OTHER_ORIGIN}${DEVICE_AHEAD}&cors=expose`, { meetingNumber: MEETING, role: 0 });
    expect(exposed.serverTime).to.be.a('number');
  });
});

describe('<zoom-join>: a device clock 3 h ahead', () => {
  const sdk = useFakeSdk();

  it('joins with a fresh token when the endpoint\'s Date header says it is fresh: no error, no warning', async () => {
    const element = await elementWith(DEVICE_AHEAD);
    const warnings = signatureWarnings(element);
    await element.join();
    expect(element.status).to.equal('joined');
    expect(warnings).to.deep.equal([]);
  });

  it('joins from another origin that exposes Date (Access-Control-Expose-Headers)', async () => {
    const element = await elementWith(`${OTHER_ORIGIN}${DEVICE_AHEAD}&cors=expose`);
    const warnings = signatureWarnings(element);
    await element.join();
    expect(element.status).to.equal('joined');
    expect(warnings).to.deep.equal([]);
  });

  for (const [label, endpoint] of [
    ['without a Date header', `${DEVICE_AHEAD}&date=0`],
    ['from another origin that does not expose Date', `${OTHER_ORIGIN}${DEVICE_AHEAD}&cors=1`],
  ] as const) {
    it(`${label}: warns that the device clock may be wrong, and joins`, async () => {
      const element = await elementWith(endpoint);
      const warnings = signatureWarnings(element);
      await element.join();
      expect(element.status).to.equal('joined');
      const expired = warnings.find((problem) => problem.code === 'expired');
      expect(expired?.severity).to.equal('warning');
      expect(expired?.message).to.contain("device's clock");
      expect(expired?.steps.join(' ')).to.contain('Access-Control-Expose-Headers: Date');
      expect(sdk.adapters().created[0]?.count('join')).to.equal(1);
    });
  }

  it('a device clock 3 h behind: iat in the future is a warning without Date, nothing with it', async () => {
    const behind = `/test-endpoint/clock?skew=${HOURS_3}`;
    const withoutDate = await elementWith(`${behind}&date=0`);
    const warnings = signatureWarnings(withoutDate);
    await withoutDate.join();
    expect(withoutDate.status).to.equal('joined');
    expect(warnings.map((problem) => [problem.code, problem.severity])).to.deep.include(['iat-future', 'warning']);
    await withoutDate.leave();

    const withDate = await elementWith(behind);
    const none = signatureWarnings(withDate);
    await withDate.join();
    expect(none).to.deep.equal([]);
  });
});

describe('<zoom-join>: what stays an error whatever the clock', () => {
  const sdk = useFakeSdk();

  it('a token expired by the endpoint\'s own clock is refused locally', async () => {
    const element = await elementWith('/test-endpoint/clock?age=9000');
    const error = await joinFailure(element);
    expect(error?.code).to.equal('signature-rejected-locally');
    const expired = error?.problems?.find((problem) => problem.code === 'expired');
    expect(expired?.severity).to.equal('error');
    expect(sdk.adapters().created).to.have.length(0);
  });

  for (const date of ['1', '0']) {
    it(`a lifetime too long is refused locally (${date === '1' ? 'with' : 'without'} a Date header)`, async () => {
      const element = await elementWith(`/test-endpoint/clock?lifetime=200000&date=${date}`);
      const error = await joinFailure(element);
      expect(error?.code).to.equal('signature-rejected-locally');
      expect(error?.problems?.find((problem) => problem.code === 'lifetime')?.severity).to.equal('error');
      expect(sdk.adapters().created).to.have.length(0);
    });
  }
});

describe('<zoom-join>: signatures given directly or by a provider', () => {
  const sdk = useFakeSdk();
  const now = Math.floor(Date.now() / 1000);
  /** Made by a server 3 h behind: fresh for it, expired an hour ago by this device's clock. */
  const madeBehind = (): string =>
    testSignature({ meetingNumber: MEETING, iat: now - HOURS_3 - 30, exp: now - HOURS_3 - 30 + 7200 });

  it('a direct signature that looks expired by this device\'s clock: a warning, and the join goes on', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signature = madeBehind();
    const warnings = signatureWarnings(element);
    await element.join();
    expect(element.status).to.equal('joined');
    expect(warnings.find((problem) => problem.code === 'expired')?.severity).to.equal('warning');
  });

  it('a provider that returns serverTime has its signature judged by that clock', async () => {
    const element = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    element.signatureProvider = () => ({ signature: madeBehind(), serverTime: (now - HOURS_3) * 1000 });
    const warnings = signatureWarnings(element);
    await element.join();
    expect(element.status).to.equal('joined');
    expect(warnings).to.deep.equal([]);
    await element.leave();

    const late = await renderZoomJoin({ 'meeting-number': MEETING, 'user-name': 'Ada' });
    late.signatureProvider = () => ({ signature: madeBehind(), serverTime: Date.now() });
    const error = await joinFailure(late);
    expect(error?.problems?.find((problem) => problem.code === 'expired')?.severity).to.equal('error');
    expect(sdk.adapters().created).to.have.length(1);
  });
});
