// What a real join logs, Component View: the real SDK against the meeting double (real-sdk-console.scenarios.ts).
import { consoleScenarios } from './real-sdk-console.scenarios.js';

describe('console of a real join: Component View', function () {
  this.timeout(120_000);
  consoleScenarios('component');
});
