import type { VirtualBackgroundMode } from './plan.js';

/**
 * The `virtual-background` attribute: `off` (default), `preload` (fetch its files ahead when the device can afford
 * them), `enforce` (the same, and the element passes `enforceVirtualBackground` to the SDK — which Zoom documents as
 * costly in CPU and memory). Unknown values mean `off`: never spend megabytes on a typo.
 */
export function parseVirtualBackgroundMode(value: unknown): VirtualBackgroundMode {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return text === 'preload' || text === 'enforce' ? text : 'off';
}
