// Another account's meeting, real SDK, Component View: OBF tokens and ZAKs against the meeting double (real-meeting-obf.scenarios.ts).
import { obfScenarios } from './real-meeting-obf.scenarios.js';

describe("another account's meeting, real SDK: Component View", function () {
  this.timeout(180_000);
  obfScenarios('component');
});
