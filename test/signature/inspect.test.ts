import { expect } from '@open-wc/testing';
import { fetchSignature } from '../../src/signature/fetch-signature.js';
import { hasErrors, inspectSignature } from '../../src/signature/inspect.js';

// The same checks in the page: no Node Buffer, only atob and TextDecoder. test/node/signature covers every code.

function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

describe('inspectSignature in the browser', () => {
  it('runs without Node globals', () => {
    expect(typeof (globalThis as { Buffer?: unknown }).Buffer).to.equal('undefined');
  });

  it('finds no problem in a signature from the test endpoint', async () => {
    const { signature, sdkKey } = await fetchSignature('/test-endpoint/ok', { meetingNumber: '12345678901', role: 0 });
    const result = inspectSignature(signature, { meetingNumber: '123-4567-8901', role: 0, ...(sdkKey ? { sdkKey } : {}) });
    expect(result.problems).to.deep.equal([]);
    expect(result.header).to.deep.equal({ alg: 'HS256', typ: 'JWT' });
  });

  it('reports what Zoom would reject, with UTF-8 claims decoded', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64url({ alg: 'HS256' })}.${b64url({ name: 'Zoë', mn: '1', role: 0, iat: now - 7300, exp: now - 100 })}.c2ln`;
    const { payload, problems } = inspectSignature(token, { meetingNumber: '2' });
    expect(payload?.['name']).to.equal('Zoë');
    expect(problems.map((problem) => problem.code)).to.deep.equal([
      'missing-app-key',
      'meeting-number-mismatch',
      'expired',
    ]);
    expect(hasErrors(problems)).to.equal(true);
  });

  it('reports malformed strings', () => {
    expect(inspectSignature('<!doctype html>').problems.map((problem) => problem.code)).to.deep.equal(['malformed']);
  });
});
