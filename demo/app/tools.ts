import type { ZoomJoin } from '../../src/index.js';
import { createZoomJoin } from './create-element.js';
import type { ElementContext } from './element-attributes.js';
import type { EventLog } from './event-log.js';
import { urlWith } from './mode.js';
import type { DemoSettings } from './settings.js';

export interface ToolsContext {
  element: ZoomJoin;
  settings: () => DemoSettings;
  elementContext: ElementContext;
  log: EventLog;
}

function button(id: string): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`#${id}`);
}

/** Leave, and the two ways to try the same meeting twice: another tab, or a second element in this page. */
export function bindTools({ element, settings, elementContext, log }: ToolsContext): void {
  button('leave')?.addEventListener('click', () => {
    void element.leave();
  });

  button('open-second-tab')?.addEventListener('click', () => {
    // Same settings (they are in the URL), joining on its own: what a user double-opening a link does.
    const opened = window.open(urlWith({ autojoin: '1', tab: '2' }), '_blank');
    log.add('demo', 'second-tab-opened', { opened: opened !== null });
  });

  button('add-second-element')?.addEventListener('click', () => {
    const stage = document.querySelector<HTMLElement>('#second-stage');
    if (!stage) return;
    stage.replaceChildren();
    const second = createZoomJoin(settings(), { ...elementContext, autoJoin: false }, log, 'second element');
    second.id = 'second-element';
    stage.append(second);
    second.join().catch(() => {
      // Reported through zoom-error (in the log) and the second element's error panel.
    });
  });
}
