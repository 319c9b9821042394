/** src/zoom-join.ts imports the type from this path; the parser itself is SDK-layer code, in src/sdk/. */
export type { SdkMemoryFailure } from '../sdk/sdk-memory-failure.js';
