/**
 * The demo form's settings: one table maps each to its form field, its URL parameter and its `<zoom-join>`
 * attribute, so the form, shareable links (and the second tab) and the embed code can never disagree.
 */

export const VIEWS = ['component', 'client'] as const;
export const ROLES = ['0', '1'] as const;
export const PRELOAD_STRATEGIES = ['none', 'intent', 'visible', 'idle', 'eager'] as const;
export const VIRTUAL_BACKGROUND_MODES = ['off', 'preload', 'enforce'] as const;
export const MEMORY_POLICIES = ['warn', 'leave', 'none'] as const;

export interface DemoSettings {
  meetingNumber: string;
  passcode: string;
  userName: string;
  userEmail: string;
  role: (typeof ROLES)[number];
  view: (typeof VIEWS)[number];
  preload: (typeof PRELOAD_STRATEGIES)[number];
  virtualBackground: (typeof VIRTUAL_BACKGROUND_MODES)[number];
  memoryPolicy: (typeof MEMORY_POLICIES)[number];
  /** Milliseconds; empty leaves the element's default (60000). */
  joinTimeout: string;
}

interface FieldSpec {
  key: keyof DemoSettings;
  /** The `<zoom-join>` attribute; also the form field's name and the URL parameter. */
  attribute: string;
  /** Allowed values for choice fields; free text otherwise. */
  choices?: readonly string[];
}

export const SETTINGS_FIELDS: readonly FieldSpec[] = [
  { key: 'meetingNumber', attribute: 'meeting-number' },
  { key: 'passcode', attribute: 'passcode' },
  { key: 'userName', attribute: 'user-name' },
  { key: 'userEmail', attribute: 'user-email' },
  { key: 'role', attribute: 'meeting-role', choices: ROLES },
  { key: 'view', attribute: 'view', choices: VIEWS },
  { key: 'preload', attribute: 'preload', choices: PRELOAD_STRATEGIES },
  { key: 'virtualBackground', attribute: 'virtual-background', choices: VIRTUAL_BACKGROUND_MODES },
  // The element's memory monitor calls its policy attribute on-memory-pressure.
  { key: 'memoryPolicy', attribute: 'on-memory-pressure', choices: MEMORY_POLICIES },
  { key: 'joinTimeout', attribute: 'join-timeout' },
];

export const DEFAULT_SETTINGS: Readonly<DemoSettings> = Object.freeze({
  meetingNumber: '123 4567 8901',
  passcode: '',
  userName: 'QA tester',
  userEmail: '',
  role: '0',
  view: 'component',
  preload: 'intent',
  virtualBackground: 'off',
  memoryPolicy: 'warn',
  joinTimeout: '',
});

/** `read(attribute)` → settings; unknown choice values fall back to the default rather than reaching the element. */
function readSettings(read: (attribute: string) => string | null): DemoSettings {
  const settings: DemoSettings = { ...DEFAULT_SETTINGS };
  const loose = settings as unknown as Record<string, string>;
  for (const field of SETTINGS_FIELDS) {
    const value = read(field.attribute);
    if (value === null) continue;
    if (field.choices && !field.choices.includes(value)) continue;
    loose[field.key] = value;
  }
  return settings;
}

export function settingsFromUrl(params: URLSearchParams): DemoSettings {
  return readSettings((attribute) => params.get(attribute));
}

export function settingsFromForm(form: HTMLFormElement): DemoSettings {
  const data = new FormData(form);
  return readSettings((attribute) => {
    const value = data.get(attribute);
    return typeof value === 'string' ? value : null;
  });
}

export function fillForm(form: HTMLFormElement, settings: DemoSettings): void {
  for (const field of SETTINGS_FIELDS) {
    const control = form.elements.namedItem(field.attribute);
    if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = settings[field.key];
  }
}

/** Writes the settings into `params`, leaving other parameters (mode, scenario) as they are. */
export function writeSettingsToUrl(params: URLSearchParams, settings: DemoSettings): void {
  for (const field of SETTINGS_FIELDS) {
    const value = settings[field.key];
    if (value === DEFAULT_SETTINGS[field.key]) params.delete(field.attribute);
    else params.set(field.attribute, value);
  }
}
