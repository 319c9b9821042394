/**
 * The one failure reported before the join machinery is loaded — its loading failed — so its text lives here, in
 * the element's first load, rather than with the others in join-errors.ts.
 */
import { ErrorCategory, ZoomJoinError } from '../zoom-join-error.js';

export function joinCodeLoadFailedError(cause: unknown): ZoomJoinError {
  return new ZoomJoinError({
    // The same code as the SDK's own module failing to load: the same kind of failure, the same fix.
    code: 'sdk-load-failed',
    category: ErrorCategory.network,
    // The title defaults to the message.
    message: 'The code that joins a meeting could not be loaded',
    hint: 'The connection dropped, or the site was updated since the page loaded.',
    steps: ['Check the connection and try again.', 'If it fails again, reload the page.'],
    retryable: true,
    cause,
  });
}
