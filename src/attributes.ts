import type { PropertyDeclaration } from 'lit';
import type { SignatureProvider, SignatureRequestOptions } from './signature/signature-types.js';

/** How one of the element's properties is set, starts, and (for tuning attributes) checked. */
interface Rule<T> {
  /** The attribute; `false` for properties that are never attributes (secrets, functions). */
  attribute: string | false;
  kind: 'text' | 'number' | 'flag' | 'property';
  /** The value before anything is set, and again when the attribute is removed. */
  initial: T;
  /** Tuning attributes: a value this refuses falls back to `initial` with a `zoom-warning` naming `expected`. */
  valid?: (value: unknown) => boolean;
  expected?: string;
  /** What `initial` means, for that warning, when it is not the value itself. */
  initialText?: string;
}

const text = (attribute: string, initial = ''): Rule<string> => ({ attribute, kind: 'text', initial });
const flag = (attribute: string): Rule<boolean> => ({ attribute, kind: 'flag', initial: false });
const property = <T>(): Rule<T | undefined> => ({ attribute: false, kind: 'property', initial: undefined });

/** One of a few words, in any case. */
function choice(attribute: string, initial: string, words: string[]): Rule<string> {
  return {
    attribute,
    kind: 'text',
    initial,
    valid: (value) => words.includes(String(value).trim().toLowerCase()),
    expected: `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`,
  };
}

/** A number of `unit`s, above 0 — or from 0 when 0 means something (`zero` says what). */
function number<T extends number | undefined>(attribute: string, initial: T, unit: string, zero?: string): Rule<T> {
  return {
    attribute,
    kind: 'number',
    initial,
    valid: (value) => typeof value === 'number' && (zero ? value >= 0 : value > 0),
    expected: zero ? `a number of ${unit}, 0 ${zero}` : `a number of ${unit} above 0`,
  };
}

/**
 * Every property of `<zoom-join>` in one place: its attribute, its starting value and, for tuning attributes, what
 * a usable value is. The element's Lit properties, its TypeScript API, the warnings about unusable values and
 * custom-elements.json (scripts/build-manifest.mjs reads the doc comments here) all come from this table.
 */
export const zoomJoinAttributes = {
  /** The meeting ID, 9–11 digits (spaces and dashes are removed). */
  meetingNumber: text('meeting-number'),
  /** The meeting passcode, if it has one. */
  passcode: text('passcode'),
  /** Same as `passcode` (the SDK's own name). */
  password: text('password'),
  /** The name other participants see. */
  userName: text('user-name'),
  /** Needed for webinars and meetings with registration. */
  userEmail: text('user-email'),
  /**
   * 0 attendee, 1 host. Kept as given so a bad value can be reported as given. (It shadows the ARIA `role`
   * reflection, which has no meaning on this element.)
   */
  role: { attribute: 'role', kind: 'text', initial: '0' } as Rule<string | null>,
  /** `component` (the meeting inside the element) or `client` (Zoom's full-page Client View). */
  view: text('view', 'component'),
  /** URL of the folder where `@zoom/meetingsdk/dist/lib` is served; relative values resolve against the page. */
  assetPath: text('asset-path'),
  /** URL that answers `POST {meetingNumber, role}` with `{signature}`. */
  signatureEndpoint: text('signature-endpoint'),
  /** Join as soon as the inputs are present and the element is connected. */
  autoJoin: flag('auto-join'),
  /** Join even when this meeting is already open in another element or tab of this browser. */
  allowDuplicate: flag('allow-duplicate'),
  /**
   * The longest a join may take, from the click to being in the meeting, in milliseconds (0 for no limit). When it
   * runs out the element stops the SDK and raises `join-timeout` naming the step it hung in.
   */
  joinTimeout: number('join-timeout', 60000, 'milliseconds', 'for no limit'),
  /** When to preload the SDK's files: `none`, `intent`, `visible`, `idle` or `eager`. */
  preload: choice('preload', 'idle', ['none', 'intent', 'visible', 'idle', 'eager']),
  /** `off`, `preload` (fetch the virtual-background files where the device can afford them) or `enforce`. */
  virtualBackground: choice('virtual-background', 'off', ['off', 'preload', 'enforce']),
  /** Memory sampling period in milliseconds. */
  memoryInterval: number('memory-interval', 2000, 'milliseconds'),
  /** Heap growth, in MB/s sustained over the window, that raises a warning. */
  memoryGrowthLimit: number('memory-growth-limit', 5, 'MB per second'),
  /** Used heap, in MB, that raises a warning (none by default). */
  memoryBudget: { ...number<number | undefined>('memory-budget', undefined, 'MB'), initialText: 'no budget' },
  /** A main-thread block longer than this many milliseconds raises a freeze warning (0 turns it off). */
  freezeThreshold: number('freeze-threshold', 2000, 'milliseconds', 'to turn it off'),
  /** `warn`: show the banner; `leave`: also leave cleanly on budget, near-limit or SDK out of memory; `none`. */
  onMemoryPressure: choice('on-memory-pressure', 'warn', ['warn', 'leave', 'none']),

  // Secrets and functions: properties only, never attributes, never reflected, rendered or logged.
  /** A signature made elsewhere; no endpoint is asked. */
  signature: property<string>(),
  /** The host's ZAK, to start a meeting as host. */
  zak: property<string>(),
  /** A registrant's token, for meetings with registration. */
  tk: property<string>(),
  /** An app privilege token (OBF), where the meeting asks for one. */
  obfToken: property<string>(),
  /** Replaces the endpoint fetch: `async (params, {signal}) => signature | {signature, sdkKey}`. */
  signatureProvider: property<SignatureProvider>(),
  /** Method, headers, credentials, body builder, timeout and retries for the endpoint request. */
  signatureRequest: property<SignatureRequestOptions>(),
};

type Table = typeof zoomJoinAttributes;
export type ZoomJoinProperty = keyof Table;

/** The element's properties, typed from the table. */
export type ZoomJoinProperties = { [K in ZoomJoinProperty]: Table[K]['initial'] };

/** The element, as the controllers see it. */
export type ZoomJoinState = ZoomJoinProperties & HTMLElement;

/** An empty numeric attribute is a mistake to report, not 0; a string set from script counts as its number. */
const toNumber = (value: unknown): unknown =>
  typeof value !== 'string' ? value : value.trim() === '' ? NaN : Number(value);

/** Lit's `static properties`, from the table. */
export function litProperties(): Record<string, PropertyDeclaration> {
  const declarations: Record<string, PropertyDeclaration> = {};
  for (const [name, rule] of Object.entries(zoomJoinAttributes) as Array<[string, Rule<unknown>]>) {
    const { attribute, kind, initial } = rule;
    declarations[name] =
      attribute === false
        ? { attribute: false }
        : kind === 'flag'
          ? { attribute, type: Boolean }
          : { attribute, converter: (value) => (value === null ? initial : kind === 'number' ? toNumber(value) : value) };
  }
  return declarations;
}

/** The starting values, assigned in the element's constructor. */
export function initialValues(): Partial<ZoomJoinProperties> {
  return Object.fromEntries(Object.entries(zoomJoinAttributes).map(([name, rule]) => [name, rule.initial]));
}

function read(rule: Rule<unknown>, value: unknown): { value: unknown; usable: boolean } {
  if (value === undefined || value === null) return { value: rule.initial, usable: true };
  const parsed = rule.kind === 'number' ? toNumber(value) : value;
  return { value: parsed, usable: !rule.valid || rule.valid(parsed) };
}

/**
 * The value a controller should use: the property, or its starting value when the table's check refuses it (a typo
 * in a tuning attribute must never cost the user their meeting).
 */
export function setting<K extends ZoomJoinProperty>(element: ZoomJoinProperties, name: K): Table[K]['initial'] {
  const rule = zoomJoinAttributes[name] as Rule<unknown>;
  const { value, usable } = read(rule, element[name]);
  return (usable ? value : rule.initial) as Table[K]['initial'];
}

/**
 * A `{code, message}` warning per tuning property whose value the element cannot use (unset ones are fine), quoting
 * the attribute as written when there is one.
 */
export function unusableSettings(element: ZoomJoinState): Array<{ code: 'attribute-invalid'; message: string }> {
  const warnings: Array<{ code: 'attribute-invalid'; message: string }> = [];
  for (const [name, rule] of Object.entries(zoomJoinAttributes) as Array<[ZoomJoinProperty, Rule<unknown>]>) {
    if (!rule.attribute || read(rule, element[name]).usable) continue;
    const written = element.getAttribute(rule.attribute) ?? String(element[name]);
    warnings.push({
      code: 'attribute-invalid',
      message: `${rule.attribute}="${written.slice(0, 40)}" is not ${rule.expected!}; using ${rule.initialText ?? String(rule.initial)}.`,
    });
  }
  return warnings;
}
