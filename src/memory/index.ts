/**
 * The memory watch's lazily loaded entry (src/meeting/memory-watch.ts): what the element needs once a meeting is
 * on its way. Tests and benchmarks import the modules themselves.
 */
export { MemoryMonitor } from './memory-monitor.js';
export { readMemorySettings } from './memory-settings.js';
export { renderMemoryWarning } from './memory-warning-banner.js';
