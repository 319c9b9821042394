import { msg } from '@lit/localize';
import type { PropertyDeclaration } from 'lit';
import type { SignatureProvider, SignatureRequestOptions } from './signature/signature-types.js';
import type { ClientViewOptions, ComponentViewOptions } from './sdk/options/sdk-option-types.js';

/** How one of the element's properties is set, starts, and (for tuning attributes) checked. */
export interface Rule<T> {
  /** The attribute; `false` for properties that are never attributes (secrets, functions). */
  attribute: string | false;
  /** The value before anything is set, and again when the attribute is removed. */
  initial: T;
  /** The value as the controllers use it (a number from a string, a word in lower case). */
  parse?: (value: unknown) => unknown;
  /** Tuning attributes: a value this refuses falls back to `initial`, with a `zoom-warning` saying what is expected. */
  valid?: (value: unknown) => boolean;
  /** For that warning: the words a choice accepts… */
  words?: string[];
  /** …or the unit of a number, what 0 means where 0 is allowed, and what a missing default means. */
  unit?: () => string;
  zero?: () => string;
  none?: () => string;
}

// The words are functions: the warning is worded in the locale of the moment it is given.
/** An empty numeric attribute is a mistake to report, not 0; a string set from script counts as its number. */
const toNumber = (value: unknown): unknown =>
  typeof value !== 'string' ? value : value.trim() === '' ? NaN : Number(value);

const text = (attribute: string, initial = ''): Rule<string> => ({ attribute, initial });
const flag = (attribute: string): Rule<boolean> => ({ attribute, initial: false });
const property = <T>(): Rule<T | undefined> => ({ attribute: false, initial: undefined });

/** One of a few words, in any case. */
function choice(attribute: string, initial: string, words: string[]): Rule<string> {
  return {
    attribute,
    initial,
    parse: (value) => String(value).trim().toLowerCase(),
    valid: (value) => words.includes(value as string),
    words,
  };
}

/**
 * A number of `unit`s, above 0 — or from 0 when `zero` says what 0 means. `none` words a missing default in the
 * warning ("using no budget").
 */
// NoInfer: the property's type is `number` (or what is given), not the literal type of its default.
function number<T extends number | undefined = number>(attribute: string, initial: NoInfer<T>, unit: () => string, words: { zero?: () => string; none?: () => string } = {}): Rule<T> {
  const { zero, none } = words;
  return {
    attribute,
    initial,
    parse: toNumber,
    valid: (value) => typeof value === 'number' && (zero ? value >= 0 : value > 0),
    unit,
    zero,
    none,
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
   * 0 attendee, 1 host. Kept as given so a bad value can be reported as given. Not `role`: that attribute is
   * ARIA's, and `role="0"` on an element is an invalid ARIA role to every assistive technology.
   */
  meetingRole: { attribute: 'meeting-role', initial: '0' } as Rule<string | null>,
  /**
   * `auto` (the default): the Component View on desktop browsers, Zoom's Client View on phones and tablets — the view
   * Zoom supports on each, decided once per join; `component` (the meeting inside the element) or `client` (Zoom's
   * full-page Client View, laid out in the element) on every device. Events name the view that ran.
   */
  view: text('view', 'auto'),
  /** URL of the folder where `@zoom/meetingsdk/dist/lib` is served; relative values resolve against the page. */
  assetPath: text('asset-path'),
  /**
   * The `@zoom/meetingsdk` version to run, within `^5.0.0 || ^6.0.0`. Without `asset-path` it picks the folder of
   * Zoom's CDN (default 6.2.0, the newest tested); with one it names the version served there, which the element
   * recognises by itself for the versions its suites run (5.0.0 and 6.2.0) and needs to be told for the others.
   */
  sdkVersion: text('sdk-version'),
  /** URL that answers `POST {meetingNumber, role}` with `{signature}`. */
  signatureEndpoint: text('signature-endpoint'),
  /** Join as soon as the inputs are present and the element is connected. */
  autoJoin: flag('auto-join'),
  /**
   * When the meeting has not started yet (Zoom's 3008), wait for the host (status `waiting-for-host`) and try again
   * until it has, instead of failing; `join-timeout` does not count the wait.
   */
  waitForHost: flag('wait-for-host'),
  /**
   * How "Sign in with Zoom" opens Zoom's sign-in when the signature endpoint asks for it: `popup` (a window; the page
   * stays, and the join goes on when it closes) or `redirect` (this tab goes to Zoom and comes back, then joins).
   * A blocked popup falls back to `redirect`.
   */
  signIn: choice('sign-in', 'popup', ['popup', 'redirect']),
  /** Join even when this meeting is already open in another element or tab of this browser. */
  allowDuplicate: flag('allow-duplicate'),
  /**
   * The longest a join may take, from the click to being in the meeting, in milliseconds (0 for no limit). When it
   * runs out the element stops the SDK and raises `join-timeout` naming the step it hung in.
   */
  joinTimeout: number('join-timeout', 60000, () => msg('milliseconds'), { zero: () => msg('for no limit') }),
  /**
   * The longest the meeting may stay `reconnecting`, in milliseconds (0 for no limit). The Client View retries for
   * ever; when this runs out the element leaves with `zoom-left {reason: 'connection-lost'}`.
   */
  reconnectTimeout: number('reconnect-timeout', 60000, () => msg('milliseconds'), { zero: () => msg('for no limit') }),
  /**
   * Checks before the join whether the camera, microphone, the page (https, its Permissions Policy) and the browser
   * (Zoom's list) let the meeting work: `event` (the default) fires `zoom-preflight` when the element connects and
   * whenever a camera or microphone permission changes; `panel` also shows what will not work and what to do, above
   * the Join button; `none` checks nothing.
   */
  preflight: choice('preflight', 'event', ['event', 'panel', 'none']),
  /** When to preload the SDK's files: `none`, `intent`, `visible`, `idle` or `eager`. */
  preload: choice('preload', 'idle', ['none', 'intent', 'visible', 'idle', 'eager']),
  /** `off`, `preload` (fetch the virtual-background files where the device can afford them) or `enforce`. */
  virtualBackground: choice('virtual-background', 'off', ['off', 'preload', 'enforce']),
  /** Memory sampling period in milliseconds. */
  memoryInterval: number('memory-interval', 2000, () => msg('milliseconds')),
  /** Heap growth, in MB/s sustained over the window, that raises a warning. */
  memoryGrowthLimit: number('memory-growth-limit', 5, () => msg('MB per second')),
  /** Used heap, in MB, that raises a warning (none by default). */
  memoryBudget: number<number | undefined>('memory-budget', undefined, () => msg('MB'), { none: () => msg('no budget') }),
  /** A main-thread block longer than this many milliseconds raises a freeze warning (0 turns it off). */
  freezeThreshold: number('freeze-threshold', 2000, () => msg('milliseconds'), { zero: () => msg('to turn it off') }),
  /** `warn`: show the banner; `leave`: also leave cleanly on budget, near-limit or SDK out of memory; `none`. */
  onMemoryPressure: choice('on-memory-pressure', 'warn', ['warn', 'leave', 'none']),

  // The SDK's own options, typed by the installed @zoom/meetingsdk: objects from script (functions too), or JSON text
  // in the attribute (no functions then). Checked against the SDK's types at each join: an unknown name or a wrong
  // kind is left out with a `zoom-warning` (`sdk-option-invalid`) naming it, and the join goes on.
  /**
   * The Component View's `customize`: toolbar buttons (their `onClick` runs in the page), `meetingInfo`, `video`
   * (sizes, `isResizable`, `defaultViewType`, popper), chat, participants and settings poppers, sharing. A popper's
   * `anchorElement` is a spot of the element's box (`top-left`, `top-right`, `bottom-left`, `bottom-right`,
   * `center`): page elements cannot anchor what the SDK draws in its frame. Read at each join.
   */
  componentViewOptions: { attribute: 'component-view-options', initial: undefined } as Rule<ComponentViewOptions | string | undefined>,
  /**
   * The Client View's `init` options (`defaultView`, `disableInvite`, `disablePreview`, `disableJoinAudio`,
   * `isSupportAV`, `isSupportChat`, `screenShare`, `meetingInfo`, …) but those the element sets itself (`leaveUrl`,
   * `patchJsMedia`, `leaveOnPageUnload`, `success`, `error`: `sdk-option-managed`). Read at each join.
   */
  clientViewOptions: { attribute: 'client-view-options', initial: undefined } as Rule<ClientViewOptions | string | undefined>,

  // Secrets and functions: properties only, never attributes, never reflected, rendered or logged.
  /** A signature made elsewhere; no endpoint is asked. */
  signature: property<string>(),
  /** The host's ZAK, to start a meeting as host. An OBF token or ZAK in the signature endpoint's answer wins. */
  zak: property<string>(),
  /** A registrant's token, for meetings with registration. */
  tk: property<string>(),
  /**
   * An OBF token: joins another account's meeting on behalf of a Zoom user who is in it. Usually the signature
   * endpoint attaches one for the signed-in visitor instead.
   */
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

/** Lit's `static properties`, from the table. */
export function litProperties(): Record<string, PropertyDeclaration> {
  const declarations: Record<string, PropertyDeclaration> = {};
  for (const [name, rule] of Object.entries(zoomJoinAttributes) as Array<[string, Rule<unknown>]>) {
    const { attribute, initial } = rule;
    declarations[name] =
      attribute === false
        ? { attribute: false }
        : typeof initial === 'boolean'
          ? { attribute, type: Boolean }
          : { attribute, converter: (value) => (value === null ? initial : rule.parse === toNumber ? toNumber(value) : value) };
  }
  return declarations;
}

/** The starting values, assigned in the element's constructor. */
export function initialValues(): Partial<ZoomJoinProperties> {
  return Object.fromEntries(Object.entries(zoomJoinAttributes).map(([name, rule]) => [name, rule.initial]));
}

/** Reads one property: the parsed value, and whether the table's check accepts it. */
function read(rule: Rule<unknown>, value: unknown): { value: unknown; usable: boolean } {
  if (value === undefined || value === null) return { value: rule.initial, usable: true };
  const parsed = rule.parse ? rule.parse(value) : value;
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

/** The tuning attributes whose values the element cannot use (unset ones are fine), with the rule each breaks. */
export function unusableAttributes(element: ZoomJoinProperties): Array<{ rule: Rule<unknown>; value: unknown }> {
  return (Object.entries(zoomJoinAttributes) as Array<[ZoomJoinProperty, Rule<unknown>]>)
    .filter(([name, rule]) => rule.attribute && !read(rule, element[name]).usable)
    .map(([name, rule]) => ({ rule, value: element[name] }));
}
