import { detailOf } from './zoom-events.js';

/** `zoom-progress` detail as the simulated SDK sends it (and as the element is expected to). */
export interface ProgressDetail {
  phase: string;
  loaded: number;
  total: number;
  fraction: number;
  file?: string;
}

export function readProgress(detail: unknown): ProgressDetail | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { phase, loaded, total, fraction, file } = detail as Record<string, unknown>;
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return undefined;
  return {
    phase: typeof phase === 'string' ? phase : 'assets',
    loaded: typeof loaded === 'number' ? loaded : 0,
    total: typeof total === 'number' ? total : 0,
    fraction: Math.min(1, Math.max(0, fraction)),
    ...(typeof file === 'string' ? { file } : {}),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * The demo's progress bar, driven by `zoom-progress` events. Hidden while the element renders a progress part of
 * its own, so the page never shows two.
 */
export function bindProgressBar(container: HTMLElement, element: HTMLElement): void {
  const bar = container.querySelector('progress');
  const label = container.querySelector('output');
  if (!bar || !label) throw new Error('progress container needs a <progress> and an <output>');
  element.addEventListener('zoom-progress', (event) => {
    const progress = readProgress(detailOf(event));
    if (!progress) return;
    container.hidden = element.shadowRoot?.querySelector('[part~="progress"]') != null;
    bar.value = progress.fraction;
    const percent = Math.round(progress.fraction * 100);
    container.dataset.percent = String(percent);
    label.textContent =
      `${progress.phase}: ${percent}%` +
      (progress.total > 0 ? ` (${megabytes(progress.loaded)} of ${megabytes(progress.total)})` : '') +
      (progress.file ? ` — ${progress.file}` : '');
  });
}
