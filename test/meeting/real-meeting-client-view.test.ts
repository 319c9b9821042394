// The element in a real meeting, Client View: the real SDK against the meeting double (real-meeting.scenarios.ts).
import { meetingScenarios } from './real-meeting.scenarios.js';

describe('in a meeting, real SDK: Client View', function () {
  this.timeout(180_000);
  meetingScenarios('client');
});
