/**
 * real: the real SDK and the real Zoom. sim: a simulated SDK (no Zoom at all). double: the real SDK, with a service
 * worker answering Zoom's join service (demo/zoom-double/). meeting: the real SDK in a meeting that the dev server's
 * meeting double runs (demo/meeting-mode/).
 */
export type DemoMode = 'real' | 'sim' | 'double' | 'meeting';

export interface ModeChoice {
  mode: DemoMode;
  realModeAvailable: boolean;
  /** Why the page is not in the mode the URL asked for, if it is not. */
  notice?: string;
}

/** GET /api/config: the one bit the dev server tells the page about its credentials. */
async function realModeAvailable(): Promise<boolean> {
  try {
    const response = await fetch('/api/config', { headers: { Accept: 'application/json' } });
    if (!response.ok) return false;
    const body = (await response.json()) as { realModeAvailable?: unknown };
    return body.realModeAvailable === true;
  } catch {
    return false;
  }
}

/**
 * `?mode=real|sim|double|meeting`; without it real when the server has credentials, else simulated. The doubles
 * need no credentials: they sign with the simulated signer.
 */
export async function chooseMode(params: URLSearchParams): Promise<ModeChoice> {
  const available = await realModeAvailable();
  const asked = params.get('mode');
  if (asked === 'sim' || asked === 'double' || asked === 'meeting') return { mode: asked, realModeAvailable: available };
  if (available) return { mode: 'real', realModeAvailable: true };
  return {
    mode: 'sim',
    realModeAvailable: false,
    notice:
      'Real mode is off: the dev server has no Meeting SDK credentials. Set ZOOM_MEETING_SDK_KEY and ' +
      'ZOOM_MEETING_SDK_SECRET (environment or .env, see .env.example) and restart it.',
  };
}

/** The current URL with `changes` applied (null deletes a parameter). */
export function urlWith(changes: Record<string, string | null>): string {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.href;
}

const MODE_NOTES: Readonly<Record<DemoMode, string>> = {
  real: 'Real Zoom Meeting SDK; signatures from /api/signature on this dev server.',
  sim: 'Simulated SDK behind the same adapter interface; nothing reaches Zoom.',
  double:
    "Real Zoom Meeting SDK, signatures from the simulated signer; a service worker answers Zoom's join service " +
    "with the scenario's refusal. Nothing reaches Zoom.",
  meeting:
    "Real Zoom Meeting SDK in a meeting run by the dev server's meeting double; the buttons under \"In the meeting\" " +
    'make things happen in it. Nothing reaches Zoom.',
};

export function renderModes(choice: ModeChoice): void {
  const real = document.querySelector<HTMLAnchorElement>('#mode-real');
  const sim = document.querySelector<HTMLAnchorElement>('#mode-sim');
  const double = document.querySelector<HTMLAnchorElement>('#mode-double');
  const meeting = document.querySelector<HTMLAnchorElement>('#mode-meeting');
  const note = document.querySelector<HTMLElement>('#mode-note');
  if (!real || !sim || !double || !meeting || !note) return;
  real.href = urlWith({ mode: 'real', scenario: null });
  // The scenario is kept: ids both lists share (invalid-signature, not-started, …) carry over, others fall back.
  sim.href = urlWith({ mode: 'sim' });
  double.href = urlWith({ mode: 'double' });
  meeting.href = urlWith({ mode: 'meeting' });
  ({ real, sim, double, meeting })[choice.mode].setAttribute('aria-current', 'page');
  if (!choice.realModeAvailable) {
    real.setAttribute('aria-disabled', 'true');
    real.removeAttribute('href');
  }
  note.textContent = choice.notice ?? MODE_NOTES[choice.mode];
}
