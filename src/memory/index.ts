/** The memory watch: one controller and the small pieces it is made of, for the element and for pages. */
export { MemoryMonitor } from './memory-monitor.js';
export type {
  ActiveMemoryWarning,
  MemoryCapabilities,
  MemoryMonitorEnvironment,
  MemoryMonitorHost,
  MemoryMonitorOptions,
} from './memory-monitor.js';
export type * from './memory-events.js';
export { MemoryPressurePolicy, memoryPressureAction, parseMemoryPressurePolicy } from './memory-settings.js';
export type { MemoryPressureAction } from './memory-settings.js';
export { MB, defaultMemorySettings, normalizeMemorySettings, readMemorySettings } from './memory-settings.js';
export type { MemoryAttributes, MemoryMonitorSettings } from './memory-settings.js';
export { describeMemoryWarning, memoryWarningTexts } from './memory-texts.js';
export type { MemoryWarningText } from './memory-texts.js';
export { renderMemoryWarning } from './memory-warning-template.js';
export type { MemoryWarningTemplateOptions } from './memory-warning-template.js';
export { combinedSampler, detectMemorySampler, performanceMemorySampler, userAgentSpecificMemorySampler } from './samplers.js';
export type { MemoryReading, MemorySampler, MemorySource } from './samplers.js';
export { systemClock } from './page-signals.js';
export type { MonitorClock, TimerHandle } from './page-signals.js';
export { detectLongTaskSource, documentVisibility } from './page-signals.js';
export type { LongTaskSource, VisibilitySource } from './page-signals.js';
export { heartbeatPeriod } from './page-signals.js';
export { memoryWatchedStatuses } from './watched-statuses.js';
