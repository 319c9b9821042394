import { msg, str } from '@lit/localize';
import type { SdkView } from '../../zoom-join-error.js';
import { clientInitSchema, componentCustomizeSchema, SCHEMA_SDK_VERSION, type OptionKind, type OptionSchema } from './sdk-option-schema.js';
import type { PopperAnchor } from './sdk-option-types.js';

/** The `zoom-warning` codes of the SDK options (and of a language the meeting cannot switch to). */
export type SdkOptionWarningCode = 'sdk-option-invalid' | 'sdk-option-managed' | 'sdk-option-callback-failed' | 'lang-next-join';

export interface SdkOptionWarning {
  code: SdkOptionWarningCode;
  message: string;
}

/** The property each view's options are given in. */
export const OPTIONS_PROPERTY: Record<SdkView, string> = { component: 'componentViewOptions', client: 'clientViewOptions' };

export const POPPER_ANCHORS: readonly PopperAnchor[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'center'];

/**
 * Init options the element sets itself, each with what to use instead (functions: the texts follow the locale at
 * use). The one list of them: the check and its "did you mean" both read it.
 */
const INSTEAD_OF_MANAGED: Readonly<Record<string, () => string>> = {
  zoomAppRoot: () => msg('the element puts the meeting in its own box (style it as `zoom-join [slot=meeting]`)'),
  assetPath: () => msg('use the asset-path attribute'),
  language: () => msg('use the lang attribute'),
  lang: () => msg('use the lang attribute'),
  leaveUrl: () => msg('the element leaves inside its own frame; listen for zoom-left instead'),
  patchJsMedia: () => msg("the element sets it from asset-path (on for Zoom's CDN, off for self-hosted files)"),
  leaveOnPageUnload: () => msg('the element always leaves when the page goes'),
  enforceVirtualBackground: () => msg('use virtual-background="enforce"'),
  success: () => msg('listen for zoom-joined instead'),
  error: () => msg('listen for zoom-error instead'),
};

const isManaged = (name: string): boolean => Object.hasOwn(INSTEAD_OF_MANAGED, name);

function kindOf(value: unknown): OptionKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'function') return type;
  // An element of any realm (the page's, or a frame's).
  if (type === 'object' && (value as { nodeType?: unknown }).nodeType === 1) return 'element';
  return 'object';
}

function kindWords(kind: OptionKind): string {
  switch (kind) {
    case 'boolean':
      return msg('true or false');
    case 'number':
      return msg('a number');
    case 'string':
      return msg('a string');
    case 'function':
      return msg('a function');
    case 'element':
      return msg('an element');
    case 'null':
      return 'null';
    case 'object':
      return msg('an object');
    case 'array':
      return msg('an array');
    case 'unknown':
      return msg('anything');
  }
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** What was given, for a warning: never more than a short quote of a string. */
function given(value: unknown): string {
  const kind = kindOf(value);
  if (kind === 'string') return msg(str`the string ${quoted(value as string)}`);
  if (kind === 'number' || kind === 'boolean') return `${String(value)}`;
  if (kind === 'element') return msg('a page element');
  return kindWords(kind);
}

function expected(schema: OptionSchema): string {
  const words = schema.words?.map((word) => JSON.stringify(word));
  const kinds = schema.kinds.map((kind) => (kind === 'string' && words ? msg(str`one of ${words.join(', ')}`) : kindWords(kind)));
  return kinds.length > 1 ? msg(str`${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)!}`) : kinds[0] ?? msg('nothing');
}

function fits(schema: OptionSchema, value: unknown): boolean {
  if (schema.kinds.includes('unknown')) return true;
  const kind = kindOf(value);
  if (!schema.kinds.includes(kind)) return false;
  if (kind === 'number') return Number.isFinite(value);
  return kind !== 'string' || !schema.words || schema.words.includes(value as string);
}

/** Called when an app's function given in the options throws (or rejects) as the SDK calls it. */
export type CallbackFailure = (path: string, error: unknown) => void;

interface Walk {
  property: string;
  view: SdkView;
  warn(warning: SdkOptionWarning): void;
  onCallbackError: CallbackFailure;
}

/**
 * The app's function, called by the SDK in the element's frame: what it throws or rejects with is reported, not
 * thrown into the SDK (which would break the SDK's own handler of the click or event).
 */
function guarded(fn: (...args: unknown[]) => unknown, path: string, onCallbackError: CallbackFailure): (...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]): unknown {
    try {
      const result = fn.apply(this, args);
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as PromiseLike<unknown>).then(undefined, (error: unknown) => onCallbackError(path, error));
      }
      return result;
    } catch (error) {
      onCallbackError(path, error);
      return undefined;
    }
  };
}

/** Edit distance, for "did you mean" (option names are short). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function leftOut(): string {
  return msg('Left out; the join goes on without it.');
}

function walk(schema: OptionSchema, value: unknown, path: string, context: Walk): { ok: boolean; value?: unknown } {
  const key = path.slice(path.lastIndexOf('.') + 1);
  // A popper's anchor: a spot in the element's box, turned into an element in the frame by the adapter.
  if (key === 'anchorElement' && schema.kinds.includes('element')) {
    if (value === null || POPPER_ANCHORS.includes(value as PopperAnchor)) return { ok: true, value };
    const why =
      kindOf(value) === 'element'
        ? msg("a page element cannot anchor a popper: the SDK draws it in the element's frame, where page elements are not")
        : msg(str`it is ${given(value)}`);
    context.warn({
      code: 'sdk-option-invalid',
      message: msg(
        str`${path}: ${why}. Give one of ${POPPER_ANCHORS.map((anchor) => JSON.stringify(anchor)).join(', ')} (a spot in the element's box), or anchorPosition. ${leftOut()}`,
      ),
    });
    return { ok: false };
  }
  if (!fits(schema, value)) {
    context.warn({
      code: 'sdk-option-invalid',
      message: msg(str`${path} is ${given(value)}, and the Zoom SDK ${SCHEMA_SDK_VERSION} takes ${expected(schema)} there. ${leftOut()}`),
    });
    return { ok: false };
  }
  const kind = kindOf(value);
  if (kind === 'function') return { ok: true, value: guarded(value as (...args: unknown[]) => unknown, path, context.onCallbackError) };
  if (kind === 'array' && schema.items) {
    const items: unknown[] = [];
    (value as unknown[]).forEach((item, index) => {
      const checked = walk(schema.items!, item, `${path}[${index}]`, context);
      if (checked.ok) items.push(checked.value);
    });
    return { ok: true, value: items };
  }
  if (kind === 'object' && schema.fields) return walkObject(schema, value as Record<string, unknown>, path, context);
  return { ok: true, value };
}

function walkObject(schema: OptionSchema, value: Record<string, unknown>, path: string, context: Walk): { ok: boolean; value?: unknown } {
  const fields = schema.fields!;
  const top = path === context.property;
  const missing = top ? [] : (schema.required ?? []).filter((name) => value[name] === undefined);
  if (missing.length > 0) {
    context.warn({
      code: 'sdk-option-invalid',
      message: msg(str`${path} has no ${missing.join(', ')}, which the Zoom SDK ${SCHEMA_SDK_VERSION} needs there. ${leftOut()}`),
    });
    return { ok: false };
  }
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const fieldPath = `${path}.${name}`;
    // Undefined is "not given" to the app, but the SDK counts the name as given.
    if (field === undefined) continue;
    if (top && context.view === 'component' && name === 'customize') {
      context.warn({
        code: 'sdk-option-invalid',
        message: msg(str`${fieldPath}: componentViewOptions is the customize object itself; give its fields (toolbar, video, …) directly. ${leftOut()}`),
      });
      continue;
    }
    if (top && isManaged(name)) {
      context.warn({ code: 'sdk-option-managed', message: msg(str`${fieldPath} is set by the element itself: ${INSTEAD_OF_MANAGED[name]!()}. ${leftOut()}`) });
      continue;
    }
    const fieldSchema = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!fieldSchema) {
      const known = Object.keys(fields).filter((known) => !(top && isManaged(known)));
      const near = known.find((candidate) => distance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
      const hint = near
        ? msg(str`Did you mean ${near}?`)
        : known.length <= 12
          ? msg(str`It knows ${known.join(', ')}.`)
          : msg('Its type definitions list the names it knows.');
      context.warn({
        code: 'sdk-option-invalid',
        message:
          context.view === 'client' && top
            ? msg(
                str`${fieldPath} is not an option the Zoom SDK ${SCHEMA_SDK_VERSION} knows (ZoomMtg.init given a name it does not know never calls back: the join would hang). ${hint} ${leftOut()}`,
              )
            : msg(str`${fieldPath} is not an option the Zoom SDK ${SCHEMA_SDK_VERSION} knows. ${hint} ${leftOut()}`),
      });
      continue;
    }
    const checked = walk(fieldSchema, field, fieldPath, context);
    if (checked.ok) result[name] = checked.value;
  }
  // Nothing of it was usable (each part warned of): the SDK's defaults apply, not an empty object in their place.
  if (!top && Object.keys(result).length === 0 && Object.keys(value).length > 0) return { ok: false };
  return { ok: true, value: result };
}

/**
 * The view's SDK options as the element passes them on: only names and kinds the installed SDK's types allow (an
 * unknown name would make the Client View's init hang), the app's functions guarded, anything else left out with a
 * warning that names it. `raw` is the property's value: an object, JSON text (the attribute), or nothing.
 */
export function checkSdkOptions(
  view: SdkView,
  raw: unknown,
  warn: (warning: SdkOptionWarning) => void,
  onCallbackError: CallbackFailure,
): Record<string, unknown> {
  const property = OPTIONS_PROPERTY[view];
  let value = raw;
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warn({ code: 'sdk-option-invalid', message: msg(str`${property} is not JSON (${reason}): all of it is left out; the join goes on without it.`) });
      return {};
    }
  }
  if (kindOf(value) !== 'object') {
    warn({ code: 'sdk-option-invalid', message: msg(str`${property} is ${given(value)}, not an object of options: all of it is left out; the join goes on without it.`) });
    return {};
  }
  const schema = view === 'client' ? clientInitSchema : componentCustomizeSchema;
  const checked = walkObject(schema, value as Record<string, unknown>, property, { property, view, warn, onCallbackError });
  return (checked.value ?? {}) as Record<string, unknown>;
}

/** The `zoom-warning` for an app's function that threw when the SDK called it. */
export function callbackFailedWarning(path: string, error: unknown): SdkOptionWarning {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'sdk-option-callback-failed',
    message: msg(str`${path} threw when the Zoom SDK called it (${what.slice(0, 200)}); the meeting goes on.`),
  };
}

/**
 * The options of `view` the element passes to its SDK, from the element's `componentViewOptions` or
 * `clientViewOptions`, each problem told through `warn`; undefined when none are left (a custom adapter then sees
 * none). An app's function that throws when the SDK calls it is told the same way, and its error logged whole.
 */
export function sdkOptionsOf(
  element: { componentViewOptions?: unknown; clientViewOptions?: unknown },
  view: SdkView,
  warn: (warning: SdkOptionWarning) => void,
): Record<string, unknown> | undefined {
  const raw = view === 'client' ? element.clientViewOptions : element.componentViewOptions;
  const options = checkSdkOptions(view, raw, warn, (path, error) => {
    console.error(`<zoom-join> ${path} threw:`, error);
    warn(callbackFailedWarning(path, error));
  });
  return Object.keys(options).length > 0 ? options : undefined;
}
