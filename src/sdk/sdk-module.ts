
/**
 * The SDK ships CommonJS re-exports of UMD builds. Bundlers hand them over in different wrappers (named export,
 * `default`, `default.default`); this finds the object that actually has the API.
 */
export function unwrapModule<T>(module: unknown, isApi: (candidate: unknown) => candidate is T): T | undefined {
  let candidate: unknown = module;
  for (let depth = 0; depth < 4 && candidate !== null && candidate !== undefined; depth++) {
    if (isApi(candidate)) return candidate;
    candidate = (candidate as { default?: unknown }).default;
  }
  return undefined;
}

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
