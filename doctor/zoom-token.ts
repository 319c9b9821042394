/**
 * `zoom-join doctor --token <OBF token or ZAK>`: what can be read from such a token offline. Zoom signs them with
 * its own key, so nothing here can say a token is genuine; it can say what kind it looks like, whether it has
 * expired, and which meeting an OBF token names. The token itself is never printed, nor its signature part.
 *
 * Zoom documents how to get the tokens and that they last 2 hours unless a ttl is asked
 * (https://developers.zoom.us/docs/meeting-sdk/auth/obf/, https://developers.zoom.us/docs/meeting-sdk/auth/zak/),
 * not what they carry. So the kind is told only from claims that say it, and from the shapes of the two tokens
 * most often pasted by mistake: a Meeting SDK signature and a Zoom OAuth token (the claims of Zoom's example in
 * its Postman collection: tokenType "access_token" / "refresh_token", aud https://oauth.zoom.us).
 */
import { Mark, type Finding, type Section } from './report.js';

export interface ZoomTokenExpectations {
  /** The meeting the OBF token is meant for (digits). */
  meetingNumber?: string;
}

type Kind = 'obf' | 'zak' | 'meeting-sdk-signature' | 'oauth-access-token' | 'oauth-refresh-token' | 'unknown';

const TITLE = 'OBF token / ZAK';
const FETCH_OBF = 'GET https://api.zoom.us/v2/users/me/token?type=onbehalf&meeting_id=<meeting number>';
const FETCH_ZAK = 'GET https://api.zoom.us/v2/users/me/token?type=zak';
/** Below this a join started now may not reach Zoom before the token ends. */
const SHORT_SECONDS = 60;

function decodePart(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(claims: Record<string, unknown>): Kind {
  const named = [claims['token_type'], claims['tokenType'], claims['type']].find((value) => typeof value === 'string');
  if (named === 'zak') return 'zak';
  if (named === 'onbehalf' || named === 'obf') return 'obf';
  if (named === 'access_token') return 'oauth-access-token';
  if (named === 'refresh_token') return 'oauth-refresh-token';
  if ((claims['appKey'] !== undefined || claims['sdkKey'] !== undefined) && claims['mn'] !== undefined) return 'meeting-sdk-signature';
  return 'unknown';
}

/** "1 h 59 min", "3 min", "42 s": for a person, not a script. */
export function spell(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function diagnoseZoomToken(input: string, expected: ZoomTokenExpectations = {}, now = Date.now()): Section {
  const token = input.trim();
  const parts = token.split('.');
  const header = parts.length === 3 ? decodePart(parts[0] ?? '') : undefined;
  const claims = parts.length === 3 ? decodePart(parts[1] ?? '') : undefined;
  if (!header || !claims) {
    return {
      title: TITLE,
      findings: [
        {
          check: 'not-jwt',
          mark: Mark.problem,
          message:
            token === ''
              ? 'No token was given.'
              : `This is not a JWT-shaped token (three base64url parts joined by dots, the first two JSON), so it is not an OBF token or ZAK from Zoom (${token.length} characters, ${parts.length} part${parts.length === 1 ? '' : 's'}).`,
          hint: 'Zoom answers the token request with {"token": "…"}; only the value of "token" is the OBF token or ZAK.',
          steps: [
            'Pass the value of "token" from the answer, without quotes or the JSON around it.',
            `Get one with the signed-in user's access token: ${FETCH_OBF} (or ${FETCH_ZAK}).`,
          ],
        },
      ],
    };
  }

  const findings: Finding[] = [];
  const kind = kindOf(claims);
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  const meetingNumber = ['mn', 'meeting_number', 'meetingNumber'].map((name) => claims[name]).find((value) => typeof value === 'string' || typeof value === 'number');
  const details: Record<string, unknown> = {
    kind,
    alg: header['alg'],
    claimNames: Object.keys(claims).sort(),
    ...(exp !== undefined ? { exp, expiresAt: new Date(exp * 1000).toISOString() } : {}),
    ...(meetingNumber !== undefined ? { meetingNumber: String(meetingNumber) } : {}),
  };

  switch (kind) {
    case 'obf':
      findings.push({ check: 'kind', mark: Mark.ok, message: 'It says it is an OBF (on behalf of) token.' });
      break;
    case 'zak':
      findings.push({ check: 'kind', mark: Mark.ok, message: 'It says it is a ZAK (Zoom Access Key): the SDK joins as that Zoom user.' });
      break;
    case 'meeting-sdk-signature':
      findings.push({
        check: 'kind',
        mark: Mark.problem,
        message: 'This is a Meeting SDK signature (it has appKey/sdkKey and mn), not an OBF token or ZAK.',
        hint: 'The join needs both: the signature your server signs, and the OBF token or ZAK Zoom gives for the signed-in user.',
        steps: ['Check the signature with zoom-join doctor <signature>.', `Get the OBF token with ${FETCH_OBF}.`],
      });
      break;
    case 'oauth-access-token':
    case 'oauth-refresh-token':
      findings.push({
        check: 'kind',
        mark: Mark.problem,
        message: `This is the Zoom OAuth ${kind === 'oauth-access-token' ? 'access' : 'refresh'} token of a signed-in user, not an OBF token or ZAK.`,
        hint: 'The OAuth token only lets your server ask Zoom for the OBF token or ZAK; the Meeting SDK does not take it. Keep it on the server.',
        steps: [`Send it as "Authorization: Bearer …" to ${FETCH_OBF} and pass the answer's "token" to the SDK.`],
      });
      break;
    case 'unknown':
      findings.push({
        check: 'kind',
        mark: Mark.info,
        message: "Its kind cannot be told: no claim names it, and Zoom does not document what its OBF tokens and ZAKs carry.",
        hint: 'The expiry below still applies if it has one.',
      });
      break;
  }

  if (exp === undefined) {
    findings.push({
      check: 'exp',
      mark: Mark.warning,
      message: 'It has no numeric exp claim, so when it ends cannot be told.',
    });
  } else {
    const left = exp - now / 1000;
    const at = new Date(exp * 1000).toISOString();
    const refetch = `Ask Zoom for a new one right before the join (${kind === 'zak' ? FETCH_ZAK : FETCH_OBF}); they last 2 hours unless a ttl is asked.`;
    if (left <= 0) {
      findings.push({
        check: 'exp',
        mark: Mark.problem,
        message: `It expired ${spell(left)} ago (${at}).`,
        hint: 'Zoom refuses a join with an expired token.',
        steps: [refetch],
      });
    } else if (left < SHORT_SECONDS) {
      findings.push({
        check: 'exp',
        mark: Mark.warning,
        message: `It expires in ${spell(left)} (${at}): a join started now may not reach Zoom in time.`,
        steps: [refetch],
      });
    } else {
      findings.push({ check: 'exp', mark: Mark.ok, message: `It expires in ${spell(left)} (${at}).` });
    }
  }

  if (kind === 'obf' || kind === 'unknown') {
    const wanted = expected.meetingNumber?.replace(/[\s-]/g, '');
    if (meetingNumber !== undefined) {
      const carried = String(meetingNumber);
      if (wanted !== undefined && wanted !== carried) {
        findings.push({
          check: 'meeting-number',
          mark: Mark.problem,
          message: `It is for meeting ${carried}, not ${wanted}.`,
          steps: [`Ask for an OBF token for meeting ${wanted}: ${FETCH_OBF.replace('<meeting number>', wanted)}.`],
        });
      } else {
        findings.push({ check: 'meeting-number', mark: Mark.ok, message: `It is for meeting ${carried}.` });
      }
    } else if (kind === 'obf') {
      findings.push({ check: 'meeting-number', mark: Mark.info, message: 'It names no meeting number, so it cannot be matched with a meeting here.' });
    }
  }

  if (kind === 'obf') {
    findings.push({
      check: 'obf-owner',
      mark: Mark.info,
      message: 'An OBF token is used once, and works only while the Zoom user it belongs to is in the meeting.',
      hint: 'https://developers.zoom.us/docs/meeting-sdk/obf-faq/: "that user must already be in the meeting for the join to succeed."',
    });
  }
  return { title: TITLE, findings, details };
}
