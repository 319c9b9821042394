/**
 * The demo page: settings form and embed code, real or simulated SDK, scenario links, the live event log, the
 * status badge, asset progress, the memory chart and the browser's capabilities. Each concern is a module in
 * app/ or simulated/; this file wires them to one `<zoom-join>`.
 */
import '../src/index.js';
import { detectCapabilities, renderCapabilities } from './app/capabilities.js';
import { createZoomJoin } from './app/create-element.js';
import { applyAttributes, elementAttributes, type ElementContext } from './app/element-attributes.js';
import { embedCode } from './app/embed-code.js';
import packageJson from '../package.json';
import { createEventLog } from './app/event-log.js';
import { bindTimingWaterfall } from './app/timing-waterfall.js';
import { watchMainThread } from './app/freeze-watch.js';
import { createMemoryChart } from './app/memory-chart.js';
import { bindMemoryPanel } from './app/memory-panel.js';
import { chooseMode, renderModes, urlWith } from './app/mode.js';
import { bindProgressBar } from './app/progress-bar.js';
import { renderScenarioList, renderScenarioPanel, type ScenarioEntry } from './app/scenario-panel.js';
import { fillForm, settingsFromForm, settingsFromUrl, writeSettingsToUrl, type DemoSettings } from './app/settings.js';
import { bindStatusBadge } from './app/status-badge.js';
import { bindTools } from './app/tools.js';
import { bindMeetingMode, startMeetingMode, type MeetingMode } from './meeting-mode/meeting-mode.js';
import { isScenarioId, SCENARIOS } from './simulated/scenarios.js';
import { startSimulation } from './simulated/simulation.js';
import { startZoomDouble, stopZoomDouble } from './zoom-double/double-mode.js';
import { chooseDoubleScenario } from './zoom-double/scenario-store.js';
import { zoomDoubleScenarios, type ZoomDoubleScenario } from './zoom-double/wc-info.js';
import { whatQaSeesFor } from './zoom-double/what-qa-sees.js';

/** The double and meeting modes' signer: the reference handler with demo credentials, so the in-page check passes. */
const DOUBLE_SIGNER = '/api/sim/signature';

function doubleEntry(scenario: ZoomDoubleScenario): ScenarioEntry {
  return {
    id: scenario.id,
    label: scenario.label,
    expect: whatQaSeesFor(scenario.id),
    detail: `Zoom answers wc/info: HTTP ${scenario.http ?? 200} ${JSON.stringify(scenario.answer)}`,
  };
}

function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`demo/index.html has no ${selector}`);
  return found;
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const log = createEventLog(required<HTMLOListElement>('#event-log'), required<HTMLButtonElement>('#clear-log'));
  const choice = await chooseMode(params);
  let doubleScenario: ZoomDoubleScenario | undefined;
  if (choice.mode === 'double') {
    doubleScenario = chooseDoubleScenario(params.get('scenario'));
    // The URL names the scenario the double answers with, also after a fallback: links, the second tab and the
    // service worker (which reads it) all agree with the page.
    if (params.get('scenario') !== doubleScenario.id) history.replaceState(null, '', urlWith({ scenario: doubleScenario.id }));
  }
  renderModes(choice);

  const context: ElementContext = {
    assetPath: '/zoom-sdk/lib',
    signatureEndpoint: '/api/signature',
    autoJoin: params.has('autojoin'),
  };
  if (choice.mode === 'sim') {
    const asked = params.get('scenario');
    const scenario = SCENARIOS[isScenarioId(asked) ? asked : 'success'];
    const zoom = startSimulation(scenario, log);
    renderScenarioPanel(scenario, zoom);
    context.signatureEndpoint = scenario.signatureEndpoint;
    if (scenario.signatureRequest) context.signatureRequest = scenario.signatureRequest;
    if (scenario.attributes) context.extraAttributes = scenario.attributes;
  } else {
    for (const simOnly of document.querySelectorAll<HTMLElement>('[data-sim-only]')) simOnly.hidden = true;
  }
  let doubleReady: Promise<string | undefined> = Promise.resolve(undefined);
  let meeting: MeetingMode | undefined;
  if (doubleScenario) {
    const status = renderScenarioList('double', doubleEntry(doubleScenario), zoomDoubleScenarios.map(doubleEntry));
    context.signatureEndpoint = DOUBLE_SIGNER;
    doubleReady = startZoomDouble(doubleScenario, log, status);
  } else if (choice.mode === 'meeting') {
    meeting = startMeetingMode(params, log);
    context.signatureEndpoint = meeting.setup.signatureEndpoint ?? DOUBLE_SIGNER;
    if (meeting.setup.attributes) context.extraAttributes = meeting.setup.attributes;
    doubleReady = meeting.ready;
  } else {
    // Leaving double mode: real mode must reach the real Zoom from the next load on, without a worker in between.
    stopZoomDouble().catch((error: unknown) => log.add('demo', 'zoom-double-stop-failed', { reason: String(error) }));
  }

  const form = required<HTMLFormElement>('#settings-form');
  let settings: DemoSettings = settingsFromUrl(params);
  fillForm(form, settings);

  const element = createZoomJoin(settings, context, log);
  // Before the element is in the document: its first SDK frame (a preload's) must already be routed to the double.
  if (meeting) bindMeetingMode(element, meeting, log);
  bindStatusBadge(required<HTMLElement>('#status-badge'), element);
  bindProgressBar(required<HTMLElement>('#progress'), element);
  bindTimingWaterfall(required<HTMLElement>('#timing'), element);
  bindMemoryPanel(element, {
    chart: createMemoryChart(required<HTMLElement>('#memory-chart')),
    summary: required<HTMLElement>('#memory-summary'),
  });
  bindTools({ element, settings: () => settings, elementContext: context, log });
  watchMainThread((blockedMs) => log.add('demo', 'main-thread-blocked', { ms: blockedMs }));

  const embed = required<HTMLPreElement>('#embed-code');
  const showEmbed = (): void => {
    embed.textContent = embedCode(elementAttributes(settings, context), packageJson.version, context.signatureRequest);
  };
  showEmbed();
  form.addEventListener('input', () => {
    settings = settingsFromForm(form);
    applyAttributes(element, elementAttributes(settings, context));
    showEmbed();
    const url = new URL(window.location.href);
    writeSettingsToUrl(url.searchParams, settings);
    history.replaceState(null, '', url);
  });
  required<HTMLButtonElement>('#copy-embed').addEventListener('click', () => {
    const result = required<HTMLElement>('#copy-result');
    const byHand = (): void => {
      // Selected, so Ctrl+C / Cmd+C is all that is left to do.
      window.getSelection()?.selectAllChildren(embed);
      result.textContent = 'The browser blocked copying (insecure context?): the code is selected, copy it by hand.';
    };
    // navigator.clipboard is missing outside secure contexts (http:// other than localhost).
    if (!window.isSecureContext || !('clipboard' in navigator)) return byHand();
    navigator.clipboard.writeText(embed.textContent ?? '').then(() => (result.textContent = 'Copied.'), byHand);
  });

  // Without a double in control, the SDK's join would go to the real zoom.us: no element, so no Join button.
  const doubleProblem = await doubleReady;
  if (doubleProblem === undefined) {
    required<HTMLElement>('#stage').append(element);
  } else {
    const problem = document.createElement('p');
    problem.id = 'double-unavailable';
    problem.setAttribute('role', 'alert');
    problem.textContent = doubleProblem;
    required<HTMLElement>('#stage').append(problem);
  }
  document.body.dataset.mode = choice.mode;
  document.body.dataset.ready = 'true';
  renderCapabilities(required<HTMLDListElement>('#capabilities'), await detectCapabilities());
}

void main();
