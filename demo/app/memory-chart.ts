/**
 * The memory chart behind a tiny interface, so it can be swapped for uPlot without touching its callers. Draws on
 * a canvas: one line per series (MB over the last `windowMs`), warnings as labelled vertical markers.
 */
export interface MemoryChart {
  addSample(series: string, timeMs: number, bytes: number): void;
  addMarker(timeMs: number, label: string): void;
  clear(): void;
}

interface Point {
  t: number;
  mb: number;
}

const COLORS = ['#2563eb', '#16a34a', '#9333ea', '#ea580c'];
const WINDOW_MS = 90_000;

export function createMemoryChart(canvas: HTMLCanvasElement): MemoryChart {
  const series = new Map<string, Point[]>();
  const markers: Array<{ t: number; label: string }> = [];
  let scheduled = false;

  const draw = (): void => {
    scheduled = false;
    const context = canvas.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 600;
    const height = canvas.clientHeight || 180;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.font = '11px system-ui, sans-serif';

    const all = [...series.values()].flat();
    const now = Math.max(performance.now(), ...all.map((point) => point.t));
    // The first minute fills the width instead of hugging the right edge.
    const earliest = Math.min(now - 10_000, ...all.map((point) => point.t));
    const start = Math.max(earliest, now - WINDOW_MS);
    const span = now - start;
    const visible = all.filter((point) => point.t >= start);
    const maxMb = Math.max(16, ...visible.map((point) => point.mb)) * 1.15;
    const left = 44;
    const bottom = height - 18;
    const x = (t: number): number => left + ((t - start) / span) * (width - left - 8);
    const y = (mb: number): number => bottom - (mb / maxMb) * (bottom - 8);

    context.strokeStyle = '#8884';
    context.fillStyle = '#888';
    for (let step = 0; step <= 4; step++) {
      const mb = (maxMb / 4) * step;
      context.beginPath();
      context.moveTo(left, y(mb));
      context.lineTo(width - 8, y(mb));
      context.stroke();
      context.fillText(`${mb.toFixed(0)} MB`, 2, y(mb) + 4);
    }

    context.strokeStyle = '#dc2626';
    context.fillStyle = '#dc2626';
    for (const marker of markers) {
      if (marker.t < start) continue;
      context.beginPath();
      context.moveTo(x(marker.t), 8);
      context.lineTo(x(marker.t), bottom);
      context.stroke();
      context.fillText(marker.label, Math.min(x(marker.t) + 3, width - 120), 18);
    }

    let index = 0;
    for (const [name, points] of series) {
      const color = COLORS[index % COLORS.length] ?? '#000';
      context.strokeStyle = color;
      context.fillStyle = color;
      context.lineWidth = 1.5;
      context.beginPath();
      points
        .filter((point) => point.t >= start)
        .forEach((point, i) => (i === 0 ? context.moveTo(x(point.t), y(point.mb)) : context.lineTo(x(point.t), y(point.mb))));
      context.stroke();
      context.fillText(name, left + 4 + index * 160, height - 4);
      index++;
    }
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(draw);
  };

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
      schedule();
    },
    clear() {
      series.clear();
      markers.length = 0;
      schedule();
    },
  };
}
