import type { ZoomWarningDetail } from '../assets/asset-events.js';

/** The attributes that tune behaviour but cannot stop a join: a bad value falls back to the default, said aloud. */
export interface OptionalAttributes {
  preload?: string | undefined;
  'virtual-background'?: string | undefined;
  'memory-interval'?: string | undefined;
  'memory-growth-limit'?: string | undefined;
  'memory-budget'?: string | undefined;
  'freeze-threshold'?: string | undefined;
  'on-memory-pressure'?: string | undefined;
}

type Check = (value: string) => boolean;

const oneOf =
  (...choices: string[]): Check =>
  (value) =>
    choices.includes(value.trim().toLowerCase());
const positiveNumber: Check = (value) => value.trim() !== '' && Number(value) > 0;
const nonNegativeNumber: Check = (value) => value.trim() !== '' && Number(value) >= 0;

const rules: Record<keyof OptionalAttributes, { check: Check; expected: string; fallback: string }> = {
  preload: { check: oneOf('none', 'intent', 'visible', 'idle', 'eager'), expected: 'none, intent, visible, idle or eager', fallback: 'idle' },
  'virtual-background': { check: oneOf('off', 'preload', 'enforce'), expected: 'off, preload or enforce', fallback: 'off' },
  'memory-interval': { check: positiveNumber, expected: 'a number of milliseconds above 0', fallback: '2000' },
  'memory-growth-limit': { check: positiveNumber, expected: 'a number of MB per second above 0', fallback: '5' },
  'memory-budget': { check: positiveNumber, expected: 'a number of MB above 0', fallback: 'no budget' },
  'freeze-threshold': { check: nonNegativeNumber, expected: 'a number of milliseconds, 0 to turn it off', fallback: '2000' },
  'on-memory-pressure': { check: oneOf('warn', 'leave', 'none'), expected: 'warn, leave or none', fallback: 'warn' },
};

/** One `zoom-warning` per attribute whose value the element cannot use (absent attributes are fine). */
export function optionalAttributeWarnings(attributes: OptionalAttributes): ZoomWarningDetail[] {
  const warnings: ZoomWarningDetail[] = [];
  for (const [name, rule] of Object.entries(rules) as Array<[keyof OptionalAttributes, (typeof rules)[keyof OptionalAttributes]]>) {
    const value = attributes[name];
    if (value === undefined || value === null || rule.check(value)) continue;
    warnings.push({
      code: 'attribute-invalid',
      message: `${name}="${value.slice(0, 40)}" is not ${rule.expected}; using ${rule.fallback}.`,
    });
  }
  return warnings;
}
