import { msg } from '@lit/localize';
import { ErrorCategory } from '../zoom-join-error.js';
import { zoomMeetingServerErrors } from './zoom-meeting-server.js';
import { sdkOwnErrors } from './sdk-own-codes.js';
import { zoomJoinCheckErrors } from './zoom-join-check.js';
import type { SdkStage, ZoomErrorEntry } from './types.js';
import { zoomWebServiceErrors } from './zoom-web-service.js';

/**
 * Failures the SDK reports by text rather than by number (plain `Error`s thrown in join/init, Client View
 * `errorMessage`s, Component View reasons), or whose number is too vague (-1, 200, 4003, 5013) to say what to fix.
 */
export interface SdkMessageRule {
  /** Tested against an error's message, or the SDK's reason / errorMessage / result text. */
  readonly pattern: RegExp;
  /** Only for thrown values with one of these names: a TypeError or SyntaxError means nothing by its text alone. */
  readonly errorNames?: readonly string[];
  /** Only at these stages: during join the SDK parses the signature, elsewhere the same TypeError is something else. */
  readonly stages?: readonly SdkStage[];
  readonly entry: ZoomErrorEntry;
}

const signatureMalformed: ZoomErrorEntry = {
  code: 'signature-malformed',
  category: ErrorCategory.signature,
  get title() {
    return msg('The signature is not a JWT');
  },
  get hint() {
    return msg('The SDK decodes the signature in the page as a JWT (three base64url parts joined by dots, header.payload.signature, with a JSON payload), and this value is not one.');
  },
  get steps() {
    return [
      msg('Pass the token your signing endpoint returns, not the Client Secret, an empty value, or a JSON wrapper around it.'),
      msg('Remove quotes and whitespace around the token.'),
    ];
  },
  retryable: false,
};

const signatureMissing: ZoomErrorEntry = {
  code: 'signature-missing',
  category: ErrorCategory.signature,
  get title() {
    return msg('No signature (or no app key) reached the SDK');
  },
  get hint() {
    return msg('No signature, or one without appKey, reached the SDK.');
  },
  get steps() {
    return [
      msg('Pass the JWT from your signing endpoint as signature.'),
      msg('Make sure its payload carries appKey (the Client ID).'),
    ];
  },
  retryable: false,
};

/** Ordered: the first match wins, so narrow rules come before broad ones. */
export const sdkMessageRules: readonly SdkMessageRule[] = [
  {
    pattern: /zoomAppRoot (?:cannot be falsy|must be defined)/i,
    entry: {
      code: 'app-root-missing',
      category: ErrorCategory.config,
      get title() {
        return msg('No element to render the meeting in (zoomAppRoot)');
      },
      get hint() {
        return msg('init() got no zoomAppRoot element to render the meeting in, and the SDK needs one in the light DOM because it injects its styles into document.head (an element inside a shadow root renders unstyled).');
      },
      get steps() {
        return [
          msg('Pass zoomAppRoot to init(): an HTMLElement that exists before init and join.'),
          msg('Keep that element in the light DOM, outside any shadow root.'),
        ];
      },
      retryable: false,
    },
  },
  {
    pattern: /appKey can not empty in the signature|please (?:check your signature and )?(?:please )?add appKey/i,
    entry: {
      code: 'signature-app-key-missing',
      category: ErrorCategory.signature,
      get title() {
        return msg('The signature has no appKey');
      },
      get hint() {
        return msg("The signature's payload carries neither appKey nor sdkKey, so the SDK cannot tell which app signed it.");
      },
      get steps() {
        return [msg("Sign with appKey set to the Meeting SDK app's Client ID (no sdkKey: the SDK warns about it).")];
      },
      retryable: false,
    },
  },
  {
    pattern: /JWT App type API Key|apiKey\) is no longer available/i,
    entry: {
      code: 'jwt-app-key-unsupported',
      category: ErrorCategory.signature,
      get title() {
        return msg('JWT-app API keys are no longer accepted');
      },
      get hint() {
        return msg('API keys of the retired JWT app type are no longer accepted.');
      },
      get steps() {
        return [
          msg('Remove apiKey from the join options.'),
          msg("Sign with a Meeting SDK app's Client ID and Client Secret (https://developers.zoom.us/docs/meeting-sdk/auth/)."),
        ];
      },
      retryable: false,
    },
  },
  {
    pattern: /user ?name cannot be empty|userName length > 128/i,
    entry: {
      code: 'user-name-invalid',
      category: ErrorCategory.config,
      get title() {
        return msg('The display name is empty or too long');
      },
      get hint() {
        return msg('The display name (userName) is empty or longer than 128 characters.');
      },
      get steps() {
        return [msg('Pass userName: the name shown to others, 1–128 characters.')];
      },
      retryable: false,
    },
  },
  {
    pattern: /zak and obfToken are mutually exclusive|both obfToken and zak|obfToken and zak cannot be used/i,
    entry: zoomWebServiceErrors[3636],
  },
  { pattern: /Invalid apiKey\/sdkKey and\/or signature|signature length error/i, entry: signatureMissing },
  { pattern: /base64 string is not of the correct length/i, entry: signatureMalformed },
  // The Component View runs `signature.split('.')[1].replace(…)`: a value without dots throws here, worded per engine.
  { pattern: /\b(?:replace|split)\b/, errorNames: ['TypeError'], stages: ['join'], entry: signatureMalformed },
  // …then window.atob, decodeURIComponent and JSON.parse on the payload part.
  {
    pattern: /atob|correctly encoded|invalid character/i,
    errorNames: ['InvalidCharacterError'],
    stages: ['join'],
    entry: signatureMalformed,
  },
  {
    pattern: /JSON|Unexpected token|Unexpected end/i,
    errorNames: ['SyntaxError'],
    stages: ['join'],
    entry: signatureMalformed,
  },
  { pattern: /URI/i, errorNames: ['URIError'], stages: ['join'], entry: signatureMalformed },
  { pattern: /meetingNumber length > 12/i, entry: zoomJoinCheckErrors[3703] },
  {
    pattern: /password length > 32/i,
    entry: {
      code: 'passcode-invalid',
      category: ErrorCategory.config,
      get title() {
        return msg('The passcode is too long');
      },
      get hint() {
        return msg('Meeting passcodes are at most 32 characters, and this one is longer.');
      },
      get steps() {
        return [msg('Pass the passcode from the invitation, not a join URL.')];
      },
      retryable: false,
    },
  },
  {
    pattern: /userEmail length > 100|is an invalid address/i,
    entry: {
      code: 'user-email-invalid',
      category: ErrorCategory.config,
      get title() {
        return msg('The email address is invalid');
      },
      get hint() {
        return msg('userEmail is not a valid address of at most 100 characters.');
      },
      get steps() {
        return [msg('Pass a valid address of at most 100 characters as userEmail, or leave it out.')];
      },
      retryable: false,
    },
  },
  {
    pattern: /participantId length > 36/i,
    entry: {
      code: 'participant-id-invalid',
      category: ErrorCategory.config,
      get title() {
        return msg('The participant ID is too long');
      },
      get hint() {
        return msg('participantId (customerKey) is longer than its limit of 36 characters.');
      },
      get steps() {
        return [msg('Pass a participantId of at most 36 characters.')];
      },
      retryable: false,
    },
  },
  {
    pattern: /contains a <\/script> or <script>/i,
    entry: {
      code: 'join-parameter-unsafe',
      category: ErrorCategory.config,
      get title() {
        return msg('A join parameter contains a script tag');
      },
      get hint() {
        return msg('The Client View refuses values containing <script> or </script>.');
      },
      get steps() {
        return [msg('Strip <script> and </script> from names and emails.')];
      },
      retryable: false,
    },
  },
  { pattern: /Join parameters: .* are invalid!/i, entry: sdkOwnErrors[3] },
  { pattern: /Supported Browsers:/i, entry: sdkOwnErrors[5000] },
  {
    pattern: /enough available storage space/i,
    entry: {
      code: 'storage-full',
      category: ErrorCategory.browser,
      get title() {
        return msg('The browser has too little storage left');
      },
      get hint() {
        return msg('The Client View caches its media files and needs some free storage, which this browser lacks.');
      },
      get steps() {
        return [msg('Free disk space.'), msg("Clear this site's data."), msg('Leave private mode.')];
      },
      retryable: false,
    },
  },
  { pattern: /^connection error$/i, entry: sdkOwnErrors['-3000'] },
  {
    pattern: /^rejoin_timeout$/,
    entry: {
      code: 'rejoin-timeout',
      category: ErrorCategory.network,
      get title() {
        return msg('Reconnecting to the meeting timed out');
      },
      get hint() {
        return msg('The connection dropped and the SDK could not get back into the meeting in time.');
      },
      get steps() {
        return [msg('Check the network.'), msg('Join again.')];
      },
      retryable: true,
    },
  },
  { pattern: /^(?:kicked|expeled) by host$|^user has been removed$/i, entry: zoomWebServiceErrors[3009] },
  { pattern: /^ended by host$|^meeting ended$/i, entry: zoomMeetingServerErrors[4004] },
];

/** The first rule that recognises `text`; `errorName` is set only for thrown values. */
export function matchSdkMessage(
  text: string,
  stage: SdkStage,
  errorName?: string,
): ZoomErrorEntry | undefined {
  for (const rule of sdkMessageRules) {
    if (rule.errorNames !== undefined && (errorName === undefined || !rule.errorNames.includes(errorName))) continue;
    if (rule.stages !== undefined && !rule.stages.includes(stage)) continue;
    if (rule.pattern.test(text)) return rule.entry;
  }
  return undefined;
}
