// Every refusal of Zoom's join web service, answered by the Zoom double, met by the real Client View: the element
// must end in the specific code with Zoom's number — also where the SDK reports only its catch-all (1) or never
// calls back — or, where the SDK shows its own form instead (passcode, registration), say so with a warning.
import { expect } from '@open-wc/testing';
import { zoomDoubleScenarios } from '../../demo/zoom-double/wc-info.js';
import { expectedOutcomes, isPrompt } from '../support/zoom-double-expectations.js';
import { joinInFrame } from './zoom-answers-support.js';

describe('real SDK: Client View against every Zoom refusal', function () {
  this.timeout(40000);

  before(async function () {
    this.timeout(60000);
    // The first frame downloads and compiles the Client View (~9 MB) and its media files; the cases measure a join
    // from the click, as on a page that preloaded, so the cache is warmed once here.
    await joinInFrame('invalid-signature', 'client', 45000);
  });

  for (const scenario of zoomDoubleScenarios) {
    const expected = expectedOutcomes[scenario.id]?.client;
    it(`${scenario.id}: ${scenario.label}`, async () => {
      expect(expected, `an expectation for ${scenario.id}`).to.exist;
      if (!expected) return;
      // Every case runs in a page of its own (see join-in-frame.ts).
      const outcome = await joinInFrame(scenario.id, 'client');
      if (isPrompt(expected)) {
        expect(outcome.kind === 'warning' ? outcome.code : outcome.kind).to.equal(expected.warning);
        console.log(`client ${scenario.id}: warning ${expected.warning} in ${Math.round(outcome.ms)} ms`);
        return;
      }
      if (outcome.kind !== 'error') throw new Error(`expected zoom-error ${expected.code}, got ${outcome.kind} after ${Math.round(outcome.ms)} ms`);
      const { code, category, retryable, sdkCode } = outcome;
      expect({ code, category, retryable, sdkCode }).to.deep.equal(expected);
      expect(outcome.view).to.equal('client');
      if (expected.code === 'signature-invalid') {
        expect(outcome.hint).to.contain('OAuth');
        expect(outcome.panel).to.contain('Meeting SDK app');
      }
      console.log(`client ${scenario.id}: ${code} [${sdkCode}] in ${Math.round(outcome.ms)} ms — ${outcome.message}`);
    });
  }
});

describe('real SDK: Client View joins that would hang', function () {
  this.timeout(40000);

  it('shows the passcode prompt in the status line, then ends in join-timeout naming the prompt', async () => {
    const prompt = await joinInFrame('wrong-passcode', 'client', 15000, '&join-timeout=60000');
    expect(prompt.kind).to.equal('warning');
    expect(prompt.status).to.contain('Zoom is asking for the meeting passcode');

    const timedOut = await joinInFrame('wrong-passcode', 'client', 25000, '&join-timeout=8000&until-error');
    expect(timedOut.kind).to.equal('error');
    expect(timedOut.code).to.equal('join-timeout');
    expect(timedOut.retryable).to.equal(true);
    expect(timedOut.message).to.match(/within 8 s/);
    expect(timedOut.message).to.contain('still asking for the meeting passcode');
  });

  it('a Zoom that never answers ends in join-timeout naming the join step', async () => {
    const timedOut = await joinInFrame('hang', 'client', 25000, '&join-timeout=8000');
    expect(timedOut.kind).to.equal('error');
    expect(timedOut.code).to.equal('join-timeout');
    expect(timedOut.message).to.contain("joining (the SDK asks Zoom's join web service");
    expect(timedOut.message).to.not.contain('Zoom answered');
  });
});
