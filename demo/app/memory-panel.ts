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

/** "budget 262 MB", "freeze 3012 ms", "growth 31.5 MB/s": what the chart writes next to a warning marker. */
function warningLabel(detail: unknown): string {
  const record = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>) : {};
  const reason = typeof record['reason'] === 'string' ? record['reason'] : 'warning';
  const { blockedMs, bytesPerSecond } = record;
  if (typeof blockedMs === 'number') return `${reason} ${Math.round(blockedMs)} ms`;
  if (reason === 'growth' && typeof bytesPerSecond === 'number') return `growth ${(bytesPerSecond / 1048576).toFixed(1)} MB/s`;
  const bytes = readUsedBytes(detail);
  return bytes === undefined ? reason : `${reason} ${(bytes / 1048576).toFixed(0)} MB`;
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
  const stats = { count: 0, first: 0, peak: 0 };
  let source: 'element' | 'demo' = 'demo';
  let warnings = 0;
  let sampler: ReturnType<typeof setInterval> | undefined;

  const record = (from: 'element' | 'demo', bytes: number): void => {
    if (from === 'element' && source === 'demo') {
      // The element's monitor has started: its samples replace the demo's (so the summary compares like with
      // like) and the demo's sampler is redundant.
      source = 'element';
      stats.count = 0;
      clearInterval(sampler);
    }
    if (from !== source) return;
    if (stats.count === 0) {
      stats.first = bytes;
      stats.peak = bytes;
    }
    stats.count++;
    stats.peak = Math.max(stats.peak, bytes);
    chart.addSample(from === 'element' ? 'zoom-memory' : 'performance.memory (demo)', performance.now(), bytes);
    Object.assign(summary.dataset, {
      source,
      samples: String(stats.count),
      firstBytes: String(stats.first),
      lastBytes: String(bytes),
      peakBytes: String(stats.peak),
      warnings: String(warnings),
    });
    const mb = (value: number): string => `${(value / 1048576).toFixed(1)} MB`;
    summary.textContent =
      `${stats.count} samples from ${source === 'element' ? 'zoom-memory events' : 'performance.memory (the demo)'}: ` +
      `first ${mb(stats.first)}, last ${mb(bytes)}, peak ${mb(stats.peak)}` +
      (warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '');
  };

  element.addEventListener('zoom-memory', (event) => {
    const bytes = readUsedBytes(detailOf(event));
    if (bytes !== undefined) record('element', bytes);
  });
  element.addEventListener('zoom-memory-warning', (event) => {
    warnings++;
    summary.dataset.warnings = String(warnings);
    chart.addMarker(performance.now(), warningLabel(detailOf(event)));
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
  sampler = setInterval(sample, options.intervalMs ?? 1000);
}
