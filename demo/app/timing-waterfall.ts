import type { ZoomTimingDetail } from '../../src/index.js';

/**
 * The last join's `zoom-timing` as a small waterfall: one bar per phase, in order, each starting where the one before
 * ended, scaled to the whole join, with its milliseconds. Rebuilt after every join attempt.
 */
export function bindTimingWaterfall(container: HTMLElement, element: HTMLElement): void {
  element.addEventListener('zoom-timing', (event) => render(container, event.detail));
}

function render(container: HTMLElement, timing: ZoomTimingDetail): void {
  const caption = document.createElement('figcaption');
  caption.textContent = `Last join: ${Math.round(timing.total)} ms, ${timing.outcome} (${timing.view} view)`;
  const list = document.createElement('ol');
  const scale = Math.max(timing.total, 1);
  let offset = 0;
  for (const [phase, ms] of Object.entries(timing.phases)) {
    const item = document.createElement('li');
    item.dataset.phase = phase;
    const name = document.createElement('span');
    name.className = 'phase';
    name.textContent = phase;
    const track = document.createElement('span');
    track.className = 'track';
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.marginInlineStart = `${(offset / scale) * 100}%`;
    bar.style.width = `${Math.max((ms / scale) * 100, 0.5)}%`;
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'ms';
    value.textContent = `${Math.round(ms)} ms`;
    item.append(name, track, value);
    list.append(item);
    offset += ms;
  }
  const figure = document.createElement('figure');
  figure.append(caption, list);
  container.replaceChildren(figure);
}
