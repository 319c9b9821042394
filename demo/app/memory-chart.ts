/**
 * The memory chart behind a tiny interface, so its callers don't depend on the charting library. Drawn with uPlot
 * inside a container element: one line per series (MB over the last `WINDOW_MS`), warnings as labelled vertical
 * markers (drawn by a uPlot plugin on the `draw` hook).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface MemoryChart {
  addSample(series: string, timeMs: number, bytes: number): void;
  addMarker(timeMs: number, label: string): void;
  clear(): void;
}

interface Point {
  t: number;
  mb: number;
}

interface Marker {
  t: number;
  label: string;
}

const COLORS = ['#2563eb', '#16a34a', '#9333ea', '#ea580c'];
const MARKER_COLOR = '#dc2626';
const WINDOW_MS = 90_000;
const HEIGHT = 180;
const FALLBACK_WIDTH = 600;

/** `performance.now()` milliseconds to the epoch seconds uPlot's time axis expects. */
const toSeconds = (timeMs: number): number => (performance.timeOrigin + timeMs) / 1000;

/** Draws each marker as a vertical line over the plot area, its label at the top (staggered when they would overlap). */
function markersPlugin(markers: readonly Marker[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx, bbox } = u;
        const ratio = uPlot.pxRatio;
        const right = bbox.left + bbox.width;
        const rowHeight = 13 * ratio;
        const rowsEnd: number[] = [];
        ctx.save();
        ctx.strokeStyle = MARKER_COLOR;
        ctx.fillStyle = MARKER_COLOR;
        ctx.lineWidth = ratio;
        ctx.font = `${Math.round(11 * ratio)}px system-ui, sans-serif`;
        ctx.textAlign = 'left'; // uPlot leaves whatever its last axis used
        ctx.textBaseline = 'top';
        for (const marker of markers) {
          const x = Math.round(u.valToPos(toSeconds(marker.t), 'x', true));
          if (!Number.isFinite(x) || x < bbox.left || x > right) continue;
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
          const width = ctx.measureText(marker.label).width;
          const textX = Math.max(bbox.left, Math.min(x + 3 * ratio, right - width - 2 * ratio));
          let row = rowsEnd.findIndex((end) => end < textX);
          if (row === -1) row = Math.min(rowsEnd.length, 2);
          rowsEnd[row] = textX + width + 4 * ratio;
          ctx.fillText(marker.label, textX, bbox.top + 2 * ratio + row * rowHeight);
        }
        ctx.restore();
      },
    },
  };
}

export function createMemoryChart(container: HTMLElement): MemoryChart {
  const series = new Map<string, Point[]>();
  const markers: Marker[] = [];
  /** The visible x range in epoch seconds, set before each `setData`; uPlot's x scale reads it. */
  const view = { start: 0, end: 0 };
  let plot: uPlot | undefined;
  let plotted: string[] = [];
  let scheduled = false;

  const width = (): number => container.clientWidth || FALLBACK_WIDTH;

  const axisStyle = { stroke: '#888', grid: { stroke: '#8884', width: 1 }, ticks: { stroke: '#8884', width: 1 } };

  /** uPlot declares its series up front: (re)create the plot whenever the set of series names changes. */
  const build = (names: string[]): uPlot => {
    plot?.destroy();
    plotted = names;
    const options: uPlot.Options = {
      width: width(),
      height: HEIGHT,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => [view.start, view.end] },
        // `max` is the largest value in the visible window; 16 MB keeps an idle chart from magnifying noise.
        y: { range: (_u, _min, max) => [0, Math.max(16, max ?? 0) * 1.15] },
      },
      axes: [
        axisStyle,
        { ...axisStyle, size: 60, values: (_u, ticks) => ticks.map((mb) => `${mb.toFixed(0)} MB`) },
      ],
      series: [
        {},
        ...names.map(
          (name, index): uPlot.Series => ({
            label: name,
            stroke: COLORS[index % COLORS.length] ?? '#000',
            width: 1.5,
            spanGaps: true,
            value: (_u, mb) => (mb == null ? '–' : `${mb.toFixed(1)} MB`),
          }),
        ),
      ],
      plugins: [markersPlugin(markers)],
    };
    return new uPlot(options, [[], ...names.map(() => [])], container);
  };

  /** One x array (the union of all samples' times) and, per series, its values there (null where it has none). */
  const alignedData = (names: string[]): uPlot.AlignedData => {
    const times = [...new Set(names.flatMap((name) => (series.get(name) ?? []).map((point) => point.t)))].sort(
      (a, b) => a - b,
    );
    const index = new Map(times.map((t, i) => [t, i]));
    const columns = names.map((name) => {
      const column: Array<number | null> = times.map(() => null);
      for (const point of series.get(name) ?? []) column[index.get(point.t) ?? 0] = point.mb;
      return column;
    });
    return [times.map(toSeconds), ...columns];
  };

  const draw = (): void => {
    scheduled = false;
    const names = [...series.keys()];
    if (!plot || names.join('\n') !== plotted.join('\n')) plot = build(names);

    const times = [...series.values()].flat().map((point) => point.t);
    const now = Math.max(performance.now(), ...times);
    // The first minute fills the width instead of hugging the right edge.
    const earliest = Math.min(now - 10_000, ...times);
    view.start = toSeconds(Math.max(earliest, now - WINDOW_MS));
    view.end = toSeconds(now);
    plot.setData(alignedData(names));
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(draw);
  };

  let lastWidth = 0;
  new ResizeObserver(() => {
    const next = width();
    if (!plot || next === lastWidth) return;
    lastWidth = next;
    plot.setSize({ width: next, height: HEIGHT });
  }).observe(container);

  schedule();

  return {
    addSample(name, timeMs, bytes) {
      const points = series.get(name) ?? [];
      points.push({ t: timeMs, mb: bytes / 1048576 });
      // Keep a little more than the window, so the line enters from the left edge.
      while (points.length > 2 && (points[1]?.t ?? 0) < timeMs - WINDOW_MS) points.shift();
      series.set(name, points);
      schedule();
    },
    addMarker(timeMs, label) {
      markers.push({ t: timeMs, label });
      // Older markers can no longer be inside the window.
      while ((markers[0]?.t ?? timeMs) < timeMs - WINDOW_MS) markers.shift();
      schedule();
    },
    clear() {
      series.clear();
      markers.length = 0;
      schedule();
    },
  };
}
