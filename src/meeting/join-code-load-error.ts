/**
 * The one failure reported before the join machinery is loaded — its loading failed — so its text lives here, in
 * the element's first load, rather than with the others in join-errors.ts.
 */
import { msg } from '@lit/localize';
import { ErrorCategory, ZoomJoinError } from '../zoom-join-error.js';

export function joinCodeLoadFailedError(cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    // The same code as the SDK's own files failing to load: the same kind of failure (but reloading is the fix).
    code: 'sdk-load-failed',
    category: ErrorCategory.network,
    // The status line shows the title: without this code there is no error panel, so it carries the fix.
    title: msg('The code that joins a meeting did not load: reload the page'),
    message: msg('The code that joins a meeting could not be loaded'),
    hint: msg('The connection dropped, or the site was updated since the page loaded.'),
    steps: [msg('Check the connection, then reload the page.')],
    // Older Chromium keeps a module that failed to load as failed until the page is reloaded, where a Retry could
    // not succeed; a reload works in every browser.
    retryable: false,
    cause,
  });
}
