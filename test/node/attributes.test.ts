// The attribute table: what each tuning attribute accepts, what a controller reads when a value is unusable, and
// the warning the element raises about it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialValues, litProperties, setting, unusableAttributes, zoomJoinAttributes, type ZoomJoinState } from '../../src/attributes.js';
import { attributeWarnings } from '../../src/config/join-config.js';
import { MB, defaultMemorySettings } from '../../src/memory/memory-settings.js';

const unusableSettings = (element: ZoomJoinState) => attributeWarnings(element, unusableAttributes(element));

/** An element as the controllers see it: the table's starting values, some set, and the attributes as written. */
function element(values: Record<string, unknown> = {}, written: Record<string, string> = {}): ZoomJoinState {
  return { ...initialValues(), ...values, getAttribute: (name: string) => written[name] ?? null } as unknown as ZoomJoinState;
}

describe('preload attribute', () => {
  test('known values, any case and spacing; everything else is the default (idle)', () => {
    assert.equal(setting(element(), 'preload'), 'idle');
    for (const value of ['none', 'intent', 'visible', 'idle', 'eager']) assert.equal(setting(element({ preload: value }), 'preload'), value);
    assert.equal(setting(element({ preload: ' EAGER ' }), 'preload'), 'eager');
    for (const value of [undefined, null, '', 'auto', 'lazy', 3]) assert.equal(setting(element({ preload: value }), 'preload'), 'idle');
  });
});

describe('virtual-background attribute', () => {
  test('off by default; preload and enforce; unknown values are off', () => {
    assert.equal(setting(element(), 'virtualBackground'), 'off');
    assert.equal(setting(element({ virtualBackground: 'preload' }), 'virtualBackground'), 'preload');
    assert.equal(setting(element({ virtualBackground: ' Enforce' }), 'virtualBackground'), 'enforce');
    for (const value of [undefined, '', 'on', 'true', 1]) assert.equal(setting(element({ virtualBackground: value }), 'virtualBackground'), 'off');
  });
});

describe('numeric attributes', () => {
  test('numbers, numeric strings from script, and the default for what is not a usable number', () => {
    assert.equal(setting(element(), 'joinTimeout'), 60000);
    assert.equal(setting(element({ joinTimeout: 0 }), 'joinTimeout'), 0, '0: no limit');
    assert.equal(setting(element({ joinTimeout: '2500' }), 'joinTimeout'), 2500);
    for (const value of [-1, NaN, 'soon', '']) assert.equal(setting(element({ joinTimeout: value }), 'joinTimeout'), 60000);
    assert.equal(setting(element({ memoryInterval: 0 }), 'memoryInterval'), 2000, '0 is no sampling period');
    assert.equal(setting(element({ freezeThreshold: 0 }), 'freezeThreshold'), 0, '0 turns freeze detection off');
    assert.equal(setting(element(), 'memoryBudget'), undefined);
    assert.equal(setting(element({ memoryBudget: 800 }), 'memoryBudget'), 800);
  });

  test('as attributes they become numbers; an empty one is an error to report, not 0', () => {
    const converter = (name: string) => {
      const declared = litProperties()[name]?.converter;
      assert.equal(typeof declared, 'function', `${name} has a converter`);
      return declared as (value: string | null) => unknown;
    };
    assert.equal(converter('joinTimeout')('1500'), 1500);
    assert.ok(Number.isNaN(converter('joinTimeout')('')));
    assert.equal(converter('joinTimeout')(null), 60000, 'removing the attribute restores the default');
    assert.equal(converter('memoryBudget')('512'), 512);
    assert.equal(converter('memoryBudget')(null), undefined);
    assert.equal(converter('preload')('EAGER'), 'EAGER', 'words are kept as given, read in lower case');
    assert.equal(litProperties().autoJoin?.type, Boolean);
  });
});

describe('unusable tuning values', () => {
  test('one warning each, quoting the attribute as written and naming the fallback', () => {
    const warnings = unusableSettings(
      element(
        { preload: 'soon', memoryInterval: NaN, memoryBudget: -3, freezeThreshold: 0, joinTimeout: 0, onMemoryPressure: 'LEAVE' },
        { 'memory-interval': 'fast', 'memory-budget': '-3' },
      ),
    );
    assert.deepEqual(
      warnings.map((warning) => warning.message),
      [
        'preload="soon" is not none, intent, visible, idle or eager; using idle.',
        'memory-interval="fast" is not a number of milliseconds above 0; using 2000.',
        'memory-budget="-3" is not a number of MB above 0; using no budget.',
      ],
    );
    assert.ok(warnings.every((warning) => warning.code === 'attribute-invalid'));
    assert.deepEqual(unusableSettings(element()), [], 'the starting values are all usable');
  });

  test('secrets and functions are properties only, never attributes', () => {
    for (const name of ['signature', 'zak', 'tk', 'obfToken', 'signatureProvider', 'signatureRequest'] as const) {
      assert.equal(zoomJoinAttributes[name].attribute, false, name);
      assert.equal(litProperties()[name]?.attribute, false, name);
    }
  });
});

describe('the memory monitor on its own', () => {
  test('has the same defaults as the attribute table', () => {
    assert.equal(defaultMemorySettings.intervalMs, zoomJoinAttributes.memoryInterval.initial);
    assert.equal(defaultMemorySettings.growthLimitBytesPerSecond, zoomJoinAttributes.memoryGrowthLimit.initial * MB);
    assert.equal(defaultMemorySettings.budgetBytes ?? undefined, zoomJoinAttributes.memoryBudget.initial);
    assert.equal(defaultMemorySettings.freezeThresholdMs, zoomJoinAttributes.freezeThreshold.initial);
    assert.equal(defaultMemorySettings.policy, zoomJoinAttributes.onMemoryPressure.initial);
  });
});
