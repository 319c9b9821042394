import { SCENARIO_IDS, SCENARIOS, type Scenario } from '../simulated/scenarios.js';
import type { SimulatedZoom } from '../simulated/simulated-zoom.js';
import { urlWith } from './mode.js';

/** One scenario as the panel shows it; simulated and Zoom-double scenarios and meeting setups all fit. */
export interface ScenarioEntry {
  id: string;
  label: string;
  /** What QA should see. */
  expect: string;
  /** Shown under the current scenario only, e.g. the exact answer the Zoom double gives. */
  detail?: string;
}

/**
 * The scenario list of `mode` (links QA can share: `?mode=<mode>&scenario=<id>`, keeping the other settings) and
 * the current scenario's expectation. Returns the status line for scenarios that report progress.
 */
export function renderScenarioList(
  mode: 'sim' | 'double' | 'meeting',
  current: ScenarioEntry,
  all: readonly ScenarioEntry[],
): HTMLElement | undefined {
  const section = document.querySelector<HTMLElement>('#scenarios');
  const list = document.querySelector<HTMLUListElement>('#scenario-list');
  const summary = document.querySelector<HTMLElement>('#scenario-current');
  const status = document.querySelector<HTMLElement>('#scenario-status');
  if (!section || !list || !summary || !status) return undefined;
  section.hidden = false;
  section.dataset.scenario = current.id;

  summary.replaceChildren();
  const name = document.createElement('strong');
  name.textContent = `${current.label} `;
  const id = document.createElement('code');
  id.textContent = current.id;
  summary.append(name, id, document.createElement('br'), `Expect: ${current.expect}`);
  if (current.detail) {
    const detail = document.createElement('code');
    detail.className = 'scenario-detail';
    detail.textContent = current.detail;
    summary.append(document.createElement('br'), detail);
  }

  list.replaceChildren(
    ...all.map((scenario) => {
      const item = document.createElement('li');
      if (scenario.id === current.id) item.setAttribute('aria-current', 'true');
      const link = document.createElement('a');
      link.href = urlWith({ mode, scenario: scenario.id, autojoin: null });
      link.textContent = scenario.label;
      link.dataset.scenario = scenario.id;
      // The id too: it is what QA puts in a bug report and what the link carries.
      const shownId = document.createElement('code');
      shownId.textContent = scenario.id;
      const expectation = document.createElement('small');
      expectation.textContent = scenario.expect;
      item.append(link, ' ', shownId, expectation);
      return item;
    }),
  );
  return status;
}

/** Simulated mode's panel: its scenarios, and the host countdown of not-started. */
export function renderScenarioPanel(current: Scenario, zoom: SimulatedZoom): void {
  const status = renderScenarioList(
    'sim',
    current,
    SCENARIO_IDS.map((scenarioId) => SCENARIOS[scenarioId]),
  );
  if (status && current.hostStartsAfterMs !== undefined) trackHost(zoom, status);
}

/** not-started: counts down to the host starting the meeting once the first join was refused. */
function trackHost(zoom: SimulatedZoom, status: HTMLElement): void {
  const update = (): void => {
    status.dataset.hostStarted = String(zoom.hostStarted);
    const at = zoom.hostStartsAt;
    if (zoom.hostStarted) status.textContent = 'The host has started the meeting: Retry now joins.';
    else if (at === undefined) status.textContent = 'The host starts the meeting a few seconds after your first try.';
    else status.textContent = `The host starts the meeting in ${Math.max(0, Math.ceil((at - Date.now()) / 1000))} s.`;
  };
  update();
  const timer = setInterval(() => {
    update();
    if (zoom.hostStarted) clearInterval(timer);
  }, 250);
  zoom.addEventListener('host-started', update);
}
