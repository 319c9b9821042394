import { SCENARIO_IDS, SCENARIOS, type Scenario } from '../simulated/scenarios.js';
import type { SimulatedZoom } from '../simulated/simulated-zoom.js';
import { urlWith } from './mode.js';

/** The scenario list (links QA can share: `?scenario=<id>`) and the current scenario's expectation and state. */
export function renderScenarioPanel(current: Scenario, zoom: SimulatedZoom): void {
  const section = document.querySelector<HTMLElement>('#scenarios');
  const list = document.querySelector<HTMLUListElement>('#scenario-list');
  const summary = document.querySelector<HTMLElement>('#scenario-current');
  const status = document.querySelector<HTMLElement>('#scenario-status');
  if (!section || !list || !summary || !status) return;
  section.hidden = false;
  section.dataset.scenario = current.id;

  summary.replaceChildren();
  const name = document.createElement('strong');
  name.textContent = `${current.label} `;
  const id = document.createElement('code');
  id.textContent = current.id;
  summary.append(name, id, document.createElement('br'), `Expect: ${current.expect}`);

  list.replaceChildren(
    ...SCENARIO_IDS.map((scenarioId) => {
      const scenario = SCENARIOS[scenarioId];
      const item = document.createElement('li');
      if (scenarioId === current.id) item.setAttribute('aria-current', 'true');
      const link = document.createElement('a');
      link.href = urlWith({ mode: 'sim', scenario: scenarioId, autojoin: null });
      link.textContent = scenario.label;
      link.dataset.scenario = scenarioId;
      const expectation = document.createElement('small');
      expectation.textContent = scenario.expect;
      item.append(link, expectation);
      return item;
    }),
  );

  if (current.hostStartsAfterMs !== undefined) trackHost(zoom, status);
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
