import type { SdkJoinOptions } from './adapter.js';

/** Whether the SDK object has these methods: the SDK's typings are loose, so the adapters check what they call. */
export function hasFunctions(candidate: unknown, names: readonly string[]): boolean {
  if (candidate === null || (typeof candidate !== 'object' && typeof candidate !== 'function')) return false;
  const record = candidate as Record<string, unknown>;
  return names.every((name) => typeof record[name] === 'function');
}

/** The join's secrets and its passcode, so error messages can be scrubbed of them. */
export function secretsOf(options: {
  signature: string;
  zak?: string;
  tk?: string;
  obfToken?: string;
  passcode?: string;
}): string[] {
  return [options.signature, options.zak, options.tk, options.obfToken, options.passcode].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}

/**
 * The SDK's join options for `options`: both views name them alike but for the passcode (`password` in the
 * Component View, `passWord` in the Client View), and only set ones are given — the SDK checks the option names
 * it gets, and an undefined value is not known to it as absent. `sdkKey` is never given: since 4.0 the SDK reads
 * the app from the signature, and both views warn about the option on every join.
 */
export function sdkJoinOptions(options: SdkJoinOptions, passcodeKey: 'password' | 'passWord'): Record<string, string> {
  const joinOptions: Record<string, string> = {
    signature: options.signature,
    meetingNumber: options.meetingNumber,
    userName: options.userName,
    [passcodeKey]: options.passcode ?? '',
  };
  for (const name of ['userEmail', 'zak', 'tk', 'obfToken'] as const) {
    const value = options[name];
    if (value) joinOptions[name] = value;
  }
  return joinOptions;
}
