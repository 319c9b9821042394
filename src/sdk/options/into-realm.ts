import type { PopperAnchor } from './sdk-option-types.js';

/** Where each spot of the element's box is, as fixed-position CSS in the frame (which fills the box). */
const ANCHOR_PLACES: Record<PopperAnchor, string> = {
  'top-left': 'top:0;left:0',
  'top-right': 'top:0;right:0',
  'bottom-left': 'bottom:0;left:0',
  'bottom-right': 'bottom:0;right:0',
  center: 'top:50%;left:50%',
};

/** A 1-pixel element at `spot` of the frame, for a popper to anchor on; one per spot and frame. */
function anchorIn(document: Document, spot: PopperAnchor): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-zoom-join-anchor="${spot}"]`);
  if (found) return found;
  const anchor = document.createElement('div');
  anchor.dataset.zoomJoinAnchor = spot;
  anchor.setAttribute('aria-hidden', 'true');
  anchor.style.cssText = `position:fixed;${ANCHOR_PLACES[spot]};width:1px;height:1px;pointer-events:none;visibility:hidden`;
  document.body.append(anchor);
  return anchor;
}

/**
 * Checked options (see check-options.ts) as objects and arrays of the frame the SDK runs in — its own checks
 * (`instanceof Array`, `instanceof Object`) see the frame's constructors, not the page's — with each popper's
 * anchor spot an element at that spot of the frame. Functions stay the page's: the SDK calls them across.
 */
export function intoRealm(value: unknown, realm: Window & typeof globalThis, key = ''): unknown {
  if (key === 'anchorElement' && typeof value === 'string') return anchorIn(realm.document, value as PopperAnchor);
  if (Array.isArray(value)) {
    const copy = new realm.Array<unknown>();
    for (const item of value) copy.push(intoRealm(item, realm));
    return copy;
  }
  if (value && typeof value === 'object' && (value as { nodeType?: unknown }).nodeType === undefined) {
    const copy = new realm.Object() as Record<string, unknown>;
    for (const [name, field] of Object.entries(value)) copy[name] = intoRealm(field, realm, name);
    return copy;
  }
  return value;
}
