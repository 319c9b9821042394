import * as v from 'valibot';
import {
  EXPIRATION_RULE,
  MAX_EXPIRATION_SECONDS,
  expirationRule,
  MEETING_NUMBER_RULE,
  MIN_EXPIRATION_SECONDS,
  normalizeMeetingNumber,
  type SignatureRole,
} from './signature-rules.js';

/** A valid request body after normalization: `meetingNumber` is digits only, `role` a number. */
export interface SignatureRequestParams {
  meetingNumber: string;
  role: SignatureRole;
  expirationSeconds?: number;
  videoWebRtcMode?: 0 | 1;
}

const FIELD_RULES = {
  meetingNumber: MEETING_NUMBER_RULE,
  role: 'role must be 0 or 1 (the number, or the string "0" or "1")',
  expirationSeconds: EXPIRATION_RULE,
  videoWebRtcMode: 'videoWebRtcMode must be the number 0 or 1',
} as const;
type Field = keyof typeof FIELD_RULES;

const meetingNumberSchema = v.pipe(
  v.union([v.string(), v.number()]),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const digits = normalizeMeetingNumber(dataset.value);
    if (digits !== undefined) return digits;
    addIssue({ message: FIELD_RULES.meetingNumber });
    return NEVER;
  }),
);

// Strings are accepted because Zoom's own sample clients send role from form fields; exactly "0" or "1" only, so
// " 1" or "1abc" never become a host signature through lenient number parsing.
const roleSchema = v.union([
  v.picklist([0, 1]),
  v.pipe(
    v.picklist(['0', '1']),
    v.transform((text): SignatureRole => (text === '1' ? 1 : 0)),
  ),
]);

// Unknown members are dropped rather than refused, so clients built for Zoom's sample (which send extra fields)
// keep working.
const requestSchema = v.object({
  meetingNumber: meetingNumberSchema,
  role: roleSchema,
  expirationSeconds: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(MIN_EXPIRATION_SECONDS), v.maxValue(MAX_EXPIRATION_SECONDS)),
  ),
  videoWebRtcMode: v.optional(v.picklist([0, 1])),
});

export type RequestValidation =
  | { ok: true; params: SignatureRequestParams }
  | { ok: false; field: Field; message: string };

/**
 * `numberSources` is the source text of top-level number members (see `topLevelNumberSources`): a meeting number
 * written with a fraction or exponent is refused even when its value happens to be a whole number.
 */
export function validateSignatureRequest(
  body: Record<string, unknown>,
  numberSources: ReadonlyMap<string, string> = new Map(),
  maxExpirationSeconds: number = MAX_EXPIRATION_SECONDS,
): RequestValidation {
  const meetingNumberSource = numberSources.get('meetingNumber');
  if (meetingNumberSource !== undefined && !/^[0-9]+$/.test(meetingNumberSource)) {
    return fieldError('meetingNumber');
  }
  const result = v.safeParse(requestSchema, body);
  if (result.success) {
    const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = result.output;
    if (expirationSeconds !== undefined && expirationSeconds > maxExpirationSeconds) {
      return { ok: false, field: 'expirationSeconds', message: expirationRule(maxExpirationSeconds) };
    }
    const params: SignatureRequestParams = { meetingNumber, role: role === 1 ? 1 : 0 };
    if (expirationSeconds !== undefined) params.expirationSeconds = expirationSeconds;
    if (videoWebRtcMode !== undefined) params.videoWebRtcMode = videoWebRtcMode;
    return { ok: true, params };
  }
  const key = result.issues[0].path?.[0]?.key;
  if (key === 'expirationSeconds') return { ok: false, field: key, message: expirationRule(maxExpirationSeconds) };
  return fieldError(isField(key) ? key : 'meetingNumber');
}

function fieldError(field: Field): RequestValidation {
  return { ok: false, field, message: FIELD_RULES[field] };
}

function isField(key: unknown): key is Field {
  return typeof key === 'string' && Object.hasOwn(FIELD_RULES, key);
}
