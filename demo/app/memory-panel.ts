import type { MemoryChart } from './memory-chart.js';
import { detailOf } from './zoom-events.js';

/** Chromium's non-standard heap numbers. */
interface PerformanceMemory {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
  jsHeapSizeLimit: number;
}

export function performanceMemory(): PerformanceMemory | undefined {
  const memory = (performance as Performance & { memory?: PerformanceMemory }).memory;
  return memory && typeof memory.usedJSHeapSize === 'number' ? memory : undefined;
}

/** Field names a `zoom-memory` sample may use for the used heap, most specific first. */
const USED_BYTES_FIELDS = ['usedJSHeapSize', 'usedBytes', 'used', 'heapUsed', 'bytes'] as const;

/** The used-heap bytes in a `zoom-memory` detail, whatever the element's monitor ends up calling the field. */
export function readUsedBytes(detail: unknown): number | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const record = detail as Record<string, unknown>;
  for (const field of USED_BYTES_FIELDS) {
    const value = record[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

export interface MemoryPanelOptions {
  chart: MemoryChart;
  summary: HTMLElement;
  /** Sampling period of the demo's own fallback sampler. */
  intervalMs?: number;
}

/**
 * Feeds the chart: the element's `zoom-memory` samples (warnings from `zoom-memory-warning` marked) and, as long
 * as the element sends none, the demo's own `performance.memory` samples. The summary element carries the numbers
 * as data attributes for tests.
 */
export function bindMemoryPanel(element: HTMLElement, options: MemoryPanelOptions): void {
  const { chart, summary } = options;
  const samples: number[] = [];
  let source: 'element' | 'demo' = 'demo';
  let warnings = 0;

  const record = (from: 'element' | 'demo', bytes: number): void => {
    if (from === 'element' && source === 'demo') {
      // The element's monitor has started: its samples replace the demo's so the summary compares like with like.
      source = 'element';
      samples.length = 0;
    }
    if (from !== source) return;
    samples.push(bytes);
    chart.addSample(from === 'element' ? 'zoom-memory' : 'performance.memory (demo)', performance.now(), bytes);
    const first = samples[0] ?? bytes;
    const peak = Math.max(...samples);
    summary.dataset.source = source;
    summary.dataset.samples = String(samples.length);
    summary.dataset.firstBytes = String(first);
    summary.dataset.lastBytes = String(bytes);
    summary.dataset.peakBytes = String(peak);
    summary.dataset.warnings = String(warnings);
    summary.textContent =
      `${samples.length} samples from ${source === 'element' ? 'zoom-memory events' : 'performance.memory (the demo)'}: ` +
      `first ${(first / 1048576).toFixed(1)} MB, last ${(bytes / 1048576).toFixed(1)} MB, peak ${(peak / 1048576).toFixed(1)} MB` +
      (warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '');
  };

  element.addEventListener('zoom-memory', (event) => {
    const bytes = readUsedBytes(detailOf(event));
    if (bytes !== undefined) record('element', bytes);
  });
  element.addEventListener('zoom-memory-warning', (event) => {
    warnings++;
    summary.dataset.warnings = String(warnings);
    const detail = detailOf(event);
    const bytes = readUsedBytes(detail);
    chart.addMarker(performance.now(), bytes === undefined ? 'warning' : `warning ${(bytes / 1048576).toFixed(0)} MB`);
  });

  const memory = performanceMemory();
  if (!memory) {
    summary.textContent = 'performance.memory is not available in this browser; waiting for zoom-memory events.';
    return;
  }
  const sample = (): void => {
    const now = performanceMemory();
    if (now && source === 'demo') record('demo', now.usedJSHeapSize);
  };
  sample();
  const timer = setInterval(sample, options.intervalMs ?? 1000);
  // The element's monitor, once it reports, makes the demo's sampler redundant.
  element.addEventListener('zoom-memory', () => clearInterval(timer), { once: true });
}
