import { executeServerCommand } from '@web/test-runner-commands';

export interface LoggedRequest {
  url: string;
  method: string;
  resourceType: string;
}

/** Every request the test page has made so far (recorded by Playwright, so it includes failed ones). */
export function networkLog(options: { clear?: boolean } = {}): Promise<LoggedRequest[]> {
  return executeServerCommand<LoggedRequest[], { clear?: boolean }>('network-log', options);
}

/** Saves what the test page shows to test-results/<name>.png and resolves with that path. */
export function screenshot(name: string): Promise<string> {
  return executeServerCommand<string, { name: string }>('screenshot', { name });
}

export interface LoggedConsoleMessage {
  /** Playwright's type: 'log', 'warning', 'error', … */
  type: string;
  text: string;
  /** The script (or document) that logged it, when the browser says. */
  url: string;
}

/**
 * Every console message of the test page so far, its frames' included (recorded by Playwright, so the browser's own
 * messages are there too); `clear` empties the record after reading it.
 */
export function consoleLog(options: { clear?: boolean } = {}): Promise<LoggedConsoleMessage[]> {
  return executeServerCommand<LoggedConsoleMessage[], { clear?: boolean }>('console-log', options);
}
