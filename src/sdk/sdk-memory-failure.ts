/**
 * The SDK reports its own memory failures through `media-internal-error` with a payload
 * `{message, type: 'video', code}` (read from the 6.2.0 bundles): code 205 `WasmOutOfMemory` ("You're running
 * low on memory…") and 204 `WebGlContextInvalid` (the GPU context was lost, typically under memory pressure).
 * The adapter layer passes such payloads through this and on to `MemoryMonitor.reportSdkOutOfMemory()`.
 */

export interface SdkMemoryFailure {
  sdkCode?: number;
  sdkType?: string;
  message?: string;
}

const memoryCodes: ReadonlyMap<number, string> = new Map([
  [205, 'WasmOutOfMemory'],
  [204, 'WebGlContextInvalid'],
]);
const memoryTypes: ReadonlyMap<string, number> = new Map([...memoryCodes].map(([code, type]) => [type, code]));

function field(payload: object, name: string): unknown {
  return (payload as Record<string, unknown>)[name];
}

/** The failure, when `payload` is one of the SDK's memory errors; null for anything else. */
export function sdkMemoryFailure(payload: unknown): SdkMemoryFailure | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const rawCode = field(payload, 'code') ?? field(payload, 'errorCode');
  const code = typeof rawCode === 'number' ? rawCode : typeof rawCode === 'string' ? Number(rawCode) : NaN;
  const rawType = field(payload, 'type') ?? field(payload, 'reason');
  const namedCode = typeof rawType === 'string' ? memoryTypes.get(rawType) : undefined;
  const sdkCode = memoryCodes.has(code) ? code : namedCode;
  if (sdkCode === undefined) return null;
  const message = field(payload, 'message');
  return {
    sdkCode,
    sdkType: memoryCodes.get(sdkCode)!,
    ...(typeof message === 'string' ? { message } : {}),
  };
}
