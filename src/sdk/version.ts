/** The SDK version this library is built and tested against (the peer dependency's exact version). */
export const SDK_VERSION = '6.2.0';

/** Zoom's CDN folder for that version's `dist/lib`; used when no `asset-path` is given. */
export const SDK_CDN_LIB_URL = `https://source.zoom.us/${SDK_VERSION}/lib`;
