import { performanceMemory } from './memory-panel.js';

/**
 * What this browser offers the SDK, detected here rather than trusted from the user agent: cross-origin isolation
 * (SharedArrayBuffer), WebAssembly SIMD and threads (which video and audio builds the SDK picks), memory and cores.
 */
export interface Capability {
  id: string;
  label: string;
  value: string;
  /** true good, false missing or limited, undefined neutral. */
  ok?: boolean;
  note?: string;
}

// Minimal modules from the WebAssembly feature tests: valid only if the engine knows the instructions they use.
const SIMD_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);
const THREADS_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0,
  26, 11,
]);

function validates(bytes: Uint8Array<ArrayBuffer>): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/** Whether the page can really share wasm memory between threads (atomics valid and a shared memory creatable). */
function wasmThreads(): boolean {
  if (!validates(THREADS_MODULE) || typeof SharedArrayBuffer !== 'function') return false;
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

/**
 * Chromium caches performance.memory for 20 minutes on opaque origins (sandboxed frames, data: URLs), which makes
 * a flat chart. Retaining ~2 MB between two readings tells a live reading from a cached one.
 */
async function memoryPrecision(): Promise<'precise' | 'coarse' | 'unavailable'> {
  const before = performanceMemory()?.usedJSHeapSize;
  if (before === undefined) return 'unavailable';
  const ballast = Array.from({ length: 262_144 }, (_, index) => index + 0.5);
  await new Promise((resolve) => setTimeout(resolve, 60));
  const after = performanceMemory()?.usedJSHeapSize ?? before;
  return ballast.length > 0 && after !== before ? 'precise' : 'coarse';
}

export async function detectCapabilities(): Promise<Capability[]> {
  const nav = navigator as Navigator & { deviceMemory?: number };
  const isolated = globalThis.crossOriginIsolated === true;
  const threads = wasmThreads();
  const precision = await memoryPrecision();
  const measureMemory = typeof (performance as { measureUserAgentSpecificMemory?: unknown }).measureUserAgentSpecificMemory === 'function';
  return [
    {
      id: 'cross-origin-isolated',
      label: 'crossOriginIsolated',
      value: String(isolated),
      ok: isolated,
      note: isolated ? 'SharedArrayBuffer available' : 'no SharedArrayBuffer: gallery view needs video_webrtc_mode=1; set DEMO_CROSS_ORIGIN_ISOLATION=1',
    },
    { id: 'simd', label: 'WebAssembly SIMD', value: String(validates(SIMD_MODULE)), ok: validates(SIMD_MODULE) },
    {
      id: 'threads',
      label: 'WebAssembly threads',
      value: String(threads),
      ok: threads,
      ...(threads ? {} : { note: 'needs cross-origin isolation' }),
    },
    {
      id: 'device-memory',
      label: 'navigator.deviceMemory',
      value: nav.deviceMemory === undefined ? 'unknown' : `${nav.deviceMemory} GB`,
    },
    { id: 'hardware-concurrency', label: 'navigator.hardwareConcurrency', value: String(navigator.hardwareConcurrency ?? 'unknown') },
    {
      id: 'performance-memory',
      label: 'performance.memory',
      value: precision,
      ok: precision === 'precise',
      ...(precision === 'coarse'
        ? { note: 'cached, not live (opaque origin?): the memory chart will stay flat' }
        : {}),
    },
    { id: 'measure-memory', label: 'measureUserAgentSpecificMemory', value: String(measureMemory), ok: measureMemory },
  ];
}

export function renderCapabilities(list: HTMLDListElement, capabilities: readonly Capability[]): void {
  list.replaceChildren();
  for (const capability of capabilities) {
    const term = document.createElement('dt');
    term.textContent = capability.label;
    const value = document.createElement('dd');
    value.dataset.capability = capability.id;
    if (capability.ok !== undefined) value.dataset.ok = String(capability.ok);
    value.textContent = capability.value;
    if (capability.note) {
      const note = document.createElement('small');
      note.textContent = ` — ${capability.note}`;
      value.append(note);
    }
    list.append(term, value);
  }
}
