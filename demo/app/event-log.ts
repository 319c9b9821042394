import { safeJson } from './redact.js';

/** Kept in the page; older entries are dropped (a leak scenario must not leak through its own log). */
const MAX_ENTRIES = 400;

export type LogSource = 'event' | 'demo';

export interface EventLog {
  /** `origin` tells entries of a second element apart from the main one's. */
  add(source: LogSource, name: string, detail?: unknown, origin?: string): void;
  clear(): void;
}

/** The live log: one `<li data-source data-event>` per entry, newest last. */
export function createEventLog(list: HTMLOListElement, clearButton?: HTMLButtonElement): EventLog {
  const started = performance.now();
  const log: EventLog = {
    add(source, name, detail, origin) {
      const item = document.createElement('li');
      item.dataset.source = source;
      item.dataset.event = name;
      if (origin) item.dataset.origin = origin;
      const time = document.createElement('time');
      time.textContent = `${((performance.now() - started) / 1000).toFixed(2)} s`;
      const label = document.createElement('strong');
      label.textContent = `${source === 'demo' ? 'demo · ' : ''}${name}${origin ? ` (${origin})` : ''}`;
      item.append(time, ' ', label);
      if (detail !== undefined) {
        const code = document.createElement('code');
        code.textContent = safeJson(detail);
        item.append(' ', code);
      }
      const follow = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
      list.append(item);
      while (list.childElementCount > MAX_ENTRIES) list.firstElementChild?.remove();
      if (follow) list.scrollTop = list.scrollHeight;
    },
    clear() {
      list.replaceChildren();
    },
  };
  clearButton?.addEventListener('click', () => log.clear());
  return log;
}
