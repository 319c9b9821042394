/**
 * A join that sent this tab to Zoom's sign-in ("Sign in with Zoom" in `redirect` mode, or a blocked popup) goes on
 * by itself once Zoom sends the tab back: the meeting number is kept for the tab's session until then.
 */

const RESUME_KEY = 'zoom-join:resume-after-sign-in';

export function markResumeAfterSignIn(meetingNumber: string): void {
  try {
    sessionStorage.setItem(RESUME_KEY, meetingNumber);
  } catch {
    // Storage off: the visitor comes back to the page and presses Join once more.
  }
}

/** Whether this tab came back from a sign-in for this meeting; answers true once. */
export function takeResumeAfterSignIn(meetingNumber: string): boolean {
  try {
    if (!meetingNumber || sessionStorage.getItem(RESUME_KEY) !== meetingNumber) return false;
    sessionStorage.removeItem(RESUME_KEY);
    return true;
  } catch {
    return false;
  }
}
