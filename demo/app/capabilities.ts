import { detectCapabilities as detectSdkCapabilities } from '../../src/assets/capabilities.js';
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
  // The same probes the element plans its downloads with; threads also need a usable SharedArrayBuffer.
  const sdk = detectSdkCapabilities();
  const threads = sdk.wasmThreads && sdk.sharedArrayBuffer;
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
    { id: 'simd', label: 'WebAssembly SIMD', value: String(sdk.wasmSimd), ok: sdk.wasmSimd },
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
