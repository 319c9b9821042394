import { describeZoomError } from '../../src/index.js';

/** A rejection exactly as the Component View's `join()` delivers it. */
export interface SdkRejection {
  type: string;
  reason: string;
  errorCode: number;
}

/**
 * What the Component View rejects with for `code`, using the SDK's own wording (kept in the library's error table),
 * so the simulated failure goes through the same normalisation as a real one.
 */
export function sdkRejection(code: number): SdkRejection {
  if (code === 5001) {
    return { type: 'INVALID_PARAMETERS', reason: 'dependent assets are not accessible', errorCode: 5001 };
  }
  const description = describeZoomError(code, 'component');
  return { type: 'JOIN_MEETING_FAILED', reason: description.sdkText ?? description.title, errorCode: code };
}
