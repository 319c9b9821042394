/**
 * `zoom-join doctor <signature>`: the page's own check (inspectSignature), plus what only the signing side can
 * tell: whether the token was made with the secret and key the operator believes they configured. Zoom answers
 * every one of those mistakes with the same 3712.
 */
import { compactVerify, errors } from 'jose';
import { inspectSignature, type SignatureExpectations } from '../src/signature/inspect.js';
import type { SignatureProblem } from '../src/zoom-join-error.js';
import { showValue } from '../src/signature/claim-format.js';
import { Mark, type Finding, type Section } from './report.js';

export interface SignatureCredentials {
  /** ZOOM_MEETING_SDK_SECRET: used to verify, never shown. */
  secret?: string;
  /** ZOOM_MEETING_SDK_KEY: compared with the token's appKey/sdkKey. */
  key?: string;
}

const NOT_A_MEETING_SDK_APP =
  'If Zoom still answers 3712 (signature is invalid), what is left is the key/secret pair itself: it is not a ' +
  "Meeting SDK app's Client ID and Client Secret (most often an OAuth or Server-to-Server OAuth app's).";
const USE_MEETING_SDK_APP =
  'Create or open a Meeting SDK app (Zoom App Marketplace → Develop → Build App → General App / Meeting SDK), copy ' +
  'its Client ID and Client Secret into ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET, and sign again.';

/**
 * Problems the page only warns about (a join may still get through) but the doctor counts as errors: it is run by
 * whoever fixes the signing side, and Zoom documents role as a number.
 */
const DOCTOR_ERRORS: ReadonlySet<string> = new Set(['role-type']);
const isError = (problem: SignatureProblem): boolean => problem.severity === 'error' || DOCTOR_ERRORS.has(problem.code);

const HOST_ROLE: Finding = {
  check: 'host-role',
  mark: Mark.info,
  message: 'This is a role 1 (host) signature: it starts the meeting as its host.',
  hint: "Zoom lets it join as host only together with the host's ZAK (zak); without one the join is refused.",
  steps: [
    "To join as host, pass the meeting host's ZAK as zak next to this signature.",
    'To join as an attendee, sign with role 0 instead.',
  ],
};

export async function diagnoseSignature(
  token: string,
  credentials: SignatureCredentials,
  expected: SignatureExpectations = {},
  title = 'Signature',
): Promise<Section> {
  const jwt = token.trim();
  const inspection = inspectSignature(jwt, expected);
  const findings: Finding[] = inspection.problems.map((problem) => ({
    check: problem.code,
    mark: isError(problem) ? Mark.problem : Mark.warning,
    message: problem.message,
    hint: problem.hint,
    steps: [...problem.steps],
  }));
  const details: Record<string, unknown> = { header: inspection.header, claims: inspection.payload };
  const claimErrors = inspection.problems.some(isError);
  if (inspection.payload && !claimErrors) {
    findings.unshift({
      check: 'claims',
      mark: Mark.ok,
      message: `The claims are what Zoom expects (${describeClaims(inspection.payload)})${inspection.problems.length > 0 ? ', apart from the warnings below' : ''}.`,
    });
  }
  if (!inspection.payload) return { title, findings, details };
  const role = inspection.payload['role'];
  if (role === 1 || role === '1') findings.push(HOST_ROLE);

  const secret = credentials.secret?.trim() ?? '';
  let verified = false;
  if (secret === '') {
    findings.push({
      check: 'secret',
      mark: Mark.info,
      message: 'Not checked against a secret: ZOOM_MEETING_SDK_SECRET is not set.',
      hint: 'Most 3712 answers come from signing with the wrong credentials, which only the secret can show.',
      steps: [
        'Run again with ZOOM_MEETING_SDK_SECRET (and ZOOM_MEETING_SDK_KEY) set as on your signature server; the ' +
          'secret stays on this machine and is never printed.',
      ],
    });
  } else {
    const outcome = await verifyHs256(jwt, secret);
    details['signedWithSecret'] = outcome;
    if (outcome === 'yes') {
      verified = true;
      findings.push({ check: 'secret', mark: Mark.ok, message: 'The token was signed with ZOOM_MEETING_SDK_SECRET.' });
    } else if (outcome === 'no') {
      findings.push({
        check: 'secret',
        mark: Mark.problem,
        message: 'The token was NOT signed with ZOOM_MEETING_SDK_SECRET: its HS256 signature does not match that secret.',
        hint: 'Zoom verifies the token with the secret of the app named in appKey, and answers 3712 when it does not match.',
        steps: [
          'Make the signature server sign with the Client Secret of the Meeting SDK app whose Client ID is in appKey.',
          'If your server reads several environment files, check which secret it really loaded.',
        ],
      });
    } else {
      findings.push({
        check: 'secret',
        mark: Mark.info,
        message: `The HS256 signature could not be checked (${outcome}).`,
      });
    }
  }

  const key = credentials.key?.trim() ?? '';
  if (key !== '') {
    const carried = [inspection.payload['appKey'], inspection.payload['sdkKey']].filter((value) => value !== undefined);
    if (carried.length > 0 && carried.every((value) => value === key)) {
      findings.push({ check: 'key', mark: Mark.ok, message: 'Its appKey/sdkKey is ZOOM_MEETING_SDK_KEY.' });
    } else {
      findings.push({
        check: 'key',
        mark: Mark.problem,
        message: `Its appKey/sdkKey (${carried.map(showValue).join(', ') || 'none'}) is not ZOOM_MEETING_SDK_KEY (${showValue(key)}).`,
        hint: 'Zoom looks up the app by appKey, so the token names a different app than the one you configured.',
        steps: ['Put the Client ID of the same Meeting SDK app whose secret signs the token in appKey (and in sdkKey, if the token has one).'],
      });
    }
  }

  if (verified && !claimErrors && !findings.some((finding) => finding.mark === Mark.problem)) {
    findings.push({
      check: 'still-3712',
      mark: Mark.info,
      message: NOT_A_MEETING_SDK_APP,
      steps: [USE_MEETING_SDK_APP],
    });
  }
  return { title, findings, details };
}

/** 'yes' / 'no', or why it cannot be told (another algorithm, an unreadable token). */
async function verifyHs256(jwt: string, secret: string): Promise<'yes' | 'no' | string> {
  try {
    await compactVerify(jwt, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    return 'yes';
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'no';
    // jose's messages describe the token's form, never the key.
    return error instanceof Error ? error.message : 'unreadable token';
  }
}

function describeClaims(payload: Record<string, unknown>): string {
  return ['appKey', 'mn', 'role', 'iat', 'exp']
    .filter((name) => payload[name] !== undefined)
    .map((name) => `${name} ${showValue(payload[name])}`)
    .join(', ');
}
