import { msg, str } from '@lit/localize';
import { ErrorCategory, ZoomJoinError, type ErrorAdvice, type SdkView, type ZoomJoinErrorCode } from '../zoom-join-error.js';
import type { Rule, ZoomJoinProperties } from '../attributes.js';
import { withoutUserinfo } from '../safe-text.js';
import { cdnSdkVersion, isSupportedSdkVersion, sdkCdnLibUrl, usableSdkVersion, SDK_VERSION, SDK_VERSION_RANGE } from '../sdk/version.js';
import { resolveView, type DeviceNavigator } from '../device/device-kind.js';
import { DEFAULT_SDK_LANGUAGE, SDK_LANGUAGES, sdkLanguageOf } from '../sdk/languages.js';

/** What the element's attributes say, checked and normalised before anything is fetched or loaded. */
export interface JoinConfig {
  meetingNumber: string;
  userName: string;
  userEmail?: string;
  passcode?: string;
  role: 0 | 1;
  view: SdkView;
  language: string;
  /** Absolute `dist/lib` URL without trailing slash. */
  libUrl: string;
  selfHosted: boolean;
  signatureEndpoint?: string;
}

/** A bad attribute: a stable title, the value in the message, the cause and the fix in `advice`. */
function configError(code: ZoomJoinErrorCode, title: string, message: string, advice: ErrorAdvice): ZoomJoinError {
  const { hint, steps } = advice;
  return new ZoomJoinError({ code, category: ErrorCategory.config, title, message, hint, steps });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** People paste "123 4567 8901" or "123-4567-8901"; Zoom wants the digits. */
export function normalizeMeetingNumber(value: unknown): string {
  return text(value).replace(/[\s-]+/g, '');
}

function parseRole(value: unknown): 0 | 1 | undefined {
  if (value === 0 || value === '0' || value === '' || value === undefined || value === null) return 0;
  if (value === 1 || value === '1') return 1;
  return undefined;
}

function parseHttpUrl(value: string, baseUrl: string): URL | undefined {
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** What readJoinConfig() reads: the element's join attributes as given (from script they may be anything). */
export type JoinInputs = Pick<
  ZoomJoinProperties,
  'meetingNumber' | 'userName' | 'userEmail' | 'passcode' | 'password' | 'meetingRole' | 'view' | 'assetPath' | 'signatureEndpoint'
> & Partial<Pick<ZoomJoinProperties, 'sdkVersion'>> & { lang: string; getAttribute?(name: string): string | null };

/**
 * The join attributes checked and normalised, or the config error that names the first bad one. `baseUrl` resolves
 * relative URLs (the page's base URI); `nav` stands in for the device `view="auto"` decides for (tests).
 */
export function readJoinConfig(inputs: JoinInputs, baseUrl: string, nav?: DeviceNavigator): JoinConfig | ZoomJoinError {
  const rawMeetingNumber = text(inputs.meetingNumber);
  if (!rawMeetingNumber) {
    return configError(
      'meeting-number-missing',
      msg('No meeting number'),
      msg('No meeting number was given.'),
      {
        hint: msg('The element has no meeting number, so it does not know which meeting to join.'),
        steps: [msg('Set the meeting-number attribute to the 9–11 digit ID of the meeting (spaces and dashes are fine).')],
      },
    );
  }
  const meetingNumber = normalizeMeetingNumber(rawMeetingNumber);
  // Zoom's meeting IDs are integers, so they never start with 0 (the signature server refuses those too).
  if (!/^[1-9][0-9]{8,10}$/.test(meetingNumber)) {
    return configError(
      'meeting-number-invalid',
      msg('The meeting number is not valid'),
      msg(str`The meeting number "${rawMeetingNumber.slice(0, 40)}" is not 9–11 digits starting with 1–9.`),
      {
        hint: msg('A meeting number is the numeric meeting ID of 9–11 digits, never starting with 0, and this value is not one.'),
        steps: [
          msg('Use the numeric meeting ID from the invitation (for example 123 4567 8901).'),
          msg('Do not use the join link or the passcode.'),
        ],
      },
    );
  }

  const userName = text(inputs.userName);
  if (!userName) {
    return configError(
      'user-name-missing',
      msg('No user name'),
      msg('No user name was given.'),
      {
        hint: msg('The element has no user name, and Zoom needs one to show to the other participants.'),
        steps: [msg('Set the user-name attribute.')],
      },
    );
  }

  const userEmail = text(inputs.userEmail);
  if (userEmail && !/^[^\s@]+@[^\s@]+$/.test(userEmail)) {
    return configError(
      'user-email-invalid',
      msg('The email address is invalid'),
      msg('The user-email attribute is not an email address.'),
      {
        hint: msg('The user-email attribute holds something other than an email address.'),
        steps: [
          msg('Give an address like name@example.com.'),
          msg('Or remove the attribute: it is only needed for webinars and registration.'),
        ],
      },
    );
  }

  // role="0"/"1" was this attribute's name once; it is ARIA's, and guessing which role was meant could make a host
  // join as an attendee.
  const ariaRole = inputs.getAttribute?.('role');
  if ((ariaRole === '0' || ariaRole === '1') && inputs.getAttribute?.('meeting-role') === null) {
    return configError(
      'role-invalid',
      msg('The meeting role is set as role'),
      msg(str`role="${ariaRole}" is ARIA's attribute, not the meeting role.`),
      {
        hint: msg('The meeting role (0 attendee, 1 host) is the meeting-role attribute; role is read by assistive technology, for which "0" and "1" mean nothing.'),
        steps: [msg(str`Write meeting-role="${ariaRole}" instead of role="${ariaRole}".`)],
      },
    );
  }
  const role = parseRole(inputs.meetingRole);
  if (role === undefined) {
    return configError(
      'role-invalid',
      msg('The meeting role is not 0 or 1'),
      msg(str`The meeting role "${text(inputs.meetingRole).slice(0, 20)}" is not 0 or 1.`),
      {
        hint: msg('The meeting-role attribute must be 0 (attendee) or 1 (host), and it is something else.'),
        steps: [msg('Use meeting-role="0" to join as an attendee, or meeting-role="1" to start as the host (which also needs a ZAK).')],
      },
    );
  }

  const viewText = text(inputs.view) || 'auto';
  if (viewText !== 'auto' && viewText !== 'component' && viewText !== 'client') {
    return configError(
      'view-invalid',
      msg('Unknown view'),
      msg(str`The view "${viewText.slice(0, 20)}" is not one the SDK has.`),
      {
        hint: msg('The SDK has two views, component and client, and the view attribute names neither (nor auto, which picks one per device).'),
        steps: [
          msg("Remove the view attribute (or write view=\"auto\") for the view Zoom supports on each device, or use view=\"component\" (the meeting inside the element) or view=\"client\" (Zoom's full-page Client View)."),
        ],
      },
    );
  }
  const view = resolveView(viewText, nav);

  const assetPath = text(inputs.assetPath);
  // An unusable sdk-version was reported as a warning (attributeWarnings) and counts as unset.
  let libUrl = sdkCdnLibUrl(usableSdkVersion(inputs.sdkVersion) ?? SDK_VERSION);
  if (assetPath) {
    // The SDK silently ignores relative asset paths and falls back to Zoom's CDN, so resolve them here.
    const url = parseHttpUrl(assetPath, baseUrl);
    if (!url) {
      return configError(
        'asset-path-invalid',
        msg('The asset path is not a URL'),
        msg(str`The asset-path "${withoutUserinfo(assetPath).slice(0, 80)}" is not an http(s) URL.`),
        {
          hint: msg("The asset-path attribute is not an http(s) URL, so the SDK's files cannot be fetched from it."),
          steps: [
            msg('Point asset-path at the folder where @zoom/meetingsdk/dist/lib is served (it holds av/, lang/, …), for example /zoom/lib.'),
          ],
        },
      );
    }
    libUrl = url.href.replace(/\/+$/, '');
  }

  const endpointText = text(inputs.signatureEndpoint);
  let signatureEndpoint: string | undefined;
  if (endpointText) {
    const url = parseHttpUrl(endpointText, baseUrl);
    if (!url) {
      return configError(
        'signature-endpoint-invalid',
        msg('The signature endpoint is not a URL'),
        // Without credentials and query string: both may carry secrets.
        msg(str`The signature-endpoint "${withoutUserinfo(endpointText).split('?')[0]!.slice(0, 80)}" is not an http(s) URL.`),
        {
          hint: msg('The signature-endpoint attribute is not an http(s) URL, so no signature can be requested from it.'),
          steps: [
            msg('Point signature-endpoint at your signature server, for example /api/signature or https://auth.example.com/.'),
          ],
        },
      );
    }
    signatureEndpoint = url.href;
  }

  const passcode = text(inputs.passcode || inputs.password);
  return {
    meetingNumber,
    userName,
    role,
    view,
    language: sdkLanguageOf(text(inputs.lang)) ?? DEFAULT_SDK_LANGUAGE,
    libUrl,
    selfHosted: cdnSdkVersion(libUrl) === undefined,
    userEmail: userEmail || undefined,
    passcode: passcode || undefined,
    signatureEndpoint,
  };
}

/**
 * The `zoom-warning` for each tuning attribute the element cannot use (see unusableAttributes()), quoting the
 * attribute as written when there is one. These never stop a join: the value falls back to its default.
 */
export function attributeWarnings(
  element: Pick<Element, 'getAttribute'> & { sdkVersion?: unknown },
  unusable: Array<{ rule: Rule<unknown>; value: unknown }>,
): Array<{ code: 'attribute-invalid'; message: string }> {
  const lang = element.getAttribute('lang')?.trim();
  const langWarning =
    lang && !sdkLanguageOf(lang)
      ? [
          {
            code: 'attribute-invalid' as const,
            message:
              msg(str`lang="${lang.slice(0, 40)}" is not a language the Zoom SDK has (${SDK_LANGUAGES.join(', ')}); using ${DEFAULT_SDK_LANGUAGE}.`),
          },
        ]
      : [];
  // Checked here, in the join's lazy code, rather than in the attribute table: the range stays out of the first load.
  // The property, so a value set from script is checked as the attribute is (the property reflects no attribute).
  const sdkVersion = text(element.sdkVersion);
  const versionWarning =
    sdkVersion && !isSupportedSdkVersion(sdkVersion)
      ? [
          {
            code: 'attribute-invalid' as const,
            message: msg(
              str`sdk-version="${sdkVersion.slice(0, 40)}" is not a @zoom/meetingsdk version of ${SDK_VERSION_RANGE}, such as ${SDK_VERSION}; using the version served at asset-path (on Zoom's CDN, ${SDK_VERSION}).`,
            ),
          },
        ]
      : [];
  return [...langWarning, ...versionWarning, ...unusable.map(({ rule, value }) => {
    const { words, unit, zero, none } = rule;
    const written = (rule.attribute ? element.getAttribute(rule.attribute) : null) ?? String(value);
    const expected = words
      ? msg(str`${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`)
      : zero
        ? msg(str`a number of ${unit!()}, 0 ${zero()}`)
        : msg(str`a number of ${unit!()} above 0`);
    return {
      code: 'attribute-invalid' as const,
      message: msg(str`${String(rule.attribute)}="${written.slice(0, 40)}" is not ${expected}; using ${none?.() ?? String(rule.initial)}.`),
    };
  })];
}
