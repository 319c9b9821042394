/** The credentials test/support/reference-server-middleware.mjs signs with at /api/signature (keep in step). */
export const REFERENCE_ENDPOINT = '/api/signature';
export const TEST_SDK_KEY = 'browser-test-sdk-key';
export const TEST_SDK_SECRET = 'browser-test-sdk-secret-0123456789';
