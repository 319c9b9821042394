import type { ZoomJoin } from '../../src/index.js';
import { applyAttributes, elementAttributes, type ElementContext } from './element-attributes.js';
import type { EventLog } from './event-log.js';
import type { DemoSettings } from './settings.js';
import { detailOf, observeZoomEvents } from './zoom-events.js';

/**
 * A `<zoom-join>` configured from the settings, with its events going to the log. Not yet in the document:
 * the caller binds its panels first, so nothing it does on connect (auto-join) is missed.
 */
export function createZoomJoin(settings: DemoSettings, context: ElementContext, log: EventLog, origin?: string): ZoomJoin {
  const element = document.createElement('zoom-join');
  applyAttributes(element, elementAttributes(settings, context));
  if (context.signatureRequest) element.signatureRequest = context.signatureRequest;
  observeZoomEvents(element, (event) => log.add('event', event.type, detailOf(event), origin));
  return element;
}
