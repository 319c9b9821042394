// Browser tests run in Debian's Chromium (never a downloaded browser) through Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { referenceServerMiddleware } from './test/support/reference-server-middleware.mjs';
import { signatureEndpointMiddleware } from './test/support/signature-endpoint-middleware.mjs';
import { deviceControlPlugin } from './test/support/device-control-plugin.mjs';
import { tsImport } from 'tsx/esm/api';

// The meeting double is TypeScript shared with the e2e suites and the benches.
const { MeetingDouble, authorizationOf } = await tsImport('./demo/meeting-double/meeting-double.ts', import.meta.url);
const { routeMeetingDouble } = await tsImport('./demo/meeting-double/route-playwright.ts', import.meta.url);
const { asJsonp, jsonpCallbackOf } = await tsImport('./demo/zoom-double/jsonp.ts', import.meta.url);


/** Every URL each test page requested, so tests can prove which hosts the SDK talked to. */
const requestsByPage = new WeakMap();

/**
 * The Zoom double: what each page's wc/info request gets, as set by the test (test/support/zoom-double.ts sends an
 * answer from demo/zoom-double/wc-info.ts). Unset, or for any other Zoom URL, the request fails as it does offline.
 */
const zoomAnswerByPage = new WeakMap();
const ZOOM_HOST = /^https?:\/\/(?:[a-z0-9-]+\.)*(?:zoom\.us|zoom\.com|zoomgov\.com)(?::\d+)?\//;
const WC_INFO = /^https:\/\/(?:[a-z0-9-]+\.)*zoom\.us\/api\/v1\/wc\/info(?:[?#]|$)/;

/** The SDK's CommonJS entries, served as the ESM copies scripts/prebundle-sdk.mjs made. */
const sdkAliases = {
  '@zoom/meetingsdk/embedded': '/.cache/sdk-esm/zoom-embedded.esm.js',
  '@zoom/meetingsdk': '/.cache/sdk-esm/zoom-client.esm.js',
  // React 18 (the SDK's own copy) for the zoom-join/react test, pre-bundled by scripts/prebundle-react.mjs.
  react: '/.cache/react-esm/react.js',
  'react-dom/client': '/.cache/react-esm/react-dom-client.js',
};

const sdkAliasPlugin = {
  name: 'zoom-sdk-esm-alias',
  resolveImport({ source }) {
    return sdkAliases[source];
  },
};

const zoomDoublePlugin = {
  name: 'zoom-double',
  async executeCommand({ command, payload, session }) {
    if (command !== 'zoom-double') return undefined;
    const page = session.browser.getPage(session.id);
    // Routing turns off the page's HTTP cache (Playwright), which the preload tests measure: only pages that use the
    // double are routed, from their first command on.
    if (!zoomAnswerByPage.has(page)) await page.route(ZOOM_HOST, (route) => answerZoom(page, route));
    // `hang` keeps the request open (a Zoom that never answers); `response` is {status, headers, body}.
    zoomAnswerByPage.set(page, payload ?? null);
    return true;
  },
};

async function answerZoom(page, route) {
  const request = route.request();
  const double = zoomAnswerByPage.get(page);
  if (!double || !WC_INFO.test(request.url())) return route.abort('namenotresolved');
  if (double.hang) return undefined;
  if (request.method() === 'OPTIONS') {
    return route.fulfill({
      status: 204,
      headers: {
        'access-control-allow-origin': double.response.headers['access-control-allow-origin'],
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      },
    });
  }
  // SDK 5.x asks with a JSONP GET, 6.x with a POST: the same answer for both.
  return route.fulfill(asJsonp(double.response, jsonpCallbackOf(request.url(), request.method())));
}

/**
 * The meeting double (demo/meeting-double/): a page that starts one has Zoom's meeting service answered past wc/info
 * — HTTP and the RWG WebSocket, for the element's frames too — and drives the meeting with these commands.
 */
const meetingDoubleByPage = new WeakMap();
const routedForMeetings = new WeakSet();

const meetingDoublePlugin = {
  name: 'meeting-double',
  async executeCommand({ command, payload, session }) {
    if (command !== 'meeting-double') return undefined;
    const page = session.browser.getPage(session.id);
    if (payload.action === 'start') {
      if (!routedForMeetings.has(page)) {
        routedForMeetings.add(page);
        await routeMeetingDouble(page, () => meetingDoubleByPage.get(page));
      }
      // A meeting of another account: the page lists the tokens Zoom's token service would know (`knownTokens`).
      const { knownTokens, ...options } = payload.options ?? {};
      const authorization = knownTokens ? { authorization: authorizationOf(knownTokens) } : {};
      meetingDoubleByPage.set(page, new MeetingDouble({ origin: new URL(page.url()).origin, ...options, ...authorization }));
      return meetingDoubleByPage.get(page).snapshot();
    }
    const double = meetingDoubleByPage.get(page);
    if (!double) throw new Error('meeting-double: start a meeting first');
    switch (payload.action) {
      case 'add-participant':
        return { id: double.addParticipant(payload.name, payload.role ?? 0) };
      case 'remove-participant':
        double.removeParticipant(payload.id);
        break;
      case 'end':
        double.endMeeting();
        break;
      case 'remove-user':
        double.removeUser();
        break;
      case 'admit':
        double.admit();
        break;
      case 'start-meeting':
        double.startMeeting();
        break;
      case 'authorizing-user-joins':
        double.authorizingUserJoins(payload.userId);
        break;
      case 'authorizing-user-leaves':
        double.authorizingUserLeaves(payload.userId);
        break;
      case 'drop':
        double.dropConnection({ recover: payload.recover });
        break;
      case 'record':
        break;
      default:
        throw new Error(`meeting-double: no action ${payload.action}`);
    }
    return double.snapshot();
  },
};

const networkLogPlugin = {
  name: 'network-log',
  async executeCommand({ command, payload, session }) {
    if (command !== 'network-log') return undefined;
    const page = session.browser.getPage(session.id);
    const log = requestsByPage.get(page) ?? [];
    if (payload && payload.clear) log.length = 0;
    return log.map((entry) => ({ ...entry }));
  },
};

/**
 * Every console message of the test page, as Playwright reports them: the page's console events include those of
 * its same-origin frames (the element's realm) and the browser's own messages (a preload never used, say), which
 * the frame's console object and wtr's in-page capture never see.
 */
const consoleByPage = new WeakMap();

const consoleLogPlugin = {
  name: 'console-log',
  async executeCommand({ command, payload, session }) {
    if (command !== 'console-log') return undefined;
    const page = session.browser.getPage(session.id);
    const log = consoleByPage.get(page) ?? [];
    const copy = log.map((entry) => ({ ...entry }));
    if (payload && payload.clear) log.length = 0;
    return copy;
  },
};

/**
 * Saves a screenshot of the test page to test-results/<name>.png (for a person to look at; nothing compares it);
 * `name` may name one folder level (`sdk-options/client-customised`).
 */
const screenshotPlugin = {
  name: 'screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'screenshot') return undefined;
    const name = String(payload?.name ?? '')
      .split('/')
      .slice(-2)
      .map((part) => part.replace(/[^a-z0-9-]/gi, '-'))
      .join('/');
    const page = session.browser.getPage(session.id);
    await page.screenshot({ path: `test-results/${name}.png` });
    return `test-results/${name}.png`;
  },
};

/**
 * The page's accessibility tree as Chromium computes it for screen readers (CDP's Accessibility domain: Playwright
 * no longer has a snapshot API): every node that is not ignored, as {role, name, description, focused}.
 */
const accessibilityTreePlugin = {
  name: 'accessibility-tree',
  async executeCommand({ command, session }) {
    if (command !== 'accessibility-tree') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      return nodes
        .filter((node) => !node.ignored)
        .map((node) => ({
          role: node.role?.value ?? '',
          name: node.name?.value ?? '',
          description: node.description?.value ?? '',
          focused: (node.properties ?? []).some((property) => property.name === 'focused' && property.value.value === true),
        }));
    } finally {
      await cdp.detach();
    }
  },
};

/** Ends the run with one plain `browser: N passed, N failed` line that CI can read. */
function summaryLineReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if (!session.passed && !session.testResults) failed++;
      }
      // The slowest files, so the suite's time can be kept in hand (tests' own durations, without page start-up).
      const durationOf = (suite) =>
        suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) + suite.suites.reduce((sum, child) => sum + durationOf(child), 0);
      const slowest = sessions
        .filter((session) => session.testResults)
        .map((session) => ({ file: session.testFile.replace(`${process.cwd()}/`, ''), ms: durationOf(session.testResults) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 12)
        .map(({ file, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
      const line = `browser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      process.once('exit', () => process.stdout.write(`browser: slowest files\n${slowest.join('\n')}\n`));
      // The default reporter prints its own summary last; this line must come after it.
      process.once('exit', () => process.stdout.write(`${line}\n`));
    },
  };
}

/**
 * Debian's Chromium through Playwright, every page logged (requests, console) for the plugins above; `contextOptions`
 * emulate a device (web-test-runner.mobile.config.mjs).
 */
export function chromiumLauncher(contextOptions = {}) {
  return playwrightLauncher({
    // A device's viewport, touch, isMobile and user agent (Playwright's device descriptors) for the mobile group.
    createBrowserContext: ({ browser }) => browser.newContext(contextOptions),
    product: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      headless: true,
      // Nothing may reach Zoom from a test, whatever the machine's network: its hosts do not resolve, and the
      // double (page routing) answers before any lookup.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP zoom.us ~NOTFOUND, MAP *.zoom.us ~NOTFOUND, MAP *.zoom.com ~NOTFOUND, MAP *.zoomgov.com ~NOTFOUND, MAP *.cloudfront.net ~NOTFOUND'],
    },
    async createPage({ context }) {
      const page = await context.newPage();
      // The runner sizes every page to 800×600 before each test file; an emulated device keeps its own screen.
      if (contextOptions.viewport) page.setViewportSize = async () => undefined;
      const log = [];
      requestsByPage.set(page, log);
      page.on('request', (request) => {
        log.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() });
      });
      const messages = [];
      consoleByPage.set(page, messages);
      page.on('console', (message) => {
        messages.push({ type: message.type(), text: message.text(), url: message.location().url ?? '' });
      });
      return page;
    },
  });
}

/**
 * The real SDK's meeting and Zoom-answer suites run on their own, two pages at once (`ZOOM_JOIN_REAL_SDK_SUITE=1`,
 * npm run test:browser runs both halves): they spend most of their time waiting on the SDK's own timers, with
 * generous bounds. Everything else runs one page at a time, so that no 1-second wait of a test competes with a page
 * running the SDK.
 */
const REAL_SDK_SUITE = process.env.ZOOM_JOIN_REAL_SDK_SUITE === '1';
const REAL_SDK_SUITES = ['test/meeting/real-*.test.ts', 'test/sdk/zoom-answers-*.test.ts', 'test/versions/*.test.ts'];

export default {
  reporters: [defaultReporter(), summaryLineReporter()],
  // test/mobile/ runs on an emulated phone: web-test-runner.mobile.config.mjs.
  files: REAL_SDK_SUITE ? REAL_SDK_SUITES : ['test/**/*.test.ts', '!test/node/**', '!test/mobile/**', ...REAL_SDK_SUITES.map((glob) => `!${glob}`)],
  nodeResolve: true,
  concurrency: REAL_SDK_SUITE ? 2 : 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 30000 } },
  middleware: [signatureEndpointMiddleware, referenceServerMiddleware],
  plugins: [sdkAliasPlugin, esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), networkLogPlugin, consoleLogPlugin, zoomDoublePlugin, meetingDoublePlugin, screenshotPlugin, accessibilityTreePlugin, deviceControlPlugin],
  browsers: [chromiumLauncher()],
};
