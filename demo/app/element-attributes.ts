import type { SignatureRequestOptions } from '../../src/index.js';
import { SETTINGS_FIELDS, type DemoSettings } from './settings.js';

/** Where the demo's element gets what is not a form setting. */
export interface ElementContext {
  assetPath: string;
  signatureEndpoint: string;
  autoJoin: boolean;
  /** Attributes a scenario adds (e.g. a memory budget), after the settings. */
  extraAttributes?: Readonly<Record<string, string>>;
  /** A property, not an attribute; the embed code shows it as a line of script. */
  signatureRequest?: SignatureRequestOptions;
}

/**
 * The attributes of the demo's `<zoom-join>`, in order. Empty text settings are left out (an empty passcode
 * attribute means the same as none). Secrets are properties only and can never appear here.
 */
export function elementAttributes(settings: DemoSettings, context: ElementContext): Array<[string, string]> {
  const attributes: Array<[string, string]> = [];
  for (const field of SETTINGS_FIELDS) {
    const value = settings[field.key];
    if (value !== '') attributes.push([field.attribute, value]);
  }
  attributes.push(['asset-path', context.assetPath], ['signature-endpoint', context.signatureEndpoint]);
  for (const [name, value] of Object.entries(context.extraAttributes ?? {})) {
    // A scenario's attribute replaces the setting of the same name (e.g. preload="none" for simulated downloads).
    const existing = attributes.findIndex(([attribute]) => attribute === name);
    if (existing >= 0) attributes.splice(existing, 1);
    attributes.push([name, value]);
  }
  if (context.autoJoin) attributes.push(['auto-join', '']);
  return attributes;
}

/** Sets exactly `attributes` (removing the settings attributes that are no longer there). */
export function applyAttributes(element: HTMLElement, attributes: ReadonlyArray<[string, string]>): void {
  const wanted = new Map(attributes);
  for (const field of SETTINGS_FIELDS) {
    if (!wanted.has(field.attribute)) element.removeAttribute(field.attribute);
  }
  for (const [name, value] of wanted) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}
