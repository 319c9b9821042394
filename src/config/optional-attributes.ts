import type { ZoomWarningDetail } from '../assets/asset-events.js';

/**
 * The attributes that tune behaviour but cannot stop a join — a bad value falls back to the default, said aloud —
 * by attribute name, with the element property that holds each.
 */
const properties = {
  preload: 'preload',
  'virtual-background': 'virtualBackground',
  'memory-interval': 'memoryInterval',
  'memory-growth-limit': 'memoryGrowthLimit',
  'memory-budget': 'memoryBudget',
  'freeze-threshold': 'freezeThreshold',
  'on-memory-pressure': 'onMemoryPressure',
  'join-timeout': 'joinTimeout',
} as const;
type OptionalAttribute = keyof typeof properties;

type Check = (value: string) => boolean;

const oneOf =
  (...choices: string[]): Check =>
  (value) =>
    choices.includes(value.trim().toLowerCase());
const positiveNumber: Check = (value) => value.trim() !== '' && Number(value) > 0;
const nonNegativeNumber: Check = (value) => value.trim() !== '' && Number(value) >= 0;

const rules: Record<OptionalAttribute, { check: Check; expected: string; fallback: string }> = {
  preload: { check: oneOf('none', 'intent', 'visible', 'idle', 'eager'), expected: 'none, intent, visible, idle or eager', fallback: 'idle' },
  'virtual-background': { check: oneOf('off', 'preload', 'enforce'), expected: 'off, preload or enforce', fallback: 'off' },
  'memory-interval': { check: positiveNumber, expected: 'a number of milliseconds above 0', fallback: '2000' },
  'memory-growth-limit': { check: positiveNumber, expected: 'a number of MB per second above 0', fallback: '5' },
  'memory-budget': { check: positiveNumber, expected: 'a number of MB above 0', fallback: 'no budget' },
  'freeze-threshold': { check: nonNegativeNumber, expected: 'a number of milliseconds, 0 to turn it off', fallback: '2000' },
  'on-memory-pressure': { check: oneOf('warn', 'leave', 'none'), expected: 'warn, leave or none', fallback: 'warn' },
  'join-timeout': { check: nonNegativeNumber, expected: 'a number of milliseconds, 0 for no limit', fallback: '60000' },
};

/**
 * One `zoom-warning` per tuning property of `element` whose value it cannot use (unset ones are fine). Read here,
 * in the lazily loaded join code, rather than by the element: its first load stays small.
 */
export function optionalAttributeWarnings(element: object): ZoomWarningDetail[] {
  const warnings: ZoomWarningDetail[] = [];
  for (const [name, rule] of Object.entries(rules) as Array<[OptionalAttribute, (typeof rules)[OptionalAttribute]]>) {
    const value: unknown = (element as Record<string, unknown>)[properties[name]];
    if (value === undefined || value === null || rule.check(String(value))) continue;
    warnings.push({
      code: 'attribute-invalid',
      message: `${name}="${String(value).slice(0, 40)}" is not ${rule.expected}; using ${rule.fallback}.`,
    });
  }
  return warnings;
}
