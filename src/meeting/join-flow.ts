import { msg } from '@lit/localize';
import type { JoinConfig } from '../config/join-config.js';
import { ZoomJoinError, type SignatureProblem } from '../zoom-join-error.js';
import type { SdkAdapter } from '../sdk/adapter.js';
import { normalizeSdkError } from '../sdk/normalize-error.js';
import { secretsOf } from '../sdk/sdk-module.js';
import { scrubError, secretScrubber } from '../secret-scrub.js';
import { untilAborted } from '../abort.js';
import { checkSignature } from '../signature/check-signature.js';
import { explainSignatureRejection } from '../signature/explain-rejection.js';
import { resolveSignature, type SignatureResult } from '../signature/fetch-signature.js';
import type { ZoomJoinProperties } from '../attributes.js';
import { acquireMeetingLock, meetingOpenInAnotherTabError, type MeetingLock } from './browser-lock.js';
import { zakAndObfTokenError } from './join-errors.js';
import type { JoinPhase } from '../events.js';
import type { JoinTiming } from './join-timing.js';

/** What the element holds as properties only: never attributes, never reflected, rendered or logged. */
type MeetingSecrets = Pick<ZoomJoinProperties, 'signature' | 'zak' | 'tk' | 'obfToken' | 'signatureProvider' | 'signatureRequest'>;

/** The OBF token or ZAK the last signature answer attached, per element: secrets like its own properties. */
const answerTokens = new WeakMap<object, Array<string | undefined>>();

/** What the flow asks of the controller that runs it. */
export interface JoinFlowContext {
  config: JoinConfig;
  secrets: MeetingSecrets;
  allowDuplicate: boolean;
  enforceVirtualBackground: boolean;
  /** The page's options for this view's SDK, checked (see sdk/options/check-options.ts); undefined when none. */
  sdkOptions?: Readonly<Record<string, unknown>>;
  /** Asked of the signature endpoint when set (1: gallery view without SharedArrayBuffer). */
  videoWebRtcMode?: 0 | 1;
  signal: AbortSignal;
  /** Each step is a phase of the join's timing. */
  timing: JoinTiming;
  sdkRoot(): HTMLElement;
  adapterFor(view: JoinConfig['view']): Promise<SdkAdapter>;
  onLock(lock: MeetingLock): void;
  onSignatureWarnings(problems: SignatureProblem[]): void;
  /** The signature is in hand and checked: the SDK is next. `onBehalfOf`: whom an attached OBF token joins for. */
  onSigned(signed: { onBehalfOf?: string }): void;
  /** The step the flow is on, for a join that runs out of time to name. */
  onStep(step: JoinStep): void;
}

/** The steps of a join, worded for the person reading a join-timeout message. */
export const JoinStep = {
  get lock() {
    return msg('checking that the meeting is not open in another tab');
  },
  get signature() {
    return msg('getting and checking the signature');
  },
  get load() {
    return msg('loading the Zoom SDK');
  },
  get init() {
    return msg('starting the Zoom SDK');
  },
  get join() {
    return msg("joining (the SDK asks Zoom's join web service, then the meeting server)");
  },
} as const;
export type JoinStep = (typeof JoinStep)[keyof typeof JoinStep];

/**
 * The steps of one join after the attributes were checked: the browser-wide lock, the signature (fetched and
 * checked in the page), then the SDK's load, init and join. Every failure leaves as a ZoomJoinError; an abort
 * leaves as the signal's reason. Lazily loaded with the rest of the join machinery.
 */
export async function runJoinFlow(context: JoinFlowContext): Promise<void> {
  const { config, secrets, signal } = context;
  const step = (joinStep: JoinStep, phase: JoinPhase): void => {
    context.onStep(joinStep);
    context.timing.begin(phase);
  };
  let signed: SignatureResult | undefined;
  try {
    if (!context.allowDuplicate) {
      step(JoinStep.lock, 'lock');
      // A second tab of this browser joining the same meeting would kick the first one out (3000 / 4008).
      const lock = await acquireMeetingLock(config.meetingNumber, { signal });
      if (!lock) throw meetingOpenInAnotherTabError();
      context.onLock(lock);
    }
    step(JoinStep.signature, 'signature');
    signed = await resolveSignature(
      {
        signature: secrets.signature,
        provider: secrets.signatureProvider,
        endpoint: config.signatureEndpoint,
        request: secrets.signatureRequest,
      },
      {
        meetingNumber: config.meetingNumber,
        role: config.role,
        // These params reach the page's provider and body builder: only what is set.
        ...(context.videoWebRtcMode !== undefined ? { videoWebRtcMode: context.videoWebRtcMode } : {}),
      },
      { signal },
    );
    signal.throwIfAborted();
    // The element's last scrub (scrubJoinError) knows its own properties, not the answer's tokens: kept for it.
    answerTokens.set(secrets, [signed.obfToken, signed.zak]);
    const { signature, sdkKey, serverTime } = signed;
    const warnings = checkSignature(signature, {
      meetingNumber: config.meetingNumber,
      role: config.role,
      sdkKey: sdkKey || undefined,
      serverTime,
    });
    if (warnings.length > 0) context.onSignatureWarnings(warnings);

    context.onSigned(signed.onBehalfOf ? { onBehalfOf: signed.onBehalfOf } : {});
    const adapter = await context.adapterFor(config.view);
    signal.throwIfAborted();
    step(JoinStep.load, 'sdk-load');
    const root = context.sdkRoot();
    await untilAborted(adapter.load({ root, libUrl: config.libUrl }, signal), signal);
    signal.throwIfAborted();
    const initOptions = {
      root,
      libUrl: config.libUrl,
      selfHosted: config.selfHosted,
      language: config.language,
      ...(context.enforceVirtualBackground ? { enforceVirtualBackground: true } : {}),
      ...(context.sdkOptions ? { sdkOptions: context.sdkOptions } : {}),
    };
    step(JoinStep.init, 'init');
    await untilAborted(adapter.init(initOptions, signal), signal);
    signal.throwIfAborted();
    // The init and join options go to the adapter, a public interface: a custom adapter sees only what is set.
    const joinOptions = {
      meetingNumber: config.meetingNumber,
      userName: config.userName,
      signature,
      ...(sdkKey ? { sdkKey } : {}),
      ...(config.userEmail ? { userEmail: config.userEmail } : {}),
      ...(config.passcode ? { passcode: config.passcode } : {}),
      ...tokensFor(signed, secrets),
      ...(secrets.tk ? { tk: secrets.tk } : {}),
    };
    step(JoinStep.join, 'join-request');
    await untilAborted(adapter.join(joinOptions, signal), signal);
    signal.throwIfAborted();
  } catch (raw) {
    signal.throwIfAborted();
    const secretValues = [
      ...secretsOf({
        signature: signed?.signature ?? secrets.signature ?? '',
        zak: secrets.zak,
        tk: secrets.tk,
        obfToken: secrets.obfToken,
        passcode: config.passcode,
      }),
      ...[signed?.zak, signed?.obfToken].filter((value): value is string => Boolean(value)),
    ];
    const error =
      raw instanceof ZoomJoinError ? raw : normalizeSdkError(raw, { view: config.view, stage: 'join', secrets: secretValues });
    // When Zoom refuses the signature, what the in-page check sees in it is part of the answer.
    const explained = signed
      ? explainSignatureRejection(error, {
          signature: signed.signature,
          meetingNumber: config.meetingNumber,
          role: config.role,
          sdkKey: signed.sdkKey || undefined,
          serverTime: signed.serverTime,
        })
      : error;
    // Whatever failed (an adapter, a provider, the SDK) may have quoted a secret or the passcode.
    throw scrubError(explained, secretScrubber(secretValues));
  }
}

/**
 * The OBF token or ZAK to join with: the one the signature's answer attached (fresh for this join, for the signed-in
 * user), else the element's own property. Never both: the SDK refuses a join that carries both.
 */
function tokensFor(signed: SignatureResult, secrets: MeetingSecrets): { zak?: string; obfToken?: string } {
  if (signed.obfToken) return { obfToken: signed.obfToken };
  if (signed.zak) return { zak: signed.zak };
  if (secrets.obfToken && secrets.zak) throw zakAndObfTokenError();
  if (secrets.obfToken) return { obfToken: secrets.obfToken };
  return secrets.zak ? { zak: secrets.zak } : {};
}

/**
 * The error with the element's secret properties and passcode (and JWT-shaped strings, and URL credentials)
 * scrubbed from every text and from its cause: the element's last pass before it shows or emits an error.
 */
export function scrubJoinError(
  error: ZoomJoinError,
  element: MeetingSecrets & { passcode: unknown; password: unknown },
): ZoomJoinError {
  const { signature, zak, tk, obfToken, passcode, password } = element;
  return scrubError(error, secretScrubber([signature, zak, tk, obfToken, passcode, password, ...(answerTokens.get(element) ?? [])]));
}

