// Every refusal of Zoom's join web service, answered by the Zoom double, met by the real Component View: the element
// must end in the specific code, category and retryable, with Zoom's number — never a catch-all.
import { expect } from '@open-wc/testing';
import { zoomDoubleScenarios } from '../../demo/zoom-double/wc-info.js';
import { expectedOutcomes, isPrompt } from '../support/zoom-double-expectations.js';
import { joinAgainst } from './zoom-answers-support.js';

describe('real SDK: Component View against every Zoom refusal', function () {
  this.timeout(40000);

  for (const scenario of zoomDoubleScenarios) {
    const expected = expectedOutcomes[scenario.id]?.component;
    it(`${scenario.id}: ${scenario.label}`, async () => {
      expect(expected, `an expectation for ${scenario.id}`).to.exist;
      if (!expected) return;
      const outcome = await joinAgainst(scenario.id, 'component');
      if (isPrompt(expected)) {
        expect(outcome.kind === 'warning' ? outcome.code : outcome.kind).to.equal(expected.warning);
        return;
      }
      if (outcome.kind !== 'error') throw new Error(`expected zoom-error ${expected.code}, got ${outcome.kind} after ${Math.round(outcome.ms)} ms`);
      const { error } = outcome;
      expect({ code: error.code, category: error.category, retryable: error.retryable, sdkCode: error.sdkCode }).to.deep.equal(expected);
      expect(error.view).to.equal('component');
      if (expected.code === 'signature-invalid') {
        // The forum's question, answered in the page: a Meeting SDK app's credentials, not OAuth's.
        expect(error.hint).to.contain('OAuth');
        expect(error.steps.join(' ')).to.contain('Meeting SDK app');
      }
      console.log(`component ${scenario.id}: ${error.code} [${error.sdkCode}] in ${Math.round(outcome.ms)} ms — ${error.message}`);
    });
  }
});
