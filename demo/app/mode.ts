export type DemoMode = 'real' | 'sim';

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

/** `?mode=real|sim`; without it real when the server has credentials, else simulated. */
export async function chooseMode(params: URLSearchParams): Promise<ModeChoice> {
  const available = await realModeAvailable();
  const asked = params.get('mode');
  if (asked === 'sim') return { mode: 'sim', realModeAvailable: available };
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

export function renderModes(choice: ModeChoice): void {
  const real = document.querySelector<HTMLAnchorElement>('#mode-real');
  const sim = document.querySelector<HTMLAnchorElement>('#mode-sim');
  const note = document.querySelector<HTMLElement>('#mode-note');
  if (!real || !sim || !note) return;
  real.href = urlWith({ mode: 'real', scenario: null });
  sim.href = urlWith({ mode: 'sim' });
  (choice.mode === 'real' ? real : sim).setAttribute('aria-current', 'page');
  if (!choice.realModeAvailable) {
    real.setAttribute('aria-disabled', 'true');
    real.removeAttribute('href');
  }
  note.textContent =
    choice.notice ??
    (choice.mode === 'real'
      ? 'Real Zoom Meeting SDK; signatures from /api/signature on this dev server.'
      : 'Simulated SDK behind the same adapter interface; nothing reaches Zoom.');
}
