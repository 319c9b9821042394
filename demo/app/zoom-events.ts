/**
 * Sees every `zoom-*` event an element dispatches, including kinds added to the element after this demo was
 * written. The DOM has no wildcard listener, but the element (and the simulated SDK) dispatch all their events on
 * the element itself, so wrapping that one instance's dispatchEvent is enough.
 */
export type ZoomEventObserver = (event: Event) => void;

export function observeZoomEvents(element: HTMLElement, observer: ZoomEventObserver): void {
  const dispatch = element.dispatchEvent.bind(element);
  element.dispatchEvent = (event: Event): boolean => {
    // Observed after listeners ran, so the log shows events in the order the page saw them.
    const result = dispatch(event);
    if (event.type.startsWith('zoom-')) observer(event);
    return result;
  };
}

/** The detail of a CustomEvent, `undefined` for other events. */
export function detailOf(event: Event): unknown {
  return event instanceof CustomEvent ? (event.detail as unknown) : undefined;
}
