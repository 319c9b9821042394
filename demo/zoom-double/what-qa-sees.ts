/**
 * What QA should see for each answer of the Zoom double (ids of wc-info.ts), shown on the page next to the
 * scenario. Written by hand from Zoom's documented meaning of each number: the element's diagnosis is what is
 * under test, so these lines never come from its code. Where the two views differ, both are named.
 */
export const whatQaSees: Readonly<Record<string, string>> = {
  'invalid-signature':
    "Error panel: signature-invalid (Zoom 3712), no Retry, with the Meeting SDK app vs OAuth hint.",
  'expired-signature':
    "Error panel: signature-expired (Zoom 3705), no Retry; the hint points at the signing server's clock and the token's exp.",
  'wrong-meeting-number':
    "Error panel: meeting-number-wrong (Zoom 3706), no Retry; the signature's mn must be the meeting number joined.",
  'meeting-number-not-found': 'Error panel: meeting-number-not-found (Zoom 3707), no Retry.',
  'sdk-key-invalid': "Error panel: sdk-key-invalid (Zoom 3704), no Retry; the signature's appKey must be the Meeting SDK app's Client ID.",
  'role-invalid': 'Error panel: role-invalid (Zoom 3708), no Retry; role 1 (host) needs the host\'s ZAK.',
  'another-meeting': 'Error panel: another-meeting-in-progress (Zoom 3000), no Retry.',
  'email-required': 'Error panel: email-required (Zoom 3005), config category; the webinar needs user-email.',
  'sdk-version': 'Error panel: sdk-version-unsupported (Zoom 10000); the site must upgrade @zoom/meetingsdk.',
  'browser-join-disallowed': 'Error panel: browser-join-disallowed (Zoom 3611); the host allows the Zoom app only.',
  'meeting-not-found': 'Error panel: meeting-not-found (Zoom 3001; the Client View reports it as 3610), no Retry.',
  'not-started': 'Error panel: meeting-not-started (Zoom 3008) with Retry.',
  'wrong-passcode':
    "Component View: error panel wrong-passcode (Zoom 3004). Client View: the SDK's own passcode prompt, and the element's status line says Zoom is asking for the passcode (zoom-warning passcode-prompt).",
  'not-host': 'Error panel: not-host (Zoom 3003), no Retry.',
  removed: 'Error panel: removed-by-host (Zoom 3009), no Retry.',
  'join-throttled': 'Error panel: join-throttled-captcha (Zoom 3634), no Retry.',
  'anonymous-join-disallowed': 'Error panel: anonymous-join-disallowed (Zoom 4012), no Retry.',
  'registration-required':
    "Component View: error panel registration-required (Zoom 3099). Client View: the SDK's own registration prompt, and the element's status line says Zoom is asking for registration (zoom-warning registration-prompt).",
  'login-required': 'Error panel: login-required (Zoom 3100), no Retry.',
  'tk-expired': 'Error panel: tk-expired (Zoom 124), config category: the registration token (tk) has expired.',
  'waiting-for-host': 'Error panel: meeting-not-started (Zoom 3008) with Retry; Zoom said so inside result.rsRes.',
  'invalid-signature-as-3712':
    'As invalid-signature: signature-invalid (Zoom 3712), although Zoom sends 3712 as the code and the SDK keeps only its text.',
  'expired-signature-as-3705':
    'As expired-signature: signature-expired (Zoom 3705), although Zoom sends 3705 as the code and the SDK keeps only its text.',
  'invalid-signature-text-result':
    'Error panel: signature-invalid (Zoom 3712) in both views; the Client View never calls back on this answer, so the element must not stay on joining.',
  'service-unavailable':
    "Error panel: connection-error (Zoom -3000) with Retry: Zoom's join service answered 503 (the Component View's JSONP retry fails too).",
};

export function whatQaSeesFor(id: string): string {
  return whatQaSees[id] ?? 'No expectation written for this scenario yet: add one to demo/zoom-double/what-qa-sees.ts.';
}
